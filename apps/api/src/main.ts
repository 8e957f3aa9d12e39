import 'reflect-metadata';
import path from 'node:path';
import { ConfigError, loadConfig, type Config } from './config.js';
import { openDatabase } from './db/data-source.js';
import { createLogger } from './logger.js';
import { createMailer } from './kernel/mailer.js';
import { startServer } from './http/server.js';
import { logDemoLogins, seedDemoIfEmpty } from './seed/demo.js';

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
const logger = createLogger(config.logLevel, config.logFormat);
const db = await openDatabase({ databaseUrl: config.databaseUrl, embeddedDir: path.join(config.dataDir, 'pglite') });
logger.info(
  { database: db.mode, ...(db.mode === 'embedded' ? { dataDir: path.join(config.dataDir, 'pglite') } : {}) },
  db.mode === 'embedded'
    ? 'using the embedded PostgreSQL (PGlite); set DATABASE_URL to use a PostgreSQL server'
    : 'using the PostgreSQL server at DATABASE_URL',
);
if (config.seedDemo) {
  // On the outbox mailer the demo's open invitations are written as .eml files, to try the survey page.
  await seedDemoIfEmpty(db.dataSource, logger, { app: { config, logger, now: () => new Date(), mailer: createMailer(config, logger.child({}, { level: 'warn' })) } });
}
const server = await startServer(config, logger, db);
logger.info({ url: server.url, port: server.port }, `Tandem is running at http://localhost:${server.port}`);
if (config.seedDemo) await logDemoLogins(db.dataSource, logger);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down: finishing in-flight requests');
  const force = setTimeout(() => {
    logger.error('shutdown took longer than 15 s; exiting');
    process.exit(1);
  }, 15_000);
  force.unref();
  await server.stop();
  await db.close();
  logger.info('stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
