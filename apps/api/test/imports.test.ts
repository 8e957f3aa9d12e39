import 'reflect-metadata';
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

describe('a file with bad rows', () => {
  it('imports nothing and names every bad row: the first, one in the middle, the last, and a repeat across chunks', async () => {
    const n = 12_000; // three chunks of 5,000
    const csv = contactsCsv(n, {
      replace: {
        0: 'not-an-email,First,en,,,EU',
        6_000: 'p6000@bulk.test,,xx,,,EU',
        9_000: 'p10@bulk.test,Again,en,,,EU',
        [n - 1]: `p${n - 1}@bulk.test,Last,en,nobody@bulk.test,Nowhere,EU`,
      },
    });
    const before = await count('contacts');
    const { job } = await importFile(app, tokens.cx, 'contacts', csv);
    expect(job.status).toBe('FAILED');
    expect(job.result).toBeNull();
    expect(job.errors.map((e) => [e.line, e.field, e.reason])).toEqual([
      [2, 'email', 'EMAIL_INVALID'],
      [6002, 'name', 'NAME_REQUIRED'],
      [6002, 'language', 'LANGUAGE_UNKNOWN'],
      [9002, 'email', 'DUPLICATE_IN_FILE'],
      [n + 1, 'owner_email', 'OWNER_UNKNOWN'],
      [n + 1, 'org_unit', 'ORG_UNIT_UNKNOWN'],
    ]);
    expect(job.errors[3].params).toEqual(expect.arrayContaining([{ name: 'line', value: '12' }]));
    expect(job.errorCount).toBe(6);
    expect(job.rowsDone).toBe(n);
    expect(await count('contacts')).toBe(before);
  });

  it('answers exactly as importContacts does for the same file', async () => {
    const csv = [CONTACTS_HEADER + ',email', 'a@b.test,A,en,,,EU,x', ',,,,,,'].join('\n');
    const mutation = await app.gql(`mutation($csv: String!) { importContacts(csv: $csv) { errors { line field message reason params { name value } } } }`, { csv }, tokens.cx);
    const { job } = await importFile(app, tokens.cx, 'contacts', csv);
    expect(job.status).toBe('FAILED');
    expect(job.errors).toEqual(mutation.data.importContacts.errors);
    expect(job.errors[0].reason).toBe('CSV_REPEATED_COLUMN');

    for (const text of ['email,name\n"a@b.test,A\n', 'email,,name,language,owner_email,org_unit\na@b.test,x,A,en,,\n']) {
      const sync = await app.gql(`mutation($csv: String!) { importContacts(csv: $csv) { errors { line field message reason params { name value } } } }`, { csv: text }, tokens.cx);
      const { job: streamed } = await importFile(app, tokens.cx, 'contacts', text);
      expect(streamed.errors).toEqual(sync.data.importContacts.errors);
    }
  });

  it(`lists the first ${MAX_LISTED_ERRORS} problems by line and counts them all`, async () => {
    const replace = Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [i * 2, `bad${i},Bad,en,,,EU`]));
    const { job } = await importFile(app, tokens.cx, 'contacts', contactsCsv(3000, { replace }));
    expect(job.status).toBe('FAILED');
    expect(job.errorCount).toBe(1500);
    expect(job.errors).toHaveLength(MAX_LISTED_ERRORS);
    expect(job.errors[0].line).toBe(2);
    expect(job.errors.at(-1)!.line).toBe(2 + (MAX_LISTED_ERRORS - 1) * 2);
  });

  it('refuses an empty file and a header without rows, as row errors naming the reason', async () => {
    const { job: header } = await importFile(app, tokens.cx, 'contacts', `${CONTACTS_HEADER}\n\n`);
    expect(header).toMatchObject({ status: 'FAILED', errorCount: 1 });
    expect(header.errors[0]).toMatchObject({ line: 2, reason: 'FILE_NO_ROWS' });
    const { job: blank } = await importFile(app, tokens.cx, 'contacts', '\n\n');
    expect(blank.errors[0]).toMatchObject({ line: 1, reason: 'FILE_EMPTY' });
  });
});

describe('a manager', () => {
  it('imports contacts they own only, and a row of another owner’s contact is named', async () => {
    await app.gql(`mutation($input: ContactInput!) { createContact(input: $input) { id } }`, { input: { email: 'taken@bulk.test', name: 'Taken' } }, tokens.cx);
    const { job } = await importFile(app, tokens.manager, 'contacts', [CONTACTS_HEADER, 'mine@bulk.test,Mine,en,,,EU', 'taken@bulk.test,Taken,en,,,EU'].join('\n'));
    expect(job.errors.map((e) => [e.line, e.reason])).toEqual([[3, 'EMAIL_OWNED_BY_OTHER']]);
    const { job: good } = await importFile(app, tokens.manager, 'contacts', [CONTACTS_HEADER, 'mine@bulk.test,Mine,en,,,EU'].join('\n'));
    expect(good.result).toMatchObject({ created: 1 });
    const [row] = await app.db.dataSource.query(`SELECT u.email FROM contacts c JOIN users u ON u.id = c.owner_id WHERE c.email = 'mine@bulk.test'`);
    expect(row.email).toBe(org.users.MANAGER);
  });
});

describe('a dry run', () => {
  it('previews who a contacts file adds and updates, writes nothing, and leaves the upload for the import', async () => {
    const csv = [CONTACTS_HEADER, 'p1@bulk.test,Person One,en,,,EU', 'fresh@bulk.test,Fresh,en,,,EU'].join('\n');
    const uploadId = await uploadOk(app, tokens.cx, csv);
    const before = await count('contacts');
    const { job } = await waitForJob(app, tokens.cx, await startImport(app, tokens.cx, 'contacts', uploadId, true));
    expect(job).toMatchObject({ status: 'DONE', result: null, progress: 1 });
    expect(job.preview).toMatchObject({ added: { count: 1 }, updated: { count: 1 }, leaving: { count: 0 } });
    expect(await count('contacts')).toBe(before);

    const { job: real } = await waitForJob(app, tokens.cx, await startImport(app, tokens.cx, 'contacts', uploadId));
    expect(real.result).toMatchObject({ created: 1, updated: 1 });
    // The import took the upload: a second one is a CONFLICT (or NOT_FOUND once the file is gone), and changes nothing.
    const again = await app.gql(START_CONTACTS, { uploadId }, tokens.cx);
    expect(['CONFLICT', 'NOT_FOUND']).toContain(codeOf(again));
    expect(fieldOf(again)).toBe('uploadId');
  });
});

describe('tenancy', () => {
  it("answers another organization's or another user's upload and job ids as NOT_FOUND, like unknown ones", async () => {
    const uploadId = await uploadOk(app, tokens.cx, contactsCsv(3));
    const id = await startImport(app, tokens.cx, 'contacts', uploadId, true);
    await waitForJob(app, tokens.cx, id);
    for (const token of [tokens.otherCx, tokens.admin]) {
      const start = await app.gql(START_CONTACTS, { uploadId }, token);
      expect([codeOf(start), fieldOf(start)]).toEqual(['NOT_FOUND', 'uploadId']);
      const read = await app.gql(JOB, { id }, token);
      expect([codeOf(read), fieldOf(read)]).toEqual(['NOT_FOUND', 'id']);
    }
    const roster = await app.gql(START_ROSTER, { uploadId }, tokens.otherHr);
    expect(codeOf(roster)).toBe('NOT_FOUND');
    for (const unknown of ['00000000-0000-0000-0000-000000000000', 'nonsense']) {
      expect(codeOf(await app.gql(START_CONTACTS, { uploadId: unknown }, tokens.cx))).toBe('NOT_FOUND');
      expect(codeOf(await app.gql(JOB, { id: unknown }, tokens.cx))).toBe('NOT_FOUND');
    }
    // Roles: a leader imports nothing; HR imports the roster, not contacts.
    expect(codeOf(await app.gql(START_CONTACTS, { uploadId }, tokens.leader))).toBe('FORBIDDEN');
    expect(codeOf(await app.gql(START_CONTACTS, { uploadId }, tokens.hr))).toBe('FORBIDDEN');
    expect(codeOf(await app.gql(START_ROSTER, { uploadId }, tokens.cx))).toBe('FORBIDDEN');
  });

  it('answers an expired upload as NOT_FOUND and deletes it when it expires', async () => {
    const uploadId = await uploadOk(app, tokens.cx, contactsCsv(3));
    await app.db.dataSource.query(`UPDATE uploads SET expires_at = now() - interval '1 minute' WHERE id = $1`, [uploadId]);
    expect(codeOf(await app.gql(START_CONTACTS, { uploadId }, tokens.cx))).toBe('NOT_FOUND');
    const file = path.join(uploadsDir(app.config.dataDir), org.org.id, `${uploadId}.csv`);
    expect(existsSync(file)).toBe(true);
    await sweepUploads(app.db.dataSource.manager, app.config.dataDir, new Date());
    expect(existsSync(file)).toBe(false);
    expect(await app.db.dataSource.query(`SELECT id FROM uploads WHERE id = $1`, [uploadId])).toEqual([]);
  });
});

describe('POST /uploads', () => {
  const refused = (answer: Awaited<ReturnType<typeof upload>>) => ({ status: answer.status, ...answer.body.errors?.[0]?.extensions });
  const uploadRows = async () => Number((await app.db.dataSource.query(`SELECT count(*) AS n FROM uploads WHERE organization_id = $1`, [org.org.id]))[0].n);
  const files = () => readdirSync(path.join(uploadsDir(app.config.dataDir), org.org.id));

  it('refuses a file over 50 MB, by its Content-Length or as it streams, with a typed error, and keeps nothing', async () => {
    const rowsBefore = await uploadRows();
    const filesBefore = files();
    const big = Buffer.alloc(MAX_UPLOAD_BYTES + 1, 'a');
    expect(refused(await upload(app, tokens.cx, big))).toMatchObject({ status: 413, code: 'BAD_USER_INPUT', field: 'file', reason: 'UPLOAD_TOO_LARGE' });
    // Without a Content-Length (chunked): refused when the 50 MB are passed.
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > MAX_UPLOAD_BYTES + 1024 * 1024) return controller.close();
        sent += 1024 * 1024;
        controller.enqueue(new Uint8Array(1024 * 1024).fill(0x61));
      },
    });
    expect(refused(await upload(app, tokens.cx, stream))).toMatchObject({ status: 413, reason: 'UPLOAD_TOO_LARGE' });
    expect(await uploadRows()).toBe(rowsBefore);
    expect(files()).toEqual(filesBefore);
  });

  it('refuses what is not CSV text: another content type, binary bytes, bytes that are not UTF-8, nothing at all', async () => {
    const rowsBefore = await uploadRows();
    expect(refused(await upload(app, tokens.cx, 'a,b\n', { contentType: 'application/json' }))).toMatchObject({ status: 415, code: 'BAD_USER_INPUT', reason: 'UPLOAD_NOT_CSV' });
    expect(refused(await upload(app, tokens.cx, 'a,b\n', { contentType: 'text/csv; charset=latin1' }))).toMatchObject({ status: 415, reason: 'UPLOAD_NOT_CSV' });
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    expect(refused(await upload(app, tokens.cx, zip))).toMatchObject({ status: 415, reason: 'UPLOAD_NOT_UTF8' });
    expect(refused(await upload(app, tokens.cx, Buffer.from('email\nz\xfcrich@x.test\n', 'latin1')))).toMatchObject({ status: 415, reason: 'UPLOAD_NOT_UTF8' });
    expect(refused(await upload(app, tokens.cx, ''))).toMatchObject({ status: 400, reason: 'UPLOAD_EMPTY' });
    expect(await uploadRows()).toBe(rowsBefore);
  });

  it('takes UTF-8 CSV with a charset, and answers without a login or for a leader as the API does', async () => {
    const ok = await upload(app, tokens.cx, 'email,name\n', { contentType: 'text/csv; charset=UTF-8', headers: { 'x-file-name': encodeURIComponent('kontakty ł.csv') } });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ byteSize: 11, fileName: 'kontakty ł.csv' });
    expect(refused(await upload(app, null, 'a\n'))).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(refused(await upload(app, 'not-a-token', 'a\n'))).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(refused(await upload(app, tokens.leader, 'a\n'))).toMatchObject({ status: 403, code: 'FORBIDDEN' });
  });
});

describe('the roster as a job', () => {
  const CHANGES = `query { rosterChanges(first: 100) { edges { node { kind email orgUnit { name } } } } }`;
  const IMPORT = `mutation($csv: String!) { importEmployees(csv: $csv) { imported created updated deactivated errors { line } } }`;
  const changesOf = async (token: string) =>
    ((await app.gql(CHANGES, {}, token)).data.rosterChanges.edges as { node: { kind: string; email: string; orgUnit: { name: string } | null } }[])
      .map(({ node }) => `${node.kind} ${node.email.split('@')[0]} ${node.orgUnit?.name.replace(/^.* HQ$/, 'HQ') ?? '-'}`)
      .reverse();

  it('records roster_changes exactly as importEmployees does, file after file', async () => {
    // The same three rosters: through the mutation in this organization, through the job in the other.
    await app.db.dataSource.query(`INSERT INTO org_units (organization_id, parent_id, name) VALUES ($1, $2, 'Sales'), ($1, $2, 'Support')`, [other.org.id, other.unit.id]);
    const files = [
      ['ann,Ann,en,Sales,Oslo,<1', 'bob,Bob,en,Sales,Oslo,<1', 'cid,Cid,en,Support,Oslo,<1', 'dee,Dee,pl,,,'],
      ['ann,Ann,en,Sales,Warsaw,<1', 'bob,Bob,en,Support,Oslo,<1', 'dee,Dee Two,pl,Sales,,'],
      ['ann,Ann,en,Sales,Warsaw,<1', 'bob,Bob,en,Support,Oslo,<1', 'cid,Cid,en,Sales,Oslo,<1', 'eve,Eve,da,Support,,'],
    ];
    const csvOf = (rows: string[], domain: string) => [ROSTER_HEADER, ...rows.map((r) => r.replace(/^(\w+),/, `$1@${domain},`))].join('\n');
    for (const rows of files) {
      const viaMutation = await app.gql(IMPORT, { csv: csvOf(rows, 'bulk.test') }, tokens.hr);
      expect(viaMutation.data.importEmployees.errors).toEqual([]);
      const { job } = await importFile(app, tokens.otherHr, 'roster', csvOf(rows, 'elsewhere.test'));
      expect(job.status).toBe('DONE');
      const { errors: _e, ...counts } = viaMutation.data.importEmployees;
      expect(job.result).toEqual({ ...counts, errors: [] });
    }
    const trail = await changesOf(tokens.hr);
    expect(await changesOf(tokens.otherHr)).toEqual(trail);
    expect(trail).toEqual(
      expect.arrayContaining(['MOVED bob Support', 'LEFT cid Support', 'MOVED dee Sales', 'RESTORED cid Sales', 'ADDED eve Support', 'LEFT dee Sales']),
    );
  });

  it('previews the leavers by name in a dry run, and the preview matches previewEmployeeImport', async () => {
    const csv = [ROSTER_HEADER, 'ann@elsewhere.test,Ann,en,Sales,,', 'new@elsewhere.test,New,en,Sales,,'].join('\n');
    const { job } = await importFile(app, tokens.otherHr, 'roster', csv, true);
    const sync = await app.gql(
      `query($csv: String!) { previewEmployeeImport(csv: $csv) { errors { line } added { count people { email name } } updated { count people { email name } } leaving { count people { email name } } } }`,
      { csv },
      tokens.otherHr,
    );
    expect(job.preview).toEqual(sync.data.previewEmployeeImport);
    expect(job.preview!.leaving.people.map((p) => p.name)).toEqual(['Bob', 'Cid', 'Eve']);
  });

  it('never repeats an employee’s email in its errors', async () => {
    const { job } = await importFile(app, tokens.otherHr, 'roster', [ROSTER_HEADER, 'ann@elsewhere.test,Ann,en,Sales,,', 'ann@elsewhere.test,Ann,en,Sales,,', 'x@elsewhere.test,X,en,Mars,,'].join('\n'));
    expect(job.status).toBe('FAILED');
    expect(job.errors.map((e) => e.reason)).toEqual(['DUPLICATE_IN_FILE', 'ORG_UNIT_UNKNOWN']);
    expect(JSON.stringify(job.errors)).not.toContain('@elsewhere.test');
  });
});
