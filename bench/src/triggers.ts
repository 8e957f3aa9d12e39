/**
 * `npm run bench:triggers [-- --triggers 10000] [--seconds 60] [--concurrency 20] [--repeats 500] [--batch 1] [--database-url URL]` (issue 19)
 *
 * Transactional surveys under an integrator's load. On its own database (tandem_bench_triggers,
 * recreated) the built API migrates and seeds the demo; then, with the demo integrator's API token
 * (scope surveys:send), N triggerSurvey calls (default 10,000, each a new transaction of a new
 * contact) are pushed over HTTP within the given seconds (evenly paced, `concurrency` in flight),
 * plus `repeats` of them sent a second time (idempotency under load). The programme sends without
 * delay, to the .eml outbox, without a per-organization pace. Timed: how long the triggers took,
 * each call's latency (p50, p95, max), and how long until every invitation was mailed. Checked:
 * one transaction per distinct id, one invitation and one .eml file per transaction, every
 * transaction SENT (none lost, none sent twice). Results: bench/results/<date>-triggers-<n>.json
 * and the block between the bench:triggers markers in docs/performance.md (`--batch N` above 1:
 * triggerSurveys calls of N transactions each, in the block bench:triggers-batch).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { recreateDatabase } from './database.js';
import { graphql } from './http.js';
import { ensureApiBuilt, startApi } from './processes.js';
import { commit, machine } from './provenance.js';
import { REPO_ROOT } from './seed.js';
import { option, rssMb, updatePerformanceBlock } from './standalone.js';

const TRIGGER = `mutation($input: TriggerSurveyInput!) { triggerSurvey(input: $input) { id status } }`;
const TRIGGERS = `mutation($inputs: [TriggerSurveyInput!]!) { triggerSurveys(inputs: $inputs) { transactions { id } errors { index field message } } }`;

const loadAverage = () => loadavg()[0].toFixed(1);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function main() {
  const triggers = Number(option('triggers', '10000'));
  const seconds = Number(option('seconds', '60'));
  const concurrency = Number(option('concurrency', '20'));
  const repeats = Math.min(triggers, Number(option('repeats', '500')));
  const batch = Math.max(1, Number(option('batch', '1')));
  const serverUrl = option('database-url', process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test');
  const notes: string[] = [];
  const startedAt = new Date();
  const loadAtStart = loadAverage();
  ensureApiBuilt(notes);
  const db = await recreateDatabase(serverUrl, 'tandem_bench_triggers');
  const jwtSecret = randomBytes(32).toString('hex');
  const dataDir = mkdtempSync(join(tmpdir(), 'tandem-bench-triggers-'));
  const outbox = join(dataDir, 'outbox');
  // One integrator pushing 10,000 a minute is above the default per-client limit (600 a minute): the bench measures the capacity.
  const api = await startApi(db, jwtSecret, dataDir, { MAIL_RATE_PER_SECOND: '0', API_CLIENT_RATE_LIMIT_PER_MINUTE: '0', SCHEDULE_TICK_SECONDS: '10' });
  const client = new pg.Client({ connectionString: db });
  await client.connect();
  try {
    const postgres = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
    const { login } = await graphql<{ login: { accessToken: string } }>(api.url, `mutation { login(email: "cx@demo.test", password: "tandem-demo") { accessToken } }`);
    const { createProgramme } = await graphql<{ createProgramme: { id: string } }>(
      api.url,
      `mutation($i: CreateProgrammeInput!) { createProgramme(input: $i) { id } }`,
      { i: { name: 'Bench deliveries', audience: 'CUSTOMER', touchpoint: 'delivery', sendDelayMinutes: 0 } },
      login.accessToken,
    );
    const { issueApiToken } = await graphql<{ issueApiToken: { accessToken: string } }>(
      api.url,
      `mutation { issueApiToken(clientId: "demo-integrator", clientSecret: "tandem-demo-integrator-secret") { accessToken } }`,
    );
    const token = issueApiToken.accessToken;
    const memoryStart = rssMb(api.pid);
    const input = (i: number) => ({
      programmeId: createProgramme.id,
      transactionId: `DLV-${i}`,
      email: `bench${i}@triggers.example`,
      name: `Bench Customer ${i}`,
      occurredAt: new Date(startedAt.getTime() - 3600_000).toISOString(),
      product: ['Parcel', 'Pallet', 'Express', 'Same day'][i % 4],
      channel: ['Web', 'Phone', 'Branch'][i % 3],
      servedByExternalId: `DRV-${i % 40}`,
      servedByName: `Driver ${i % 40}`,
    });
    // The calls: every transaction once, then `repeats` of them again, spread evenly over `seconds`.
    const ids = [...Array.from({ length: triggers }, (_, i) => i), ...Array.from({ length: repeats }, (_, i) => Math.floor((i * triggers) / repeats))];
    // With --batch, each call is one triggerSurveys of `batch` transactions (a repeat never shares a call with its first).
    const calls = Array.from({ length: Math.ceil(ids.length / batch) }, (_, c) => ids.slice(c * batch, (c + 1) * batch));
    const gap = (seconds * 1000) / calls.length;
    let accepted = 0;
    const latencies: number[] = [];
    const failures: string[] = [];
    let peak = memoryStart;
    let nextCall = 0;
    console.log(`Pushing ${ids.length.toLocaleString('en')} triggers (${repeats} repeats) in ${calls.length.toLocaleString('en')} calls over ${seconds} s, ${concurrency} at a time…`);
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (;;) {
          const k = nextCall++;
          if (k >= calls.length) return;
          const due = t0 + k * gap;
          const wait = due - performance.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          const started = performance.now();
          try {
            if (batch === 1) {
              await graphql(api.url, TRIGGER, { input: input(calls[k][0]) }, token);
            } else {
              const { triggerSurveys } = await graphql<{ triggerSurveys: { transactions: unknown[]; errors: { message: string }[] } }>(
                api.url,
                TRIGGERS,
                { inputs: calls[k].map(input) },
                token,
              );
              if (triggerSurveys.errors.length) throw new Error(triggerSurveys.errors[0].message);
            }
            accepted += calls[k].length;
            latencies.push(performance.now() - started);
          } catch (error) {
            failures.push(error instanceof Error ? error.message : String(error));
          }
          if ((k * batch) % 1000 < batch) {
            peak = Math.max(peak, rssMb(api.pid));
            console.log(`  ${(k * batch).toLocaleString('en')} sent`);
          }
        }
      }),
    );
    const triggerSeconds = (performance.now() - t0) / 1000;
    console.log(`Triggers done in ${triggerSeconds.toFixed(1)} s; waiting for the invitations to be mailed…`);
    const count = async (sql: string) => (await client.query<{ n: number }>(sql, [createProgramme.id])).rows[0].n;
    for (;;) {
      const waiting = await count(`SELECT count(*)::int AS n FROM transactions WHERE wave_id = $1 AND status = 'SCHEDULED'`);
      peak = Math.max(peak, rssMb(api.pid));
      if (waiting === 0) break;
      if ((performance.now() - t0) / 1000 > seconds + 600) throw new Error(`${waiting} transactions still waiting 10 minutes after the triggers`);
      await new Promise((r) => setTimeout(r, 500));
    }
    const allSentSeconds = (performance.now() - t0) / 1000;
    const transactions = await count(`SELECT count(*)::int AS n FROM transactions WHERE wave_id = $1`);
    const distinctIds = await count(`SELECT count(DISTINCT external_id)::int AS n FROM transactions WHERE wave_id = $1`);
    const sent = await count(`SELECT count(*)::int AS n FROM transactions WHERE wave_id = $1 AND status = 'SENT'`);
    const invitations = (await client.query<{ id: string }>(`SELECT id FROM invitations WHERE wave_id = $1`, [createProgramme.id])).rows;
    const names = new Set(existsSync(outbox) ? readdirSync(outbox) : []);
    const mailed = invitations.filter((i) => names.has(`${i.id}-invitation.eml`)).length;
    const sorted = [...latencies].sort((a, b) => a - b);
    const results = {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      commit: commit(),
      machine: machine(postgres),
      triggers,
      repeats,
      concurrency,
      batch,
      targetSeconds: seconds,
      triggerSeconds: Math.round(triggerSeconds * 10) / 10,
      acceptedPerMinute: Math.round((accepted / triggerSeconds) * 60),
      latencyMs: { p50: Math.round(percentile(sorted, 50)), p95: Math.round(percentile(sorted, 95)), max: Math.round(sorted[sorted.length - 1] ?? 0) },
      failures: failures.length,
      allMailedSeconds: Math.round(allSentSeconds * 10) / 10,
      transactions,
      distinctIds,
      sent,
      invitations: invitations.length,
      outboxFiles: mailed,
      memoryMb: { start: memoryStart, peak, end: rssMb(api.pid) },
      notes: [...notes, ...failures.slice(0, 5)],
    };
    console.log(JSON.stringify(results, null, 2));
    const lost = triggers - sent;
    if (failures.length || transactions !== triggers || lost !== 0 || invitations.length !== triggers || mailed !== triggers) {
      throw new Error(`Not every trigger went out exactly once: ${failures.length} failed calls, ${transactions} transactions, ${sent} sent, ${invitations.length} invitations, ${mailed} mails for ${triggers}`);
    }
    const json = resolve(REPO_ROOT, 'bench/results', `${results.startedAt.slice(0, 10)}-triggers-${triggers / 1000}k${batch > 1 ? `-batch${batch}` : ''}.json`);
    mkdirSync(resolve(REPO_ROOT, 'bench/results'), { recursive: true });
    writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
    const n = (x: number) => x.toLocaleString('en');
    const calling = batch === 1 ? `${n(ids.length)} triggerSurvey calls pushed` : `${n(ids.length)} triggers in ${n(calls.length)} triggerSurveys calls of ${batch}`;
    updatePerformanceBlock(batch === 1 ? 'triggers' : 'triggers-batch', 'Transactional triggers (issue 19)', [
      `Measured ${results.startedAt.slice(0, 10)} at ${results.commit.slice(0, 7)} by \`npm run bench:triggers${batch === 1 ? '' : ` -- --batch ${batch}`}\` (${n(triggers)} new transactions and ${n(repeats)} repeats, ` +
        `${concurrency} calls in flight, one API client, PostgreSQL, .eml outbox, no mail pace, the per-client rate limit off, load average ${loadAtStart} at the start).`,
      '',
      '| Measure | Result | Target |',
      '|---|---|---|',
      `| ${calling} | ${results.triggerSeconds} s (${n(results.acceptedPerMinute)} accepted / min) | 10,000 in 60 s |`,
      `| Call latency p50 / p95 / max | ${results.latencyMs.p50} / ${results.latencyMs.p95} / ${results.latencyMs.max} ms | |`,
      `| Every invitation mailed, from the first trigger | ${results.allMailedSeconds} s | |`,
      `| Transactions / invitations / .eml files / SENT | ${n(transactions)} / ${n(invitations.length)} / ${n(mailed)} / ${n(sent)} | ${n(triggers)} each: none lost, none twice |`,
      `| API memory (RSS) start → peak → end | ${results.memoryMb.start} → ${results.memoryMb.peak} → ${results.memoryMb.end} MB | |`,
      '',
      'The default per-client limit (API_CLIENT_RATE_LIMIT_PER_MINUTE, 600) stops one client at 10 calls a second: an integrator at this rate sends triggerSurveys batches (up to 1,000 per call) or gets its limit raised.',
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
