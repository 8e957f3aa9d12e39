import type PgBoss from 'pg-boss';
import type { Logger } from '../../logger.js';
import type { Job, JobContext, JobData, JobHandler } from './types.js';

interface Running {
  done: Promise<void>;
  abort: AbortController;
  /** Given back to the queue at shutdown: whatever the handler does later is not recorded. */
  abandoned: boolean;
}

export interface WorkerDeps {
  queue: string;
  concurrency: number;
  pollingIntervalMs: number;
  handler: JobHandler<JobData>;
  boss: PgBoss;
  logger: Logger;
  contextFor(job: Job<JobData>, logger: Logger, signal: AbortSignal): JobContext;
  /** Puts unfinished jobs back in the queue (store.returnToQueue). */
  giveBack(queue: string, ids: string[]): Promise<number>;
}

const asError = (value: unknown): Error => (value instanceof Error ? value : new Error(String(value)));

/**
 * One queue's worker: fetches up to `concurrency` jobs at a time (pg-boss's fetch: SELECT … FOR
 * UPDATE SKIP LOCKED, so two processes never take the same job), runs each through its handler and
 * records the outcome. It sleeps for the polling interval when the queue is empty, unless woken:
 * after a job for this queue is committed in this process, by a NOTIFY from another process, or
 * when one of its own jobs finishes and frees a slot.
 *
 * Handlers must be idempotent: a job runs at least once. It runs again after a crash, after its
 * time limit (expireInSeconds), or when its outcome could not be recorded.
 */
export class QueueWorker {
  private readonly running = new Map<string, Running>();
  private stopping = false;
  private wakeRequested = false;
  private sleeper: { timer: NodeJS.Timeout; resolve(): void } | null = null;
  private loop: Promise<void> | null = null;

  constructor(private readonly deps: WorkerDeps) {}

  get queue(): string {
    return this.deps.queue;
  }

  start(): void {
    this.loop ??= this.run();
  }

  wake(): void {
    this.wakeRequested = true;
    this.sleeper?.resolve();
  }

  /**
   * Stops fetching, lets running jobs finish until the deadline, then gives the rest back to the
   * queue (aborting their signal) so another process, or this one after a restart, runs them.
   */
  async stop(deadline: number): Promise<void> {
    this.stopping = true;
    this.wake();
    await this.loop;
    const pending = [...this.running.values()].map((r) => r.done);
    if (pending.length) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, deadline - Date.now()))));
      await Promise.race([Promise.allSettled(pending), timeout]);
      clearTimeout(timer);
    }
    const left = [...this.running.entries()];
    if (left.length === 0) return;
    for (const [, run] of left) {
      run.abandoned = true;
      run.abort.abort(new Error('shutting down'));
    }
    const ids = left.map(([id]) => id);
    try {
      const returned = await this.deps.giveBack(this.deps.queue, ids);
      this.deps.logger.warn({ event: 'job.returned', queue: this.deps.queue, jobIds: ids, returned }, 'shutdown: unfinished jobs returned to the queue');
    } catch (error) {
      this.deps.logger.error({ err: error, queue: this.deps.queue, jobIds: ids }, 'shutdown: could not return unfinished jobs; they run again when they expire');
    }
  }

  private async run(): Promise<void> {
    const { boss, queue, concurrency, pollingIntervalMs } = this.deps;
    while (!this.stopping) {
      // Reset on every turn, before anything is awaited: a wake that arrives later in this turn
      // skips the sleep below; one that arrived before does not make the loop spin when it is full.
      this.wakeRequested = false;
      const free = concurrency - this.running.size;
      if (free > 0) {
        // pg-boss's fetch answers [] when the database is unreachable; polling goes on until it is back.
        const jobs = (await boss.fetch<JobData>(queue, { batchSize: free, includeMetadata: true })) ?? [];
        for (const job of jobs) this.execute(job);
        if (jobs.length === free) continue; // there may be more; when full, the next turn sleeps until a job ends
      }
      if (!this.wakeRequested && !this.stopping) await this.sleep(pollingIntervalMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.sleeper = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.sleeper = { timer, resolve: done };
    });
  }

  private execute(raw: PgBoss.JobWithMetadata<JobData>): void {
    const { boss, queue, handler, logger } = this.deps;
    const abort = new AbortController();
    const run: Running = { done: Promise.resolve(), abort, abandoned: false };
    this.running.set(raw.id, run);
    const attempt = raw.retryCount + 1;
    const job: Job<JobData> = { id: raw.id, queue, data: raw.data, attempt, createdOn: raw.createdOn };
    const log = logger.child({ queue, jobId: raw.id, organizationId: raw.data?.organizationId ?? null, attempt });
    const limitMs = Number(raw.expireInSeconds) * 1000;

    run.done = (async () => {
      const startedAt = performance.now();
      log.info({ event: 'job.started', waitMs: Math.max(0, raw.startedOn.getTime() - raw.startAfter.getTime()) }, 'job started');
      let failure: Error | null = null;
      let timer: NodeJS.Timeout | undefined;
      try {
        const limit = new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            const error = new Error(`the job ran longer than its limit of ${limitMs / 1000} s`);
            abort.abort(error);
            reject(error);
          }, limitMs);
        });
        await Promise.race([handler(job, this.deps.contextFor(job, log, abort.signal)), limit]);
      } catch (error) {
        failure = asError(error);
      } finally {
        clearTimeout(timer);
      }
      const durationMs = Math.round(performance.now() - startedAt);
      if (run.abandoned) return;
      try {
        if (!failure) {
          await boss.complete(queue, raw.id);
          log.info({ event: 'job.finished', durationMs }, 'job finished');
        } else {
          await boss.fail(queue, raw.id, { name: failure.name, message: failure.message, stack: failure.stack });
          const final = raw.retryCount >= raw.retryLimit;
          if (final) log.error({ event: 'job.dead-lettered', err: failure, durationMs, retryLimit: raw.retryLimit }, 'job failed for the last time; dead-lettered');
          else log.warn({ event: 'job.failed', err: failure, durationMs, retryLimit: raw.retryLimit }, 'job failed; it will be retried');
        }
      } catch (error) {
        log.error({ err: error, handlerError: failure?.message }, 'could not record the job outcome; it runs again when it expires');
      }
    })().finally(() => {
      this.running.delete(raw.id);
      this.wake();
    });
  }
}
