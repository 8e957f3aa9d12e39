import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API clients an admin manages (issue 18): a rotated secret keeps working until
 * previous_secret_expires_at, and last_used_at records the client's last request (written at most
 * once a minute). The tokens of a revoked client are refused at once: each request reads the
 * client's row by its primary key.
 */
export class ApiClientLifecycle1766100000000 implements MigrationInterface {
  name = 'ApiClientLifecycle1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE api_clients
        ADD COLUMN previous_secret_hash text,
        ADD COLUMN previous_secret_expires_at timestamptz,
        ADD COLUMN last_used_at timestamptz`);
    await q.query(`CREATE INDEX api_clients_organization_idx ON api_clients (organization_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX api_clients_organization_idx`);
    await q.query(`
      ALTER TABLE api_clients
        DROP COLUMN previous_secret_hash,
        DROP COLUMN previous_secret_expires_at,
        DROP COLUMN last_used_at`);
  }
}
