import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Account value (issue 19): contacts' annual value (added with the transaction attributes) is
 * written by the contacts import, so its staging table carries it too.
 */
export class AccountValue1766500000000 implements MigrationInterface {
  name = 'AccountValue1766500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE contact_import_rows ADD COLUMN annual_value numeric(14, 2)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE contact_import_rows DROP COLUMN annual_value`);
  }
}
