import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { enqueue, jobQueueOf } from './queue.js';
import type { JobData } from './types.js';

/**
 * Work that is due at a moment (issue 17): a wave opens at its opensAt, an employee wave is
 * released at its closesAt, a follow-up is checked when its SLA ends. pg-boss's own cron is off (it
 * would poll the embedded database's one connection), so every schedule is a job of the one
 * `schedules` queue sent with startAfter, plus one "tick" job per interval that re-sends itself and
 * sweeps up whatever is due by the app's clock (scheduling/tick in the wiring, src/jobs.ts).
 *
 * A scheduled job carries what it was scheduled for (a wave's closesAt, say): when it runs, the
 * handler compares that with the row, and a job whose moment changed since is stale and does
 * nothing. Re-scheduling is therefore only sending a new job; the old one is left to run out.
 */
export const SCHEDULE_QUEUE = 'schedules';

export interface ScheduledJob extends JobData {
  /** What is due: 'wave.open', 'followup.overdue', 'tick', … (the wiring maps each to its handler). */
  kind: string;
  /** The row it is about. */
  id?: string;
  /** The moment it was scheduled for (ISO), to tell a stale job from a current one. */
  at?: string;
}

/**
 * A job id derived from a key: sending twice with the same key queues one job (pg-boss keeps the
 * first; the second send answers null), so two processes, or a retry, scheduling the same thing at
 * the same moment make one job. A version-5-shaped uuid from SHA-1, as pg-boss ids are uuids.
 */
export function jobIdOf(key: string): string {
  const h = createHash('sha1').update(`tandem:${key}`).digest('hex');
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Schedules `job` at `at` (now when it is past) in the caller's transaction when `db` is one, once
 * per key. Answers the job id, or null when a job with that key exists already.
 */
export function schedule(db: EntityManager, job: ScheduledJob, at: Date | null, key: string): Promise<string | null> {
  const options = { id: jobIdOf(key), ...(at ? { startAfter: at } : {}) };
  if (db.queryRunner?.isTransactionActive) return enqueue(db, SCHEDULE_QUEUE, job, options);
  return jobQueueOf(db).send(SCHEDULE_QUEUE, job, options);
}
