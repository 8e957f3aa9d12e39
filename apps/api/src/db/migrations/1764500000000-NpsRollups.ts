import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pre-aggregated NPS counts, so a board or summary costs what the number of groups costs, not the
 * number of answers. One row per (organization, audience, wave, grain, period, dimension, value):
 * grain 'M' (month) and 'D' (day) periods in UTC; dimension '' (everything), 'org_unit', 'owner',
 * or 'seg:<key>' (a segment of an identified response; location and tenure_band of an employee
 * answer); s0..s10 count the scores.
 *
 * Statement-level triggers keep it exact inside the writing transaction, for single answers and
 * bulk inserts alike. Rows are upserted in key order so concurrent writers lock them in the same
 * order and cannot deadlock.
 */
const SCORE_SUMS = Array.from({ length: 11 }, (_, s) => `count(*) FILTER (WHERE n.score = ${s})`).join(', ');
const SCORE_COLUMNS = Array.from({ length: 11 }, (_, s) => `s${s}`).join(', ');
const SCORE_UPDATES = Array.from({ length: 11 }, (_, s) => `s${s} = r.s${s} + EXCLUDED.s${s}`).join(', ');

/** The rollup rows of a set of answers `n` with columns organization_id, audience, wave_id, day, score and dims. */
function rollupSelect(source: string, dims: string): string {
  return `
    SELECT n.organization_id, n.audience, n.wave_id, g.grain, g.period, d.dim, d.dim_value, ${SCORE_SUMS}
      FROM ${source} n
      CROSS JOIN LATERAL (VALUES ('M', date_trunc('month', n.day)::date), ('D', n.day)) AS g(grain, period)
      CROSS JOIN LATERAL (${dims}) AS d(dim, dim_value)
     GROUP BY 1, 2, 3, 4, 5, 6, 7
     ORDER BY 1, 2, 3, 4, 5, 6, 7`;
}

export const RESPONSE_ROWS = (table: string) =>
  `(SELECT organization_id, audience, wave_id, (submitted_at AT TIME ZONE 'UTC')::date AS day, score, org_unit_id, owner_id, segments FROM ${table})`;
export const RESPONSE_DIMS = `
  SELECT '', '' UNION ALL
  SELECT 'org_unit', coalesce(n.org_unit_id::text, '') UNION ALL
  SELECT 'owner', coalesce(n.owner_id::text, '') UNION ALL
  SELECT 'seg:' || s.key, s.value FROM jsonb_each_text(n.segments) AS s`;

const EMPLOYEE_ROWS = (table: string) =>
  `(SELECT organization_id, 'EMPLOYEE'::text AS audience, wave_id, answered_on AS day, score, org_unit_id, location, tenure_band FROM ${table})`;
const EMPLOYEE_DIMS = `
  SELECT '', '' UNION ALL
  SELECT 'org_unit', coalesce(n.org_unit_id::text, '') UNION ALL
  SELECT 'seg:location', coalesce(n.location, '') UNION ALL
  SELECT 'seg:tenure_band', coalesce(n.tenure_band, '')`;

/**
 * Concurrent answers to one wave on one day all count into the same rows; each writer adds into the
 * shard of its connection, so they do not queue on one row lock. Readers sum over shards.
 */
const SHARDS = 8;
/** The writer's shard as this migration first defined it (migration WriterShards replaces it). */
export const PID_SHARD = `(pg_backend_pid() % ${SHARDS})::smallint`;
const UPSERT = (select: string, shard = PID_SHARD) => `
  INSERT INTO nps_rollup AS r (organization_id, audience, wave_id, grain, period, dim, dim_value, ${SCORE_COLUMNS}, shard)
  SELECT x.*, ${shard} FROM (${select}) AS x ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (organization_id, audience, wave_id, grain, period, dim, dim_value, shard) DO UPDATE SET ${SCORE_UPDATES}`;

/** Removing answers adds negative counts into the writer's shard; the sums over shards stay exact. */
const NEGATED = Array.from({ length: 11 }, (_, s) => `-x.s${s}`).join(', ');
const SUBTRACT = (select: string, shard: string) => `
  INSERT INTO nps_rollup AS r (organization_id, audience, wave_id, grain, period, dim, dim_value, ${SCORE_COLUMNS}, shard)
  SELECT x.organization_id, x.audience, x.wave_id, x.grain, x.period, x.dim, x.dim_value, ${NEGATED}, ${shard}
    FROM (${select}) AS x(organization_id, audience, wave_id, grain, period, dim, dim_value, ${SCORE_COLUMNS}) ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (organization_id, audience, wave_id, grain, period, dim, dim_value, shard) DO UPDATE SET ${SCORE_UPDATES}`;

/**
 * The trigger functions that keep the rollup, per table, each `FUNCTION ...` for CREATE (or CREATE
 * OR REPLACE) with the given expression for the writer's shard; a later migration may give the
 * responses' rows and dimensions of its own (TransactionRollups).
 */
export function rollupTriggerFunctions(
  shard: string,
  responses: { rows: (table: string) => string; dims: string } = { rows: RESPONSE_ROWS, dims: RESPONSE_DIMS },
) {
  return ([
    ['responses', responses.rows, responses.dims, 'responses'],
    ['employee_answers', EMPLOYEE_ROWS, EMPLOYEE_DIMS, 'employee_answers'],
  ] as const).map(([table, rows, dims, prefix]) => ({
    table,
    prefix,
    functions: [
      `FUNCTION nps_rollup_${prefix}_insert() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          ${UPSERT(rollupSelect(rows('new_rows'), dims), shard)};
          RETURN NULL;
        END $$`,
      `FUNCTION nps_rollup_${prefix}_delete() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          ${SUBTRACT(rollupSelect(rows('old_rows'), dims), shard)};
          RETURN NULL;
        END $$`,
      `FUNCTION nps_rollup_${prefix}_update() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          ${SUBTRACT(rollupSelect(rows('old_rows'), dims), shard)};
          ${UPSERT(rollupSelect(rows('new_rows'), dims), shard)};
          RETURN NULL;
        END $$`,
    ],
  }));
}

export class NpsRollups1764500000000 implements MigrationInterface {
  name = 'NpsRollups1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE nps_rollup (
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        audience text NOT NULL,
        wave_id uuid NOT NULL REFERENCES waves(id) ON DELETE CASCADE,
        grain char(1) NOT NULL CHECK (grain IN ('M', 'D')),
        period date NOT NULL,
        dim text NOT NULL,
        dim_value text NOT NULL,
        shard smallint NOT NULL DEFAULT 0,
        ${Array.from({ length: 11 }, (_, s) => `s${s} int NOT NULL DEFAULT 0`).join(',\n        ')},
        PRIMARY KEY (organization_id, audience, wave_id, grain, period, dim, dim_value, shard)
      )`);
    await q.query(`CREATE INDEX nps_rollup_dim_idx ON nps_rollup (organization_id, grain, dim, period)`);

    for (const { table, prefix, functions } of rollupTriggerFunctions(PID_SHARD)) {
      for (const sql of functions) await q.query(`CREATE ${sql}`);
      await q.query(`CREATE TRIGGER nps_rollup_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows
                     FOR EACH STATEMENT EXECUTE FUNCTION nps_rollup_${prefix}_insert()`);
      await q.query(`CREATE TRIGGER nps_rollup_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows
                     FOR EACH STATEMENT EXECUTE FUNCTION nps_rollup_${prefix}_delete()`);
      // An update moves its rows' counts: out of the old cells, into the new ones.
      await q.query(`CREATE TRIGGER nps_rollup_update AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                     FOR EACH STATEMENT EXECUTE FUNCTION nps_rollup_${prefix}_update()`);
    }

    // Rebuild from the answers, e.g. after a bulk load with triggers off, or to verify.
    await q.query(`
      CREATE FUNCTION nps_rollup_rebuild(org uuid) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM nps_rollup WHERE organization_id = org;
        ${UPSERT(rollupSelect(`(SELECT * FROM ${RESPONSE_ROWS('responses')} x WHERE x.organization_id = org)`, RESPONSE_DIMS), '0::smallint')};
        ${UPSERT(rollupSelect(`(SELECT * FROM ${EMPLOYEE_ROWS('employee_answers')} x WHERE x.organization_id = org)`, EMPLOYEE_DIMS), '0::smallint')};
      END $$`);
    await q.query(`SELECT nps_rollup_rebuild(id) FROM organizations`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['responses', 'employee_answers']) {
      for (const trigger of ['nps_rollup_insert', 'nps_rollup_delete', 'nps_rollup_update']) await q.query(`DROP TRIGGER ${trigger} ON ${table}`);
    }
    for (const prefix of ['responses', 'employee_answers']) {
      for (const kind of ['insert', 'delete', 'update']) await q.query(`DROP FUNCTION nps_rollup_${prefix}_${kind}()`);
    }
    await q.query(`DROP FUNCTION nps_rollup_rebuild(uuid)`);
    await q.query(`DROP TABLE nps_rollup`);
  }
}
