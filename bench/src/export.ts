/**
 * `npm run bench:export [-- --responses 1000000] [--format CSV|NDJSON] [--database-url URL]` (issue 18)
 *
 * An export of a whole history in constant memory. On the bench database (tandem_bench,
 * recreated): the built API migrates and seeds the demo, the bench adds N identified responses
 * (default 1,000,000) to the demo's closed customer wave in one SQL statement per 100,000, then,
 * as the demo API client over HTTP, starts exportResponses and polls exportJob until the file is
 * written, sampling the API process's resident memory every 250 ms, and downloads the file from
 * GET /exports/<id>, counting its lines. Results: bench/results/<date>-export-<n>.json and the
 * block between the bench:export markers in docs/performance.md.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { recreateDatabase } from './database.js';
import { graphql } from './http.js';
import { ensureApiBuilt, startApi } from './processes.js';
import { commit, machine } from './provenance.js';
import { REPO_ROOT, demoOrganization } from './seed.js';
import { option, rssMb, updatePerformanceBlock } from './standalone.js';

const STEP = 100_000;

async function main() {
  const responses = Number(option('responses', '1000000'));
  const format = option('format', 'CSV').toUpperCase();
  const serverUrl = option('database-url', process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test');
  const notes: string[] = [];
  const startedAt = new Date();
  ensureApiBuilt(notes);
  const db = await recreateDatabase(serverUrl);
  const jwtSecret = randomBytes(32).toString('hex');
  const dataDir = mkdtempSync(join(tmpdir(), 'tandem-bench-export-'));
  console.log('Starting the API once to migrate and seed the demo…');
  await (await startApi(db, jwtSecret, dataDir)).stop();

  const client = new pg.Client({ connectionString: db });
  await client.connect();
  const organizationId = await demoOrganization(client);
  const postgres = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
  const [wave] = (
    await client.query<{ id: string }>(`SELECT id FROM waves WHERE organization_id = $1 AND audience = 'CUSTOMER' AND status = 'CLOSED' ORDER BY created_at LIMIT 1`, [organizationId])
  ).rows;
  const seedStart = performance.now();
  for (let added = 0; added < responses; added += STEP) {
    await client.query(
      `INSERT INTO responses (organization_id, wave_id, audience, score, category, reason, language, segments, submitted_at)
       SELECT $1, $2, 'CUSTOMER', s, CASE WHEN s >= 9 THEN 'PROMOTER' WHEN s >= 7 THEN 'PASSIVE' ELSE 'DETRACTOR' END,
              'Bench answer ' || n || ': delivery was on time, the consultant knew our needs, "quotes", commas, and more.',
              'en', jsonb_build_object('region', (ARRAY['EU','US','APAC'])[1 + n % 3]), now() - make_interval(mins => n)
         FROM (SELECT n, ((n::bigint * 7919) % 11)::int AS s FROM generate_series($3::int + 1, $3::int + $4::int) AS n) AS g`,
      [organizationId, wave.id, added, Math.min(STEP, responses - added)],
    );
    console.log(`  ${(added + Math.min(STEP, responses - added)).toLocaleString('en')} responses added`);
  }
  // As autovacuum would in a while: the planner needs the new rows' statistics to walk the index.
  await client.query('ANALYZE responses');
  const seedSeconds = Math.round((performance.now() - seedStart) / 100) / 10;
  const [{ total }] = (await client.query<{ total: number }>(`SELECT count(*)::int AS total FROM responses WHERE organization_id = $1`, [organizationId])).rows;

  const api = await startApi(db, jwtSecret, dataDir, { SCHEDULE_TICK_SECONDS: '0' });
  try {
    const { issueApiToken } = await graphql<{ issueApiToken: { accessToken: string } }>(
      api.url,
      `mutation { issueApiToken(clientId: "demo-integrator", clientSecret: "tandem-demo-integrator-secret") { accessToken } }`,
    );
    const token = issueApiToken.accessToken;
    const memoryStart = rssMb(api.pid);
    const t0 = performance.now();
    const { exportResponses } = await graphql<{ exportResponses: { id: string } }>(
      api.url,
      `mutation($f: String) { exportResponses(format: $f) { id } }`,
      { f: format },
      token,
    );
    let peak = memoryStart;
    let job: { status: string; rows: number | null; url: string | null; error: string | null };
    for (;;) {
      job = (await graphql<{ exportJob: typeof job }>(api.url, `query($id: ID!) { exportJob(id: $id) { status rows url error } }`, { id: exportResponses.id }, token)).exportJob;
      peak = Math.max(peak, rssMb(api.pid));
      if (job.status === 'DONE' || job.status === 'FAILED') break;
      await new Promise((r) => setTimeout(r, 250));
    }
    if (job.status !== 'DONE') throw new Error(`The export failed: ${job.error}`);
    const writeSeconds = Math.round((performance.now() - t0) / 100) / 10;

    const t1 = performance.now();
    const res = await fetch(`${api.url}/exports/${exportResponses.id}`, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok || !res.body) throw new Error(`GET /exports answered ${res.status}`);
    let bytes = 0;
    let lines = 0;
    let downloadPeak = rssMb(api.pid);
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      for (const byte of chunk) if (byte === 10) lines++;
      if (lines % 50_000 < 50) downloadPeak = Math.max(downloadPeak, rssMb(api.pid));
    }
    const downloadSeconds = Math.round((performance.now() - t1) / 100) / 10;
    // CSV: a header line, and an answer's line breaks are quoted inside its cell (none here).
    const dataLines = format === 'CSV' ? lines - 1 : lines;
    if (dataLines !== total || job.rows !== total) notes.push(`rows: ${job.rows} in the job, ${dataLines} lines downloaded, ${total} in the database`);
    const results = {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      commit: commit(),
      machine: machine(postgres),
      responses: total,
      format,
      seedSeconds,
      writeSeconds,
      rowsPerSecond: Math.round(total / writeSeconds),
      downloadSeconds,
      megabytes: Math.round(bytes / 1024 / 1024),
      memoryMb: { start: memoryStart, peakWhileWriting: peak, peakWhileDownloading: downloadPeak },
      notes,
    };
    console.log(JSON.stringify(results, null, 2));
    mkdirSync(resolve(REPO_ROOT, 'bench/results'), { recursive: true });
    writeFileSync(resolve(REPO_ROOT, 'bench/results', `${results.startedAt.slice(0, 10)}-export-${Math.round(total / 1000)}k.json`), `${JSON.stringify(results, null, 2)}\n`);
    const n = (x: number) => x.toLocaleString('en');
    updatePerformanceBlock('export', 'Exports (issue 18)', [
      `Measured ${results.startedAt.slice(0, 10)} at ${results.commit.slice(0, 7)} by \`npm run bench:export\`: ${n(total)} responses, ${format}, PostgreSQL, the demo API client over HTTP.`,
      '',
      '| Measure | Result |',
      '|---|---|',
      `| File written (exportResponses → DONE) | ${results.writeSeconds} s, ${n(results.rowsPerSecond)} rows/s, ${n(results.megabytes)} MB |`,
      `| Downloaded (GET /exports/<id>) | ${results.downloadSeconds} s |`,
      `| API memory (RSS): start, peak writing, peak downloading | ${memoryStart}, ${peak}, ${downloadPeak} MB |`,
      ...(notes.length ? ['', ...notes.map((note) => `- ${note}`)] : []),
    ]);
  } finally {
    await api.stop();
    await client.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
