/**
 * `npm run breakdowns [-- --seed 1000000] [--no-releases] [--rounds 120] [--warmup 10] [--out NAME] [--database-url URL]`
 *
 * npsBreakdown by ORG_UNIT, PRODUCT and SERVED_BY timed interleaved (issue 19's target compares
 * them): one request of each in turn, so that a change in the host's load falls on all three alike,
 * `--warmup` untimed rounds then `--rounds` timed ones, every field of the groups selected (as the
 * bench selects them, from the published apps/api/schema.graphql), against the API built in apps/api/dist on the bench database (BENCH_DB,
 * default tandem_bench). Each dimension's last answer is checked against its plain SQL scan.
 *
 * --seed N   first recreates the bench database, migrates it and seeds the demo (the API started
 *            once), then adds N answers (seed.ts); without it the database is used as it is (a
 *            previous `npm run bench` or `--seed` run), so that two builds are timed on the same data
 * --out      the results file under bench/results (default <date>-breakdowns-interleaved.json); an
 *            existing file is not overwritten
 * --note     a line for the results' notes (e.g. which build was timed, when it is not the commit's)
 *
 * BENCH_API_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the API process.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSchema } from 'graphql';
import pg from 'pg';
import { argValue, DEFAULT_SERVER } from './cli.js';
import { BENCH_DB, databaseUrl, recreateDatabase } from './database.js';
import { graphql, session } from './http.js';
import { stats, type Stats } from './measure.js';
import { ensureApiBuilt, startApi } from './processes.js';
import { commit, machine } from './provenance.js';
import { writeJson, type BenchResults } from './report.js';
import { breakdownByOrgUnit, breakdownByProduct, breakdownByServedBy } from './scenarios/breakdown.js';
import { documentFor } from './scenarios/document.js';
import { demoOrganization, REPO_ROOT, seedResponses } from './seed.js';

const LEADER = { email: 'leader@demo.test', password: 'tandem-demo' };
const SCENARIOS = [breakdownByOrgUnit, breakdownByProduct, breakdownByServedBy];

interface Row {
  name: string;
  groups: number;
  api: Stats;
  /** p50 over ORG_UNIT's p50. */
  ratio: number;
  exact: boolean | null;
  note?: string;
}

async function main() {
  const args = process.argv.slice(2);
  const serverUrl = argValue(args, 'database-url') ?? process.env.DATABASE_URL ?? DEFAULT_SERVER;
  const rounds = Number(argValue(args, 'rounds') ?? 120);
  const warmup = Number(argValue(args, 'warmup') ?? 10);
  const seed = argValue(args, 'seed');
  const startedAt = new Date();
  const out = resolve(REPO_ROOT, 'bench/results', argValue(args, 'out') ?? `${startedAt.toISOString().slice(0, 10)}-breakdowns-interleaved.json`);
  if (existsSync(out)) throw new Error(`${out} exists: pass another --out`);
  const notes: string[] = [];
  const note = argValue(args, 'note');
  if (note) notes.push(note);
  ensureApiBuilt(notes);
  const jwtSecret = randomBytes(32).toString('hex');
  const dataDir = mkdtempSync(join(tmpdir(), 'tandem-bench-'));
  let db = databaseUrl(serverUrl, BENCH_DB);
  let seeded: unknown = null;
  if (seed !== undefined) {
    db = await recreateDatabase(serverUrl);
    console.log(`Database ${BENCH_DB} recreated; starting the API once to migrate and seed the demo…`);
    await (await startApi(db, jwtSecret, dataDir)).stop();
    seeded = await seedResponses(db, Number(seed), (line) => console.log(`  ${line}`), { releases: !args.includes('--no-releases') });
  }
  const client = new pg.Client({ connectionString: db });
  await client.connect();
  try {
    const organizationId = await demoOrganization(client);
    const responses = (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM responses WHERE organization_id = $1', [organizationId])).rows[0].n;
    const postgres = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
    const api = await startApi(db, jwtSecret, dataDir);
    const samples = SCENARIOS.map(() => [] as number[]);
    const last: unknown[] = SCENARIOS.map(() => null);
    let documents: string[] = [];
    try {
      const token = session(api.url, LEADER.email, LEADER.password);
      // The published schema (introspection is for signed-in admins in production mode).
      const schema = buildSchema(readFileSync(resolve(REPO_ROOT, 'apps/api/schema.graphql'), 'utf8'));
      documents = SCENARIOS.map((s) => {
        const doc = documentFor(schema, s);
        if ('skip' in doc) throw new Error(`${s.name}: ${doc.skip}`);
        return doc.query;
      });
      console.log(`${responses.toLocaleString('en')} responses; ${warmup} warm-up rounds, then ${rounds} timed rounds of ${SCENARIOS.map((s) => s.name).join(', ')} in turn`);
      for (let round = 0; round < warmup + rounds; round++) {
        for (const [i, s] of SCENARIOS.entries()) {
          const t = await token();
          const started = performance.now();
          last[i] = (await graphql<Record<string, unknown>>(api.url, documents[i], s.args, t))[s.field];
          if (round >= warmup) samples[i].push(performance.now() - started);
        }
      }
    } finally {
      await api.stop();
    }
    const rows: Row[] = SCENARIOS.map((s, i) => {
      const api = stats(samples[i]);
      return { name: s.name, groups: Array.isArray(last[i]) ? (last[i] as unknown[]).length : 0, api, ratio: 0, exact: null };
    });
    for (const [i, s] of SCENARIOS.entries()) {
      const compared = s.compare(last[i], (await client.query(s.sql, [organizationId])).rows);
      rows[i].exact = compared.exact;
      if (compared.note) rows[i].note = compared.note;
    }
    for (const row of rows) row.ratio = Math.round((row.api.p50 / rows[0].api.p50) * 100) / 100;
    console.log('\n| npsBreakdown by | groups | API p50 | API p95 | p50 / ORG_UNIT\'s | exact |\n| --- | ---: | ---: | ---: | ---: | :---: |');
    for (const r of rows) console.log(`| ${r.name.replace('npsBreakdown by ', '')} | ${r.groups} | ${r.api.p50} | ${r.api.p95} | ${r.ratio} | ${r.exact === null ? '–' : r.exact ? 'yes' : 'no'} |`);
    const results = {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      commit: commit(),
      machine: machine(postgres) satisfies BenchResults['machine'],
      method: 'interleaved: one request of each query in turn per round',
      options: { database: BENCH_DB, responses, warmup, rounds, seed: seed === undefined ? null : Number(seed) },
      seed: seeded,
      queries: rows.map((r, i) => ({ ...r, document: documents[i] })),
      notes,
    };
    writeJson(out, results as unknown as BenchResults);
    console.log(`\nResults: ${out}`);
  } finally {
    await client.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
