import type { EntityManager } from 'typeorm';
import { jobQueueOf } from '../jobs/queue.js';
import { jobIdOf } from '../jobs/schedules.js';
import { DISPATCH_QUEUE } from './bus.js';
import { DOMAIN_EVENT_TYPES, type NewDomainEvent } from './types.js';

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

/**
 * Sends the dispatch jobs of events written by a statement of their own (the respondent's answer
 * writer inserts followup.created rows in its one statement; survey/respondent/record-responses.ts):
 * in the caller's transaction when `db` is in one, else at once.
 */
export async function dispatchWritten(db: EntityManager, events: readonly { id: string; organizationId: string }[]): Promise<void> {
  const jobs = jobQueueOf(db);
  const tx = db.queryRunner?.isTransactionActive ? db : undefined;
  for (const event of events) {
    await jobs.send(DISPATCH_QUEUE, { organizationId: event.organizationId, eventId: event.id }, { db: tx, id: jobIdOf(`dispatch:${event.id}`) });
  }
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
      ORDER BY occurred_at LIMIT $2`,
    [olderThanSeconds, limit],
  );
  await dispatchWritten(db, rows.map((r) => ({ id: r.id, organizationId: r.organization_id })));
  return rows.length;
}
