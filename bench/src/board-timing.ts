/**
 * `npm run board [-- --rounds 40] [--warmup 5] [--out NAME] [--note TEXT] [--database-url URL]`
 *
 * The board over HTTP on the bench database as it is (BENCH_DB, default tandem_bench; never
 * recreated or seeded here, so two builds are timed on the same data — seed it with `npm run bench`
 * or `npm run breakdowns -- --seed N`): the bench's document (every field, from the published
 * apps/api/schema.graphql) and the document the web app's board page sends (apps/web/src/gql,
 * BoardDocument), one request of each in turn per round, against the API built in apps/api/dist, as
 * the demo leader. The bench document's audiences are checked against the plain SQL scan.
 *
 * --out   the results file under bench/results (default <date>-board-interleaved.json); an existing
 *         file is not overwritten
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSchema, print } from 'graphql';
import pg from 'pg';
import { BoardDocument } from '../../apps/web/src/gql/graphql.js';
import { argValue, DEFAULT_SERVER } from './cli.js';
import { BENCH_DB, databaseUrl } from './database.js';
import { graphql, session } from './http.js';
import { stats } from './measure.js';
import { ensureApiBuilt, startApi } from './processes.js';
import { commit, machine } from './provenance.js';
import { writeJson, type BenchResults } from './report.js';
import { board } from './scenarios/board.js';
import { documentFor } from './scenarios/document.js';
import { demoOrganization, REPO_ROOT } from './seed.js';

const LEADER = { email: 'leader@demo.test', password: 'tandem-demo' };

async function main() {
  const args = process.argv.slice(2);
  const serverUrl = argValue(args, 'database-url') ?? process.env.DATABASE_URL ?? DEFAULT_SERVER;
  const rounds = Number(argValue(args, 'rounds') ?? 40);
  const warmup = Number(argValue(args, 'warmup') ?? 5);
  const startedAt = new Date();
  const out = resolve(REPO_ROOT, 'bench/results', argValue(args, 'out') ?? `${startedAt.toISOString().slice(0, 10)}-board-interleaved.json`);
  if (existsSync(out)) throw new Error(`${out} exists: pass another --out`);
  const notes: string[] = [];
  const note = argValue(args, 'note');
  if (note) notes.push(note);
  ensureApiBuilt(notes);
  const scenario = board(startedAt);
  const schema = buildSchema(readFileSync(resolve(REPO_ROOT, 'apps/api/schema.graphql'), 'utf8'));
  const doc = documentFor(schema, scenario);
  if ('skip' in doc) throw new Error(`board: ${doc.skip}`);
  // Apollo Client sends the page's document without its client-only @unmask directives.
  const web = print(BoardDocument).replace(/\s*@unmask\b/g, '');
  const queries = [
    { name: 'board (bench document: every field)', document: doc.query },
    { name: 'board (web board page)', document: web },
  ];
  const jwtSecret = randomBytes(32).toString('hex');
  const dataDir = mkdtempSync(join(tmpdir(), 'tandem-bench-'));
  const db = databaseUrl(serverUrl, BENCH_DB);
  const client = new pg.Client({ connectionString: db });
  await client.connect();
  try {
    const organizationId = await demoOrganization(client);
    const responses = (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM responses WHERE organization_id = $1', [organizationId])).rows[0].n;
    const postgres = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
    const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    notes.push(`load average at start: ${load()}`);
    const api = await startApi(db, jwtSecret, dataDir);
    const samples = queries.map(() => [] as number[]);
    let last: unknown = null;
    try {
      const token = session(api.url, LEADER.email, LEADER.password);
      console.log(`${responses.toLocaleString('en')} responses; ${warmup} warm-up rounds, then ${rounds} timed rounds of the two documents in turn`);
      for (let round = 0; round < warmup + rounds; round++) {
        for (const [i, q] of queries.entries()) {
          const t = await token();
          const started = performance.now();
          const data = (await graphql<Record<string, unknown>>(api.url, q.document, scenario.args, t)).board;
          if (round >= warmup) samples[i].push(performance.now() - started);
          if (i === 0) last = data;
        }
      }
    } finally {
      await api.stop();
    }
    notes.push(`load average at end: ${load()}`);
    const compared = scenario.compare(last, (await client.query(scenario.sql, [organizationId])).rows);
    const rows = queries.map((q, i) => ({ name: q.name, api: stats(samples[i]), exact: i === 0 ? compared.exact : null, note: i === 0 ? compared.note : undefined, document: q.document }));
    console.log('\n| document | API p50 | API p95 | exact |\n| --- | ---: | ---: | :---: |');
    for (const r of rows) console.log(`| ${r.name} | ${r.api.p50} | ${r.api.p95} | ${r.exact === null ? '–' : r.exact ? 'yes' : 'no'} |`);
    console.log(notes.join('\n'));
    writeJson(out, {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      commit: commit(),
      machine: machine(postgres) satisfies BenchResults['machine'],
      method: 'interleaved: one request of each document in turn per round, sequential',
      options: { database: BENCH_DB, responses, warmup, rounds, period: scenario.args },
      queries: rows,
      notes,
    } as unknown as BenchResults);
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
