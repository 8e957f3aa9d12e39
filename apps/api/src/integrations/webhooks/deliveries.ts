import type { EntityManager } from 'typeorm';
import { notify } from '../../identity/notifications/notify.js';
import { ancestorsSql } from '../../identity/org-units/subtree.js';
import { keyringOf } from '../../kernel/sealed-column.js';
import { updateReturning } from '../../kernel/sql.js';
import { enqueue } from '../../platform/jobs/queue.js';
import { jobIdOf } from '../../platform/jobs/schedules.js';
import type { Job, JobContext, JobData, QueueOptions } from '../../platform/jobs/types.js';
import type { DomainEvent, DomainEventType } from '../../platform/events/types.js';
import { networkPolicyOf } from './address.js';
import { DISABLE_AFTER_MS, retryDelayMs } from './retry.js';
import { readWebhookSecret, resealWebhookSecret } from './secrets.js';
import { sendSigned, type SendResult } from './sender.js';
import { signedHeaders } from './signing.js';
import { WEBHOOK_EVENT_OF } from './webhook.types.js';

/** The consumer of the event outbox that turns events into deliveries (src/jobs.ts registers it). */
export const WEBHOOK_CONSUMER = 'webhooks';
/** One job per try of a delivery. */
export const DELIVERY_QUEUE = 'webhooks.deliver';
/** A try's own failure (a crash, the database) is retried by the queue; the receiver's failures by the schedule in retry.ts. */
export const DELIVERY_QUEUE_OPTIONS: QueueOptions = { retryLimit: 3, retryDelaySeconds: 30, expireInSeconds: 60 };

export const CONSUMED_TYPES = Object.keys(WEBHOOK_EVENT_OF) as DomainEventType[];

export interface DeliveryJob extends JobData {
  organizationId: string;
  deliveryId: string;
  /** The try this job makes (the delivery's attempts + 1 when it runs, else it is stale). */
  attempt: number;
  /** false for a replay or a test event: one try, no schedule of retries. */
  retries: boolean;
}

/** Sends the job of a delivery's next try, in the caller's transaction. */
export function sendTry(tx: EntityManager, job: DeliveryJob, options: { at?: Date; key: string }): Promise<string | null> {
  return enqueue<DeliveryJob>(tx, DELIVERY_QUEUE, job, { id: jobIdOf(`webhook:${job.deliveryId}:${job.attempt}:${options.key}`), startAfter: options.at });
}

/** What a webhook's body says of an event (ids and public fields), and the org unit it belongs to (for endpoints' filters). */
interface EventFacts {
  data: Record<string, unknown>;
  orgUnitId: string | null;
}

/**
 * The body's data of an event: its payload (ids, states, counts: platform/events/types.ts), with the
 * public fields of an identified response (never an employee's: they publish no response.created,
 * and the query reads identified responses only) and the org unit of a response, follow-up or
 * improvement. Waves carry what their events carry, nothing more.
 */
async function factsOf(db: EntityManager, event: DomainEvent): Promise<EventFacts> {
  const org = event.organizationId;
  switch (event.type) {
    case 'response.created': {
      const [r]: { org_unit_id: string | null; category: string; reason: string | null; suggestion: string | null; contact_id: string; submitted_at: Date; language: string }[] =
        await db.query(
          `SELECT org_unit_id, category, reason, suggestion, contact_id, submitted_at, language FROM responses
            WHERE id = $1 AND organization_id = $2 AND audience <> 'EMPLOYEE'`,
          [event.payload.responseId, org],
        );
      if (!r) return { data: { ...event.payload }, orgUnitId: null };
      return {
        data: {
          ...event.payload,
          category: r.category,
          comment: r.reason,
          suggestion: r.suggestion,
          language: r.language,
          contactId: r.contact_id,
          orgUnitId: r.org_unit_id,
          submittedAt: r.submitted_at.toISOString(),
        },
        orgUnitId: r.org_unit_id,
      };
    }
    case 'followup.created':
    case 'followup.overdue':
    case 'followup.escalated':
    case 'followup.resolved': {
      const [f]: { org_unit_id: string | null; response_id: string; wave_id: string }[] = await db.query(
        `SELECT r.org_unit_id, f.response_id, f.wave_id FROM follow_ups f JOIN responses r ON r.id = f.response_id AND r.organization_id = f.organization_id
          WHERE f.id = $1 AND f.organization_id = $2`,
        [event.payload.followUpId, org],
      );
      // The answer's unit; followup.escalated's own orgUnitId (the unit it was escalated to) stays.
      return { data: { responseId: f?.response_id, waveId: f?.wave_id, orgUnitId: f?.org_unit_id ?? null, ...event.payload }, orgUnitId: f?.org_unit_id ?? null };
    }
    case 'improvement.status_changed': {
      const [i]: { org_unit_id: string | null }[] = await db.query(`SELECT org_unit_id FROM improvements WHERE id = $1 AND organization_id = $2`, [
        event.payload.improvementId,
        org,
      ]);
      return { data: { ...event.payload, orgUnitId: i?.org_unit_id ?? null }, orgUnitId: i?.org_unit_id ?? null };
    }
    default:
      return { data: { ...event.payload }, orgUnitId: null };
  }
}

export function bodyOf(type: string, timestamp: string, data: Record<string, unknown>, test = false): string {
  return JSON.stringify({ type, timestamp, ...(test ? { test: true } : {}), data });
}

/**
 * The webhooks consumer: one delivery per enabled endpoint of the organization that takes the
 * event's type and whose org-unit filter (if any) holds the event's unit, with the job of its first
 * try. At least once, written once: a delivery is unique per endpoint and event.
 */
export async function deliverEvent(event: DomainEvent, ctx: JobContext): Promise<void> {
  const webhookEvent = WEBHOOK_EVENT_OF[event.type];
  if (!webhookEvent) return;
  if (event.type === 'contact.erased') await forgetErasedWords(ctx.db, event.organizationId, event.payload.responseIds);
  // Employee answers are never events (outbox.ts refuses them); this is the second lock on that door.
  if ((event.payload as { audience?: string }).audience === 'EMPLOYEE' && event.type === 'response.created') return;
  const org = event.organizationId;
  const facts = await factsOf(ctx.db, event);
  const body = bodyOf(event.type, event.occurredAt, facts.data);
  // The answer's words, when it carries them: the retention of comments finds them by this (delivery-retention.ts).
  const hasWords = facts.data.comment != null || facts.data.suggestion != null;
  const created = await ctx.db.transaction(async (tx) => {
    const rows: { id: string }[] = await tx.query(
      `WITH up AS (${ancestorsSql('$1', '$3')})
       INSERT INTO webhook_deliveries (organization_id, endpoint_id, event, event_id, body, next_attempt_at, created_at, has_words)
       SELECT e.organization_id, e.id, $2, $4, $5, $6, $6, $7
         FROM webhook_endpoints e
        WHERE e.organization_id = $1 AND e.enabled AND $2 = ANY(e.events)
          AND (cardinality(e.org_unit_ids) = 0 OR e.org_unit_ids && ARRAY(SELECT id FROM up))
       ON CONFLICT (endpoint_id, event_id) DO NOTHING
       RETURNING id`,
      [org, webhookEvent, facts.orgUnitId, event.id, body, ctx.app.now(), hasWords],
    );
    for (const row of rows) await sendTry(tx, { organizationId: org, deliveryId: row.id, attempt: 1, retries: true }, { key: 'event' });
    return rows.length;
  });
  if (created) ctx.logger.debug({ event: 'webhook.deliveries_created', type: event.type, deliveries: created }, 'webhook deliveries written');
}

/**
 * An erased contact's answers lose their words everywhere (survey/privacy): here, in the bodies of
 * the response.created deliveries written before (sent or waiting; a waiting one is signed when it
 * is sent, so it goes out without them). Ids, score and category stay, as they do on the answer.
 */
async function forgetErasedWords(db: EntityManager, organizationId: string, responseIds: string[]): Promise<void> {
  if (responseIds.length === 0) return;
  await db.query(
    `UPDATE webhook_deliveries
        SET body = jsonb_set(body::jsonb, '{data}', (body::jsonb -> 'data') || '{"comment": null, "suggestion": null, "contactId": null}'::jsonb)::text, has_words = false
      WHERE organization_id = $1 AND event = 'RESPONSE_CREATED' AND (body::jsonb #>> '{data,responseId}') = ANY($2::text[])`,
    [organizationId, responseIds],
  );
}

interface DeliveryRow {
  id: string;
  endpoint_id: string;
  body: string;
  status: string;
  attempts: number;
  url: string;
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: Date | null;
  enabled: boolean;
}

/**
 * One try of a delivery (the job of DELIVERY_QUEUE). It reads the delivery, holds no transaction
 * while it calls the receiver, then records the try in one short transaction: the attempt row, the
 * delivery's status and, on failure, the next try (RETRYING) or FAILED. A job whose try was made
 * already (a replay and a retry racing, a job run twice) finds the attempt taken and does nothing.
 */
export async function deliveryTry(job: Job<DeliveryJob>, ctx: JobContext): Promise<void> {
  const { organizationId, deliveryId, attempt } = job.data;
  const [row]: DeliveryRow[] = await ctx.db.query(
    `SELECT d.id, d.endpoint_id, d.body, d.status, d.attempts, e.url, e.secret, e.previous_secret, e.previous_secret_expires_at, e.enabled
       FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
      WHERE d.id = $1 AND d.organization_id = $2`,
    [deliveryId, organizationId],
  );
  if (!row || row.attempts !== attempt - 1) return; // deleted with its endpoint, or this try was made already
  if (!row.enabled) {
    await ctx.db.query(
      `UPDATE webhook_deliveries SET status = 'FAILED', next_attempt_at = NULL, last_error = 'The endpoint is disabled' WHERE id = $1 AND attempts = $2`,
      [deliveryId, row.attempts],
    );
    return;
  }
  const at = ctx.app.now();
  const secrets = await signingSecrets(ctx, row, at);
  const result: SendResult =
    secrets === null
      ? { ok: false, statusCode: null, latencyMs: 0, error: UNDECRYPTABLE }
      : await sendSigned(row.url, signedHeaders(secrets, row.id, at, row.body), row.body, networkPolicyOf(ctx.app.config), { signal: ctx.signal });
  const delay = result.ok || !job.data.retries ? null : retryDelayMs(attempt);
  const next = delay === null ? null : new Date(at.getTime() + delay);
  const status = result.ok ? 'SUCCEEDED' : next ? 'RETRYING' : 'FAILED';
  const disabled = await ctx.db.transaction(async (tx) => {
    const recorded: unknown[] = await tx.query(
      `INSERT INTO webhook_attempts (delivery_id, organization_id, attempt, status_code, latency_ms, error, attempted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (delivery_id, attempt) DO NOTHING RETURNING id`,
      [deliveryId, organizationId, attempt, result.statusCode, result.latencyMs, result.error, at],
    );
    if (recorded.length === 0) return false;
    await tx.query(
      `UPDATE webhook_deliveries SET attempts = $2, status = $3, last_status_code = $4, last_latency_ms = $5, last_error = $6, last_attempt_at = $7, next_attempt_at = $8
        WHERE id = $1`,
      [deliveryId, attempt, status, result.statusCode, result.latencyMs, result.error, at, next],
    );
    if (next) await sendTry(tx, { ...job.data, attempt: attempt + 1 }, { at: next, key: 'retry' });
    return recordHealth(tx, organizationId, row.endpoint_id, result.ok, at);
  });
  if (disabled) {
    ctx.logger.warn({ event: 'webhook.endpoint_disabled', endpointId: row.endpoint_id }, 'webhook endpoint failed for 3 days: disabled');
  }
}

/** The error a try records when the endpoint's secret cannot be read: nothing is sent, unsigned least of all. */
const UNDECRYPTABLE = 'The signing secret cannot be decrypted with the configured keys (SECRET_ENCRYPTION_KEY, SECRET_ENCRYPTION_KEY_PREVIOUS)';

/**
 * The secrets a try signs with: the endpoint's, and during a rotation's grace period (until
 * previous_secret_expires_at, by the app's clock) the one it replaced, after it. Each is opened with
 * the keyring and sealed again with the current key when stale. null when the endpoint's own secret
 * opens under no key (logged without the value); a previous secret no key opens is left out, and an
 * expired one is erased.
 */
async function signingSecrets(ctx: JobContext, row: DeliveryRow, at: Date): Promise<string[] | null> {
  const keyring = keyringOf(ctx.app.config);
  const log = { endpointId: row.endpoint_id, deliveryId: row.id };
  let current: { plain: string; stale: boolean };
  try {
    current = readWebhookSecret(keyring, row.endpoint_id, row.secret);
  } catch {
    ctx.logger.error({ event: 'webhook.undecryptable', ...log }, 'the webhook signing secret cannot be decrypted with the configured keys: the delivery fails unsent');
    return null;
  }
  if (current.stale) await resealWebhookSecret(ctx.db, keyring.current, row.endpoint_id, row.secret, current.plain);
  if (row.previous_secret === null) return [current.plain];
  if (!row.previous_secret_expires_at || row.previous_secret_expires_at.getTime() <= at.getTime()) {
    await ctx.db.query(
      `UPDATE webhook_endpoints SET previous_secret = NULL, previous_secret_expires_at = NULL WHERE id = $1 AND previous_secret = $2 AND (previous_secret_expires_at IS NULL OR previous_secret_expires_at <= $3)`,
      [row.endpoint_id, row.previous_secret, at],
    );
    return [current.plain];
  }
  try {
    const previous = readWebhookSecret(keyring, row.endpoint_id, row.previous_secret, 'previous');
    if (previous.stale) await resealWebhookSecret(ctx.db, keyring.current, row.endpoint_id, row.previous_secret, previous.plain, 'previous');
    return [current.plain, previous.plain];
  } catch {
    ctx.logger.warn({ event: 'webhook.previous_undecryptable', ...log }, 'the previous webhook signing secret cannot be decrypted: signed with the new one only');
    return [current.plain];
  }
}

/**
 * An endpoint's health after a try: a success clears failing_since; a failure sets it if unset, and
 * an endpoint failing since DISABLE_AFTER_MS ago is disabled and the organization's admins are
 * told (in the app: WEBHOOK_DISABLED). Answers whether it was disabled now.
 */
async function recordHealth(tx: EntityManager, organizationId: string, endpointId: string, ok: boolean, at: Date): Promise<boolean> {
  if (ok) {
    await tx.query(`UPDATE webhook_endpoints SET failing_since = NULL WHERE id = $1 AND failing_since IS NOT NULL`, [endpointId]);
    return false;
  }
  const [health] = await updateReturning<{ enabled: boolean; failing_since: Date }>(
    tx,
    `UPDATE webhook_endpoints SET failing_since = COALESCE(failing_since, $3) WHERE id = $1 AND organization_id = $2 RETURNING enabled, failing_since`,
    [endpointId, organizationId, at],
  );
  if (!health?.enabled || at.getTime() - health.failing_since.getTime() < DISABLE_AFTER_MS) return false;
  const disabled = await updateReturning(tx, `UPDATE webhook_endpoints SET enabled = false, disabled_at = $2 WHERE id = $1 AND enabled RETURNING id`, [endpointId, at]);
  if (disabled.length === 0) return false;
  const admins: { id: string }[] = await tx.query(`SELECT id FROM users WHERE organization_id = $1 AND active AND 'ADMIN' = ANY(roles)`, [organizationId]);
  await notify(tx, {
    organizationId,
    userIds: admins.map((a) => a.id),
    kind: 'WEBHOOK_DISABLED',
    dedupeKey: `webhook.disabled:${endpointId}:${at.toISOString()}`,
    data: { link: '/organization/webhooks' },
    at,
  });
  return true;
}
