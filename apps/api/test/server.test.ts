import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

describe('operations endpoints', () => {
  it('GET /healthz says the process is up', async () => {
    const res = await fetch(`${app.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz checks the database', async () => {
    const res = await fetch(`${app.url}/readyz`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).status).toBe('ready');
  });

  it('gives every response a request id, keeping a sane one the caller sent', async () => {
    const own = await fetch(`${app.url}/healthz`, { headers: { 'x-request-id': 'trace-123' } });
    expect(own.headers.get('x-request-id')).toBe('trace-123');
    const made = await fetch(`${app.url}/healthz`, { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('masks unexpected errors and keeps typed ones', async () => {
    const res = await app.gql(`{ nope }`);
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('graceful shutdown', () => {
  let second: TestApp;
  beforeAll(async () => {
    second = await startTestApp({ seed: true });
  });

  it('finishes a request already in flight before stopping', async () => {
    const body = JSON.stringify({ query: `mutation { login(email: "admin@demo.test", password: "tandem-demo") { accessToken } }` });
    const { hostname, port } = new URL(second.url);
    // Send the headers and half the body: the request is in flight, its handler waiting for the rest.
    let received = '';
    const responded = new Promise<number>((resolve, reject) => {
      const req = http.request({ hostname, port, path: '/graphql', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        res.on('data', (chunk) => (received += chunk));
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.write(body.slice(0, 20));
      // Once the server is stopping, the rest of the body arrives.
      setTimeout(() => req.end(body.slice(20)), 300);
    });
    await new Promise((r) => setTimeout(r, 100));
    const closing = second.close();
    expect(await responded).toBe(200);
    expect(JSON.parse(received).data.login.accessToken).toBeTruthy();
    await closing;
    await expect(fetch(`${second.url}/healthz`)).rejects.toThrow();
  });
});

describe('query limits', () => {
  it('refuses a query nested deeper than the limit', async () => {
    const deep = `{ orgUnits { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { name } } } } } } } } } } } }`;
    const res = await app.gql(deep, {}, await app.login('admin@demo.test'));
    expect(res.errors?.[0].message).toMatch(/depth/i);
    expect(res.data ?? null).toBeNull();
  });
});
