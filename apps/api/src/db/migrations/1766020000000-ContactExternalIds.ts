import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Contacts from a CRM (issue 18): a contact may carry the id the integrator's system knows it by,
 * unique within the organization, so upsertContacts matches by it before the email (which can
 * change in the CRM).
 */
export class ContactExternalIds1766020000000 implements MigrationInterface {
  name = 'ContactExternalIds1766020000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE contacts ADD COLUMN external_id text CHECK (external_id IS NULL OR length(external_id) BETWEEN 1 AND 200)`);
    await q.query(`CREATE UNIQUE INDEX contacts_external_id ON contacts (organization_id, external_id) WHERE external_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX contacts_external_id`);
    await q.query(`ALTER TABLE contacts DROP COLUMN external_id`);
  }
}
