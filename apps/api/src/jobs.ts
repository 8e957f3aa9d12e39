import type { Database } from './db/data-source.js';
import { buildContext, systemPrincipal, type AppServices, type Context } from './kernel/context.js';
import { createBackground, type Background } from './platform/background.js';
import { dispatchStale } from './platform/events/outbox.js';
import { liveSubscriptionsConsumer } from './platform/live/hub.js';
import { SCHEDULE_QUEUE, jobIdOf, schedule, type ScheduledJob } from './platform/jobs/schedules.js';
import type { Job, JobContext } from './platform/jobs/types.js';
import { createLoaders } from './graphql/loaders.js';
import { wireLifecycle } from './graphql/lifecycle.js';
import { NOTIFICATION_MAIL_QUEUE, sendNotificationMail } from './identity/notifications/notify.js';
import { FOLLOW_UP_OVERDUE, alertOwner, dueOverdueFollowUps, markOverdue } from './survey/follow-ups/follow-up-sla.js';
import { dueReminderWaves, remindScheduled } from './survey/invitations/reminders.js';
import { closeScheduledWave, openScheduledWave } from './survey/waves/wave-jobs.js';
import { WAVE_CLOSE, WAVE_OPEN, WAVE_RELEASE, WAVE_REMIND, dueWaveClosings } from './survey/waves/wave-schedule.js';
import { releaseScheduled } from './reporting/anonymity/index.js';
import { IMPORT_QUEUE, IMPORT_QUEUE_OPTIONS, type ImportJobData } from './platform/imports/import-jobs.js';
import { importJobHandler } from './platform/imports/runner.js';
import { UPLOAD_EXPIRY_QUEUE, expireUpload, sweepUploads, type UploadExpiryJob } from './platform/imports/uploads.js';
import { CONSUMED_TYPES, DELIVERY_QUEUE, DELIVERY_QUEUE_OPTIONS, WEBHOOK_CONSUMER, deliverEvent, deliveryTry, type DeliveryJob } from './integrations/webhooks/deliveries.js';
import { contactImporter } from './survey/contacts/contact-import.js';
import { WAVE_MAIL_QUEUE, waveMailQueueOptions, type WaveMailJob } from './survey/invitations/mail-batches.js';
import { runMailBatch } from './survey/invitations/mail-job.js';
import { EXPORT_EXPIRY_QUEUE, EXPORT_QUEUE, expireExport, writeExport, type ExportJobData } from './survey/exports/export.service.js';
import { rosterImporter } from './survey/employees/roster-import.js';
import { TRANSACTIONS_SEND, dueTransactionSends } from './survey/transactions/send-schedule.js';
import { RETENTION_RUN, applyRetention, dueRetention, type RetentionSweep } from './survey/privacy/retention.js';
import { deliveryRetention } from './integrations/webhooks/delivery-retention.js';
import { sendScheduledTransactions } from './survey/transactions/send-job.js';
import { FEED_DIGEST, dueDigests, sendDigest } from './survey/feed/digest.js';
import { thankServer } from './survey/feed/thank-you.js';
import { notifyTeamPackManagers } from './reporting/team-packs/team-pack-mail.js';
import { ACTION_DUE_SOON, ACTION_OVERDUE, dueActionReminders, sendActionReminder } from './loop/discussions/action-reminders.js';
import { PROGRAMME_NEWS, dueNewsDigests, sendNewsDigest } from './loop/news/news-digest.js';
import { sweepTotpSecrets } from './identity/auth/totp-secrets.js';
import { sweepWebhookSecrets } from './integrations/webhooks/secrets.js';
import { keyringOf, type SweepCounts } from './kernel/sealed-column.js';

/**
 * Every queue and event consumer the app runs, in one place: the wiring of background work, as
 * graphql/schema.ts is the wiring of resolvers. main.ts (the API, workers inside by default),
 * worker.ts (a worker process, PostgreSQL only) and the test app start it the same way.
 *
 * Features add their queues here: `jobs.defineQueue(name, options)` in every process, with
 * `jobs.registerWorker(name, handler)`; event consumers with `events.register({ name, types, handle })`.
 */
export async function startBackground(
  database: Database,
  app: AppServices,
  options: { setup?: (background: Background) => void; pollingIntervalMs?: number; runWorkers?: boolean } = {},
): Promise<Background> {
  // A wave opened or closed by its schedule tells the same listeners as one moved by hand.
  wireLifecycle();
  const runWorkers = options.runWorkers ?? app.config.runWorkers;
  const background = createBackground(database, { logger: app.logger, app, runWorkers, pollingIntervalMs: options.pollingIntervalMs });
  wireSchedules(background, app);
  defineImports(background);
  defineWaveMail(background, app);
  defineExports(background);
  defineWebhooks(background);
  // Live subscriptions (platform/live): responses and follow-ups handed to GraphQL subscribers, through Redis when REDIS_URL is set.
  background.events.register(liveSubscriptionsConsumer);
  options.setup?.(background);
  await background.jobs.start();
  if (background.jobs.runsWorkers) {
    await sweepUploads(database.dataSource.manager, app.config.dataDir, app.now()).then(
      (swept) => (swept.expired || swept.orphans) && app.logger.info({ event: 'uploads.swept', ...swept }, 'expired uploads deleted'),
      (error: unknown) => app.logger.warn({ err: error }, 'could not sweep expired uploads; their expiry jobs still delete them'),
    );
    // Secrets the server reads back, stored plain before they were encrypted or under a key now in
    // SECRET_ENCRYPTION_KEY_PREVIOUS, sealed with the current key (the key is the server's, so no SQL migration can).
    const keyring = keyringOf(app.config);
    await sealStoredSecrets(app, 'totp', 'TOTP secrets', () => sweepTotpSecrets(database.dataSource.manager, keyring));
    await sealStoredSecrets(app, 'webhook', 'webhook signing secrets', () => sweepWebhookSecrets(database.dataSource.manager, keyring));
  }
  if (runWorkers && app.config.scheduleTickSeconds > 0) await sendTick(background, app.config.scheduleTickSeconds * 1000, Date.now());
  return background;
}

/** Runs one column's sweep (kernel/sealed-column.ts) and logs its counts, never a value; a failure leaves each value to be sealed when next used. */
async function sealStoredSecrets(app: AppServices, kind: string, what: string, sweep: () => Promise<SweepCounts>): Promise<void> {
  await sweep().then(
    ({ encrypted, resealed, undecryptable }) => {
      if (encrypted) app.logger.info({ event: `${kind}.secrets_encrypted`, count: encrypted }, `plain ${what} encrypted`);
      if (resealed) app.logger.info({ event: `${kind}.secrets_resealed`, count: resealed }, `${what} sealed under a previous key sealed again with the current one`);
      if (undecryptable) app.logger.warn({ event: `${kind}.undecryptable`, count: undecryptable }, `${what} that open under no configured key, left as they are`);
    },
    (error: unknown) => app.logger.warn({ err: error }, `could not seal ${what}; each is sealed when next used`),
  );
}

// ---------------------------------------------------------------------------------------------
// Schedules (platform/jobs/schedules.ts): one queue, one handler per kind of due work.

/** What each scheduled kind does, with the organization's system context. */
/** The copies of identified words other features keep, removed by the retention of comments too. */
const RETENTION_SWEEPS: readonly RetentionSweep[] = [deliveryRetention];

const SCHEDULED: Record<string, (ctx: Context, job: ScheduledJob) => Promise<void>> = {
  [WAVE_OPEN]: openScheduledWave,
  [WAVE_CLOSE]: closeScheduledWave,
  [WAVE_RELEASE]: releaseScheduled,
  [WAVE_REMIND]: remindScheduled,
  [FOLLOW_UP_OVERDUE]: markOverdue,
  [TRANSACTIONS_SEND]: sendScheduledTransactions,
  [FEED_DIGEST]: sendDigest,
  [ACTION_DUE_SOON]: sendActionReminder,
  [ACTION_OVERDUE]: sendActionReminder,
  [PROGRAMME_NEWS]: async (ctx, job) => void (await sendNewsDigest(ctx, job)),
  [RETENTION_RUN]: async (ctx, job) => void (await applyRetention(ctx, job, RETENTION_SWEEPS)),
};

const TICK = 'tick';

/** A job's context as a request's: the organization's system principal and a fresh set of loaders. */
function systemContext(job: Job<ScheduledJob>, ctx: JobContext): Context {
  return organizationContext(`job:${job.id}`, job.data.organizationId!, ctx);
}

function organizationContext(requestId: string, organizationId: string, ctx: JobContext): Context {
  return buildContext({ requestId, logger: ctx.logger, app: ctx.app, db: ctx.db, principal: systemPrincipal(organizationId), authError: null, createLoaders });
}

function wireSchedules({ jobs, events }: Background, app: AppServices): void {
  jobs.defineQueue(SCHEDULE_QUEUE, { retryLimit: 5, retryDelaySeconds: 30, expireInSeconds: 900 });
  jobs.registerWorker<ScheduledJob>(
    SCHEDULE_QUEUE,
    async (job, ctx) => {
      if (job.data.kind === TICK) return tick(job, ctx, app.config.scheduleTickSeconds * 1000);
      const handler = SCHEDULED[job.data.kind];
      if (!handler) throw new Error(`No handler for scheduled work of kind "${job.data.kind}"`);
      if (!job.data.organizationId) throw new Error(`Scheduled ${job.data.kind} without an organization`);
      await handler(systemContext(job, ctx), job.data);
    },
    { concurrency: 2 },
  );
  jobs.defineQueue(NOTIFICATION_MAIL_QUEUE, { retryLimit: 8, retryDelaySeconds: 30, expireInSeconds: 120 });
  jobs.registerWorker(NOTIFICATION_MAIL_QUEUE, sendNotificationMail, { concurrency: 2 });
  // A new detractor's follow-up: its owner is told, its SLA check scheduled.
  events.register({ name: 'follow-up-alerts', types: ['followup.created'], handle: alertOwner, queue: { retryLimit: 8, retryDelaySeconds: 5 } });
  // A promoter who names who served them: that user is thanked on top of their feed (survey/feed).
  events.register({ name: 'feed-thanks', types: ['response.created'], handle: thankServer, queue: { retryLimit: 8, retryDelaySeconds: 5 } });
  // A closed wave: each team's manager is told its discussion pack is ready (reporting/team-packs).
  events.register({
    name: 'team-pack-mails',
    types: ['wave.closed'],
    handle: async (event, ctx) => void (await notifyTeamPackManagers(organizationContext(`event:${event.id}`, event.organizationId, ctx), event.payload.waveId)),
    queue: { retryLimit: 8, retryDelaySeconds: 10 },
  });
}

/**
 * The tick: one system job per interval (all processes send the same id for an interval, so there
 * is one), which first sends the next one, then sweeps for work due by the app's clock that no
 * scheduled job carries: reminders (their moments depend on each invitation), follow-ups past
 * their SLA, open waves past closesAt, and events whose dispatch job was lost. Each found item is
 * sent as its own scheduled job (once per item and sweep), so one failing does not hold the rest.
 */
async function tick(job: Job<ScheduledJob>, ctx: JobContext, intervalMs: number): Promise<void> {
  if (intervalMs > 0) await sendTick(ctx, intervalMs, Date.now() + intervalMs);
  const now = ctx.app.now();
  const bucket = `${job.id}`;
  const due = [
    ...(await dueWaveClosings(ctx.db, now)).map((item) => ({ job: item, key: `${item.kind}:${item.id}:${item.at}:sweep` })),
    ...(await dueOverdueFollowUps(ctx.db, now)),
    ...(await dueReminderWaves(ctx.db, now, bucket)),
    ...(await dueTransactionSends(ctx.db, now, bucket)),
    ...(await dueDigests(ctx.db, now)),
    ...(await dueActionReminders(ctx.db, now)),
    ...(await dueNewsDigests(ctx.db, now)),
    ...(await dueRetention(ctx.db, now, bucket, RETENTION_SWEEPS)),
  ];
  for (const item of due) await schedule(ctx.db, item.job, null, item.key);
  const stale = await dispatchStale(ctx.db);
  if (due.length || stale) ctx.logger.info({ event: 'schedule.swept', due: due.length, undispatched: stale }, 'tick: due work sent');
}

/** Sends the tick of the interval that holds `at`, to run when that interval starts. */
async function sendTick(target: Background | JobContext, intervalMs: number, at: number): Promise<void> {
  const slot = Math.floor(at / intervalMs);
  await target.jobs.send<ScheduledJob>(
    SCHEDULE_QUEUE,
    { organizationId: null, kind: TICK },
    { id: jobIdOf(`${TICK}:${intervalMs}:${slot}`), startAfter: new Date(slot * intervalMs) },
  );
}

/** Large CSV imports (issue 17): one import at a time per process, and the uploads' expiry. */
function defineImports({ jobs }: Background): void {
  jobs.defineQueue(IMPORT_QUEUE, IMPORT_QUEUE_OPTIONS);
  jobs.registerWorker<ImportJobData>(IMPORT_QUEUE, importJobHandler({ CONTACTS: contactImporter, ROSTER: rosterImporter }));
  jobs.defineQueue(UPLOAD_EXPIRY_QUEUE, { retryLimit: 3 });
  jobs.registerWorker<UploadExpiryJob>(UPLOAD_EXPIRY_QUEUE, (job, { db, app, jobs: sender }) =>
    expireUpload(db, app.config.dataDir, job.data, app.now(), (at) => sender.send(UPLOAD_EXPIRY_QUEUE, job.data, { startAfter: at })),
  );
}

/** Wave mail (survey/invitations/mail-batches.ts): two batches at a time per process, each paced per organization. */
function defineWaveMail({ jobs }: Background, app: AppServices): void {
  jobs.defineQueue(WAVE_MAIL_QUEUE, waveMailQueueOptions(app.config));
  jobs.registerWorker<WaveMailJob>(WAVE_MAIL_QUEUE, runMailBatch, { concurrency: 2 });
}

/** Exports (survey/exports): one file at a time per process, and their expiry. */
function defineExports({ jobs }: Background): void {
  jobs.defineQueue(EXPORT_QUEUE, { retryLimit: 3, retryDelaySeconds: 10, expireInSeconds: 3600 });
  jobs.registerWorker<ExportJobData>(EXPORT_QUEUE, writeExport);
  jobs.defineQueue(EXPORT_EXPIRY_QUEUE, { retryLimit: 3 });
  jobs.registerWorker<ExportJobData>(EXPORT_EXPIRY_QUEUE, expireExport);
}

/** Webhooks (issue 18): the consumer that writes a delivery per endpoint, and the tries of each. */
function defineWebhooks({ jobs, events }: Background): void {
  events.register({ name: WEBHOOK_CONSUMER, types: CONSUMED_TYPES, handle: deliverEvent, queue: { retryLimit: 8, retryDelaySeconds: 5 } });
  jobs.defineQueue(DELIVERY_QUEUE, DELIVERY_QUEUE_OPTIONS);
  jobs.registerWorker<DeliveryJob>(DELIVERY_QUEUE, deliveryTry, { concurrency: 4 });
}
