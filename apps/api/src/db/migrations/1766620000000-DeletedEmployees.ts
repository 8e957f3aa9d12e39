import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An erased employee's roster record is listed by deletedSince too (kind EMPLOYEE): its id and
 * when, nothing else (survey/privacy/deleted-records.ts).
 */
export class DeletedEmployees1766620000000 implements MigrationInterface {
  name = 'DeletedEmployees1766620000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE deleted_records DROP CONSTRAINT deleted_records_kind_check`);
    await q.query(`ALTER TABLE deleted_records ADD CONSTRAINT deleted_records_kind_check CHECK (kind IN ('CONTACT', 'EMPLOYEE'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM deleted_records WHERE kind = 'EMPLOYEE'`);
    await q.query(`ALTER TABLE deleted_records DROP CONSTRAINT deleted_records_kind_check`);
    await q.query(`ALTER TABLE deleted_records ADD CONSTRAINT deleted_records_kind_check CHECK (kind IN ('CONTACT'))`);
  }
}
