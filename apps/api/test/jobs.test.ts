import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/data-source.js';
import type { Background } from '../src/platform/background.js';
import { deadLetterQueueOf } from '../src/platform/jobs/store.js';
import type { Job, JobData } from '../src/platform/jobs/types.js';
import { databases, durableDatabase, gate, jobRow, startBackgroundOn, until } from './support/jobs.js';

/**
 * Issue 17: the durable job queue (pg-boss) on both databases. Jobs survive a restart, retry with
 * backoff, land in their dead-letter queue with their error, are sent in the caller's transaction
 * (or not at all), never hold the embedded database's one connection while they wait, and at
 * shutdown finish or go back to the queue. Each "process" here is a database connection with a
 * job queue of its own, started and stopped as main.ts does.
 */

interface Work extends JobData {
  n: number;
}

const org = randomUUID();

describe.each(databases)('job queue ($name)', ({ embedded }) => {
  let database: Awaited<ReturnType<typeof durableDatabase>>;
  let db: Database;
  let background: Background | null = null;
  const runs: { queue: string; id: string; attempt: number; n: number; at: number }[] = [];
  const record = (job: Job<Work>) => runs.push({ queue: job.queue, id: job.id, attempt: job.attempt, n: job.data.n, at: Date.now() });

  /** Starts this test's "process": the queues below, with or without workers. */
  const start = async (runWorkers: boolean, handlers: Partial<Record<string, (job: Job<Work>) => Promise<void>>> = {}) => {
    background = await startBackgroundOn(
      db,
      ({ jobs }) => {
        jobs.defineQueue('test.plain');
        jobs.defineQueue('test.flaky', { retryLimit: 1, retryDelaySeconds: 1 });
        jobs.defineQueue('test.doomed', { retryLimit: 1, retryDelaySeconds: 1 });
        jobs.defineQueue('test.slow');
        for (const [queue, handler] of Object.entries(handlers)) jobs.registerWorker<Work>(queue, handler!, { concurrency: 2 });
      },
      runWorkers,
    );
    return background.jobs;
  };
  const stop = async (timeoutMs?: number) => {
    await background?.jobs.stop({ timeoutMs });
    background = null;
  };

  beforeAll(async () => {
    database = await durableDatabase(embedded);
    db = await database.open();
  });
  afterAll(async () => {
    await stop();
    await db?.close();
    await database?.drop();
  });

  it('keeps a job through a restart: sent by one process, run after the next one starts', async () => {
    const jobs = await start(false);
    const id = await jobs.send<Work>('test.plain', { organizationId: org, n: 1 });
    await stop();
    await db.close();

    db = await database.open();
    await start(true, { 'test.plain': async (job) => void record(job) });
    await until(() => runs.find((r) => r.id === id), 'the job to run after the restart');
    await until(async () => (await jobRow(db, 'test.plain', id!))?.state === 'completed', 'the job to be completed');
    await stop();
  });

  it('sends a job in the caller transaction: a rollback leaves none, a commit one that runs', async () => {
    const jobs = await start(true, { 'test.plain': async (job) => void record(job) });
    const count = async () => Number((await db.dataSource.query(`SELECT count(*) AS n FROM pgboss.job WHERE name = 'test.plain' AND data->>'n' = '2'`))[0].n);

    await expect(
      db.dataSource.transaction(async (tx) => {
        await jobs.send<Work>('test.plain', { organizationId: org, n: 2 }, { db: tx });
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    expect(await count()).toBe(0);

    const id = await db.dataSource.transaction((tx) => jobs.send<Work>('test.plain', { organizationId: org, n: 2 }, { db: tx }));
    expect(await count()).toBe(1);
    await until(() => runs.find((r) => r.id === id), 'the committed job to run');
    await stop();
  });

  it('retries a failing job after its backoff delay, then completes it', async () => {
    const jobs = await start(true, {
      'test.flaky': async (job) => {
        record(job);
        if (job.attempt === 1) throw new Error('first try fails');
      },
    });
    const id = await jobs.send<Work>('test.flaky', { organizationId: org, n: 3 });
    await until(async () => (await jobRow(db, 'test.flaky', id!))?.state === 'completed', 'the retry to complete');
    const tries = runs.filter((r) => r.id === id);
    expect(tries.map((r) => r.attempt)).toEqual([1, 2]);
    // Backoff: the retry waits at least retryDelaySeconds (1 s), at most twice that plus polling.
    expect(tries[1].at - tries[0].at).toBeGreaterThanOrEqual(950);
    await stop();
  });

  it('dead-letters a job that fails on every try, with its error', async () => {
    const jobs = await start(true, {
      'test.doomed': async (job) => {
        record(job);
        throw new Error(`mail server said no (${job.attempt})`);
      },
    });
    const id = await jobs.send<Work>('test.doomed', { organizationId: org, n: 4 });
    await until(async () => (await jobRow(db, 'test.doomed', id!))?.state === 'failed', 'the job to fail for good');
    expect(runs.filter((r) => r.id === id).map((r) => r.attempt)).toEqual([1, 2]);
    const dead = await until(
      async () => (await db.dataSource.query(`SELECT data, output FROM pgboss.job WHERE name = $1 AND data->>'n' = '4'`, [deadLetterQueueOf('test.doomed')]))[0],
      'the dead-letter copy',
    );
    expect(dead.data).toEqual({ organizationId: org, n: 4 });
    expect(dead.output.message).toBe('mail server said no (2)');
    await stop();
  });

  it('never holds the database connection while a job waits (the embedded one has only one)', async () => {
    const held = gate();
    let waiting = false;
    const jobs = await start(true, {
      'test.slow': async () => {
        waiting = true;
        await held.promise; // a mail server or webhook taking its time
      },
    });
    const id = await jobs.send<Work>('test.slow', { organizationId: org, n: 5 });
    await until(() => waiting, 'the job to start waiting');
    // With a pool of one, this would wait for the job if the job held the connection.
    expect(await db.dataSource.query(`SELECT state FROM pgboss.job WHERE name = 'test.slow' AND id = $1`, [id])).toEqual([{ state: 'active' }]);
    held.open();
    await until(async () => (await jobRow(db, 'test.slow', id!))?.state === 'completed', 'the job to complete');
    await stop();
  });

  it('at shutdown lets a running job finish, and gives back one that does not in time', async () => {
    const quick = gate();
    const started = new Set<number>();
    const jobs = await start(true, {
      'test.slow': async (job, ) => {
        started.add(job.data.n);
        if (job.data.n === 6) await quick.promise;
        else await new Promise(() => {}); // never finishes by itself
      },
    });
    const finishing = await jobs.send<Work>('test.slow', { organizationId: org, n: 6 });
    const stuck = await jobs.send<Work>('test.slow', { organizationId: org, n: 7 });
    await until(() => started.has(6) && started.has(7), 'both jobs to start');
    setTimeout(quick.open, 100);
    await stop(1500);
    expect((await jobRow(db, 'test.slow', finishing!))?.state).toBe('completed');
    // Back in the queue as if never started: the interrupted run is not counted as a try.
    expect(await jobRow(db, 'test.slow', stuck!)).toMatchObject({ state: 'created', retry_count: 0, started_on: null });

    await start(true, { 'test.slow': async (job) => void record(job) });
    await until(() => runs.find((r) => r.id === stuck), 'the returned job to run after the restart');
    expect(runs.find((r) => r.id === stuck)?.attempt).toBe(1);
    await stop();
  });

  it('refuses what would lose a job silently: an undefined queue, a job without its organization', async () => {
    const jobs = await start(false);
    await expect(jobs.send('test.nowhere', { organizationId: org })).rejects.toThrow('not defined');
    await expect(jobs.send('test.plain', { n: 1 } as unknown as Work)).rejects.toThrow('organizationId');
    await stop();
  });
});

describe.skipIf(!process.env.DATABASE_URL)('two worker processes on PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof durableDatabase>>;
  const dbs: Database[] = [];
  const backgrounds: Background[] = [];

  beforeAll(async () => {
    database = await durableDatabase(false);
  });
  afterAll(async () => {
    for (const b of backgrounds) await b.jobs.stop();
    for (const d of dbs) await d.close();
    await database?.drop();
  });

  it('never run the same job twice', async () => {
    const runs: { id: string; worker: string }[] = [];
    for (const worker of ['a', 'b']) {
      const db = await database.open();
      dbs.push(db);
      backgrounds.push(
        await startBackgroundOn(db, ({ jobs }) => {
          jobs.defineQueue('test.once');
          jobs.registerWorker(
            'test.once',
            async (job) => {
              runs.push({ id: job.id, worker });
              await new Promise((resolve) => setTimeout(resolve, 5));
            },
            { concurrency: 3 },
          );
        }),
      );
    }
    const ids = new Set<string>();
    await dbs[0].dataSource.transaction(async (tx) => {
      for (let n = 0; n < 150; n++) ids.add((await backgrounds[0].jobs.send('test.once', { organizationId: org, n }, { db: tx }))!);
    });
    await until(() => runs.length >= 150, 'every job to run');
    await until(
      async () => Number((await dbs[0].dataSource.query(`SELECT count(*) AS n FROM pgboss.job WHERE name = 'test.once' AND state <> 'completed'`))[0].n) === 0,
      'every job to be completed',
    );
    await new Promise((resolve) => setTimeout(resolve, 300)); // room for a duplicate to show up
    expect(runs).toHaveLength(150);
    expect(new Set(runs.map((r) => r.id))).toEqual(ids);
    expect(runs.some((r) => r.worker === 'a') && runs.some((r) => r.worker === 'b')).toBe(true);
  });
});
