import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/data-source.js';
import { createOrganization } from './support/fixtures.js';
import { adminQuery } from './support/global-setup.js';
import { JOB, contactsCsv, startImport, uploadOk, waitForJob, type JobState } from './support/imports.js';
import { databases } from './support/jobs.js';
import { kill, startApi, type ApiProcess } from './support/api-process.js';

/**
 * Issue 17: an import is all or nothing even when its process is killed (SIGKILL, no shutdown):
 * once while it stages its rows, once when every row is staged and the final transaction runs
 * (or is about to). After each kill the database holds none of the file's contacts or all of
 * them; after the last restart the job finishes and all are there, once. Real processes
 * (src/main.ts through tsx) on a database that outlives them: a PGlite folder, or a database on
 * the DATABASE_URL server.
 */

const ROWS = 30_000;

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
