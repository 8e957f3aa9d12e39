import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Admin basics (issue 15, item 3): single-use, expiring links that let an invited user set their
 * first password or a user reset theirs (only the SHA-256 of a link's token is stored), a manager
 * per org unit, and an index that finds a contact's latest answer (the DETRACTORS invitation
 * segment, and the home page's waiting detractors).
 */
export class AdminBasics1765300000000 implements MigrationInterface {
  name = 'AdminBasics1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE password_links (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (purpose IN ('INVITE', 'RESET')),
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX password_links_user_idx ON password_links (user_id)`);
    await q.query(`ALTER TABLE org_units ADD COLUMN manager_id uuid REFERENCES users(id) ON DELETE SET NULL`);
    await q.query(`CREATE INDEX responses_contact_idx ON responses (contact_id, submitted_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX responses_contact_idx`);
    await q.query(`ALTER TABLE org_units DROP COLUMN manager_id`);
    await q.query(`DROP TABLE password_links`);
  }
}
