import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { rateLimits, redisStore } from '../src/http/rate-limits.js';
import { DEMO_API_CLIENT } from '../src/seed/demo.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Issue 18: an API client has a quota of its own (API_CLIENT_RATE_LIMIT_PER_MINUTE), counted by
 * its id whatever address it calls from; people signed in are counted by address as before.
 */
let app: TestApp;

const post = async (body: unknown, token?: string) => {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), json: (await res.json()) as { errors?: { message: string; extensions: { code: string } }[] } };
};

beforeAll(async () => {
  app = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '1000', API_CLIENT_RATE_LIMIT_PER_MINUTE: '3' } });
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('rate limits', () => {
  it("stop an API client at its own quota, while a signed-in user from the same address goes on", async () => {
    const issued = await post({ query: `mutation { issueApiToken(clientId: "${DEMO_API_CLIENT.clientId}", clientSecret: "${DEMO_API_CLIENT.clientSecret}") { accessToken } }` });
    const api = (issued.json as { data: { issueApiToken: { accessToken: string } } } & typeof issued.json).data.issueApiToken.accessToken;
    const user = await app.login('cx@demo.test');
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof post>> | null = null;
    for (let i = 0; i < 4; i++) {
      last = await post({ query: '{ viewer { scopes } }' }, api);
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(Number(last!.retryAfter)).toBeGreaterThan(0);
    expect(last!.json.errors![0].extensions.code).toBe('RATE_LIMITED');
    expect(last!.json.errors![0].message).toMatch(/at most 3 a minute for this API client/);
    // The same address, signed in as a person: the address's quota, not the client's.
    for (let i = 0; i < 5; i++) expect((await post({ query: '{ me { email } }' }, user)).status).toBe(200);
  });
});

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const probe = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
const redisUp = await probe.connect().then(() => true, () => false);
probe.disconnect();

describe.skipIf(!redisUp)('rate limits through Redis', () => {
  it('share one quota between two processes', async () => {
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: '/tmp/tandem-rate-test', JWT_SECRET: randomBytes(32).toString('hex'), RATE_LIMIT_PER_MINUTE: '3' });
    const prefix = `tandem:rate-test:${randomBytes(6).toString('hex')}:`;
    const clients = [new Redis(redisUrl), new Redis(redisUrl)];
    // Two "processes": each its own Express app, limiter and Redis connection, one address calling both.
    const servers = clients.map((redis) => {
      const web = express();
      web.use(rateLimits(config, () => new Date(), redisStore(redis, prefix), (res, status, code, message) => res.status(status).json({ errors: [{ message, extensions: { code } }] }))!);
      web.get('/', (_req, res) => res.json({ ok: true }));
      return web.listen(0, '127.0.0.1');
    });
    try {
      await Promise.all(servers.map((s) => new Promise((resolve) => (s.listening ? resolve(null) : s.once('listening', resolve)))));
      const urls = servers.map((s) => `http://127.0.0.1:${(s.address() as AddressInfo).port}/`);
      const statuses: number[] = [];
      for (const url of [urls[0], urls[1], urls[0], urls[1]]) statuses.push((await fetch(url)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
      clients.forEach((c) => c.disconnect());
    }
  });
});
