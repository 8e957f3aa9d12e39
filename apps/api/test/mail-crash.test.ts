import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../src/db/data-source.js';
import { createLogger } from '../src/logger.js';
import { seedDemoIfEmpty, DEMO_PASSWORD } from '../src/seed/demo.js';
import { adminQuery } from './support/global-setup.js';
import { until } from './support/jobs.js';

const API = fileURLToPath(new URL('..', import.meta.url));
const serverUrl = process.env.DATABASE_URL;
const CONTACTS = 3000;

/**
 * Issue 17: the server killed (SIGKILL, no goodbye) in the middle of sending a wave's invitations,
 * then started again, mails every invitation exactly once: nothing lost, nothing twice. Two real
 * processes (src/main.ts as `npm start` runs it) on one PostgreSQL database; the mails go to the
 * .eml outbox, paced at 400 a second so the kill lands mid-batch. PostgreSQL only: an embedded
 * database killed mid-write is not what this tests (its own restart test is embedded.test.ts).
 */
describe.skipIf(!serverUrl)('a server killed mid-send', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tandem-crash-'));
  const outboxDir = path.join(dataDir, 'outbox');
  const name = `tandem_crash_${randomBytes(5).toString('hex')}`;
  let url: string;
  let db: Database;
  const children: ChildProcess[] = [];
  let logs = '';

  beforeAll(async () => {
    await adminQuery(serverUrl!, `CREATE DATABASE ${name}`);
    const u = new URL(serverUrl!);
    u.pathname = `/${name}`;
    url = u.toString();
    db = await openDatabase({ databaseUrl: url, embeddedDir: null }, { poolSize: 2 });
    await seedDemoIfEmpty(db.dataSource, createLogger('silent'));
    const [org] = await db.dataSource.query(`SELECT id FROM organizations ORDER BY created_at LIMIT 1`);
    await db.dataSource.query(
      `INSERT INTO contacts (organization_id, email, name, language, segments)
       SELECT $1, 'crash' || n || '@mail.example', 'Crash ' || n, 'en', '{}' FROM generate_series(1, $2::int) AS n`,
      [org.id, CONTACTS],
    );
  }, 180_000);

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await db?.close();
    await adminQuery(serverUrl!, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Starts src/main.ts on the test database; resolves with its URL once it serves. */
  async function startServer(): Promise<{ child: ChildProcess; base: string }> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: API,
      env: {
        ...process.env,
        DATABASE_URL: url,
        DATA_DIR: dataDir,
        OUTBOX_DIR: outboxDir,
        NODE_ENV: 'development',
        SEED_DEMO: 'false',
        PORT: '0',
        LOG_FORMAT: 'json',
        LOG_LEVEL: 'info',
        RATE_LIMIT_PER_MINUTE: '0',
        SCHEDULE_TICK_SECONDS: '0',
        MAIL_RATE_PER_SECOND: '400',
        MAIL_STEP_SECONDS: '2',
        MAIL_RETRY_DELAY_SECONDS: '1',
        JOB_MAINTENANCE_SECONDS: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let output = '';
    child.stdout!.on('data', (chunk) => ((output += chunk), (logs += chunk)));
    child.stderr!.on('data', (chunk) => ((output += chunk), (logs += chunk)));
    const port = await until(() => /Tandem is running at http:\/\/localhost:(\d+)/.exec(output)?.[1], 'the server to start', 90_000);
    return { child, base: `http://127.0.0.1:${port}` };
  }

  async function gql(base: string, query: string, variables: Record<string, unknown>, token?: string) {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data: any; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  }

  const mailFiles = () => (existsSync(outboxDir) ? readdirSync(outboxDir).filter((f) => f.endsWith('.eml')) : []);

  it('mails every invitation exactly once after a restart', async () => {
    const first = await startServer();
    const login = await gql(first.base, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: 'cx@demo.test', p: DEMO_PASSWORD });
    const cx = login.login.accessToken as string;
    const created = await gql(first.base, `mutation($input: CreateWaveInput!) { createWave(input: $input) { id } }`, { input: { name: 'Crash wave', audience: 'CUSTOMER' } }, cx);
    const waveId = created.createWave.id as string;
    await gql(first.base, `mutation($id: ID!) { openWave(id: $id) { id } }`, { id: waveId }, cx);
    const contacts: { id: string }[] = await db.dataSource.query(`SELECT id FROM contacts WHERE email LIKE 'crash%'`);
    const invited = await gql(
      first.base,
      `mutation($w: ID!, $ids: [ID!]) { inviteToWave(waveId: $w, contactIds: $ids) { batchId invited } }`,
      { w: waveId, ids: contacts.map((c) => c.id) },
      cx,
    );
    expect(invited.inviteToWave.invited).toBe(CONTACTS);
    const batchId = invited.inviteToWave.batchId as string;

    // Killed without warning once a good part, not all, is out.
    await until(() => mailFiles().length >= CONTACTS / 4, 'a quarter of the mails', 60_000);
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    const [before] = await db.dataSource.query(
      `SELECT count(*) FILTER (WHERE mail_state = 'SENT')::int AS sent, count(*)::int AS created FROM invitations WHERE wave_id = $1`,
      [waveId],
    );
    expect(before.sent).toBeLessThan(CONTACTS);
    expect(mailFiles().length).toBeLessThan(CONTACTS);

    // Started again: the batch goes on where it was and finishes.
    await startServer();
    await until(
      async () => (await db.dataSource.query(`SELECT finished_at FROM mail_batches WHERE id = $1`, [batchId]))[0].finished_at,
      'the batch to finish after the restart',
      120_000,
    );

    const invitations: { id: string; mail_state: string; status: string }[] = await db.dataSource.query(
      `SELECT id, mail_state, status FROM invitations WHERE wave_id = $1`,
      [waveId],
    );
    expect(invitations).toHaveLength(CONTACTS);
    expect(invitations.every((i) => i.mail_state === 'SENT' && i.status === 'SENT')).toBe(true);
    // One file per invitation, under its fixed name: nothing lost, nothing twice.
    const files = mailFiles();
    expect(files).toHaveLength(CONTACTS);
    expect(new Set(files)).toEqual(new Set(invitations.map((i) => `${i.id}-invitation.eml`)));
    const recipients = new Set(files.map((f) => /^To: (.+)$/m.exec(readFileSync(path.join(outboxDir, f), 'utf8'))?.[1].trim()));
    expect(recipients.size).toBe(CONTACTS);
    // The first process had written files it had not marked sent yet, or not: either way the
    // second one's writes of the same mails replaced them instead of adding any.
    const written = (logs.match(/"event":"mail\.written"/g) ?? []).length;
    expect(written).toBeGreaterThanOrEqual(CONTACTS);
  }, 300_000);
});
