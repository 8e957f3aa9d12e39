/**
 * `npm run bench:feed [-- --answers 200] [--database-url URL]` (issue 19)
 *
 * A comment reaches a follower's open feed within seconds of its answer. On its own bench database
 * (tandem_bench_feed, recreated): the built API migrates and seeds the demo; a customer wave is opened
 * and N contacts owned by the demo manager are imported and invited (their survey links read from
 * the outbox). The manager subscribes to feedItemAdded over graphql-ws; the customers then answer
 * one after another through the public submitResponse, each with a comment of its own, and the
 * bench times each from just before its submit to the moment its item reaches the subscriber.
 * Results: bench/results/<date>-feed-<n>.json and the block between the bench:feed markers in
 * docs/performance.md.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createClient } from 'graphql-ws';
import pg from 'pg';
import WebSocket from 'ws';
import { recreateDatabase } from './database.js';
import { graphql } from './http.js';
import { ensureApiBuilt, startApi } from './processes.js';
import { commit, machine } from './provenance.js';
import { REPO_ROOT } from './seed.js';
import { option, updatePerformanceBlock } from './standalone.js';

const DEMO_PASSWORD = 'tandem-demo';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function postgresVersion(db: string): Promise<string> {
  const client = new pg.Client({ connectionString: db });
  await client.connect();
  try {
    return (await client.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
  } finally {
    await client.end();
  }
}

async function login(url: string, email: string): Promise<string> {
  const data = await graphql<{ login: { accessToken: string } }>(url, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: email, p: DEMO_PASSWORD });
  return data.login.accessToken;
}

/** The survey link token of each invited address, from the API's outbox (.eml files). */
function linksFromOutbox(outbox: string): Map<string, string> {
  const links = new Map<string, string>();
  for (const file of readdirSync(outbox).filter((f) => f.endsWith('.eml'))) {
    const raw = readFileSync(join(outbox, file), 'utf8').replace(/=\r?\n/g, '');
    const to = /^To: (.+)$/m.exec(raw)?.[1].trim();
    const token = /\/s\/([A-Za-z0-9_-]{43})/.exec(raw)?.[1];
    if (to && token) links.set(to, token);
  }
  return links;
}

async function main() {
  const answers = Number(option('answers', '200'));
  const serverUrl = option('database-url', process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test');
  const notes: string[] = [];
  const startedAt = new Date();
  ensureApiBuilt(notes);
  const db = await recreateDatabase(serverUrl, 'tandem_bench_feed');
  const dataDir = mkdtempSync(join(tmpdir(), 'tandem-bench-feed-'));
  const api = await startApi(db, randomBytes(32).toString('hex'), dataDir);
  try {
    const cx = await login(api.url, 'cx@demo.test');
    const manager = await login(api.url, 'manager@demo.test');
    const { createWave } = await graphql<{ createWave: { id: string } }>(
      api.url,
      `mutation($input: CreateWaveInput!) { createWave(input: $input) { id } }`,
      { input: { name: 'Feed latency bench', audience: 'CUSTOMER', languages: ['en'] } },
      cx,
    );
    await graphql(api.url, `mutation($id: ID!) { openWave(id: $id) { status } }`, { id: createWave.id }, cx);
    const emails = Array.from({ length: answers }, (_, i) => `feed-bench-${i}@bench.example`);
    const csv = ['email,name,language,owner_email,org_unit', ...emails.map((e, i) => `${e},Bench Customer ${i},en,manager@demo.test,Sales EU`)].join('\n');
    await graphql(api.url, `mutation($csv: String!) { importContacts(csv: $csv) { imported } }`, { csv }, cx);
    await graphql(api.url, `mutation($w: ID!) { inviteToWave(waveId: $w, target: { all: true }) { invited } }`, { w: createWave.id }, cx);
    console.log('Waiting for the invitations in the outbox…');
    const outbox = join(dataDir, 'outbox');
    let links = new Map<string, string>();
    for (const deadline = Date.now() + 300_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 500))) {
      links = linksFromOutbox(outbox);
      if (emails.every((e) => links.has(e))) break;
    }
    if (!emails.every((e) => links.has(e))) throw new Error(`Only ${emails.filter((e) => links.has(e)).length} of ${answers} invitations reached the outbox`);

    const arrived = new Map<string, number>();
    const client = createClient({
      url: api.url.replace(/^http/, 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${manager}` },
      retryAttempts: 0,
    });
    let started!: () => void;
    const ready = new Promise<void>((r) => (started = r));
    client.on('connected', () => started());
    const stop = client.subscribe<{ feedItemAdded: { reason: string | null } }>(
      { query: `subscription { feedItemAdded { id reason } }` },
      {
        next: (r) => {
          const reason = r.data?.feedItemAdded.reason;
          if (reason) arrived.set(reason, performance.now());
        },
        error: (e) => console.error('subscription error', e),
        complete: () => undefined,
      },
    );
    await ready;
    await new Promise((r) => setTimeout(r, 1000));

    console.log(`Answering ${answers} times…`);
    const sent = new Map<string, number>();
    for (const [i, email] of emails.entries()) {
      const reason = `Bench comment ${i}: the delivery was late`;
      sent.set(reason, performance.now());
      await graphql(api.url, `mutation($t: String!, $input: ResponseInput!) { submitResponse(token: $t, input: $input) { ok } }`, {
        t: links.get(email),
        input: { score: i % 11, reason },
      });
      // About 5 answers a second: a busy front line, not a load test.
      await new Promise((r) => setTimeout(r, 200));
    }
    for (const deadline = Date.now() + 60_000; arrived.size < answers && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 100));
    stop();
    await client.dispose();
    const latencies = [...sent].filter(([reason]) => arrived.has(reason)).map(([reason, at]) => arrived.get(reason)! - at).sort((a, b) => a - b);
    const ms = (v: number) => Math.round(v);
    const results = {
      startedAt: startedAt.toISOString(),
      commit: commit(),
      machine: machine(await postgresVersion(db)),
      answers,
      received: latencies.length,
      p50Ms: ms(percentile(latencies, 50)),
      p95Ms: ms(percentile(latencies, 95)),
      maxMs: ms(latencies.at(-1) ?? NaN),
      notes,
    };
    console.log(JSON.stringify(results, null, 2));
    mkdirSync(resolve(REPO_ROOT, 'bench/results'), { recursive: true });
    writeFileSync(resolve(REPO_ROOT, 'bench/results', `${results.startedAt.slice(0, 10)}-feed-${answers}.json`), `${JSON.stringify(results, null, 2)}\n`);
    updatePerformanceBlock('feed', 'Answer to feed: live latency (issue 19)', [
      `Measured ${results.startedAt.slice(0, 10)} at ${results.commit.slice(0, 7)} by \`npm run bench:feed\`: ${answers} answers through submitResponse, about 5 a second, PostgreSQL, the API with its workers in one process; a manager's feedItemAdded subscription over graphql-ws.`,
      '',
      '| Measure | Result | Target |',
      '|---|---|---|',
      `| Items received by the subscriber | ${results.received} of ${answers} | all |`,
      `| Answer → open feed, p50 | ${results.p50Ms} ms | |`,
      `| Answer → open feed, p95 | ${results.p95Ms} ms | under 5,000 ms |`,
      `| Answer → open feed, max | ${results.maxMs} ms | |`,
      '',
      "The time runs from just before the customer's submitResponse to the item reaching the subscriber: the answer's commit, the response.created event's dispatch and the live consumer (platform/events, platform/live), then the feed's own query for that subscriber (survey/feed).",
    ]);
  } finally {
    await api.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
