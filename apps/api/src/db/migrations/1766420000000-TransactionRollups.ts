import type { MigrationInterface, QueryRunner } from 'typeorm';
import { RESPONSE_DIMS, RESPONSE_ROWS, rollupTriggerFunctions } from './1764500000000-NpsRollups.js';
import { WRITER_SHARD_SQL } from './1765000000000-WriterShards.js';

/**
 * Transactional NPS (issue 19) in the rollup: an answer that carries its transaction's product,
 * channel, serving employee (served_by, the key `user:<uuid>` or `ext:<id>`) or touchpoint counts
 * under the dimensions 'product', 'channel', 'served_by' and 'touchpoint' with that value, so
 * npsBreakdown by them and an NpsFilter on one of them read the rollup like org unit and owner do.
 *
 * An answer without the attribute (null or empty; every answer of a wave that is not transactional) has no row
 * of that dimension — unlike org unit and owner, which count such answers under '' — so a
 * breakdown lists only the groups that exist and invents no "no product" group.
 *
 * Also an index for the labels of a breakdown by served_by: the latest name given for each key,
 * one index probe per serving employee in one statement (nps-breakdown.service.ts).
 */
export const TRANSACTION_DIMENSIONS = ['product', 'channel', 'served_by', 'touchpoint'] as const;

const ROWS = (table: string) =>
  `(SELECT organization_id, audience, wave_id, (submitted_at AT TIME ZONE 'UTC')::date AS day, score, org_unit_id, owner_id, segments,
           product, channel, served_by, touchpoint FROM ${table})`;
const DIMS = `${RESPONSE_DIMS} UNION ALL
  SELECT t.dim, t.dim_value
    FROM (VALUES ${TRANSACTION_DIMENSIONS.map((d) => `('${d}', n.${d})`).join(', ')}) AS t(dim, dim_value)
   WHERE t.dim_value <> ''`;

const SCORES = Array.from({ length: 11 }, (_, s) => `s${s}`).join(', ');
const SCORE_COUNTS = Array.from({ length: 11 }, (_, s) => `count(*) FILTER (WHERE n.score = ${s})`).join(', ');
const SCORE_SUMS = Array.from({ length: 11 }, (_, s) => `sum(s${s})`).join(', ');
const KEY = 'organization_id, audience, wave_id, grain, period, dim, dim_value';

const dayRows = (source: string, dims: string) => `
  INSERT INTO nps_rollup (${KEY}, ${SCORES}, shard)
  SELECT n.organization_id, n.audience, n.wave_id, 'D', n.day, d.dim, d.dim_value, ${SCORE_COUNTS}, 0
    FROM ${source} n CROSS JOIN LATERAL (${dims}) AS d(dim, dim_value)
   GROUP BY 1, 2, 3, 5, 6, 7`;

/** nps_rollup_rebuild as migration EmployeeReleases left it (identified responses only; day rows counted, month rows summed), with the given dims. */
const rebuild = (rows: (table: string) => string, dims: string) => `
  CREATE OR REPLACE FUNCTION nps_rollup_rebuild(org uuid) RETURNS void LANGUAGE plpgsql AS $$
  BEGIN
    DELETE FROM nps_rollup WHERE organization_id = org;
    ${dayRows(`(SELECT * FROM ${rows('responses')} x WHERE x.organization_id = org)`, dims)};
    INSERT INTO nps_rollup (${KEY}, ${SCORES}, shard)
    SELECT organization_id, audience, wave_id, 'M', date_trunc('month', period)::date, dim, dim_value, ${SCORE_SUMS}, 0
      FROM nps_rollup WHERE organization_id = org AND grain = 'D'
     GROUP BY 1, 2, 3, 5, 6, 7;
  END $$`;

export class TransactionRollups1766420000000 implements MigrationInterface {
  name = 'TransactionRollups1766420000000';

  async up(q: QueryRunner): Promise<void> {
    await this.replace(q, ROWS, DIMS);
    await q.query(`CREATE INDEX responses_served_by_idx ON responses (organization_id, served_by, submitted_at DESC)
                   INCLUDE (served_by_name) WHERE served_by IS NOT NULL`);
    // Answers that already carry attributes get their rows: their organizations' rollups are redone.
    await q.query(`SELECT nps_rollup_rebuild(o.id) FROM organizations o
                    WHERE EXISTS (SELECT 1 FROM responses r WHERE r.organization_id = o.id
                                     AND (${TRANSACTION_DIMENSIONS.map((d) => `r.${d} IS NOT NULL`).join(' OR ')}))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM nps_rollup WHERE dim = ANY($1::text[])`, [[...TRANSACTION_DIMENSIONS]]);
    await q.query(`DROP INDEX responses_served_by_idx`);
    await this.replace(q, RESPONSE_ROWS, RESPONSE_DIMS);
  }

  private async replace(q: QueryRunner, rows: (table: string) => string, dims: string): Promise<void> {
    const [responses] = rollupTriggerFunctions(WRITER_SHARD_SQL, { rows, dims });
    for (const sql of responses.functions) await q.query(`CREATE OR REPLACE ${sql}`);
    await q.query(rebuild(rows, dims));
  }
}
