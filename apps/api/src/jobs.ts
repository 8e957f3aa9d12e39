import type { Config } from './config.js';
import type { Database } from './db/data-source.js';
import type { Logger } from './logger.js';
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
  config: Pick<Config, 'runWorkers'>,
  logger: Logger,
  options: { setup?: (background: Background) => void; pollingIntervalMs?: number } = {},
): Promise<Background> {
  const background = createBackground(database, { logger, runWorkers: config.runWorkers, pollingIntervalMs: options.pollingIntervalMs });
  options.setup?.(background);
  await background.jobs.start();
  return background;
}
