import type { EntityManager } from 'typeorm';
import { jobQueueOf } from '../jobs/queue.js';
import { jobIdOf } from '../jobs/schedules.js';
import { DISPATCH_QUEUE } from './bus.js';
import { DOMAIN_EVENT_TYPES, type NewDomainEvent } from './types.js';
import { rootDataSource } from '../../kernel/data-source-root.js';

/** Keys an EMPLOYEE wave's event may carry: ids and counts (see types.ts). */
const EMPLOYEE_WAVE_KEYS = new Set(['waveId', 'audience', 'invited', 'answers']);

function assertSafe(event: NewDomainEvent): void {
  if (!(DOMAIN_EVENT_TYPES as readonly string[]).includes(event.type)) throw new Error(`Unknown domain event type "${event.type}"`);
  const payload = event.payload as Record<string, unknown>;
  if (payload.audience !== 'EMPLOYEE') return;
  if (event.type === 'response.created') throw new Error('Employee answers are never published as events');
  const extra = Object.keys(payload).filter((key) => !EMPLOYEE_WAVE_KEYS.has(key));
  if (extra.length) throw new Error(`An employee wave's ${event.type} carries ids and counts only, not ${extra.join(', ')}`);
}

/**
 * Writes a domain event in the caller's transaction (`db` is the transaction's EntityManager), with
 * the job that will fan it out: both exist exactly when the change commits, and a rolled-back
 * change leaves neither. Outside a transaction both are written in one of their own.
 */
export async function publish(db: EntityManager, event: NewDomainEvent): Promise<string> {
  assertSafe(event);
  const jobs = jobQueueOf(db);
  if (!jobs.hasQueue(DISPATCH_QUEUE)) throw new Error('This job queue has no event bus (createBackground makes both)');
  const write = async (tx: EntityManager): Promise<string> => {
    const [row] = (await tx.query(`INSERT INTO domain_events (organization_id, type, payload) VALUES ($1, $2, $3) RETURNING id`, [
      event.organizationId,
      event.type,
      JSON.stringify(event.payload),
    ])) as { id: string }[];
    await jobs.send(DISPATCH_QUEUE, { organizationId: event.organizationId, eventId: row.id }, { db: tx });
    return row.id;
  };
  return db.queryRunner?.isTransactionActive ? write(db) : db.transaction(write);
}

type Written = { id: string; organizationId: string };

/** One dispatch job per organization for events already written (in the caller's transaction when `db` is in one). */
async function sendDispatch(db: EntityManager, events: readonly Written[], key?: string): Promise<void> {
  const jobs = jobQueueOf(db);
  const tx = db.queryRunner?.isTransactionActive ? db : undefined;
  const byOrganization = new Map<string, string[]>();
  for (const event of events) byOrganization.set(event.organizationId, [...(byOrganization.get(event.organizationId) ?? []), event.id]);
  for (const [organizationId, eventIds] of byOrganization) {
    await jobs.send(DISPATCH_QUEUE, { organizationId, eventIds }, { db: tx, ...(key ? { id: jobIdOf(`${key}:${eventIds.join(',')}`) } : {}) });
  }
}

/** Sends the dispatch of events written by a statement of their own, in the caller's transaction (see dispatchSoon). */
export function dispatchWritten(tx: EntityManager, events: readonly Written[]): Promise<void> {
  return sendDispatch(tx, events);
}

const DISPATCH_DELAY_MS = 100;
const pending = new WeakMap<object, { events: Written[]; timer: NodeJS.Timeout }>();

/**
 * The dispatch of events a statement wrote on its own and committed (the respondent's answer
 * writer inserts followup.created rows in its one statement; survey/respondent/record-responses.ts),
 * sent shortly after, together: the events committed within DISPATCH_DELAY_MS share one job, so an
 * answer never waits for a job to be written and a busy minute of answers costs a few inserts, not
 * one per detractor. Should the process stop before, the tick's sweep (dispatchStale) sends them.
 */
export function dispatchSoon(db: EntityManager, events: readonly Written[]): void {
  const key = rootDataSource(db.connection);
  const batch = pending.get(key);
  if (batch) {
    batch.events.push(...events);
    return;
  }
  const timer = setTimeout(() => {
    const due = pending.get(key);
    pending.delete(key);
    if (due) sendDispatch(key.manager, due.events).catch(() => undefined);
  }, DISPATCH_DELAY_MS);
  timer.unref();
  pending.set(key, { events: [...events], timer });
}

/**
 * The sweep's part (the tick): events committed more than `olderThanSeconds` ago and still not
 * dispatched (their dispatch job was never sent: the process stopped right after the commit) get
 * one. The dispatch is idempotent, so one sent twice fans out once.
 */
export async function dispatchStale(db: EntityManager, olderThanSeconds = 60, limit = 500): Promise<number> {
  const rows: { id: string; organization_id: string }[] = await db.query(
    `SELECT id, organization_id FROM domain_events
      WHERE dispatched_at IS NULL AND occurred_at < now() - make_interval(secs => $1)
      ORDER BY occurred_at, id LIMIT $2`,
    [olderThanSeconds, limit],
  );
  if (rows.length) await sendDispatch(db, rows.map((r) => ({ id: r.id, organizationId: r.organization_id })), 'dispatch-stale');
  return rows.length;
}
