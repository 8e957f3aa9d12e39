import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Exports for integrators (issue 18): exportResponses and exportFollowUps write a row here and send
 * a job that writes the file (CSV or NDJSON) under DATA_DIR/exports/, a chunk of rows at a time;
 * GET /exports/<id> streams it to the user or API client that asked, until it expires (24 h).
 * `own_scope` is a manager's own reach, fixed when the export was asked for.
 */
export class Exports1766030000000 implements MigrationInterface {
  name = 'Exports1766030000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE exports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        owner_kind text NOT NULL CHECK (owner_kind IN ('user', 'api')),
        owner_id uuid NOT NULL,
        own_scope uuid,
        kind text NOT NULL CHECK (kind IN ('RESPONSES', 'FOLLOW_UPS')),
        format text NOT NULL CHECK (format IN ('CSV', 'NDJSON')),
        filter jsonb NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'EXPIRED')),
        rows int,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        expires_at timestamptz
      )`);
    await q.query(`CREATE INDEX exports_owner ON exports (organization_id, owner_kind, owner_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE exports`);
  }
}
