import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_LISTED_ERRORS } from '../src/platform/imports/import-job.types.js';
import { MAX_UPLOAD_BYTES, sweepUploads, uploadsDir } from '../src/platform/imports/uploads.js';
import { createOrganization } from './support/fixtures.js';
import {
  CONTACTS_HEADER,
  JOB,
  ROSTER_HEADER,
  START_CONTACTS,
  START_ROSTER,
  contactsCsv,
  importFile,
  startImport,
  upload,
  uploadOk,
  waitForJob,
} from './support/imports.js';
import { until } from './support/jobs.js';
import { codeOf, fieldOf, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Issue 17, large imports as jobs: a file goes up to POST /uploads, startContactImport or
 * startRosterImport queues a job that checks every row (nothing written when any is bad, every
 * bad row named), then stages the rows in chunks and writes them in one final transaction; the
 * client polls importJob for its progress. Runs on the database of the run (DATABASE_URL or the
 * embedded one); the restart test (import-restart.test.ts) kills real processes on both.
 */

let app: TestApp;
let org: Awaited<ReturnType<typeof createOrganization>>;
let other: Awaited<ReturnType<typeof createOrganization>>;
const tokens: Record<'cx' | 'hr' | 'manager' | 'admin' | 'leader' | 'otherCx' | 'otherHr', string> = {} as never;

const count = async (table: 'contacts' | 'employees', organizationId = org.org.id) =>
  Number((await app.db.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE organization_id = $1`, [organizationId]))[0].n);

beforeAll(async () => {
  app = await startTestApp();
  const db = app.db.dataSource.manager;
  org = await createOrganization(db, 'bulk', ['CX', 'HR', 'MANAGER', 'ADMIN', 'LEADER']);
  other = await createOrganization(db, 'elsewhere', ['CX', 'HR']);
  for (const name of ['Sales', 'Support']) await db.query(`INSERT INTO org_units (organization_id, parent_id, name) VALUES ($1, $2, $3)`, [org.org.id, org.unit.id, name]);
  tokens.cx = await app.login(org.users.CX, org.password);
  tokens.hr = await app.login(org.users.HR, org.password);
  tokens.manager = await app.login(org.users.MANAGER, org.password);
  tokens.admin = await app.login(org.users.ADMIN, org.password);
  tokens.leader = await app.login(org.users.LEADER, org.password);
  tokens.otherCx = await app.login(other.users.CX, other.password);
  tokens.otherHr = await app.login(other.users.HR, other.password);
});
afterAll(() => app?.close());

describe('a contacts file as a job', () => {
  it('imports 100,000 rows with its progress going to 100 %', async () => {
    const before = await count('contacts');
    const started = performance.now();
    const { job, seen } = await importFile(app, tokens.cx, 'contacts', contactsCsv(100_000));
    const seconds = (performance.now() - started) / 1000;
    console.info(`100,000 contacts imported as a job in ${seconds.toFixed(1)} s (${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded'})`);
    expect(job).toMatchObject({ status: 'DONE', rowsTotal: 100_000, rowsDone: 100_000, progress: 1, errorCount: 0, errors: [] });
    expect(job.result).toEqual({ imported: 100_000, created: 100_000, updated: 0, deactivated: 0, errors: [] });
    expect(await count('contacts')).toBe(before + 100_000);
    // The progress was seen on its way: both phases, and never backwards within one.
    expect(new Set(seen.map((s) => s.status))).toEqual(new Set(['VALIDATING', 'IMPORTING', 'DONE']));
    for (const phase of ['VALIDATING', 'IMPORTING']) {
      const done = seen.filter((s) => s.status === phase).map((s) => s.rowsDone);
      expect(done).toEqual([...done].sort((a, b) => a - b));
    }
    expect(seen.some((s) => s.status === 'IMPORTING' && s.rowsDone > 0 && s.rowsDone < 100_000)).toBe(true);
    // Nothing left behind (right after the final commit): no staged rows, no file.
    await until(async () => Number((await app.db.dataSource.query(`SELECT count(*) AS n FROM contact_import_rows`))[0].n) === 0, 'the staged rows to go');
    await until(() => readdirSync(path.join(uploadsDir(app.config.dataDir), org.org.id)).length === 0, 'the uploaded file to go');
  }, 300_000);
});
