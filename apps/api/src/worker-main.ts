import 'reflect-metadata';
import path from 'node:path';
import { openDatabase } from './db/data-source.js';
import { startBackground } from './jobs.js';
import { closeLiveHub } from './platform/live/hub.js';
import { createLogger } from './logger.js';
import { createAppServices } from './kernel/context.js';
import { configOrExit, stopOnSignals } from './process.js';
import { stopTracing } from './platform/observability/tracing.js';

/**
 * A worker process (npm run worker): runs background jobs beside one or more API processes, which
 * may then leave them alone (RUN_WORKERS=false). PostgreSQL only: the embedded database belongs
 * to the one API process that opened it, which runs its jobs itself.
 */
const config = configOrExit();
if (!config.databaseUrl) {
  console.error(
    'A separate worker needs PostgreSQL: set DATABASE_URL. On the embedded database (no DATABASE_URL) the API process runs the jobs itself: npm start.',
  );
  process.exit(1);
}
const logger = createLogger(config.logLevel, config.logFormat).child({ process: 'worker' });
const db = await openDatabase({ databaseUrl: config.databaseUrl, embeddedDir: path.join(config.dataDir, 'pglite') });
const services = createAppServices(config, logger);
const background = await startBackground(db, services, { runWorkers: true });
logger.info('Tandem worker is running');

stopOnSignals(logger, 'finishing running jobs', async () => {
  await background.jobs.stop();
  await closeLiveHub(services);
  await db.close();
  await stopTracing();
});
