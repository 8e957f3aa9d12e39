import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/data-source.js';
import { createOrganization } from './support/fixtures.js';
import { adminQuery } from './support/global-setup.js';
import { JOB, contactsCsv, startImport, uploadOk, waitForJob, type ImportApi, type JobState } from './support/imports.js';
import { databases } from './support/jobs.js';

/**
 * Issue 17: an import is all or nothing even when its process is killed (SIGKILL, no shutdown):
 * once while it stages its rows, once when every row is staged and the final transaction runs
 * (or is about to). After each kill the database holds none of the file's contacts or all of
 * them; after the last restart the job finishes and all are there, once. Real processes
 * (src/main.ts through tsx) on a database that outlives them: a PGlite folder, or a database on
 * the DATABASE_URL server.
 */

const apiRoot = fileURLToPath(new URL('..', import.meta.url));
const ROWS = 30_000;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const port = (probe.address() as { port: number }).port;
      probe.close(() => resolve(port));
    });
  });
}

interface ApiProcess extends ImportApi {
  child: ChildProcess;
  output(): string;
}

/** `npm start` from source: the API with its workers, on the given environment; resolves when /readyz answers. */
async function startApi(env: Record<string, string>): Promise<ApiProcess> {
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'test', SEED_DEMO: 'false', LOG_LEVEL: 'warn' };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: apiRoot, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keep = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-20_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited during start:\n${log}`);
    const ready = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`the API was not ready in time:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    child,
    output: () => log,
    async gql(query, variables, token) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return res.json();
    },
  };
}

async function kill(api: ApiProcess): Promise<void> {
  if (api.child.exitCode !== null || api.child.signalCode !== null) return;
  const exited = new Promise((resolve) => api.child.once('exit', resolve));
  api.child.kill('SIGKILL');
  await exited;
}

/** Polls the job until `stop` says so (or it ends), then kills the process at once. */
async function killWhen(api: ApiProcess, token: string, id: string, stop: (job: JobState) => boolean): Promise<JobState> {
  for (;;) {
    const res = await api.gql<{ importJob: JobState }>(JOB, { id }, token);
    const job = res.data!.importJob;
    if (stop(job) || job.status === 'DONE' || job.status === 'FAILED') {
      await kill(api);
      return job;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.each(databases)('an import killed with its process ($name)', ({ embedded }) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tandem-restart-'));
  const cleanups: (() => Promise<unknown>)[] = [async () => rmSync(dataDir, { recursive: true, force: true })];
  let api: ApiProcess | null = null;
  afterAll(async () => {
    if (api) await kill(api);
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  });

  it('leaves none of the rows or all of them, and finishes after the restart', async () => {
    const env: Record<string, string> = { DATA_DIR: dataDir, JWT_SECRET: randomBytes(32).toString('hex') };
    let databaseUrl: string | null = null;
    if (!embedded) {
      const name = `tandem_test_${randomBytes(6).toString('hex')}`;
      await adminQuery(process.env.DATABASE_URL!, `CREATE DATABASE ${name}`);
      cleanups.push(() => adminQuery(process.env.DATABASE_URL!, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      const url = new URL(process.env.DATABASE_URL!);
      url.pathname = `/${name}`;
      databaseUrl = env.DATABASE_URL = url.toString();
    }
    /** The database as the next process will find it: read between a kill and the restart. */
    const outside = () => openDatabase({ databaseUrl, embeddedDir: path.join(dataDir, 'pglite') }, { poolSize: 1 });
    const prepare = await outside();
    const { org, users, password } = await createOrganization(prepare.dataSource.manager, 'restart', ['CX']);
    await prepare.close();
    const contacts = async () => {
      const db = await outside();
      try {
        return Number((await db.dataSource.query(`SELECT count(*)::int AS n FROM contacts WHERE organization_id = $1`, [org.id]))[0].n);
      } finally {
        await db.close();
      }
    };
    /**
     * PostgreSQL: a killed process's job comes back when its time limit passes (pg-boss's
     * maintenance, after IMPORT_QUEUE_OPTIONS.expireInSeconds); here it is brought forward. The
     * embedded database needs nothing: the next process returns such jobs at start.
     */
    const timeLimitPasses = async () => {
      if (embedded) return;
      const client = new pg.Client({ connectionString: databaseUrl! });
      await client.connect();
      await client.query(`UPDATE pgboss.job SET state = 'retry', started_on = NULL, start_after = now() WHERE name = 'imports.run' AND state = 'active'`);
      await client.end();
    };

    api = await startApi(env);
    const login = await api.gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: users.CX, p: password });
    let token: string = login.data.login.accessToken;
    const id = await startImport(api, token, 'contacts', await uploadOk(api, token, contactsCsv(ROWS)));

    // 1. Killed while the rows are staged: none of them is in contacts.
    const first = await killWhen(api, token, id, (job) => job.status === 'IMPORTING' && job.rowsDone > 0);
    expect(first).toMatchObject({ status: 'IMPORTING' });
    expect(first.rowsDone).toBeLessThan(ROWS);
    expect(await contacts()).toBe(0);

    // 2. Restarted, the job runs again from the start; killed once every row is staged.
    await timeLimitPasses();
    api = await startApi(env);
    const second = await killWhen(api, token, id, (job) => job.status === 'IMPORTING' && job.rowsDone === ROWS);
    expect(['IMPORTING', 'DONE']).toContain(second.status);
    console.info(`${embedded ? 'embedded' : 'PostgreSQL'}: second kill at ${second.status} ${second.rowsDone}/${second.rowsTotal}`);
    expect([0, ROWS]).toContain(await contacts());

    // 3. Restarted again: DONE, every row there once.
    await timeLimitPasses();
    api = await startApi(env);
    token = (await api.gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: users.CX, p: password })).data.login.accessToken;
    const { job } = await waitForJob(api, token, id);
    expect(job).toMatchObject({ status: 'DONE', rowsDone: ROWS, rowsTotal: ROWS });
    expect(job.result!.imported).toBe(ROWS);
    expect(await contacts()).toBe(ROWS);
    await kill(api);
    api = null;
  }, 600_000);
});
