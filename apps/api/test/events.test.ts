import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/data-source.js';
import type { Background } from '../src/platform/background.js';
import { DISPATCH_QUEUE, consumerQueueOf } from '../src/platform/events/bus.js';
import { publish } from '../src/platform/events/outbox.js';
import type { DomainEvent, NewDomainEvent } from '../src/platform/events/types.js';
import { deadLetterQueueOf } from '../src/platform/jobs/store.js';
import { openTestDatabase } from './support/database.js';
import { createOrganization } from './support/fixtures.js';
import { databases, startBackgroundOn, until } from './support/jobs.js';

/**
 * Issue 17: the transactional outbox. An event is written in the transaction of its change, with
 * the job that fans it out, so a rolled-back change leaves neither; each consumer gets the event as
 * a job of its own, so one that fails retries (and dead-letters) while the others go on.
 */
describe.each(databases)('domain events ($name)', ({ embedded }) => {
  let db: Database;
  let background: Background;
  let organizationId: string;
  const received: { consumer: string; event: DomainEvent }[] = [];
  const failures: string[] = [];

  const event = (waveId: string): NewDomainEvent => ({ type: 'wave.opened', organizationId, payload: { waveId, audience: 'CUSTOMER' } });
  const eventsFor = async (waveId: string) => Number((await db.dataSource.query(`SELECT count(*) AS n FROM domain_events WHERE payload->>'waveId' = $1`, [waveId]))[0].n);
  const dispatchJobs = async () => Number((await db.dataSource.query(`SELECT count(*) AS n FROM pgboss.job WHERE name = $1`, [DISPATCH_QUEUE]))[0].n);

  beforeAll(async () => {
    db = await openTestDatabase({ embedded });
    organizationId = (await createOrganization(db.dataSource.manager, 'events', ['ADMIN'])).org.id;
    background = await startBackgroundOn(db, ({ events }) => {
      events.register({
        name: 'webhooks',
        types: ['wave.opened', 'followup.created'],
        queue: { retryLimit: 1, retryDelaySeconds: 1 },
        handle: async (e) => {
          failures.push(e.id);
          throw new Error('the receiving server is down');
        },
      });
      events.register({ name: 'feed', types: ['wave.opened'], handle: async (e) => void received.push({ consumer: 'feed', event: e }) });
      events.register({ name: 'digest', types: ['followup.resolved'], handle: async (e) => void received.push({ consumer: 'digest', event: e }) });
    });
  });
  afterAll(async () => {
    await background?.jobs.stop();
    await db?.close();
  });

  it('writes nothing, neither event nor job, when the publishing transaction rolls back', async () => {
    const before = await dispatchJobs();
    await expect(
      db.dataSource.transaction(async (tx) => {
        await publish(tx, event('00000000-0000-4000-8000-000000000001'));
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    expect(await eventsFor('00000000-0000-4000-8000-000000000001')).toBe(0);
    expect(await dispatchJobs()).toBe(before);
  });

  it('delivers a committed event to every consumer of its type, once, even when another consumer fails', async () => {
    const waveId = '00000000-0000-4000-8000-000000000002';
    const id = await db.dataSource.transaction((tx) => publish(tx, event(waveId)));
    expect(await eventsFor(waveId)).toBe(1);

    const delivered = await until(() => received.find((r) => r.event.id === id), 'the feed consumer to receive the event');
    expect(delivered).toMatchObject({ consumer: 'feed', event: { id, type: 'wave.opened', organizationId, payload: { waveId, audience: 'CUSTOMER' } } });
    expect(typeof delivered.event.occurredAt).toBe('string');
    // digest listens to another type; the failing webhooks consumer tries twice, then dead-letters.
    await until(
      async () => (await db.dataSource.query(`SELECT 1 FROM pgboss.job WHERE name = $1 AND data->'event'->>'id' = $2`, [deadLetterQueueOf(consumerQueueOf('webhooks')), id])).length,
      'the failing consumer to dead-letter the event',
    );
    expect(failures.filter((f) => f === id)).toHaveLength(2);
    expect(received.filter((r) => r.event.id === id)).toHaveLength(1);
    expect((await db.dataSource.query(`SELECT dispatched_at FROM domain_events WHERE id = $1`, [id]))[0].dispatched_at).not.toBeNull();
  });

  it('fans an event out once even when its dispatch job runs again', async () => {
    const waveId = '00000000-0000-4000-8000-000000000003';
    const id = await publish(db.dataSource.manager, event(waveId));
    await until(() => received.find((r) => r.event.id === id), 'the event to arrive');
    // A dispatch that ran but could not be marked complete runs again: it must send nothing.
    await background.jobs.send(DISPATCH_QUEUE, { organizationId, eventId: id });
    await until(
      async () => Number((await db.dataSource.query(`SELECT count(*) AS n FROM pgboss.job WHERE name = $1 AND state <> 'completed'`, [DISPATCH_QUEUE]))[0].n) === 0,
      'the second dispatch to finish',
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received.filter((r) => r.event.id === id)).toHaveLength(1);
  });

  it("refuses an event that would carry an employee's answer, or more than counts for an employee wave", async () => {
    const waveId = '00000000-0000-4000-8000-000000000004';
    const answer = { type: 'response.created', organizationId, payload: { responseId: waveId, waveId, audience: 'EMPLOYEE', score: 3 } } as unknown as NewDomainEvent;
    await expect(publish(db.dataSource.manager, answer)).rejects.toThrow('never published');
    const leaky = { type: 'wave.closed', organizationId, payload: { waveId, audience: 'EMPLOYEE', invited: 12, answers: 9, lastAnswerAt: 'x' } } as unknown as NewDomainEvent;
    await expect(publish(db.dataSource.manager, leaky)).rejects.toThrow('ids and counts only');
    const unknown = { type: 'wave.deleted', organizationId, payload: { waveId } } as unknown as NewDomainEvent;
    await expect(publish(db.dataSource.manager, unknown)).rejects.toThrow('Unknown domain event type');
    expect(await eventsFor(waveId)).toBe(0);
    // Counts at or above the threshold, or none, are what an employee wave may publish.
    await publish(db.dataSource.manager, { type: 'wave.closed', organizationId, payload: { waveId, audience: 'EMPLOYEE', invited: 12, answers: null } });
    expect(await eventsFor(waveId)).toBe(1);
  });

  it('keeps the event types of the code and of the database the same', async () => {
    const { DOMAIN_EVENT_TYPES } = await import('../src/platform/events/types.js');
    const [{ def }] = await db.dataSource.query(
      `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'domain_events'::regclass AND contype = 'c'`,
    );
    expect([...def.matchAll(/'([a-z._]+)'::text/g)].map((m) => m[1]).sort()).toEqual([...DOMAIN_EVENT_TYPES].sort());
  });
});
