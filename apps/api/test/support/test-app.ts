import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../src/config.js';
import type { Database } from '../../src/db/data-source.js';
import { startServer } from '../../src/http/server.js';
import { startBackground } from '../../src/jobs.js';
import type { Background } from '../../src/platform/background.js';
import { closeLiveHub } from '../../src/platform/live/hub.js';
import { createLogger } from '../../src/logger.js';
import { DEMO_PASSWORD, seedDemoIfEmpty } from '../../src/seed/demo.js';
import type { PoolOptions } from '../../src/db/data-source.js';
import { openTestDatabase } from './database.js';
import { createAppServices, type AppServices } from '../../src/kernel/context.js';

export interface GqlResult<T = any> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; field?: string; [k: string]: unknown } }[];
}

export interface TestApp {
  url: string;
  db: Database;
  config: Config;
  /** The job queue and event bus, workers running, as in the API process. */
  background: Background;
  /** The process's services, shared by requests and jobs: a test moves the clock with services.now. */
  services: AppServices;
  /** POSTs one operation to /graphql, with a bearer token when given. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult<T>>;
  /** Resolves when every wave mail batch has finished (its job mailed everything it could). */
  mailSettled(timeoutMs?: number): Promise<void>;
  /** Logs in (demo password by default) and returns the access token. */
  login(email: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/** The real HTTP server on a free port, over this test file's own database, with the demo seeded. */
export async function startTestApp(
  options: {
    embedded?: boolean;
    seed?: boolean;
    env?: Record<string, string>;
    pool?: PoolOptions;
    /** Defines the test's own queues, workers and event consumers before the queue starts. */
    jobs?: (background: Background) => void;
    /**
     * Wave mail goes out in a background job (survey/invitations/mail-batches.ts). By default gql()
     * waits, after an inviteToWave, remindWave or retryFailedMail, until every mail batch has
     * finished, so a test reads the outbox as the mutation left it; false to watch a batch run.
     */
    waitForMail?: boolean;
  } = {},
): Promise<TestApp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tandem-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    JWT_SECRET: randomBytes(32).toString('hex'),
    WEB_DIST: path.join(dataDir, 'no-web'),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    RATE_LIMIT_PER_MINUTE: '0',
    API_CLIENT_RATE_LIMIT_PER_MINUTE: '0',
    // The scheduler's sweep works by the app's clock; tests that move the clock turn it on.
    SCHEDULE_TICK_SECONDS: '0',
    ...options.env,
  });
  const logger = createLogger(config.logLevel);
  const db = await openTestDatabase({ embedded: options.embedded, seeded: options.seed !== false, pool: options.pool });
  const services = createAppServices(config, logger);
  const background = await startBackground(db, services, { setup: options.jobs });
  if (options.seed !== false) await seedDemoIfEmpty(db.dataSource, logger);
  const server = await startServer(services, db);

  async function gql<T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult<T>> {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const result = (await res.json()) as GqlResult<T>;
    if (options.waitForMail !== false && MAILING.test(query)) await mailSettled();
    return result;
  }

  async function mailSettled(timeoutMs = 30_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const [{ running }]: { running: number }[] = await db.dataSource.query(`SELECT count(*)::int AS running FROM mail_batches WHERE finished_at IS NULL`);
      if (running === 0) return;
      if (Date.now() > end) throw new Error(`${running} wave mail batches still running after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  return {
    url: server.url,
    db,
    config,
    background,
    services,
    gql,
    mailSettled,
    async login(email, password = DEMO_PASSWORD) {
      const res = await gql<{ login: { accessToken: string } }>(
        `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }`,
        { email, password },
      );
      if (!res.data?.login) throw new Error(`login as ${email} failed: ${JSON.stringify(res.errors)}`);
      return res.data.login.accessToken;
    },
    async close() {
      await server.stop();
      await background.jobs.stop();
      await closeLiveHub(services);
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Operations whose mail a background job sends. */
const MAILING = /\b(inviteToWave|remindWave|retryFailedMail)\s*\(/;

/** The error code of the first error, for terse assertions. */
export const codeOf = (res: GqlResult) => res.errors?.[0]?.extensions?.code;
export const fieldOf = (res: GqlResult) => res.errors?.[0]?.extensions?.field;
