/**
 * `npm run bench:invite [-- --contacts 100000] [--database-url URL]` (issue 17)
 *
 * How wave mail as jobs holds at scale. On the bench database (tandem_bench, recreated): the built
 * API migrates and seeds the demo, the bench adds N contacts (default 100,000), then the API runs
 * with the .eml outbox mailer and no per-organization pace (MAIL_RATE_PER_SECOND=0: the capacity,
 * not the configured limit), and the demo CX user invites them all to a new wave over HTTP. Timed:
 * how long inviteToWave takes to answer, then the batch (polled through mailBatch every 250 ms)
 * until every mail is in the outbox: mean and best one-second mails per second, and the API
 * process's resident memory at the start, its peak and at the end. Checked: one .eml file per
 * invitation, every invitation SENT. Results: bench/results/<date>-invite-<n>.json and the block
 * between the bench:invite markers in docs/performance.md.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { recreateDatabase } from './database.js';
import { graphql } from './http.js';
import { ensureApiBuilt, startApi } from './processes.js';
import { commit, machine } from './provenance.js';
import { REPO_ROOT, demoOrganization } from './seed.js';
import { option, rssMb, updatePerformanceBlock } from './standalone.js';

async function main() {
  const contacts = Number(option('contacts', '100000'));
  const serverUrl = option('database-url', process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test');
  const notes: string[] = [];
  const startedAt = new Date();
  ensureApiBuilt(notes);
  const db = await recreateDatabase(serverUrl);
  const jwtSecret = randomBytes(32).toString('hex');
  const dataDir = mkdtempSync(join(tmpdir(), 'tandem-bench-invite-'));
  console.log('Starting the API once to migrate and seed the demo…');
  await (await startApi(db, jwtSecret, dataDir)).stop();

  const client = new pg.Client({ connectionString: db });
  await client.connect();
  const organizationId = await demoOrganization(client);
  const postgres = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
  await client.query(
    `INSERT INTO contacts (organization_id, email, name, language, segments)
     SELECT $1, 'bench' || n || '@invite.example', 'Bench Contact ' || n, (ARRAY['en','pl','da','ru','sl'])[1 + n % 5], '{}'
       FROM generate_series(1, $2::int) AS n`,
    [organizationId, contacts],
  );
  console.log(`${contacts.toLocaleString('en')} contacts added`);

  const outbox = join(dataDir, 'outbox');
  const api = await startApi(db, jwtSecret, dataDir, { MAIL_RATE_PER_SECOND: '0', SCHEDULE_TICK_SECONDS: '0' });
  try {
    const { login } = await graphql<{ login: { accessToken: string } }>(api.url, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, {
      e: 'cx@demo.test',
      p: 'tandem-demo',
    });
    const token = login.accessToken;
    const { createWave } = await graphql<{ createWave: { id: string } }>(api.url, `mutation($i: CreateWaveInput!) { createWave(input: $i) { id } }`, {
      i: { name: 'Bench invitation wave', audience: 'CUSTOMER' },
    }, token);
    await graphql(api.url, `mutation($id: ID!) { openWave(id: $id) { id } }`, { id: createWave.id }, token);
    const memoryStart = rssMb(api.pid);

    // Everyone, as a CX user inviting a whole customer base does (the demo's own contacts included).
    const t0 = performance.now();
    const { inviteToWave } = await graphql<{ inviteToWave: { batchId: string; invited: number } }>(
      api.url,
      `mutation($w: ID!) { inviteToWave(waveId: $w, target: { all: true }) { batchId invited } }`,
      { w: createWave.id },
      token,
    );
    const answerMs = Math.round(performance.now() - t0);
    console.log(`inviteToWave answered in ${answerMs} ms: ${inviteToWave.invited.toLocaleString('en')} queued`);

    const samples: { at: number; sent: number }[] = [];
    let peak = memoryStart;
    for (;;) {
      const { mailBatch } = await graphql<{ mailBatch: { state: string; sent: number; failed: number; total: number } }>(
        api.url,
        `query($id: ID!) { mailBatch(id: $id) { state sent failed total } }`,
        { id: inviteToWave.batchId },
        token,
      );
      samples.push({ at: performance.now() - t0, sent: mailBatch.sent });
      peak = Math.max(peak, rssMb(api.pid));
      if (mailBatch.state === 'DONE') {
        if (mailBatch.failed) notes.push(`${mailBatch.failed} mails failed`);
        break;
      }
      if (samples.length % 20 === 0) console.log(`  ${mailBatch.sent.toLocaleString('en')} of ${mailBatch.total.toLocaleString('en')} sent, ${peak} MB`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const memoryEnd = rssMb(api.pid);
    const last = samples[samples.length - 1];
    const firstSent = samples.find((s) => s.sent > 0) ?? last;
    const seconds = (last.at - firstSent.at) / 1000 || 1;
    let best = 0;
    for (const a of samples) {
      const b = samples.find((s) => s.at >= a.at + 1000);
      if (b) best = Math.max(best, ((b.sent - a.sent) * 1000) / (b.at - a.at));
    }
    const names = new Set(existsSync(outbox) ? readdirSync(outbox) : []);
    const waveInvitations = (await client.query<{ id: string }>(`SELECT id FROM invitations WHERE wave_id = $1`, [createWave.id])).rows;
    const files = waveInvitations.filter((i) => names.has(`${i.id}-invitation.eml`)).length;
    const states = (await client.query<{ mail_state: string; n: number }>(`SELECT mail_state, count(*)::int AS n FROM invitations WHERE wave_id = $1 GROUP BY 1`, [createWave.id])).rows;
    const results = {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      commit: commit(),
      machine: machine(postgres),
      contacts,
      invited: inviteToWave.invited,
      answerMs,
      batchSeconds: Math.round((last.at / 1000) * 10) / 10,
      meanMailsPerSecond: Math.round(last.sent / seconds),
      bestSecondMailsPerSecond: Math.round(best),
      memoryMb: { start: memoryStart, peak, end: memoryEnd },
      outboxFiles: files,
      invitationStates: Object.fromEntries(states.map((s) => [s.mail_state, s.n])),
      notes,
    };
    console.log(JSON.stringify(results, null, 2));
    if (files !== inviteToWave.invited) throw new Error(`${files} .eml files for ${inviteToWave.invited} invitations`);
    const json = resolve(REPO_ROOT, 'bench/results', `${results.startedAt.slice(0, 10)}-invite-${contacts / 1000}k.json`);
    mkdirSync(resolve(REPO_ROOT, 'bench/results'), { recursive: true });
    writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
    updatePerformanceDoc(results);
  } finally {
    await api.stop();
    await client.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function updatePerformanceDoc(r: {
  startedAt: string;
  commit: string;
  contacts: number;
  invited: number;
  answerMs: number;
  batchSeconds: number;
  meanMailsPerSecond: number;
  bestSecondMailsPerSecond: number;
  memoryMb: { start: number; peak: number; end: number };
}): void {
  const n = (x: number) => x.toLocaleString('en');
  updatePerformanceBlock('invite', 'Wave mail (issue 17)', [
    `Measured ${r.startedAt.slice(0, 10)} at ${r.commit.slice(0, 7)} by \`npm run bench:invite\` (${n(r.contacts)} contacts, PostgreSQL, .eml outbox, no pace).`,
    '',
    '| Measure | Result | Target |',
    '|---|---|---|',
    `| inviteToWave answers (${n(r.invited)} queued) | ${n(r.answerMs)} ms | < 1,000 ms |`,
    `| Mails to the outbox, mean over the batch | ${n(r.meanMailsPerSecond)} / s | ≥ 1,000 / s |`,
    `| Mails to the outbox, best second | ${n(r.bestSecondMailsPerSecond)} / s | |`,
    `| Whole batch | ${r.batchSeconds} s | |`,
    `| API memory (RSS) start → peak → end | ${r.memoryMb.start} → ${r.memoryMb.peak} → ${r.memoryMb.end} MB | flat |`,
  ]);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
