import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';

const testRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
export const repoRoot = resolve(testRoot, '..');
export const serverEntry = resolve(repoRoot, 'apps/api/dist/main.js');
/** E2E_API_FROM_SOURCE=1 runs apps/api/src/main.ts through tsx instead of the build (quicker while developing). */
const fromSource = process.env.E2E_API_FROM_SOURCE === '1';
const sourceEntry = resolve(repoRoot, 'apps/api/src/main.ts');
export const webIndex = resolve(repoRoot, 'apps/web/dist/index.html');

export interface TestServer {
  /** e.g. http://127.0.0.1:43125 */
  url: string;
  port: number;
  /** The server's DATA_DIR (a fresh temporary folder). */
  dataDir: string;
  /** Where the server writes mail as .eml files (no SMTP_URL): DATA_DIR/outbox unless OUTBOX_DIR is given. */
  outboxDir: string;
  /** The child's recent output, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

/** A new database on the PostgreSQL server at DATABASE_URL (a copy of `template` when given), dropped by the returned function. */
export async function createDatabase(serverUrl: string, template: string | null = null): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `tandem_e2e_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

export async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolveExit) => {
    if (child.exitCode !== null || child.signalCode !== null) resolveExit();
    else child.once('exit', () => resolveExit());
  });

export interface StartOptions {
  env?: Record<string, string>;
  readyTimeoutMs?: number;
  /** The server's own PGlite under DATA_DIR, as `npm start` runs it, even when DATABASE_URL is set. */
  embedded?: boolean;
}

/**
 * Starts the real server (apps/api/dist/main.js, which also serves apps/web/dist) on a free port,
 * with its own data directory and — when DATABASE_URL is set (and not `embedded`) — its own
 * database. Resolves once /readyz answers 200. On PostgreSQL the database is a copy of the run's
 * seeded demo and the outbox starts with the demo's mails (global-setup.ts); otherwise the server
 * seeds the demo organization into its empty database on start.
 */
export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  const serverUrl = options.embedded ? undefined : process.env.DATABASE_URL;
  const seeded = serverUrl ? inject('e2eSeeded') : null;
  const database = serverUrl ? await createDatabase(serverUrl, seeded?.database) : null;
  return launchServer({ ...options, database, outbox: seeded?.outbox ?? null });
}

/** Runs the server on `database` (dropped at stop unless `keepDatabase`), its outbox starting as a copy of `outbox`. */
export async function launchServer(
  options: StartOptions & { database: { url: string; drop(): Promise<void> } | null; outbox?: string | null; keepDatabase?: boolean },
): Promise<TestServer> {
  if (!fromSource && !existsSync(serverEntry)) {
    throw new Error(`The API is not built: ${serverEntry} is missing. Run \`npx turbo run build\` at the repository root.`);
  }
  if (!existsSync(webIndex)) {
    throw new Error(`The web app is not built: ${webIndex} is missing. Run \`npx turbo run build --filter=@tandem/web\`.`);
  }

  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'tandem-e2e-'));
  const { database } = options;

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
    ...options.env,
  };
  delete env.DATABASE_URL;
  if (database) env.DATABASE_URL = database.url;
  if (fromSource) env.TSX_TSCONFIG_PATH = resolve(repoRoot, 'apps/api/tsconfig.json');
  const outboxDir = env.OUTBOX_DIR ? resolve(env.OUTBOX_DIR) : join(dataDir, 'outbox');
  if (options.outbox) await cp(options.outbox, outboxDir, { recursive: true });

  const args = fromSource ? ['--import', 'tsx', sourceEntry] : [serverEntry];
  const child = spawn(process.execPath, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const url = `http://127.0.0.1:${port}`;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited(child);
      clearTimeout(timer);
    }
    if (!options.keepDatabase) await database?.drop().catch((error: unknown) => console.warn(`could not drop the e2e database: ${String(error)}`));
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitUntilReady(url, child, options.readyTimeoutMs ?? 300_000);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- server output ---\n${log}`);
  }

  return { url, port, dataDir, outboxDir, output: () => log, stop };
}

async function waitUntilReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The server exited during start (code ${child.exitCode}, signal ${child.signalCode}).`);
    }
    try {
      const response = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) });
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 250));
  }
  throw new Error(`The server at ${url} was not ready within ${timeoutMs / 1000} s.`);
}

/** Calls the GraphQL API directly (for test setup and for facts to compare the UI with). */
export async function graphql<T = Record<string, unknown>>(
  server: Pick<TestServer, 'url'>,
  query: string,
  variables: Record<string, unknown> = {},
  accessToken?: string,
): Promise<T> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`GraphQL error: ${body.errors.map((e) => e.message).join('; ')}`);
  return body.data as T;
}

export const DEMO_PASSWORD = 'tandem-demo';
