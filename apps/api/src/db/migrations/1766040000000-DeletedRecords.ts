import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What was erased, for integrators' incremental sync (issue 18): an erased contact's id and when,
 * so a system that copied it can delete its copy too (deletedSince). Ids only: nothing else of
 * the contact is kept.
 */
export class DeletedRecords1766040000000 implements MigrationInterface {
  name = 'DeletedRecords1766040000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE deleted_records (
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('CONTACT')),
        record_id uuid NOT NULL,
        deleted_at timestamptz NOT NULL,
        PRIMARY KEY (organization_id, kind, record_id)
      )`);
    await q.query(`CREATE INDEX deleted_records_since ON deleted_records (organization_id, deleted_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE deleted_records`);
  }
}
