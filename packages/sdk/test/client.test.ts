import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { OrganizationDocument, TandemClient, TandemError, WaveDocument } from '../src/index.js';

// The client against a real local HTTP server that answers as the test tells it: error mapping,
// retries and token renewal, without the API.

type Handler = (body: { query: string; variables?: Record<string, unknown> }, req: IncomingMessage, res: ServerResponse) => void;
const servers: { close(): void }[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

async function serve(handlers: Handler[]): Promise<{ url: string; requests: { query: string; authorization?: string }[] }> {
  const requests: { query: string; authorization?: string }[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const body = JSON.parse(raw || '{}');
      requests.push({ query: body.query, ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) });
      const handler = handlers[Math.min(requests.length - 1, handlers.length - 1)]!;
      handler(body, req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, requests };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Handler => (_, __, res) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
};
const organization = json(200, { data: { organization: { id: 'o1', name: 'Demo', timeZone: 'UTC', anonymityThreshold: 5, followUpSlaHours: 48, throttleDays: 30 } } });

describe('TandemClient errors', () => {
  it('throws a TandemError with the code, field and message of the first GraphQL error', async () => {
    const { url } = await serve([json(200, { data: null, errors: [{ message: 'No such wave', extensions: { code: 'NOT_FOUND', field: 'id' } }] })]);
    const error = await new TandemClient({ url, token: 't' }).request(WaveDocument, { id: 'w' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TandemError);
    expect(error).toMatchObject({ code: 'NOT_FOUND', field: 'id', message: 'No such wave', status: 200 });
  });

  it('names the scopes a token lacks (FORBIDDEN with requiredScopes)', async () => {
    const { url } = await serve([
      json(200, { data: null, errors: [{ message: 'This API token lacks the scope this needs: contacts:write', extensions: { code: 'FORBIDDEN', requiredScopes: ['contacts:write'] } }] }),
    ]);
    await expect(new TandemClient({ url, token: 't' }).request(OrganizationDocument)).rejects.toMatchObject({ code: 'FORBIDDEN', requiredScopes: ['contacts:write'] });
  });

  it('maps a 400 syntax error and does not retry it', async () => {
    const { url, requests } = await serve([json(400, { errors: [{ message: 'Syntax Error', extensions: { code: 'GRAPHQL_PARSE_FAILED' } }] })]);
    await expect(new TandemClient({ url, token: 't', retryDelayMs: 1 }).request(OrganizationDocument)).rejects.toMatchObject({ code: 'GRAPHQL_PARSE_FAILED', status: 400 });
    expect(requests).toHaveLength(1);
  });

  it('maps an answer without GraphQL errors by its status', async () => {
    const { url } = await serve([(_, __, res) => res.writeHead(403, { 'content-type': 'text/html' }).end('<h1>no</h1>')]);
    await expect(new TandemClient({ url, token: 't' }).request(OrganizationDocument)).rejects.toMatchObject({ code: 'HTTP_ERROR', status: 403 });
  });
});

describe('TandemClient retries', () => {
  it('retries a 429 after its Retry-After, then returns the data', async () => {
    const { url, requests } = await serve([json(429, { errors: [{ message: 'Too many requests', extensions: { code: 'RATE_LIMITED' } }] }, { 'retry-after': '1' }), organization]);
    const data = await new TandemClient({ url, token: 't' }).request(OrganizationDocument);
    expect(data.organization.name).toBe('Demo');
    expect(requests).toHaveLength(2);
  });

  it('gives up after maxRetries with the last answer as the error', async () => {
    const { url, requests } = await serve([json(503, { errors: [{ message: 'draining', extensions: { code: 'SERVICE_UNAVAILABLE' } }] })]);
    await expect(new TandemClient({ url, token: 't', maxRetries: 2, retryDelayMs: 1 }).request(OrganizationDocument)).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE', status: 503 });
    expect(requests).toHaveLength(3);
  });

  it('retries a network error a bounded number of times, then throws NETWORK_ERROR', async () => {
    const { url } = await serve([organization]);
    servers.splice(0).forEach((s) => s.close());
    await expect(new TandemClient({ url, token: 't', maxRetries: 2, retryDelayMs: 1 }).request(OrganizationDocument)).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
  });

  it('never retries a 4xx other than 429', async () => {
    for (const status of [400, 401, 403, 404, 413]) {
      const { url, requests } = await serve([json(status, { errors: [{ message: 'no', extensions: { code: 'BAD_REQUEST' } }] })]);
      await expect(new TandemClient({ url, token: 't', retryDelayMs: 1 }).request(OrganizationDocument)).rejects.toBeInstanceOf(TandemError);
      expect(requests).toHaveLength(1);
    }
  });
});

describe('TandemClient tokens', () => {
  const issued = (n: number, expiresInMs = 15 * 60_000): Handler =>
    json(200, { data: { issueApiToken: { accessToken: `token-${n}`, expiresAt: new Date(Date.now() + expiresInMs).toISOString() } } });

  it('exchanges the credentials once and reuses the token until it nears expiry', async () => {
    const { url, requests } = await serve([issued(1), organization]);
    const client = new TandemClient({ url, clientId: 'id', clientSecret: 'secret' });
    await Promise.all([client.request(OrganizationDocument), client.request(OrganizationDocument)]);
    await client.request(OrganizationDocument);
    expect(requests.filter((r) => r.query.includes('issueApiToken'))).toHaveLength(1);
    expect(requests.filter((r) => !r.query.includes('issueApiToken')).map((r) => r.authorization)).toEqual(['Bearer token-1', 'Bearer token-1', 'Bearer token-1']);
  });

  it('renews a token that expires within renewBeforeMs', async () => {
    const { url, requests } = await serve([issued(1, 30_000), organization, issued(2), organization]);
    const client = new TandemClient({ url, clientId: 'id', clientSecret: 'secret', renewBeforeMs: 60_000 });
    await client.request(OrganizationDocument);
    // Halfway through its 30 s life at the earliest: move past that.
    (client as unknown as { accessToken: { renewAt: number } }).accessToken.renewAt = Date.now() - 1;
    await client.request(OrganizationDocument);
    expect(requests.map((r) => r.authorization ?? 'issue')).toEqual(['issue', 'Bearer token-1', 'issue', 'Bearer token-2']);
  });

  it('asks for a new token once when the server says UNAUTHENTICATED, then returns the data', async () => {
    const { url, requests } = await serve([issued(1), json(200, { errors: [{ message: 'expired', extensions: { code: 'UNAUTHENTICATED' } }] }), issued(2), organization]);
    const data = await new TandemClient({ url, clientId: 'id', clientSecret: 'secret' }).request(OrganizationDocument);
    expect(data.organization.id).toBe('o1');
    expect(requests.map((r) => r.authorization ?? 'issue')).toEqual(['issue', 'Bearer token-1', 'issue', 'Bearer token-2']);
  });

  it('surfaces wrong credentials as the server names them', async () => {
    const { url } = await serve([json(200, { data: null, errors: [{ message: 'Client id or secret is incorrect', extensions: { code: 'INVALID_CREDENTIALS' } }] })]);
    await expect(new TandemClient({ url, clientId: 'id', clientSecret: 'bad' }).request(OrganizationDocument)).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
  });
});
