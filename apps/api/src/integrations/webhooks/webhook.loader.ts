import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { isUuid } from '../../kernel/batch.js';
import type { WebhookDeliveryAttempt } from './webhook.types.js';

/** The tries of deliveries, oldest first, one statement per batch, of the caller's organization only. */
export function webhookAttemptsLoader(db: EntityManager, organizationId: string | null) {
  return new DataLoader<string, WebhookDeliveryAttempt[]>(async (ids) => {
    const valid = [...new Set(ids.filter(isUuid))];
    if (!organizationId || valid.length === 0) return ids.map(() => []);
    const rows: { delivery_id: string; attempt: number; status_code: number | null; latency_ms: number; error: string | null; attempted_at: Date }[] = await db.query(
      `SELECT delivery_id, attempt, status_code, latency_ms, error, attempted_at FROM webhook_attempts
        WHERE organization_id = $1 AND delivery_id = ANY($2::uuid[]) ORDER BY attempt`,
      [organizationId, valid],
    );
    const byDelivery = new Map<string, WebhookDeliveryAttempt[]>();
    for (const r of rows) {
      const list = byDelivery.get(r.delivery_id) ?? byDelivery.set(r.delivery_id, []).get(r.delivery_id)!;
      list.push({ attempt: r.attempt, statusCode: r.status_code, latencyMs: r.latency_ms, error: r.error, attemptedAt: r.attempted_at });
    }
    return ids.map((id) => byDelivery.get(id) ?? []);
  });
}
