import type { Database } from './db/data-source.js';
import type { AppServices } from './kernel/context.js';
import { createBackground, type Background } from './platform/background.js';
import { IMPORT_QUEUE, IMPORT_QUEUE_OPTIONS, type ImportJobData } from './platform/imports/import-jobs.js';
import { importJobHandler } from './platform/imports/runner.js';
import { UPLOAD_EXPIRY_QUEUE, expireUpload, sweepUploads, type UploadExpiryJob } from './platform/imports/uploads.js';
import { contactImporter } from './survey/contacts/contact-import.js';
import { rosterImporter } from './survey/employees/roster-import.js';

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
  const background = createBackground(database, {
    logger: app.logger,
    app,
    runWorkers: options.runWorkers ?? app.config.runWorkers,
    pollingIntervalMs: options.pollingIntervalMs,
  });
  defineImports(background);
  options.setup?.(background);
  await background.jobs.start();
  if (background.jobs.runsWorkers) {
    await sweepUploads(database.dataSource.manager, app.config.dataDir, app.now()).then(
      (swept) => (swept.expired || swept.orphans) && app.logger.info({ event: 'uploads.swept', ...swept }, 'expired uploads deleted'),
      (error: unknown) => app.logger.warn({ err: error }, 'could not sweep expired uploads; their expiry jobs still delete them'),
    );
  }
  return background;
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
