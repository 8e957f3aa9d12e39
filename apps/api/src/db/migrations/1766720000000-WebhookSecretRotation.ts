import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A webhook endpoint's signing secret can be rotated (integrations/webhooks/webhook.service.ts):
 * the secret it replaced is kept, sealed like the secret, until previous_secret_expires_at, and
 * every delivery until then is signed with both. Both columns are null outside a grace period.
 */
export class WebhookSecretRotation1766720000000 implements MigrationInterface {
  name = 'WebhookSecretRotation1766720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE webhook_endpoints ADD COLUMN previous_secret text, ADD COLUMN previous_secret_expires_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE webhook_endpoints DROP COLUMN previous_secret, DROP COLUMN previous_secret_expires_at`);
  }
}
