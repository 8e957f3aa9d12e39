import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '../../src/db/data-source.js';
import { createLogger } from '../../src/logger.js';
import { createBackground, type Background } from '../../src/platform/background.js';
import { adminQuery } from './global-setup.js';
import { loadConfig } from '../../src/config.js';
import { createAppServices } from '../../src/kernel/context.js';

/** The databases a jobs test runs on: always the embedded one, and PostgreSQL when DATABASE_URL is set. */
export const databases = [{ name: 'embedded', embedded: true }, ...(process.env.DATABASE_URL ? [{ name: 'PostgreSQL', embedded: false }] : [])];

export const logger = createLogger(process.env.LOG_LEVEL ?? 'silent');

/**
 * One database that outlives the processes using it, to test restarts: open() connects as a
 * process starting would (migrations included), close() on what it answered is that process
 * ending. An embedded one lives in a folder, a PostgreSQL one on the DATABASE_URL server.
 */
export async function durableDatabase(embedded: boolean): Promise<{ open(): Promise<Database>; drop(): Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (embedded || !serverUrl) {
    const dir = mkdtempSync(path.join(tmpdir(), 'tandem-jobs-'));
    return {
      open: () => openDatabase({ databaseUrl: null, embeddedDir: dir }),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `tandem_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    open: () => openDatabase({ databaseUrl: url.toString(), embeddedDir: null }, { poolSize: 4 }),
    drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** A job queue with its event bus on a database, set up by the caller, started, polling every 200 ms. */
export async function startBackgroundOn(db: Database, setup: (background: Background) => void = () => {}, runWorkers = true): Promise<Background> {
  const background = createBackground(db, { logger, app: jobServices(), runWorkers, pollingIntervalMs: 200, shutdownTimeoutMs: 2000 });
  setup(background);
  await background.jobs.start();
  return background;
}

/** Waits until check() answers something truthy (polling every 25 ms), failing after timeoutMs. */
export async function until<T>(check: () => T | Promise<T>, what: string, timeoutMs = 15_000): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A promise with its resolve function, to hold a job handler until the test lets it go. */
export function gate(): { promise: Promise<void>; open(): void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/** The state of a job, read from pg-boss's table. */
export async function jobRow(db: Database, queue: string, id: string) {
  const [row] = await db.dataSource.query(
    `SELECT state, retry_count, started_on, start_after, output FROM pgboss.job WHERE name = $1 AND id = $2`,
    [queue, id],
  );
  return row as { state: string; retry_count: number; started_on: Date | null; start_after: Date; output: { message?: string } | null } | undefined;
}

/** The app services a job sees: a test configuration (mail to a temporary outbox) and this logger. */
function jobServices() {
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', DATA_DIR: mkdtempSync(path.join(tmpdir(), 'tandem-jobs-')), JWT_SECRET: randomBytes(32).toString('hex'), LOG_LEVEL: 'silent' });
  return createAppServices(config, logger);
}
