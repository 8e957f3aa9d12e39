import 'reflect-metadata';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import type { Database } from '../src/db/data-source.js';
import { startBackground } from '../src/jobs.js';
import { createAppServices, type AppServices } from '../src/kernel/context.js';
import { openSecret } from '../src/kernel/secret-box.js';
import { publish } from '../src/platform/events/outbox.js';
import { createOrganization } from './support/fixtures.js';
import { databases, durableDatabase, logger, until } from './support/jobs.js';

/**
 * Issue 18: no webhook delivery is lost across a restart. Deliveries and their tries are rows and
 * jobs in the database: an event published by a process that stops before its dispatch reaches the
 * endpoint after the next start, and a delivery that was waiting for its retry when its process
 * stopped is tried again by the next one, with the same webhook-id.
 *
 * Signing secrets are stored sealed (docs/security.md): one stored in plain text (as before the
 * encryption; endpointOf writes it by SQL) is sealed at the next start and its deliveries still
 * verify; after a key rotation they fail unsent until the earlier key is given as previous, then
 * the start seals the secret again under the new key and the retry verifies.
 */
describe.each(databases)('webhook deliveries across a restart ($name)', ({ embedded }) => {
  let store: Awaited<ReturnType<typeof durableDatabase>>;
  let receiver: Server;
  let base: string;
  const received: { id: string; timestamp: string; signature: string; body: string }[] = [];
  const failNext: number[] = [];
  const jwt = randomBytes(32).toString('hex');
  const configOf = (keys: Record<string, string> = {}) =>
    loadConfig({ NODE_ENV: 'test', PORT: '0', DATA_DIR: mkdtempSync(path.join(tmpdir(), 'tandem-hooks-')), JWT_SECRET: jwt, LOG_LEVEL: 'silent', SCHEDULE_TICK_SECONDS: '0', ...keys });
  const services = createAppServices(configOf(), logger);
  /** The secrets of the endpoints endpointOf wrote, by id. */
  const secrets = new Map<string, string>();

  /** A process: the database opened with migrations, the app's queues and consumers, workers on or off. */
  async function start(runWorkers: boolean, app: AppServices = services) {
    const db = await store.open();
    const background = await startBackground(db, app, { runWorkers, pollingIntervalMs: 200 });
    return {
      db,
      async stop() {
        await background.jobs.stop({ timeoutMs: 2000 });
        await db.close();
      },
    };
  }

  /** An endpoint with its secret stored in plain text, as before the encryption. */
  async function endpointOf(db: Database, organizationId: string, url: string): Promise<string> {
    const secret = 'whsec_' + randomBytes(24).toString('base64');
    const [row] = await db.dataSource.query(
      `INSERT INTO webhook_endpoints (organization_id, url, events, secret) VALUES ($1, $2, '{WAVE_OPENED}', $3) RETURNING id`,
      [organizationId, url, secret],
    );
    secrets.set(row.id, secret);
    return row.id as string;
  }

  const storedSecret = async (db: Database, endpointId: string) =>
    ((await db.dataSource.query(`SELECT secret FROM webhook_endpoints WHERE id = $1`, [endpointId])) as { secret: string }[])[0].secret;

  /** Whether a request received carries the Standard Webhooks signature of this secret (computed here from the spec). */
  const verifies = (r: (typeof received)[number], secret: string) =>
    r.signature === 'v1,' + createHmac('sha256', Buffer.from(secret.slice(6), 'base64')).update(`${r.id}.${r.timestamp}.${r.body}`).digest('base64');

  beforeAll(async () => {
    store = await durableDatabase(embedded);
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({ id: String(req.headers['webhook-id']), timestamp: String(req.headers['webhook-timestamp']), signature: String(req.headers['webhook-signature']), body });
        res.writeHead(failNext.shift() ?? 200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => receiver?.close(resolve));
    await store?.drop();
  });

  it('delivers an event published by a process that stopped before dispatching it', async () => {
    const first = await start(false);
    const { org } = await createOrganization(first.db.dataSource.manager, `hooks-restart-${embedded ? 'e' : 'p'}`, ['ADMIN']);
    const endpointId = await endpointOf(first.db, org.id, `${base}/a`);
    const waveId = '00000000-0000-4000-8000-0000000000a1';
    await first.db.dataSource.transaction((tx) => publish(tx, { type: 'wave.opened', organizationId: org.id, payload: { waveId, audience: 'CUSTOMER' } }));
    await first.stop();
    expect(received).toHaveLength(0);

    const second = await start(true);
    try {
      await until(() => received.find((r) => JSON.parse(r.body).data.waveId === waveId), 'the event after the restart');
      const [delivery] = await second.db.dataSource.query(`SELECT id, status, attempts FROM webhook_deliveries WHERE body LIKE $1`, [`%${waveId}%`]);
      await until(async () => (await second.db.dataSource.query(`SELECT status FROM webhook_deliveries WHERE id = $1`, [delivery.id]))[0].status === 'SUCCEEDED', 'the delivery to be recorded');
      expect(received.filter((r) => r.id === delivery.id)).toHaveLength(1);
      // The secret stored plain is sealed now (by the start, or by the try that read it first), and the delivery verifies with it.
      const secret = secrets.get(endpointId)!;
      expect(verifies(received.find((r) => r.id === delivery.id)!, secret)).toBe(true);
      const stored = await storedSecret(second.db, endpointId);
      expect(stored).toMatch(/^v1:/);
      expect(stored).not.toContain(secret.slice(6));
      expect(openSecret(services.config.secretEncryptionKey, stored, `webhook:${endpointId}`)).toBe(secret);
    } finally {
      await second.stop();
    }
  }, 120_000);

  it('tries a delivery that was waiting for its retry again after a restart, with the same webhook-id', async () => {
    const first = await start(true);
    const [{ id: organizationId }] = await first.db.dataSource.query(`SELECT id FROM organizations WHERE slug = $1`, [`hooks-restart-${embedded ? 'e' : 'p'}`]);
    const waveId = '00000000-0000-4000-8000-0000000000a2';
    failNext.push(503);
    await first.db.dataSource.transaction((tx) => publish(tx, { type: 'wave.opened', organizationId, payload: { waveId, audience: 'CUSTOMER' } }));
    const [delivery] = await until(async () => {
      const rows = await first.db.dataSource.query(`SELECT id, status FROM webhook_deliveries WHERE body LIKE $1 AND status = 'RETRYING'`, [`%${waveId}%`]);
      return rows.length ? rows : null;
    }, 'the first try to fail');
    await first.stop();

    const second = await start(true);
    try {
      // The retry waits 30 s; make it due now, as time passing would.
      await second.db.dataSource.query(`UPDATE pgboss.job SET start_after = now() WHERE name = 'webhooks.deliver' AND state IN ('created', 'retry')`);
      await until(async () => (await second.db.dataSource.query(`SELECT status FROM webhook_deliveries WHERE id = $1`, [delivery.id]))[0].status === 'SUCCEEDED', 'the retry after the restart');
      const tries = received.filter((r) => r.id === delivery.id);
      expect(tries).toHaveLength(2);
      expect(tries[0].body).toBe(tries[1].body);
      const attempts = await second.db.dataSource.query(`SELECT attempt, status_code FROM webhook_attempts WHERE delivery_id = $1 ORDER BY attempt`, [delivery.id]);
      expect(attempts).toEqual([{ attempt: 1, status_code: 503 }, { attempt: 2, status_code: 200 }]);
    } finally {
      await second.stop();
    }
  }, 120_000);

  it('fails deliveries unsent under a new key alone, and with the earlier one as previous seals the secret again and the retry verifies', async () => {
    const logs: Record<string, unknown>[] = [];
    const capture = pino({ level: 'info' }, { write: (line: string) => logs.push(JSON.parse(line) as Record<string, unknown>) });
    const keyB = randomBytes(32).toString('hex');
    const [endpointId, secret] = [...secrets][0];

    // SECRET_ENCRYPTION_KEY changed, the earlier key (derived from JWT_SECRET) not given: the try fails unsent, to be retried.
    const keyAlone = createAppServices(configOf({ SECRET_ENCRYPTION_KEY: keyB }), capture);
    const first = await start(true, keyAlone);
    const waveId = '00000000-0000-4000-8000-0000000000a3';
    let delivery: { id: string; last_error: string };
    let underOldKey: string;
    try {
      const [{ id: organizationId }] = await first.db.dataSource.query(`SELECT id FROM organizations WHERE slug = $1`, [`hooks-restart-${embedded ? 'e' : 'p'}`]);
      underOldKey = await storedSecret(first.db, endpointId);
      await first.db.dataSource.transaction((tx) => publish(tx, { type: 'wave.opened', organizationId, payload: { waveId, audience: 'CUSTOMER' } }));
      [delivery] = await until(async () => {
        const rows = await first.db.dataSource.query(`SELECT id, last_error FROM webhook_deliveries WHERE body LIKE $1 AND status = 'RETRYING'`, [`%${waveId}%`]);
        return rows.length ? rows : null;
      }, 'the first try to fail');
      expect(delivery.last_error).toMatch(/^The signing secret cannot be decrypted with the configured keys/);
      expect(received.filter((r) => r.id === delivery.id)).toHaveLength(0);
      expect(logs.filter((line) => line.event === 'webhook.undecryptable')).toMatchObject([{ endpointId, deliveryId: delivery.id }]);
      expect(await storedSecret(first.db, endpointId)).toBe(underOldKey);
    } finally {
      await first.stop();
    }

    // The earlier key given as previous (here the JWT secret it was derived from): the start seals the secret under the new key.
    const withPrevious = createAppServices(configOf({ SECRET_ENCRYPTION_KEY: keyB, SECRET_ENCRYPTION_KEY_PREVIOUS: jwt }), capture);
    const startedAt = logs.length;
    const second = await start(true, withPrevious);
    try {
      expect(logs.slice(startedAt).filter((line) => String(line.event).startsWith('webhook.'))).toMatchObject([{ event: 'webhook.secrets_resealed', count: 1 }]);
      const resealed = await storedSecret(second.db, endpointId);
      expect(openSecret(withPrevious.config.secretEncryptionKey, resealed, `webhook:${endpointId}`)).toBe(secret);
      expect(() => openSecret(services.config.secretEncryptionKey, resealed, `webhook:${endpointId}`)).toThrow();
      // The retry waits 30 s; make it due now. It is sent, and verifies with the secret the endpoint was given.
      await second.db.dataSource.query(`UPDATE pgboss.job SET start_after = now() WHERE name = 'webhooks.deliver' AND state IN ('created', 'retry')`);
      await until(async () => (await second.db.dataSource.query(`SELECT status FROM webhook_deliveries WHERE id = $1`, [delivery.id]))[0].status === 'SUCCEEDED', 'the retry');
      const tries = received.filter((r) => r.id === delivery.id);
      expect(tries).toHaveLength(1);
      expect(verifies(tries[0], secret)).toBe(true);
      // No secret, plain or sealed, in any log line.
      const logged = JSON.stringify(logs);
      for (const value of [secret, secret.slice(6), underOldKey, resealed]) expect(logged).not.toContain(value);
    } finally {
      await second.stop();
    }
  }, 120_000);
});
