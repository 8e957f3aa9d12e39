import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes so that the board's fields cost their groups, not the answers (docs/performance.md,
 * "The board at 1,000,000 answers, again"):
 *
 * - contacts_valued_idx: the contacts WITH an annual value, covering the value. revenueAtRisk joins
 *   the period's latest answers to the valued contacts only and sums the book's value from it
 *   (index-only), instead of reading every contact of the organization twice.
 * - responses_wave_comments_idx: each wave's commented answers (a reason or a suggestion) newest
 *   first. A wave's latest comments read their first rows per wave (LATERAL ... LIMIT) instead of
 *   sorting every commented answer of the waves; the analysis stage counts commented answers from it.
 * - follow_ups_reached_idx: the follow-ups contacted or resolved, by wave. A wave's first-reaction
 *   stage counts those reached in time among them (its detractors come from the rollup) instead of
 *   joining every detractor answer of the waves to every follow-up of the organization.
 */
export class BoardPerGroup1766734000000 implements MigrationInterface {
  name = 'BoardPerGroup1766734000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX contacts_valued_idx ON contacts (organization_id, id) INCLUDE (annual_value) WHERE annual_value IS NOT NULL`);
    await q.query(
      `CREATE INDEX responses_wave_comments_idx ON responses (wave_id, submitted_at DESC, id DESC)
        WHERE nullif(btrim(reason), '') IS NOT NULL OR nullif(btrim(suggestion), '') IS NOT NULL`,
    );
    await q.query(`CREATE INDEX follow_ups_reached_idx ON follow_ups (organization_id, wave_id) WHERE status IN ('CONTACTED', 'RESOLVED')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX follow_ups_reached_idx`);
    await q.query(`DROP INDEX responses_wave_comments_idx`);
    await q.query(`DROP INDEX contacts_valued_idx`);
  }
}
