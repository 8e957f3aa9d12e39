import type { Database } from './db/data-source.js';
import type { AppServices } from './kernel/context.js';
import { createBackground, type Background } from './platform/background.js';

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
  options.setup?.(background);
  await background.jobs.start();
  return background;
}
