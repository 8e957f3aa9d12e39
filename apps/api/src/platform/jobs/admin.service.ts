import { isUuid } from '../../kernel/batch.js';
import { orgOf, type Context } from '../../kernel/context.js';
import { badInput, invalidState, notFound } from '../../kernel/errors.js';
import type { DeadLetteredJob, JobQueueStats, RetriedJob } from './admin.types.js';
import { jobQueueOf } from './queue.js';
import {
  DEAD_LETTERS_SQL,
  DEAD_LETTER_FOR_RETRY_SQL,
  DEAD_LETTER_QUEUES_SQL,
  DELETE_JOB_SQL,
  QUEUE_STATS_SQL,
  originQueueOf,
  type DeadLetterRow,
  type QueueStatsRow,
} from './store.js';
import type { JobData } from './types.js';

const MAX_DEAD_LETTERS = 200;

const count = (value: string) => Number(value);
const ms = (value: number | null) => (value === null ? null : Math.round(Number(value) * 10) / 10);

/** Every queue with the caller's organization's counts and latencies. */
export async function queueStats(ctx: Context): Promise<JobQueueStats[]> {
  const rows = (await ctx.db.query(QUEUE_STATS_SQL, [orgOf(ctx)])) as QueueStatsRow[];
  return rows.map((row) => ({
    name: row.name,
    queued: count(row.queued),
    scheduled: count(row.scheduled),
    retrying: count(row.retrying),
    active: count(row.active),
    completedLastHour: count(row.completed_last_hour),
    failedLastHour: count(row.failed_last_hour),
    deadLettered: count(row.dead_lettered),
    waitP50Ms: ms(row.wait_p50_ms),
    waitP95Ms: ms(row.wait_p95_ms),
    runP95Ms: ms(row.run_p95_ms),
  }));
}

async function deadLetterQueues(ctx: Context): Promise<string[]> {
  return ((await ctx.db.query(DEAD_LETTER_QUEUES_SQL)) as { name: string }[]).map((r) => r.name);
}

/** The caller's organization's dead-lettered jobs, newest first. */
export async function deadLetteredJobs(ctx: Context, first: number): Promise<DeadLetteredJob[]> {
  if (!Number.isInteger(first) || first < 1 || first > MAX_DEAD_LETTERS) throw badInput('first', `first must be from 1 to ${MAX_DEAD_LETTERS}`);
  const rows = (await ctx.db.query(DEAD_LETTERS_SQL, [await deadLetterQueues(ctx), orgOf(ctx), first])) as DeadLetterRow[];
  return rows.map((row) => ({
    id: row.id,
    queue: originQueueOf(row.name),
    error: typeof row.output?.message === 'string' ? row.output.message : 'unknown error',
    attempts: row.retry_limit + 1,
    failedAt: row.created_on,
  }));
}

/**
 * Sends a dead-lettered job's data to its queue again, as a new job with fresh retries, and takes it
 * off the dead-letter list, in one transaction. Another organization's job answers exactly like an
 * unknown one.
 */
export async function retryDeadLetteredJob(ctx: Context, id: string): Promise<RetriedJob> {
  const organizationId = orgOf(ctx);
  if (!isUuid(id)) throw notFound('Dead-lettered job', 'id');
  const jobs = jobQueueOf(ctx.db);
  const queues = await deadLetterQueues(ctx);
  const retried = await ctx.db.transaction(async (tx) => {
    const [row] = (await tx.query(DEAD_LETTER_FOR_RETRY_SQL, [queues, id, organizationId])) as { id: string; name: string; data: JobData }[];
    if (!row) throw notFound('Dead-lettered job', 'id');
    const queue = originQueueOf(row.name);
    if (!jobs.hasQueue(queue)) throw invalidState(`The queue ${queue} no longer exists, so this job cannot run again`, 'id');
    await tx.query(DELETE_JOB_SQL, [row.name, row.id]);
    const newId = await jobs.send(queue, row.data, { db: tx });
    return { id: newId!, queue };
  });
  ctx.logger.info({ event: 'job.retried', queue: retried.queue, deadLetteredId: id, jobId: retried.id, organizationId }, 'dead-lettered job sent again');
  return retried;
}
