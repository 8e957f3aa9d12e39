/**
 * What the reliability scripts share (issue 21): the built API as a child process on the embedded
 * database (a fresh DATA_DIR) or on a fresh database of the PostgreSQL server at DATABASE_URL, a
 * customer wave with N invited contacts whose survey links are read from the API's outbox, and
 * small measuring helpers.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { recreateDatabase } from '../database.js';
import { graphql } from '../http.js';
import { apiEnv, freePort, spawnApi } from '../processes.js';
import { API_DIST } from '../seed.js';

export const DEMO_PASSWORD = 'tandem-demo';

/** `--name value` from the command line, or the fallback. */
export function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
}

export const percentile = (values: number[], p: number): number => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
};

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export interface ApiProcess {
  url: string;
  pid: number;
  dataDir: string;
  outbox: string;
  database: 'embedded' | 'postgres';
  log(): string;
  stop(): Promise<void>;
}

/**
 * `node apps/api/dist/main.js` in production mode on a free port: on a fresh database named `name`
 * at databaseUrl's server when given, else on the embedded database in a fresh DATA_DIR.
 */
export async function startApiProcess(options: { databaseUrl?: string | null; name: string; env?: Record<string, string> }): Promise<ApiProcess> {
  if (!existsSync(resolve(API_DIST, 'main.js'))) throw new Error('Build first: npm run build -w @tandem/web && npm run build -w @tandem/api');
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), `tandem-${options.name}-`));
  const db = options.databaseUrl ? await recreateDatabase(options.databaseUrl, options.name) : null;
  const env = apiEnv(port, dataDir, randomBytes(32).toString('hex'), {
    SURVEY_LINK_SECRET: randomBytes(32).toString('hex'),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    ...options.env,
  });
  if (db) env.DATABASE_URL = db;
  else delete env.DATABASE_URL;
  const api = await spawnApi(port, env, { logChars: 20_000, readyWithinMs: 300_000, within: '5 minutes' });
  return { url: api.url, pid: api.pid, dataDir, outbox: join(dataDir, 'outbox'), database: db ? 'postgres' : 'embedded', log: api.log, stop: api.stop };
}

export async function login(url: string, email: string): Promise<string> {
  const data = await graphql<{ login: { accessToken: string } }>(url, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, {
    e: email,
    p: DEMO_PASSWORD,
  });
  return data.login.accessToken;
}

/** The survey link token of each invited address, from the API's outbox (.eml files). */
export function linksFromOutbox(outbox: string): Map<string, string> {
  const links = new Map<string, string>();
  if (!existsSync(outbox)) return links;
  for (const file of readdirSync(outbox).filter((f) => f.endsWith('.eml'))) {
    const raw = readFileSync(join(outbox, file), 'utf8').replace(/=\r?\n/g, '');
    const to = /^To: (.+)$/m.exec(raw)?.[1]!.trim();
    const token = /\/s\/([A-Za-z0-9_-]{43})/.exec(raw)?.[1];
    if (to && token) links.set(to, token);
  }
  return links;
}

/**
 * Opens a customer wave, imports `count` contacts (CSV, through the API) and invites them all;
 * returns the wave's id and the contacts' survey link tokens once every mail is in the outbox.
 */
export async function invitedWave(api: ApiProcess, cx: string, count: number, prefix: string): Promise<{ waveId: string; tokens: string[] }> {
  const { createWave } = await graphql<{ createWave: { id: string } }>(
    api.url,
    `mutation($input: CreateWaveInput!) { createWave(input: $input) { id } }`,
    { input: { name: `${prefix} ${new Date().toISOString()}`, audience: 'CUSTOMER', languages: ['en'] } },
    cx,
  );
  await graphql(api.url, `mutation($id: ID!) { openWave(id: $id) { id } }`, { id: createWave.id }, cx);
  const emails = Array.from({ length: count }, (_, i) => `${prefix}-${i}@load.test`);
  for (let i = 0; i < emails.length; i += 5000) {
    const csv = ['email,name,language,owner_email,org_unit', ...emails.slice(i, i + 5000).map((e, j) => `${e},Load ${i + j},en,,`)].join('\n');
    const { importContacts } = await graphql<{ importContacts: { imported: number; errors: unknown[] } }>(
      api.url,
      `mutation($csv: String!) { importContacts(csv: $csv) { imported errors { line field message } } }`,
      { csv },
      cx,
    );
    if (importContacts.errors.length > 0) throw new Error(`importContacts refused the file: ${JSON.stringify(importContacts.errors.slice(0, 3))}`);
  }
  await graphql(
    api.url,
    `mutation($waveId: ID!, $target: InvitationTargetInput) { inviteToWave(waveId: $waveId, target: $target) { invited } }`,
    { waveId: createWave.id, target: { all: true } },
    cx,
  );
  const wanted = new Set(emails);
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    const links = linksFromOutbox(api.outbox);
    const tokens = [...links].filter(([to]) => wanted.has(to.replace(/^.*</, '').replace(/>.*$/, ''))).map(([, token]) => token);
    if (tokens.length >= count) return { waveId: createWave.id, tokens };
    if (Date.now() > deadline) throw new Error(`only ${tokens.length} of ${count} invitations mailed after 15 minutes`);
    await sleep(1000);
  }
}
