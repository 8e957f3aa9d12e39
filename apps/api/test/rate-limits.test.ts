import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
