/**
 * The API under test as a child process: built when missing, started on a free port against the
 * bench database, waited for until /readyz answers, stopped between sizes. Children still running
 * when the bench exits (or is interrupted) are killed.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { API_DIST, REPO_ROOT } from './seed.js';

/** Builds the API when its dist is missing; warns when a source file is newer than the build. */
export function ensureApiBuilt(notes: string[]): void {
  const main = resolve(API_DIST, 'main.js');
  if (!existsSync(main)) {
    console.log('Building the API (npx turbo run build --filter=@tandem/api)…');
    const built = spawnSync('npx', ['turbo', 'run', 'build', '--filter=@tandem/api'], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (built.status !== 0 || !existsSync(main)) throw new Error('Building the API failed');
    return;
  }
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((m, e) => Math.max(m, e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs), 0);
  const src = resolve(REPO_ROOT, 'apps/api/src');
  if (existsSync(src) && newest(src) > statSync(main).mtimeMs) {
    const note = 'apps/api/src has changes newer than apps/api/dist: this run measures the last build (npx turbo run build --filter=@tandem/api).';
    console.warn(`warning: ${note}`);
    notes.push(note);
  }
}

/** A port nobody listens on now, on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.on('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface Api {
  url: string;
  /** The API process's id, to read its memory (/proc/<pid>/status). */
  pid: number;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.on('exit', () => running.forEach((child) => child.kill('SIGKILL')));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

/** A started API process: what /readyz answered, and the tail of its output. */
export interface SpawnedApi extends Api {
  ready: { database?: string };
  log(): string;
}

/**
 * `node [nodeArgs] apps/api/dist/main.js` with `env` (its PORT is `port`), ready when /readyz
 * answers; stopped with SIGTERM (SIGKILL after 20 s), and killed if still running when the bench
 * exits. The last `logChars` of its output are kept for the errors.
 */
export async function spawnApi(
  port: number,
  env: NodeJS.ProcessEnv,
  options: { nodeArgs?: string[]; logChars: number; readyWithinMs: number; within: string },
): Promise<SpawnedApi> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), resolve(API_DIST, 'main.js')], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let log = '';
  const keep = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-options.logChars));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    }
    running.delete(child);
  };
  const deadline = Date.now() + options.readyWithinMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The API exited during start (code ${child.exitCode}):\n${log}`);
    const ready = (await fetch(`${url}/readyz`).then((r) => (r.ok ? r.json() : null)).catch(() => null)) as { database?: string } | null;
    if (ready) return { url, pid: child.pid!, ready, log: () => log, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The API was not ready within ${options.within}:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * The environment of a bench API process: this one's, in production mode on 127.0.0.1:port, no
 * rate limit, the demo seeded, mail into DATA_DIR's outbox (no OUTBOX_DIR or SMTP_URL inherited).
 */
export function apiEnv(port: number, dataDir: string, jwtSecret: string, extraEnv: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '0',
    NODE_ENV: 'production',
    JWT_SECRET: jwtSecret,
    SEED_DEMO: 'true',
  };
  delete env.OUTBOX_DIR;
  delete env.SMTP_URL;
  return { ...env, ...extraEnv };
}

/** `node apps/api/dist/main.js` on a free port against the bench database, ready when /readyz says so. */
export async function startApi(db: string, jwtSecret: string, dataDir: string, extraEnv: Record<string, string> = {}): Promise<Api> {
  const port = await freePort();
  const env = apiEnv(port, dataDir, jwtSecret, { DATABASE_URL: db, ...extraEnv });
  // BENCH_API_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the API under the load.
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const api = await spawnApi(port, env, { nodeArgs, logChars: 10_000, readyWithinMs: 180_000, within: '3 minutes' });
  if (api.ready.database !== 'postgres') throw new Error(`The API is not on PostgreSQL: ${JSON.stringify(api.ready)}`);
  return { url: api.url, pid: api.pid, stop: api.stop };
}
