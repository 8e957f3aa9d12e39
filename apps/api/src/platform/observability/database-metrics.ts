import client from 'prom-client';
import type { DataSource } from 'typeorm';
import type pg from 'pg';
import type { Logger } from '../../logger.js';
import { jobQueueOf } from '../jobs/queue.js';
import { JOB_COUNTS_SQL, isDeadLetterQueue, originQueueOf } from '../jobs/store.js';
import { processMetrics } from './metrics.js';

/** How long job counts read at one scrape serve the next ones (a scrape every 15 s reads the database at most every 15 s). */
export const JOB_COUNTS_CACHE_MS = 15_000;

interface Watched {
  dataSource: DataSource;
  logger: Logger;
  jobCounts?: { at: number; rows: { queue: string; state: string; count: number }[] };
}

const watched = new Set<Watched>();
let registered = false;

/** The pool TypeORM's postgres driver holds (pg.Pool), when there is one. */
function poolOf(dataSource: DataSource): pg.Pool | null {
  const pool = (dataSource.driver as unknown as { master?: pg.Pool }).master;
  return pool && typeof pool.totalCount === 'number' ? pool : null;
}

/** A queue name as a label: a queue this process defined (or its dead-letter queue), else "other". */
function queueLabel(dataSource: DataSource, name: string): string {
  try {
    const jobs = jobQueueOf(dataSource.manager);
    return jobs.hasQueue(isDeadLetterQueue(name) ? originQueueOf(name) : name) ? name : 'other';
  } catch {
    return 'other';
  }
}

async function jobCounts(entry: Watched, now: number) {
  if (entry.jobCounts && now - entry.jobCounts.at < JOB_COUNTS_CACHE_MS) return entry.jobCounts.rows;
  const raw = (await entry.dataSource.query(JOB_COUNTS_SQL)) as { name: string; state: string; count: number }[];
  const sums = new Map<string, { queue: string; state: string; count: number }>();
  for (const row of raw) {
    const queue = queueLabel(entry.dataSource, row.name);
    const key = `${queue}\n${row.state}`;
    const sum = sums.get(key) ?? { queue, state: row.state, count: 0 };
    sum.count += Number(row.count);
    sums.set(key, sum);
  }
  entry.jobCounts = { at: now, rows: [...sums.values()] };
  return entry.jobCounts.rows;
}

function register(): void {
  if (registered) return;
  registered = true;
  const { registry } = processMetrics();
  new client.Gauge({
    name: 'tandem_jobs',
    help: `Background jobs by queue and state (pg-boss), read at scrape time at most every ${JOB_COUNTS_CACHE_MS / 1000} s`,
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const now = Date.now();
      for (const entry of watched) {
        try {
          for (const row of await jobCounts(entry, now)) this.inc({ queue: row.queue, state: row.state }, row.count);
        } catch (error) {
          entry.logger.warn({ err: error }, 'metrics: could not count background jobs');
        }
      }
    },
  });
  new client.Gauge({
    name: 'tandem_db_pool_connections',
    help: "The API's database pool: connections in total, idle, and requests waiting for one",
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const { dataSource } of watched) {
        const pool = poolOf(dataSource);
        if (!pool) continue;
        this.inc({ state: 'total' }, pool.totalCount);
        this.inc({ state: 'idle' }, pool.idleCount);
        this.inc({ state: 'waiting' }, pool.waitingCount);
      }
    },
  });
  new client.Gauge({
    name: 'tandem_db_pool_max',
    help: "The API's database pool size",
    registers: [registry],
    collect() {
      this.reset();
      for (const { dataSource } of watched) {
        const max = (poolOf(dataSource) as { options?: { max?: number } } | null)?.options?.max;
        if (typeof max === 'number') this.inc(max);
      }
    },
  });
}

/** Reports this database's pool and job counts at each scrape, until the returned function is called (the server stops). */
export function watchDatabase(dataSource: DataSource, logger: Logger): () => void {
  register();
  const entry: Watched = { dataSource, logger };
  watched.add(entry);
  return () => void watched.delete(entry);
}
