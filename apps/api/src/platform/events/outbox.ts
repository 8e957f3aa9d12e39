import type { EntityManager } from 'typeorm';
import { jobQueueOf } from '../jobs/queue.js';
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
