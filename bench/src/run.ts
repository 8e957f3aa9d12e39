/**
 * `npm run bench [-- --sizes 10000,100000,1000000] [--quick] [--database-url URL]` (all flags: cli.ts)
 *
 * On a dedicated database (tandem_bench, dropped and created on the server of DATABASE_URL or
 * postgres://postgres@127.0.0.1:5432/test): starts the built API once to migrate and seed the demo,
 * then for each size adds answers up to it (seed.ts), restarts the API and times over HTTP, after
 * warm-up, the board, npsSummary with a segment filter, npsBreakdown by org unit and by segment and
 * npsTrend by month — each beside the same numbers computed by a plain SQL scan, and checked equal
 * to them. At the largest size it drives submitResponse from concurrent clients and checks that no
 * answer was lost or counted twice. Results: bench/results/<date>-<sizes>.json and the table in
 * docs/performance.md.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { parseOptions } from './cli.js';
import { BENCH_DB, recreateDatabase } from './database.js';
import { ensureApiBuilt, startApi } from './processes.js';
import { commit, machine } from './provenance.js';
import { PERFORMANCE_INTRO, resultsFileName, updateDoc, writeJson, type BenchResults, type SizeResult, type SubmitResult } from './report.js';
import { measureQueries } from './scenarios/queries.js';
import { submitConcurrently } from './scenarios/submissions.js';
import { demoOrganization, REPO_ROOT, seedResponses } from './seed.js';

async function main() {
  const o = parseOptions(process.argv.slice(2));
  const notes: string[] = [];
  const startedAt = new Date();
  ensureApiBuilt(notes);
  const db = await recreateDatabase(o.serverUrl);
  const jwtSecret = randomBytes(32).toString('hex');
  const dataDir = mkdtempSync(join(tmpdir(), 'tandem-bench-'));
  console.log(`Database ${new URL(db).host}/${BENCH_DB} (recreated); starting the API once to migrate and seed the demo…`);
  await (await startApi(db, jwtSecret, dataDir)).stop();

  const client = new pg.Client({ connectionString: db });
  await client.connect();
  const organizationId = await demoOrganization(client);
  const postgres = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
  const sizes: SizeResult[] = [];
  let submit: SubmitResult | null = null;
  let added = 0;
  try {
    for (const [i, size] of o.sizes.entries()) {
      console.log(`\n== ${size.toLocaleString('en')} responses`);
      const seed = await seedResponses(db, size - added, (line) => console.log(`  ${line}`), { releases: o.releases });
      added = size;
      const api = await startApi(db, jwtSecret, dataDir);
      try {
        const now = new Date();
        const queries = await measureQueries(api, client, organizationId, o, now);
        sizes.push({ responses: size, seed: {
            added: seed.added,
            seconds: seed.seconds,
            answersPerSecond: seed.answersPerSecond,
            bulkMode: seed.bulkMode,
            rollups: seed.rollups,
            releases: seed.releases,
            releasesExact: seed.releasesExact,
          }, queries });
        if (i === o.sizes.length - 1 && o.clients > 0) submit = await submitConcurrently(api, client, organizationId, o, now);
      } finally {
        await api.stop();
      }
    }
  } finally {
    await client.end();
    rmSync(dataDir, { recursive: true, force: true });
  }

  const results: BenchResults = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    commit: commit(),
    machine: machine(postgres),
    options: { sizes: o.sizes, warmup: o.warmup, iterations: o.iterations, submitSeconds: o.submitSeconds, clients: o.clients },
    sizes,
    submit,
    notes,
  };
  const json = resolve(REPO_ROOT, 'bench/results', resultsFileName(results.startedAt, o.sizes));
  writeJson(json, results);
  updateDoc(resolve(REPO_ROOT, 'docs/performance.md'), results, PERFORMANCE_INTRO);
  console.log(`\nResults: ${json}\nTable: docs/performance.md (the database ${BENCH_DB} is kept for inspection)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
