import type { EntityManager } from 'typeorm';
import type { Logger } from '../../logger.js';
import type { AppServices } from '../../kernel/context.js';

/**
 * What every job carries: the organization it works for, or null for system work. The admin pages
 * show an organization only its own jobs, so a job for an organization must say which one.
 */
export interface JobData {
  organizationId: string | null;
}

export interface Job<T extends JobData> {
  id: string;
  queue: string;
  data: T;
  /** 1 for the first run, 2 for the first retry, … */
  attempt: number;
  createdOn: Date;
}

export interface JobContext {
  /**
   * The app's database. Do database work in short transactions (`db.transaction(async (tx) => …)`,
   * then only `tx` inside): the embedded database has one connection for the whole process, and a
   * transaction held open across a mail or HTTP call would stop every request meanwhile.
   */
  db: EntityManager;
  /** A child logger carrying queue, jobId, organizationId and attempt. */
  logger: Logger;
  /** The process's configuration, clock and mailer. */
  app: AppServices;
  /** Aborted when the job passes its time limit or is given back to the queue at shutdown. */
  signal: AbortSignal;
  /** To send follow-up jobs (in a transaction: pass it as options.db). */
  jobs: JobSender;
}

export interface JobSender {
  send<T extends JobData>(queue: string, data: T, options?: SendOptions): Promise<string | null>;
}

export type JobHandler<T extends JobData> = (job: Job<T>, ctx: JobContext) => Promise<void>;

export interface QueueOptions {
  /** Retries after the first run before the job is dead-lettered (default 5). */
  retryLimit?: number;
  /**
   * Seconds before the first retry (default 10). With backoff (the default) each retry waits
   * between 1× and 2× of delay·2^(retry−1): exponential, with random jitter so jobs that failed
   * together do not all come back at the same moment (pg-boss's formula).
   */
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  /** How long one run may take before it counts as failed (default 900 s; at most 24 h). */
  expireInSeconds?: number;
}

export interface SendOptions {
  /**
   * The caller's transaction (an EntityManager from `transaction(…)`): the job is written in it and
   * exists exactly when it commits. Without it the job is written at once, on its own.
   */
  db?: EntityManager;
  /** Not before this moment (a schedule). */
  startAfter?: Date;
  /** A job id chosen by the caller: sending the same id twice queues one job (the second send answers null). */
  id?: string;
}

export interface WorkerOptions {
  /** How many of this queue's jobs one process runs at the same time (default 1). */
  concurrency?: number;
}
