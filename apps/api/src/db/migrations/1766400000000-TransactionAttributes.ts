import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Transactional NPS (issue 19): an answer to a transactional programme carries its transaction's
 * attributes, copied at answer time like org unit and owner, so breakdowns by product, channel,
 * serving employee and touchpoint read them from the answer (and its rollup) without a join.
 * served_by is a key, `user:<uuid>` or `ext:<external id>`, with the name shown beside it.
 * Contacts gain an annual value for value-weighted NPS and revenue at risk.
 */
export class TransactionAttributes1766400000000 implements MigrationInterface {
  name = 'TransactionAttributes1766400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE responses
        ADD COLUMN transaction_id uuid,
        ADD COLUMN touchpoint text,
        ADD COLUMN product text,
        ADD COLUMN channel text,
        ADD COLUMN location text,
        ADD COLUMN served_by text,
        ADD COLUMN served_by_name text`);
    await q.query(`ALTER TABLE contacts ADD COLUMN annual_value numeric(14, 2) CHECK (annual_value >= 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE contacts DROP COLUMN annual_value`);
    await q.query(`
      ALTER TABLE responses
        DROP COLUMN transaction_id, DROP COLUMN touchpoint, DROP COLUMN product, DROP COLUMN channel,
        DROP COLUMN location, DROP COLUMN served_by, DROP COLUMN served_by_name`);
  }
}
