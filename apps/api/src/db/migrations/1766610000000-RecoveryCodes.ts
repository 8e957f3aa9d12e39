import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 21, security: one-time recovery codes of a user's second factor (only their scrypt hash is
 * stored), each usable once instead of a TOTP code at login. Existing TOTP secrets are encrypted by
 * the server, which alone has the key (identity/auth/totp-secrets.ts: at start and on use).
 */
export class RecoveryCodes1766610000000 implements MigrationInterface {
  name = 'RecoveryCodes1766610000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE totp_recovery_codes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      code_hash text NOT NULL,
      used_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX totp_recovery_codes_user ON totp_recovery_codes (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE totp_recovery_codes`);
  }
}
