import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 21, security: an optional TOTP second factor on users (its secret, whether it is confirmed,
 * and the last time step used, so a code works once), and what a session shows its owner (the
 * browser and the address it logged in from, on each refresh token of the login's family).
 */
export class SecondFactorAndSessions1766530000000 implements MigrationInterface {
  name = 'SecondFactorAndSessions1766530000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN totp_secret text, ADD COLUMN totp_enabled_at timestamptz, ADD COLUMN totp_last_step bigint`);
    await q.query(`ALTER TABLE refresh_tokens ADD COLUMN user_agent text, ADD COLUMN address text`);
    await q.query(`CREATE INDEX IF NOT EXISTS refresh_tokens_user_family ON refresh_tokens (user_id, family_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS refresh_tokens_user_family`);
    await q.query(`ALTER TABLE refresh_tokens DROP COLUMN user_agent, DROP COLUMN address`);
    await q.query(`ALTER TABLE users DROP COLUMN totp_secret, DROP COLUMN totp_enabled_at, DROP COLUMN totp_last_step`);
  }
}
