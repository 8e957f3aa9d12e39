import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The front-line feed and digests (issue 19). A user follows org units (with everything below
 * them), products and owners; their own contacts need no row. What they read is one marker per
 * user (everything up to read_before is read: "mark all read" is one upsert) plus a row per answer
 * read after it. The light FEED role joins the roles a user may hold. A digest remembers when it
 * was last sent, so the next one starts there.
 */
export class FrontLineFeed1766440000000 implements MigrationInterface {
  name = 'FrontLineFeed1766440000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_roles_known`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_roles_known CHECK (roles <@ ARRAY['ADMIN','HR','CX','MANAGER','LEADER','FEED']::text[])`);
    await q.query(`
      CREATE TABLE follows (
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('ORG_UNIT', 'PRODUCT', 'OWNER')),
        target text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, kind, target)
      )`);
    await q.query(`CREATE INDEX follows_org_kind_target ON follows (organization_id, kind, target)`);
    await q.query(`
      CREATE TABLE feed_markers (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        read_before timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE feed_reads (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        response_id uuid NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        read_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, response_id)
      )`);
    await q.query(`CREATE INDEX feed_reads_response ON feed_reads (response_id)`);
    await q.query(`CREATE INDEX responses_org_product_submitted ON responses (organization_id, product, submitted_at) WHERE product IS NOT NULL`);
    await q.query(`ALTER TABLE notification_preferences ADD COLUMN last_digest_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification_preferences DROP COLUMN last_digest_at`);
    await q.query(`DROP INDEX responses_org_product_submitted`);
    await q.query(`DROP TABLE feed_reads`);
    await q.query(`DROP TABLE feed_markers`);
    await q.query(`DROP TABLE follows`);
    await q.query(`UPDATE users SET roles = array_remove(roles, 'FEED')`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_roles_known`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_roles_known CHECK (roles <@ ARRAY['ADMIN','HR','CX','MANAGER','LEADER']::text[])`);
  }
}
