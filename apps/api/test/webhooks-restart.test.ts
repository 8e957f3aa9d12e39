import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import type { Database } from '../src/db/data-source.js';
import { startBackground } from '../src/jobs.js';
import { createAppServices } from '../src/kernel/context.js';
import { publish } from '../src/platform/events/outbox.js';
import { createOrganization } from './support/fixtures.js';
import { databases, durableDatabase, logger, until } from './support/jobs.js';

/**
 * Issue 18: no webhook delivery is lost across a restart. Deliveries and their tries are rows and
 * jobs in the database: an event published by a process that stops before its dispatch reaches the
 * endpoint after the next start, and a delivery that was waiting for its retry when its process
 * stopped is tried again by the next one, with the same webhook-id.
 */
describe.each(databases)('webhook deliveries across a restart ($name)', ({ embedded }) => {
  let store: Awaited<ReturnType<typeof durableDatabase>>;
  let receiver: Server;
  let base: string;
  const received: { id: string; body: string }[] = [];
  const failNext: number[] = [];
  const services = createAppServices(
    loadConfig({ NODE_ENV: 'test', PORT: '0', DATA_DIR: mkdtempSync(path.join(tmpdir(), 'tandem-hooks-')), JWT_SECRET: randomBytes(32).toString('hex'), LOG_LEVEL: 'silent', SCHEDULE_TICK_SECONDS: '0' }),
    logger,
  );

  /** A process: the database opened with migrations, the app's queues and consumers, workers on or off. */
  async function start(runWorkers: boolean) {
    const db = await store.open();
    const background = await startBackground(db, services, { runWorkers, pollingIntervalMs: 200 });
    return {
      db,
      async stop() {
        await background.jobs.stop({ timeoutMs: 2000 });
        await db.close();
      },
    };
  }

  async function endpointOf(db: Database, organizationId: string, url: string): Promise<string> {
    const [row] = await db.dataSource.query(
      `INSERT INTO webhook_endpoints (organization_id, url, events, secret) VALUES ($1, $2, '{WAVE_OPENED}', $3) RETURNING id`,
      [organizationId, url, 'whsec_' + randomBytes(24).toString('base64')],
    );
    return row.id as string;
  }

  beforeAll(async () => {
    store = await durableDatabase(embedded);
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({ id: String(req.headers['webhook-id']), body });
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
    await endpointOf(first.db, org.id, `${base}/a`);
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
});
