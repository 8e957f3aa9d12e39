import 'reflect-metadata';
import path from 'node:path';
import { ConfigError, loadConfig, type Config } from './config.js';
import { openDatabase } from './db/data-source.js';
import { startBackground } from './jobs.js';
import { createLogger } from './logger.js';
import { createAppServices } from './kernel/context.js';

/**
 * A worker process (npm run worker): runs background jobs beside one or more API processes, which
 * may then leave them alone (RUN_WORKERS=false). PostgreSQL only: the embedded database belongs
 * to the one API process that opened it, which runs its jobs itself.
 */
function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

const config = readConfig();
if (!config.databaseUrl) {
  console.error(
    'A separate worker needs PostgreSQL: set DATABASE_URL. On the embedded database (no DATABASE_URL) the API process runs the jobs itself: npm start.',
  );
  process.exit(1);
}
const logger = createLogger(config.logLevel, config.logFormat).child({ process: 'worker' });
const db = await openDatabase({ databaseUrl: config.databaseUrl, embeddedDir: path.join(config.dataDir, 'pglite') });
const background = await startBackground(db, createAppServices(config, logger), { runWorkers: true });
logger.info('Tandem worker is running');

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down: finishing running jobs');
  const force = setTimeout(() => {
    logger.error('shutdown took longer than 15 s; exiting');
    process.exit(1);
  }, 15_000);
  force.unref();
  await background.jobs.stop();
  await db.close();
  logger.info('stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
