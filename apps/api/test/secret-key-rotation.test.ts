import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generate } from 'otplib';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { startServer } from '../src/http/server.js';
import { openTotpSecret, sealTotpSecret } from '../src/identity/auth/totp-secrets.js';
import { startBackground } from '../src/jobs.js';
import { createAppServices } from '../src/kernel/context.js';
import { closeLiveHub } from '../src/platform/live/hub.js';
import { createOrganization } from './support/fixtures.js';
import { databases, durableDatabase } from './support/jobs.js';
import { codeOf, type GqlResult } from './support/test-app.js';

/**
 * Rotating SECRET_ENCRYPTION_KEY (docs/security.md): second factors enrolled under key A, then the
 * server restarted with key B. Without A in SECRET_ENCRYPTION_KEY_PREVIOUS their codes are refused
 * (totp.undecryptable) and the stored secrets stay as they are; with it, the start seals them again
 * under B, the users sign in with their codes, and the stored values open under B alone.
 */

const LOGIN = `mutation($e: String!, $p: String!, $c: String) { login(email: $e, password: $p, totpCode: $c) { accessToken } }`;
const KEY_A = randomBytes(32).toString('hex');
const KEY_B = randomBytes(32).toString('hex');
const derived = (key: string) => loadConfig({ DATA_DIR: tmpdir(), JWT_SECRET: 'j'.repeat(32), SECRET_ENCRYPTION_KEY: key }).secretEncryptionKey;

describe.each(databases)('SECRET_ENCRYPTION_KEY rotation ($name)', ({ embedded }) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tandem-keyring-'));
  const jwt = randomBytes(32).toString('hex');
  let store: Awaited<ReturnType<typeof durableDatabase>>;
  const logs: Record<string, unknown>[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => logs.push(JSON.parse(line) as Record<string, unknown>) });

  /** An API process (server, workers, the start-up sweeps) with these keys; its clock at `at`. */
  async function start(keys: Record<string, string>, at = () => new Date()) {
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      JWT_SECRET: jwt,
      WEB_DIST: path.join(dataDir, 'no-web'),
      RATE_LIMIT_PER_MINUTE: '0',
      SCHEDULE_TICK_SECONDS: '0',
      ...keys,
    });
    const db = await store.open();
    const services = createAppServices(config, logger);
    services.now = at;
    const background = await startBackground(db, services, { pollingIntervalMs: 200 });
    const server = await startServer(services, db);
    const gql = async <T = any>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GqlResult<T>> => {
      const res = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as GqlResult<T>;
    };
    const stored = async (userId: string) => ((await db.dataSource.query(`SELECT totp_secret FROM users WHERE id = $1`, [userId])) as { totp_secret: string }[])[0].totp_secret;
    return {
      db,
      gql,
      stored,
      async stop() {
        await server.stop();
        await background.jobs.stop();
        await closeLiveHub(services);
        await db.close();
      },
    };
  }

  beforeAll(async () => {
    store = await durableDatabase(embedded);
  });
  afterAll(async () => {
    await store?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses codes under a new key alone, and with the earlier key as previous seals the secrets again and accepts them', async () => {
    const base = Date.now();
    const at = (step: number) => () => new Date(base + step * 30_000);
    const code = (secret: string, step: number) => generate({ secret, epoch: Math.floor((base + step * 30_000) / 1000) });

    // Under key A: two users enrol.
    const first = await start({ SECRET_ENCRYPTION_KEY: KEY_A }, at(0));
    const { users, password } = await createOrganization(first.db.dataSource.manager, `keyring-${embedded ? 'e' : 'p'}`, ['HR', 'ADMIN']);
    const enrolled: { email: string; userId: string; secret: string; underA: string }[] = [];
    for (const email of [users.HR, users.ADMIN]) {
      const token = (await first.gql(LOGIN, { e: email, p: password })).data!.login.accessToken as string;
      const { secret } = (await first.gql(`mutation { startTotpEnrolment { secret } }`, {}, token)).data!.startTotpEnrolment;
      expect((await first.gql(`mutation($c: String!) { confirmTotp(code: $c) { codes } }`, { c: await code(secret, 0) }, token)).data?.confirmTotp.codes).toHaveLength(10);
      const [{ id: userId }] = await first.db.dataSource.query(`SELECT id FROM users WHERE email = $1`, [email]);
      enrolled.push({ email, userId, secret, underA: await first.stored(userId) });
    }
    await first.stop();
    const [hr, admin] = enrolled;

    // Key B alone: the right code is refused as before, and nothing is rewritten.
    const second = await start({ SECRET_ENCRYPTION_KEY: KEY_B }, at(2));
    expect(codeOf(await second.gql(LOGIN, { e: hr.email, p: password, c: await code(hr.secret, 2) }))).toBe('INVALID_CREDENTIALS');
    expect(logs.filter((line) => line.event === 'totp.undecryptable').map((line) => line.userId)).toEqual([hr.userId]);
    expect(await second.stored(hr.userId)).toBe(hr.underA);
    expect(await second.stored(admin.userId)).toBe(admin.underA);
    await second.stop();

    // Key B with A as previous: the start seals both again under B, and the codes are accepted.
    const thirdStart = logs.length;
    const third = await start({ SECRET_ENCRYPTION_KEY: KEY_B, SECRET_ENCRYPTION_KEY_PREVIOUS: `${randomBytes(32).toString('hex')},${KEY_A}` }, at(4));
    expect(logs.slice(thirdStart).filter((line) => line.event === 'totp.secrets_resealed')).toMatchObject([{ count: 2 }]);
    expect(logs.slice(thirdStart).filter((line) => line.event === 'totp.undecryptable')).toEqual([]);
    for (const { userId, secret, underA } of enrolled) {
      const now = await third.stored(userId);
      expect(now).not.toBe(underA);
      expect(openTotpSecret(derived(KEY_B), userId, now)).toBe(secret);
      expect(() => openTotpSecret(derived(KEY_A), userId, now)).toThrow();
    }
    expect((await third.gql(LOGIN, { e: hr.email, p: password, c: await code(hr.secret, 4) })).data?.login.accessToken).toBeTruthy();

    // One still under A when used (sealed by a process that had A as its key meanwhile): read, then sealed under B.
    await third.db.dataSource.query(`UPDATE users SET totp_secret = $2 WHERE id = $1`, [admin.userId, sealTotpSecret(derived(KEY_A), admin.userId, admin.secret)]);
    expect((await third.gql(LOGIN, { e: admin.email, p: password, c: await code(admin.secret, 4) })).data?.login.accessToken).toBeTruthy();
    expect(openTotpSecret(derived(KEY_B), admin.userId, await third.stored(admin.userId))).toBe(admin.secret);
    await third.stop();

    // No secret, plain or sealed, in any log line.
    const logged = JSON.stringify(logs);
    for (const { secret, underA } of enrolled) {
      expect(logged).not.toContain(secret);
      expect(logged).not.toContain(underA);
    }
  });
});
