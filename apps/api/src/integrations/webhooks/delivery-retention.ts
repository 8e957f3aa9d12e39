import type { EntityManager } from 'typeorm';
import type { Context } from '../../kernel/context.js';
import { orgOf } from '../../kernel/context.js';
import { updateReturning } from '../../kernel/sql.js';
import { pastRetention, type RetentionSweep } from '../../survey/privacy/retention.js';

/** The body of a response.created delivery without the answer's words; ids, score and category stay. */
export const WITHOUT_WORDS = `jsonb_set(body::jsonb, '{data}', (body::jsonb -> 'data') || '{"comment": null, "suggestion": null}'::jsonb)::text`;

/** Deliveries per statement; a run goes on until none is left. */
const BATCH = 5000;

/**
 * The retention of identified comments (survey/privacy/retention.ts) applied to the webhook
 * deliveries Tandem keeps (sent or waiting, for the history and replays): a response.created
 * delivery written before the organization's horizon loses the comment and suggestion it carries,
 * as the answer does. A waiting one is signed when it is sent, so it goes out without them; a replay
 * sends the body as it is now. Found through has_words, set when the delivery is written.
 */
export const deliveryRetention: RetentionSweep = {
  name: 'webhookDeliveries',

  async due(db: EntityManager, now: Date): Promise<string[]> {
    const rows: { organization_id: string }[] = await db.query(
      `SELECT s.organization_id FROM privacy_settings s
        WHERE s.comment_retention_months IS NOT NULL
          AND EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.organization_id = s.organization_id AND d.has_words AND ${pastRetention('d.created_at', '$1')})`,
      [now],
    );
    return rows.map((r) => r.organization_id);
  },

  async apply(ctx: Context, now: Date): Promise<number> {
    const organizationId = orgOf(ctx);
    let total = 0;
    for (;;) {
      const rows = await updateReturning<{ id: string }>(
        ctx.db,
        `WITH expired AS (
           SELECT d.id FROM webhook_deliveries d JOIN privacy_settings s ON s.organization_id = d.organization_id
            WHERE d.organization_id = $1 AND d.has_words AND s.comment_retention_months IS NOT NULL AND ${pastRetention('d.created_at', '$2')}
            LIMIT ${BATCH})
         UPDATE webhook_deliveries SET body = ${WITHOUT_WORDS}, has_words = false
          WHERE id IN (SELECT id FROM expired) RETURNING id`,
        [organizationId, now],
      );
      total += rows.length;
      if (rows.length < BATCH) return total;
    }
  },
};
