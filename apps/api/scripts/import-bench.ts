/**
 * How long a large import takes as a job (issue 17), phase by phase, and how long other requests
 * wait meanwhile. Not a test: run it by hand on an otherwise quiet machine and note the result in
 * docs/performance.md.
 *
 *   npx tsx scripts/import-bench.ts                           # embedded database (in memory)
 *   DATABASE_URL=postgres://… npx tsx scripts/import-bench.ts # PostgreSQL (a scratch database)
 *
 * Options: --rows=N (default 100000), --baseline-only (the mutations only, over N roster rows imported first).
 * The API runs as its own process (src/main.ts, workers inside), as `npm start` does: the embedded
 * database runs inside that process, so a client sharing it could not see it wait. For contacts
 * and the roster: a file of N new people, then the same file again (N updates). Each is uploaded
 * (POST /uploads), started, and polled with importJob every 20 ms; the phases are read off the
 * polls (VALIDATING → IMPORTING, rows staged → DONE), and each poll's round trip is a request
 * waiting its turn beside the import. The baseline is the mutation at its limit (10,000 rows in
 * one request).
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/db/data-source.js';
import { kill, startApi } from '../test/support/api-process.js';
import { createOrganization } from '../test/support/fixtures.js';
import { adminQuery } from '../test/support/global-setup.js';

const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const ROWS = Number(args.get('rows') ?? 100_000);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
const ms = (n: number) => Math.round(n).toLocaleString('en');
const s = (n: number) => (n / 1000).toFixed(1);

const contactsCsv = (n: number, name: string) =>
  ['email,name,language,owner_email,org_unit,region,product', ...Array.from({ length: n }, (_, i) => `p${i}@bench.test,${name} ${i},en,,,${i % 2 ? 'EU' : 'US'},P${i % 7}`)].join('\n');
const rosterCsv = (n: number, units: string[], name: string) =>
  ['email,name,language,org_unit,location,tenure_band', ...Array.from({ length: n }, (_, i) => `e${i}@bench.test,${name} ${i},en,${units[i % units.length]},L${i % 5},${i % 3}y`)].join('\n');

async function main() {
  const serverUrl = process.env.DATABASE_URL;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tandem-import-bench-'));
  let drop = async () => {};
  let databaseUrl: string | null = null;
  if (serverUrl) {
    const name = `tandem_import_bench_${randomBytes(4).toString('hex')}`;
    await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
    drop = () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
  }
  // The organization, before the API starts on the same database.
  const setup = await openDatabase({ databaseUrl, embeddedDir: path.join(dataDir, 'pglite') });
  const manager = setup.dataSource.manager;
  const org = await createOrganization(manager, 'bench', ['CX', 'HR']);
  const units: string[] = [];
  for (let i = 0; i < 20; i++) {
    units.push(`Unit ${i}`);
    await manager.query(`INSERT INTO org_units (organization_id, parent_id, name) VALUES ($1, $2, $3)`, [org.org.id, org.unit.id, `Unit ${i}`]);
  }
  const mode = setup.mode;
  await setup.close();
  const server = await startApi({ DATA_DIR: dataDir, JWT_SECRET: randomBytes(32).toString('hex'), RATE_LIMIT_PER_MINUTE: '0', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });

  const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: any; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const login = async (email: string) =>
    (await gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: email, p: org.password })).login.accessToken as string;
  const tokens = { contacts: await login(org.users.CX), roster: await login(org.users.HR) };

  console.log(`${mode === 'embedded' ? 'embedded database (PGlite, one connection)' : 'PostgreSQL 15 on this machine'}, ${ROWS.toLocaleString('en')} rows; milliseconds\n`);
  console.log('| file | upload | validating | staging | final write | total | poll p50 / p95 / max while it ran |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');

  for (const kind of args.has('baseline-only') ? [] : (['contacts', 'roster'] as const)) {
    for (const round of ['new', 'again (updates)'] as const) {
      const csv = kind === 'contacts' ? contactsCsv(ROWS, round === 'new' ? 'Person' : 'Renamed') : rosterCsv(ROWS, units, round === 'new' ? 'Person' : 'Renamed');
      const token = tokens[kind];
      const t0 = performance.now();
      const res = await fetch(`${server.url}/uploads`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, body: csv });
      const { id: uploadId } = (await res.json()) as { id: string };
      const uploaded = performance.now();
      const start = kind === 'contacts' ? 'startContactImport' : 'startRosterImport';
      const job = (await gql(`mutation($u: ID!) { ${start}(uploadId: $u) { id } }`, { u: uploadId }, token))[start];
      const marks: Record<string, number> = {};
      const polls: number[] = [];
      for (;;) {
        const before = performance.now();
        const state = (await gql(`query($id: ID!) { importJob(id: $id) { status rowsDone rowsTotal errorCount result { imported } } }`, { id: job.id }, token)).importJob;
        const after = performance.now();
        polls.push(after - before);
        if (process.env.TRACE) console.log(`poll ${Math.round(before - t0)} +${Math.round(after - before)} ${state.status} ${state.rowsDone}`);
        if (state.status === 'IMPORTING') marks.importing ??= after;
        if (state.status === 'IMPORTING' && state.rowsDone === state.rowsTotal) marks.staged ??= after;
        if (state.status === 'FAILED') throw new Error(`the import failed: ${JSON.stringify(state)}`);
        if (state.status === 'DONE') {
          marks.done = after;
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      marks.staged ??= marks.done;
      const sorted = [...polls].sort((a, b) => a - b);
      console.log(
        `| ${kind}, ${round} | ${ms(uploaded - t0)} | ${ms(marks.importing - uploaded)} | ${ms(marks.staged - marks.importing)} | ${ms(marks.done - marks.staged)} | ${ms(marks.done - t0)} | ${ms(percentile(sorted, 50))} / ${ms(percentile(sorted, 95))} / ${ms(sorted.at(-1)!)} |`,
      );
    }
  }

  if (args.has('baseline-only')) {
    // The roster the 10,000 replace, written as the job would.
    const res = await fetch(`${server.url}/uploads`, { method: 'POST', headers: { authorization: `Bearer ${tokens.roster}`, 'content-type': 'text/csv' }, body: rosterCsv(ROWS, units, 'Person') });
    const { id: uploadId } = (await res.json()) as { id: string };
    const job = (await gql(`mutation($u: ID!) { startRosterImport(uploadId: $u) { id } }`, { u: uploadId }, tokens.roster)).startRosterImport;
    while ((await gql(`query($id: ID!) { importJob(id: $id) { status } }`, { id: job.id }, tokens.roster)).importJob.status !== 'DONE') await new Promise((r) => setTimeout(r, 200));
  }
  // The baseline: the mutations at their limit, one request each.
  console.log('\n| baseline: one request at the mutation limit | rows | seconds |');
  console.log('| --- | ---: | ---: |');
  const t1 = performance.now();
  await gql(`mutation($csv: String!) { importContacts(csv: $csv) { imported } }`, { csv: contactsCsv(10_000, 'Small').replace(/@bench/g, '@small') }, tokens.contacts);
  console.log(`| importContacts | 10,000 | ${s(performance.now() - t1)} |`);
  const t2 = performance.now();
  await gql(`mutation($csv: String!) { importEmployees(csv: $csv) { imported } }`, { csv: rosterCsv(10_000, units, 'Small') }, tokens.roster);
  console.log(`| importEmployees (90,000 become leavers) | 10,000 | ${s(performance.now() - t2)} |`);

  await kill(server);
  await drop();
  rmSync(dataDir, { recursive: true, force: true });
}

await main();
process.exit(0);
