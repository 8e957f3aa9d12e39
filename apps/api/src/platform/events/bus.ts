import type { EntityManager } from 'typeorm';
import type { JobQueue } from '../jobs/queue.js';
import type { JobContext, JobData, QueueOptions } from '../jobs/types.js';
import { DOMAIN_EVENT_TYPES, type DomainEvent, type DomainEventOf, type DomainEventType } from './types.js';

/** The queue of "fan this event out" jobs: publish() sends one per event, in the publishing transaction. */
export const DISPATCH_QUEUE = 'events.dispatch';
export const consumerQueueOf = (consumer: string) => `events.${consumer}`;

export interface EventConsumer<K extends DomainEventType = DomainEventType> {
  /** Stable name (lower case, digits, dashes): its queue is events.<name>; renaming it orphans queued events. */
  name: string;
  types: readonly K[];
  /** Runs once per event, at least once: make it idempotent (the event id is a good key). */
  handle(event: DomainEventOf<K>, ctx: JobContext): Promise<void>;
  /** Retries and time limit of this consumer's queue. */
  queue?: QueueOptions;
  concurrency?: number;
}

interface DispatchJob extends JobData {
  organizationId: string;
  /** One event (publish), or several written together (dispatchSoon, the sweep). */
  eventId?: string;
  eventIds?: string[];
}

interface ConsumerJob extends JobData {
  organizationId: string;
  event: DomainEvent;
}

interface EventRow {
  id: string;
  organization_id: string;
  type: DomainEventType;
  payload: DomainEvent['payload'];
  occurred_at: Date;
  dispatched_at: Date | null;
}

/**
 * Fans committed events out to their consumers. Each consumer has a queue of its own and gets one
 * job per event, so a consumer that fails retries (and at worst dead-letters) on its own while the
 * others go on. The dispatch of an event is one short transaction: lock the event, send a job per
 * consumer, stamp dispatched_at; a dispatch job that runs again finds the stamp and sends nothing.
 *
 * Latency: publish() sends the dispatch job in the publishing transaction, and the job queue wakes
 * the dispatcher right after that commit (in this process, or by NOTIFY in a worker process);
 * the dispatch commit wakes the consumers the same way. Measured in scripts/event-latency.ts.
 */
export class EventBus {
  private readonly consumers: EventConsumer[] = [];

  constructor(private readonly jobs: JobQueue) {
    jobs.defineQueue(DISPATCH_QUEUE, { retryLimit: 10, retryDelaySeconds: 1, expireInSeconds: 60 });
    jobs.registerWorker<DispatchJob>(
      DISPATCH_QUEUE,
      async (job, ctx) => {
        for (const eventId of job.data.eventIds ?? [job.data.eventId!]) await this.dispatch(eventId, ctx.db);
      },
      { concurrency: 2 },
    );
  }

  /** Registers a consumer of some event types; every process that publishes or dispatches registers the same ones. */
  register<K extends DomainEventType>(consumer: EventConsumer<K>): void {
    if (!/^[a-z][a-z0-9-]*$/.test(consumer.name) || consumer.name === 'dispatch') throw new Error(`Invalid consumer name "${consumer.name}"`);
    if (consumer.types.length === 0 || consumer.types.some((t) => !(DOMAIN_EVENT_TYPES as readonly string[]).includes(t))) {
      throw new Error(`Consumer ${consumer.name}: unknown or no event types`);
    }
    const queue = consumerQueueOf(consumer.name);
    this.jobs.defineQueue(queue, consumer.queue);
    this.jobs.registerWorker<ConsumerJob>(queue, (job, ctx) => consumer.handle(job.data.event as DomainEventOf<K>, ctx), {
      concurrency: consumer.concurrency,
    });
    this.consumers.push(consumer as unknown as EventConsumer);
  }

  private async dispatch(eventId: string, db: EntityManager): Promise<void> {
    await db.transaction(async (tx) => {
      const [row] = (await tx.query(
        `SELECT id, organization_id, type, payload, occurred_at, dispatched_at FROM domain_events WHERE id = $1 FOR UPDATE`,
        [eventId],
      )) as EventRow[];
      if (!row || row.dispatched_at) return; // its organization was deleted, or it was dispatched already
      const event = { id: row.id, type: row.type, organizationId: row.organization_id, payload: row.payload, occurredAt: row.occurred_at.toISOString() } as DomainEvent;
      for (const consumer of this.consumers) {
        if (!(consumer.types as readonly string[]).includes(event.type)) continue;
        await this.jobs.send<ConsumerJob>(consumerQueueOf(consumer.name), { organizationId: event.organizationId, event }, { db: tx });
      }
      await tx.query(`UPDATE domain_events SET dispatched_at = now() WHERE id = $1`, [eventId]);
    });
  }
}
