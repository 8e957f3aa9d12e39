import type { MigrationInterface, QueryRunner } from 'typeorm';

const SCORES = Array.from({ length: 11 }, (_, s) => `s${s}`).join(', ');
const SCORE_COUNTS = Array.from({ length: 11 }, (_, s) => `count(*) FILTER (WHERE n.score = ${s})`).join(', ');
const SCORE_SUMS = Array.from({ length: 11 }, (_, s) => `sum(s${s})`).join(', ');
const KEY = 'organization_id, audience, wave_id, grain, period, dim, dim_value';

/** Day rows of a set of answers `n` (organization_id, audience, wave_id, day, score) under `dims`. */
const dayRows = (source: string, dims: string) => `
  INSERT INTO nps_rollup (${KEY}, ${SCORES}, shard)
  SELECT n.organization_id, n.audience, n.wave_id, 'D', n.day, d.dim, d.dim_value, ${SCORE_COUNTS}, 0
    FROM ${source} n CROSS JOIN LATERAL (${dims}) AS d(dim, dim_value)
   GROUP BY 1, 2, 3, 5, 6, 7`;

const RESPONSE_DIMS = `
  SELECT '', '' UNION ALL
  SELECT 'org_unit', coalesce(n.org_unit_id::text, '') UNION ALL
  SELECT 'owner', coalesce(n.owner_id::text, '') UNION ALL
  SELECT 'seg:' || s.key, s.value FROM jsonb_each_text(n.segments) AS s`;
const EMPLOYEE_DIMS = `
  SELECT '', '' UNION ALL
  SELECT 'org_unit', coalesce(n.org_unit_id::text, '') UNION ALL
  SELECT 'seg:location', coalesce(n.location, '') UNION ALL
  SELECT 'seg:tenure_band', coalesce(n.tenure_band, '')`;

/**
 * A faster nps_rollup_rebuild (the benchmark's bulk load calls it for a million answers): the day
 * rows are counted from the answers once, and the month rows summed from the day rows — instead of
 * every answer being counted twice, once per grain — with plain inserts into the emptied rows
 * (one shard; no conflicts to resolve). Same rows as before, as the rollup tests check.
 */
export class RollupRebuild1764900000000 implements MigrationInterface {
  name = 'RollupRebuild1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION nps_rollup_rebuild(org uuid) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM nps_rollup WHERE organization_id = org;
        ${dayRows(`(SELECT organization_id, audience, wave_id, (submitted_at AT TIME ZONE 'UTC')::date AS day, score, org_unit_id, owner_id, segments
                      FROM responses WHERE organization_id = org)`, RESPONSE_DIMS)};
        ${dayRows(`(SELECT organization_id, 'EMPLOYEE'::text AS audience, wave_id, answered_on AS day, score, org_unit_id, location, tenure_band
                      FROM employee_answers WHERE organization_id = org)`, EMPLOYEE_DIMS)};
        INSERT INTO nps_rollup (${KEY}, ${SCORES}, shard)
        SELECT organization_id, audience, wave_id, 'M', date_trunc('month', period)::date, dim, dim_value, ${SCORE_SUMS}, 0
          FROM nps_rollup WHERE organization_id = org AND grain = 'D'
         GROUP BY 1, 2, 3, 5, 6, 7;
      END $$`);
  }

  async down(): Promise<void> {
    // The previous definition is in migration NpsRollups; restoring it is a matter of re-running it.
  }
}
