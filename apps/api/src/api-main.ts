import 'reflect-metadata';
import path from 'node:path';
import { openDatabase } from './db/data-source.js';
import { createLogger } from './logger.js';
import { createMailer } from './kernel/mailer.js';
import { createAppServices } from './kernel/context.js';
import { startServer } from './http/server.js';
import { startBackground } from './jobs.js';
import { closeLiveHub } from './platform/live/hub.js';
import { logDemoLogins, seedDemoIfEmpty } from './seed/demo.js';
import { configOrExit, stopOnSignals } from './process.js';
import { stopTracing } from './platform/observability/tracing.js';

const config = configOrExit();
const logger = createLogger(config.logLevel, config.logFormat);
const db = await openDatabase({ databaseUrl: config.databaseUrl, embeddedDir: path.join(config.dataDir, 'pglite') });
logger.info(
  { database: db.mode, ...(db.mode === 'embedded' ? { dataDir: path.join(config.dataDir, 'pglite') } : {}) },
  db.mode === 'embedded'
    ? 'using the embedded PostgreSQL (PGlite); set DATABASE_URL to use a PostgreSQL server'
    : 'using the PostgreSQL server at DATABASE_URL',
);
// Background jobs start first, so whatever the seed or a request queues has its workers.
const services = createAppServices(config, logger);
const background = await startBackground(db, services);
if (config.seedDemo) {
  // On the outbox mailer the demo's open invitations are written as .eml files, to try the survey page.
  await seedDemoIfEmpty(db.dataSource, logger, { app: { config, logger, now: () => new Date(), mailer: createMailer(config, logger.child({}, { level: 'warn' })) } });
}
const server = await startServer(services, db);
logger.info({ url: server.url, port: server.port }, `Tandem is running at http://localhost:${server.port}`);
if (config.seedDemo) await logDemoLogins(db.dataSource, logger);

stopOnSignals(logger, 'finishing in-flight requests', async () => {
  // Running jobs get their 10 s to finish (or go back to the queue) while requests drain, not after.
  await Promise.all([server.stop(), background.jobs.stopWorkers()]);
  await background.jobs.stop();
  await closeLiveHub(services);
  await db.close();
  await stopTracing();
});
