import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A webhook delivery whose body carries an answer's words (response.created: comment, suggestion)
 * says so (has_words), so the retention of identified comments (survey/privacy/retention.ts) finds
 * the deliveries past the horizon without reading every body, and removes the words from them.
 */
export class DeliveryWords1766621000000 implements MigrationInterface {
  name = 'DeliveryWords1766621000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE webhook_deliveries ADD COLUMN has_words boolean NOT NULL DEFAULT false`);
    await q.query(`
      UPDATE webhook_deliveries SET has_words = true
       WHERE event = 'RESPONSE_CREATED' AND ((body::jsonb #>> '{data,comment}') IS NOT NULL OR (body::jsonb #>> '{data,suggestion}') IS NOT NULL)`);
    await q.query(`CREATE INDEX webhook_deliveries_words_idx ON webhook_deliveries (organization_id, created_at) WHERE has_words`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX webhook_deliveries_words_idx`);
    await q.query(`ALTER TABLE webhook_deliveries DROP COLUMN has_words`);
  }
}
