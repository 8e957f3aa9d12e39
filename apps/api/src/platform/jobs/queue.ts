import pg from 'pg';
import PgBoss from 'pg-boss';
import type { DataSource, EntityManager, EntitySubscriberInterface } from 'typeorm';
import { JOB_SCHEMA, PG_BOSS_SCHEMA_VERSION } from './schema.js';
import type { Logger } from '../../logger.js';
import { poolAdapter, transactionAdapter, type SqlAdapter } from './adapter.js';
import { STORE_SCHEMA_VERSION, deadLetterQueueOf, isDeadLetterQueue, returnOrphans, returnToQueue } from './store.js';
import type { JobContext, JobData, JobHandler, QueueOptions, SendOptions, WorkerOptions } from './types.js';
import { QueueWorker } from './worker.js';
import type { AppServices } from '../../kernel/context.js';
import { rootDataSource } from '../../kernel/data-source-root.js';

/** What the queue needs of the app's database (db/data-source.ts's Database is one). */
export interface QueueDatabase {
  dataSource: DataSource;
  /** 'embedded': PGlite behind a pool of one connection; 'postgres': a server at dataSource.options.url. */
  mode: 'postgres' | 'embedded';
}

export interface JobQueueOptions {
  logger: Logger;
  /** Handed to every job (JobContext.app): configuration, clock, mailer. */
  app: AppServices;
  /**
   * Run this process's registered workers. Always on the embedded database (one process owns it);
   * on PostgreSQL an API process may leave them to separate worker processes.
   */
  runWorkers: boolean;
  /** How often an idle worker looks for due jobs it was not woken for (default 2 s). */
  pollingIntervalMs?: number;
  /** How long stop() lets running jobs finish before giving them back to the queue (default 10 s). */
  shutdownTimeoutMs?: number;
}

/** NOTIFY channel: the payload is a queue name that has a new job. */
const CHANNEL = 'tandem_jobs';
const WAKE_KEY = 'tandemJobWakes';
const QUEUE_NAME = /^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)*$/;

const DEFAULTS: Required<QueueOptions> = { retryLimit: 5, retryDelaySeconds: 10, retryBackoff: true, expireInSeconds: 900 };

/** The job queue running on each DataSource, so code holding only an EntityManager can send. */
const attached = new WeakMap<DataSource, JobQueue>();

/** The job queue started on this manager's database; throws when none is. */
export function jobQueueOf(db: EntityManager): JobQueue {
  const queue = attached.get(rootDataSource(db.dataSource));
  if (!queue) throw new Error('No job queue is running on this database: start one (createJobQueue) before sending jobs or publishing events');
  return queue;
}

/** Sends a job in the given transaction (see JobQueue.send). */
export function enqueue<T extends JobData>(tx: EntityManager, queue: string, data: T, options: Omit<SendOptions, 'db'> = {}) {
  return jobQueueOf(tx).send(queue, data, { ...options, db: tx });
}

/**
 * The durable job queue (pg-boss 10 in PostgreSQL; issue 17).
 *
 * - Embedded database: pg-boss runs every statement through the app's pool of one connection
 *   (adapter.ts), between requests, and never holds it while a handler runs. Only this process may
 *   use the database, so workers always run here.
 * - PostgreSQL: pg-boss has a small pool of its own, and any number of API and worker processes
 *   share the queue; a job is taken by exactly one of them (FOR UPDATE SKIP LOCKED).
 *
 * Jobs are rows, so they survive restarts. A job that fails is retried with exponential backoff and
 * jitter up to its queue's retry limit, then copied into the queue's dead-letter queue
 * (`<queue>.dead-letter`), where an admin sees it with its error and can send it again.
 *
 * Latency: a job committed in this process wakes its worker right after the commit; one committed
 * by another process arrives by NOTIFY (PostgreSQL); polling every couple of seconds catches the rest.
 */
export class JobQueue {
  readonly mode: QueueDatabase['mode'];
  private readonly boss: PgBoss;
  private readonly db: SqlAdapter;
  private readonly queues = new Map<string, Required<QueueOptions>>();
  private readonly handlers = new Map<string, { handler: JobHandler<JobData>; concurrency: number }>();
  private readonly workers = new Map<string, QueueWorker>();
  private state: 'new' | 'starting' | 'started' | 'stopped' = 'new';
  private listener: pg.Client | null = null;
  private workersStopped = false;
  private readonly subscriber: EntitySubscriberInterface;
  private readonly logger: Logger;

  constructor(
    private readonly database: QueueDatabase,
    private readonly options: JobQueueOptions,
  ) {
    this.mode = database.mode;
    this.logger = options.logger.child({ component: 'jobs' });
    const common = {
      schema: JOB_SCHEMA,
      migrate: false,
      // Maintenance (failing jobs stuck past their time limit so they retry, archiving finished
      // ones after 12 h) runs where workers do; pg-boss takes a lock so one process does it at a time.
      supervise: options.runWorkers,
      maintenanceIntervalSeconds: options.app.config.jobMaintenanceSeconds,
      // pg-boss's cron (boss.schedule) is not used yet: schedules are jobs with startAfter. Turning
      // it on adds a poller on the embedded database's one connection; do it with a schedule() here.
      schedule: false,
    };
    if (database.mode === 'embedded') {
      const pool = (database.dataSource.driver as unknown as { master: pg.Pool }).master;
      this.boss = new PgBoss({ ...common, db: poolAdapter(pool) });
    } else {
      this.boss = new PgBoss({ ...common, connectionString: this.url(), max: 4, application_name: 'tandem-jobs' });
    }
    this.db = this.boss.getDb();
    this.boss.on('error', (error) => this.logger.warn({ err: error }, 'job queue maintenance failed; it is tried again'));
    this.subscriber = {
      afterTransactionCommit: ({ queryRunner }) => {
        if (queryRunner.isTransactionActive) return; // a savepoint, not the commit
        const wakes = queryRunner.data[WAKE_KEY] as Set<string> | undefined;
        delete queryRunner.data[WAKE_KEY];
        for (const queue of wakes ?? []) this.wake(queue);
      },
      afterTransactionRollback: ({ queryRunner }) => {
        if (!queryRunner.isTransactionActive) delete queryRunner.data[WAKE_KEY];
      },
    };
  }

  /** Declares a queue (and its dead-letter queue); start() creates both. Every process that sends to it declares it. */
  defineQueue(name: string, options: QueueOptions = {}): void {
    if (this.state !== 'new') throw new Error(`Queue ${name}: define queues before start()`);
    if (!QUEUE_NAME.test(name) || name.length > 100 || isDeadLetterQueue(name)) throw new Error(`Invalid queue name "${name}"`);
    if (this.queues.has(name)) throw new Error(`Queue ${name} is defined twice`);
    this.queues.set(name, { ...DEFAULTS, ...options });
  }

  /** The handler of a defined queue's jobs. It runs in this process only when runWorkers is set. */
  registerWorker<T extends JobData>(queue: string, handler: JobHandler<T>, options: WorkerOptions = {}): void {
    if (this.state !== 'new') throw new Error(`Queue ${queue}: register workers before start()`);
    if (!this.queues.has(queue)) throw new Error(`Queue ${queue} is not defined`);
    if (this.handlers.has(queue)) throw new Error(`Queue ${queue} has a worker already`);
    const concurrency = options.concurrency ?? 1;
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error(`Queue ${queue}: concurrency must be a whole number ≥ 1`);
    this.handlers.set(queue, { handler: handler as JobHandler<JobData>, concurrency });
  }

  get runsWorkers(): boolean {
    return this.options.runWorkers;
  }

  hasQueue(name: string): boolean {
    return this.queues.has(name);
  }

  async start(): Promise<void> {
    if (this.state !== 'new') throw new Error('The job queue was started already');
    if (attached.has(this.database.dataSource)) throw new Error('Another job queue is running on this database');
    if (PG_BOSS_SCHEMA_VERSION !== STORE_SCHEMA_VERSION) {
      throw new Error(`pg-boss schema ${PG_BOSS_SCHEMA_VERSION} is installed, platform/jobs/store.ts is written for ${STORE_SCHEMA_VERSION}: review it`);
    }
    this.state = 'starting';
    attached.set(this.database.dataSource, this);
    try {
      await this.boss.start().catch((error: Error) => {
        throw new Error(`The job queue cannot start: ${error.message} (the pg-boss schema comes from the migrations; run them)`);
      });
      for (const [name, options] of this.queues) {
        const dead = deadLetterQueueOf(name);
        const settings = {
          retryLimit: options.retryLimit,
          retryDelay: options.retryDelaySeconds,
          retryBackoff: options.retryBackoff,
          expireInSeconds: options.expireInSeconds,
          deadLetter: dead,
        };
        await this.boss.createQueue(dead, { name: dead });
        await this.boss.createQueue(name, { name, ...settings });
        await this.boss.updateQueue(name, { name, ...settings }); // a changed setting applies to jobs sent from now on
      }
      this.database.dataSource.subscribers.push(this.subscriber);
      if (this.mode === 'embedded' && this.options.runWorkers) {
        const returned = await returnOrphans(this.db);
        if (returned > 0) this.logger.warn({ event: 'job.returned', returned }, 'jobs of a process that was killed returned to their queues');
      }
      if (this.options.runWorkers) {
        for (const [queue, { handler, concurrency }] of this.handlers) {
          const worker = new QueueWorker({
            queue,
            concurrency,
            handler,
            pollingIntervalMs: this.options.pollingIntervalMs ?? 2000,
            boss: this.boss,
            logger: this.logger,
            contextFor: (_job, logger, signal): JobContext => ({ db: this.database.dataSource.manager, logger, signal, jobs: this, app: this.options.app }),
            giveBack: (name, ids) => returnToQueue(this.db, name, ids),
          });
          this.workers.set(queue, worker);
          worker.start();
        }
        if (this.mode === 'postgres' && this.workers.size > 0) await this.listen();
      }
      this.state = 'started';
      this.logger.info({ queues: [...this.queues.keys()], workers: [...this.workers.keys()], database: this.mode }, 'job queue started');
    } catch (error) {
      await this.stop({ timeoutMs: 0 }).catch(() => undefined);
      throw error;
    }
  }

  /**
   * Queues a job. With `db` (a transaction's EntityManager) it is written in that transaction;
   * its worker is woken after the commit. Answers the job's id, or null when a job with the given
   * id exists already. Inside a transaction always pass it as `db`: on the embedded database a send
   * without it waits for the one connection the transaction holds, for ever.
   */
  async send<T extends JobData>(queue: string, data: T, options: SendOptions = {}): Promise<string | null> {
    if (this.state !== 'started') throw new Error(`The job queue is not running (sending to ${queue})`);
    if (!this.queues.has(queue)) throw new Error(`Queue ${queue} is not defined`);
    if (data === null || typeof data !== 'object' || !('organizationId' in data)) throw new Error(`A job for ${queue} must carry organizationId (null for system work)`);
    const runner = options.db?.queryRunner;
    const inTransaction = !!runner?.isTransactionActive;
    const db = runner ? transactionAdapter(runner) : this.db;
    const id = await this.boss.send(queue, data, { db, id: options.id, startAfter: options.startAfter });
    if (inTransaction) {
      const wakes = ((runner!.data as Record<string, unknown>)[WAKE_KEY] ??= new Set<string>()) as Set<string>;
      if (!wakes.has(queue)) {
        wakes.add(queue);
        await this.notify(db, queue);
      }
    } else {
      await this.notify(db, queue);
      this.wake(queue);
    }
    return id;
  }

  /** Wakes this process's worker of a queue, if it runs one. */
  wake(queue: string): void {
    this.workers.get(queue)?.wake();
  }

  /**
   * First half of a graceful stop: this process's workers stop fetching, running jobs get until the
   * timeout to finish, the rest go back to the queue. Sending still works (requests still being
   * answered may queue jobs; other processes, or this one after a restart, run them).
   */
  async stopWorkers(options: { timeoutMs?: number } = {}): Promise<void> {
    this.workersStopped = true;
    const workers = [...this.workers.values()];
    this.workers.clear();
    const listener = this.listener;
    this.listener = null;
    const deadline = Date.now() + (options.timeoutMs ?? this.options.shutdownTimeoutMs ?? 10_000);
    await Promise.all(workers.map((worker) => worker.stop(deadline)));
    await listener?.end().catch(() => undefined);
  }

  /** Stops the workers (see stopWorkers) and the queue; sending is refused from then on. The database stays open. */
  async stop(options: { timeoutMs?: number } = {}): Promise<void> {
    if (this.state === 'stopped') return;
    await this.stopWorkers(options);
    this.state = 'stopped';
    const subscribers = this.database.dataSource.subscribers;
    const index = subscribers.indexOf(this.subscriber);
    if (index >= 0) subscribers.splice(index, 1);
    await this.boss.stop({ graceful: false, close: true, wait: true });
    if (attached.get(this.database.dataSource) === this) attached.delete(this.database.dataSource);
    this.logger.info('job queue stopped');
  }

  /** Other processes' workers hear of a new job by NOTIFY (PostgreSQL; delivered at commit). */
  private async notify(db: SqlAdapter, queue: string): Promise<void> {
    if (this.mode === 'postgres') await db.executeSql('SELECT pg_notify($1, $2)', [CHANNEL, queue]);
  }

  /**
   * A connection of its own that LISTENs (PostgreSQL). When it is lost (a restart of the server) it
   * reconnects every second while the queue runs; workers poll meanwhile, and look once more when
   * it is back, for whatever was sent while nobody listened.
   */
  private async listen(): Promise<void> {
    const open = async (): Promise<pg.Client> => {
      const client = new pg.Client({ connectionString: this.url(), application_name: 'tandem-jobs-listen' });
      const lost = (error?: unknown) => {
        if (this.listener !== client) return; // stopping, or never taken into use
        this.listener = null;
        client.end().catch(() => undefined);
        this.logger.warn({ err: error }, 'job queue lost its LISTEN connection; reconnecting');
        const again = () => {
          if (this.workersStopped) return;
          open().then(use, () => setTimeout(again, 1000).unref());
        };
        setTimeout(again, 1000).unref();
      };
      client.on('notification', (message) => message.payload && this.wake(message.payload));
      client.on('error', lost);
      client.on('end', () => lost());
      try {
        await client.connect();
        await client.query(`LISTEN ${CHANNEL}`);
      } catch (error) {
        await client.end().catch(() => undefined);
        throw error;
      }
      return client;
    };
    const use = (client: pg.Client) => {
      if (this.workersStopped) {
        client.end().catch(() => undefined);
        return;
      }
      this.listener = client;
      for (const worker of this.workers.values()) worker.wake();
    };
    use(await open());
  }

  private url(): string {
    const url = (this.database.dataSource.options as { url?: string }).url;
    if (!url) throw new Error('The PostgreSQL data source has no url');
    return url;
  }
}

