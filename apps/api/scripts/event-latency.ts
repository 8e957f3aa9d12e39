/**
 * How long a domain event takes from the commit that wrote it to its consumer (issue 17's target:
 * under 1 s at p95). Not a test: run it by hand, on an otherwise quiet machine, and note the result
 * in docs/performance.md.
 *
 *   npx tsx scripts/event-latency.ts                      # embedded database, one process
 *   DATABASE_URL=postgres://… npx tsx scripts/event-latency.ts
 *       # PostgreSQL (a scratch database): one process, then a publishing process (RUN_WORKERS=false)
 *       # with a separate worker process, as with `npm run worker`
 *
 * Options: --events N (default 300), --interval ms between publishes (default 20).
 * Each event is published in a transaction of its own; the time of the commit is taken when the
 * transaction returns, the time of arrival when the consumer's handler starts (same machine clock).
 */
import 'reflect-metadata';
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/data-source.js';
import { createLogger } from '../src/logger.js';
import { createBackground, type Background } from '../src/platform/background.js';
import { publish } from '../src/platform/events/outbox.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { createAppServices } from '../src/kernel/context.js';

const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const EVENTS = Number(args.get('events') ?? 300);
const INTERVAL = Number(args.get('interval') ?? 20);
const logger = createLogger('warn');

type Arrival = { eventId: string; at: number };

/** A job queue whose one consumer reports each event's arrival. */
async function consumer(db: Database, runWorkers: boolean, onArrival: (a: Arrival) => void): Promise<Background> {
  const background = createBackground(db, { logger, app: jobServices(), runWorkers });
  background.events.register({ name: 'latency-probe', types: ['wave.opened'], handle: async (event) => onArrival({ eventId: event.id, at: Date.now() }) });
  await background.jobs.start();
  return background;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function measure(label: string, db: Database, publisher: Background, arrivals: Map<string, number>): Promise<void> {
  const [{ id: organizationId }] = await db.dataSource.query(`SELECT id FROM organizations LIMIT 1`);
  const commits = new Map<string, number>();
  for (let i = 0; i < EVENTS; i++) {
    const id = await db.dataSource.transaction((tx) => publish(tx, { type: 'wave.opened', organizationId, payload: { waveId: organizationId, audience: 'CUSTOMER' } }));
    commits.set(id, Date.now());
    await new Promise((resolve) => setTimeout(resolve, INTERVAL));
  }
  const deadline = Date.now() + 30_000;
  while ([...commits.keys()].some((id) => !arrivals.has(id)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  const latencies = [...commits].filter(([id]) => arrivals.has(id)).map(([id, at]) => arrivals.get(id)! - at).sort((a, b) => a - b);
  const lost = commits.size - latencies.length;
  console.log(
    `${label.padEnd(44)} events ${String(commits.size).padStart(4)}  p50 ${String(percentile(latencies, 50)).padStart(4)} ms  p95 ${String(percentile(latencies, 95)).padStart(4)} ms  max ${String(latencies.at(-1)).padStart(5)} ms${lost ? `  NOT ARRIVED ${lost}` : ''}`,
  );
  void publisher;
}

async function seedOrganization(db: Database): Promise<void> {
  await db.dataSource.query(`INSERT INTO organizations (name, slug) VALUES ('Latency probe', 'latency-probe') ON CONFLICT DO NOTHING`);
}

/** --role=worker <url>: the separate worker process; reports arrivals to its parent. */
async function workerProcess(url: string): Promise<void> {
  const db = await openDatabase({ databaseUrl: url, embeddedDir: null });
  const background = await consumer(db, true, (arrival) => process.send!(arrival));
  process.send!({ ready: true });
  process.on('message', async (message) => {
    if (message === 'stop') {
      await background.jobs.stop();
      await db.close();
      process.exit(0);
    }
  });
}

async function main(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  console.log(`node ${process.version}, ${EVENTS} events ${INTERVAL} ms apart, each in its own transaction`);
  if (!serverUrl) {
    const db = await openDatabase({ databaseUrl: null, embeddedDir: null });
    await seedOrganization(db);
    const arrivals = new Map<string, number>();
    const background = await consumer(db, true, (a) => arrivals.set(a.eventId, a.at));
    await measure('embedded, one process', db, background, arrivals);
    await background.jobs.stop();
    await db.close();
    return;
  }

  const name = `tandem_latency_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    const db = await openDatabase({ databaseUrl: url.toString(), embeddedDir: null });
    await seedOrganization(db);

    let arrivals = new Map<string, number>();
    const inline = await consumer(db, true, (a) => arrivals.set(a.eventId, a.at));
    await measure('PostgreSQL, one process', db, inline, arrivals);
    await inline.jobs.stop();

    arrivals = new Map<string, number>();
    const child = fork(fileURLToPath(import.meta.url), ['--role=worker', url.toString()], { execArgv: ['--import', 'tsx'] });
    await new Promise<void>((resolve) =>
      child.on('message', (message: Arrival | { ready: true }) => ('ready' in message ? resolve() : arrivals.set(message.eventId, message.at))),
    );
    const publisher = await consumer(db, false, () => {});
    await measure('PostgreSQL, publisher + separate worker process', db, publisher, arrivals);
    await publisher.jobs.stop();
    child.send('stop');
    await new Promise((resolve) => child.on('exit', resolve));
    await db.close();
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

if (args.get('role') === 'worker') await workerProcess(process.argv.at(-1)!);
else await main();

/** The app services a job sees: a test configuration (mail to a temporary outbox) and this logger. */
function jobServices() {
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', DATA_DIR: mkdtempSync(path.join(tmpdir(), 'tandem-jobs-')), JWT_SECRET: randomBytes(32).toString('hex'), LOG_LEVEL: 'silent' });
  return createAppServices(config, logger);
}
