import 'reflect-metadata';
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/data-source.js';
import { createOrganization } from './support/fixtures.js';
import { adminQuery } from './support/global-setup.js';
import { kill, startApi, type ApiProcess } from './support/api-process.js';

/**
 * Traces end to end: the API as its own process (src/main.ts, as `npm start` runs it) with
 * OTEL_EXPORTER_OTLP_ENDPOINT pointing at a real OTLP/HTTP receiver here (JSON), on the embedded
 * database, or on the DATABASE_URL server when it is set. A GraphQL request gives a span naming its
 * operation and a pg span in the same trace, and its access log line carries that trace id, the
 * operation and the caller (a user's id, not an email).
 */

interface ReceivedSpan {
  traceId: string;
  name: string;
  attributes: Record<string, unknown>;
}

type OtlpValue = { stringValue?: string; intValue?: string | number; boolValue?: boolean; doubleValue?: number };

function startReceiver() {
  const spans: ReceivedSpan[] = [];
  const paths: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      paths.push(`${req.method} ${req.url} ${req.headers['content-type']}`);
      if (req.method === 'POST' && req.url === '/v1/traces') {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          resourceSpans: { scopeSpans: { spans: { traceId: string; name: string; attributes?: { key: string; value: OtlpValue }[] }[] }[] }[];
        };
        for (const resource of body.resourceSpans ?? [])
          for (const scope of resource.scopeSpans ?? [])
            for (const span of scope.spans ?? []) {
              const attributes: Record<string, unknown> = {};
              for (const { key, value } of span.attributes ?? []) attributes[key] = value.stringValue ?? value.intValue ?? value.boolValue ?? value.doubleValue;
              spans.push({ traceId: span.traceId, name: span.name, attributes });
            }
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  return { server, spans, paths };
}

async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const found = probe();
    if (found !== undefined) return found;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('OpenTelemetry traces to an OTLP receiver', () => {
  const receiver = startReceiver();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tandem-tracing-'));
  const cleanups: (() => Promise<unknown>)[] = [async () => rmSync(dataDir, { recursive: true, force: true })];
  let api: ApiProcess | null = null;
  afterAll(async () => {
    if (api) await kill(api);
    receiver.server.close();
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  });

  it('sends a span naming the GraphQL operation and a pg span, and the log line joins them', async () => {
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}`;
    const env: Record<string, string> = {
      DATA_DIR: dataDir,
      JWT_SECRET: randomBytes(32).toString('hex'),
      OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
      OTEL_BSP_SCHEDULE_DELAY: '100',
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      SCHEDULE_TICK_SECONDS: '0',
    };
    let databaseUrl: string | null = null;
    if (process.env.DATABASE_URL) {
      const name = `tandem_test_${randomBytes(6).toString('hex')}`;
      await adminQuery(process.env.DATABASE_URL, `CREATE DATABASE ${name}`);
      cleanups.push(() => adminQuery(process.env.DATABASE_URL!, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      const url = new URL(process.env.DATABASE_URL);
      url.pathname = `/${name}`;
      databaseUrl = env.DATABASE_URL = url.toString();
    }
    const prepare = await openDatabase({ databaseUrl, embeddedDir: path.join(dataDir, 'pglite') }, { poolSize: 1 });
    const { users, password } = await createOrganization(prepare.dataSource.manager, 'traced', ['ADMIN']);
    await prepare.close();

    api = await startApi(env);
    const login = await api.gql(`mutation SignIn($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: users.ADMIN, p: password });
    const token = login.data.login.accessToken as string;
    const me = await api.gql(`query TracedWhoAmI { me { id } }`, {}, token);
    const userId = me.data.me.id as string;
    // Literal values in a query document never reach a span (the graphql instrumentation's allowValues: false).
    await api.gql(`mutation InlineSignIn { login(email: "${users.ADMIN}", password: "${password}") { accessToken } }`);

    const operationSpan = await until('a span of the operation TracedWhoAmI', () =>
      receiver.spans.find((span) => span.attributes['graphql.operation.name'] === 'TracedWhoAmI' || span.name.includes('TracedWhoAmI')),
    );
    const trace = operationSpan.traceId;
    expect(trace).toMatch(/^[0-9a-f]{32}$/);
    const pgSpan = await until('a pg span in the same trace', () =>
      receiver.spans.find((span) => span.traceId === trace && (span.attributes['db.system'] === 'postgresql' || span.attributes['db.system.name'] === 'postgresql')),
    );
    expect(pgSpan.name).toMatch(/pg|SELECT/i);
    expect(receiver.spans.some((span) => span.traceId === trace && span.attributes['http.request.method'] === 'POST')).toBe(true);
    await until('the spans of InlineSignIn', () => receiver.spans.find((span) => span.name.includes('InlineSignIn')));
    for (const span of receiver.spans) expect(JSON.stringify(span)).not.toContain(password);
    // A respondent link's token never reaches a span (a made-up one: the page is served all the same).
    const linkToken = 'NotARealTokenButSecret42';
    await fetch(`${api.url}/s/${linkToken}`);
    await until('the span of a respondent link', () => receiver.spans.find((span) => JSON.stringify(span).includes('/s/[token]')));
    expect(receiver.spans.some((span) => JSON.stringify(span).includes(linkToken))).toBe(false);
    // Probes are not traced.
    await fetch(`${api.url}/healthz`);

    const line = await until('the access log line of TracedWhoAmI', () =>
      api!
        .output()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .find((l) => l.msg === 'request' && l.operation === 'TracedWhoAmI'),
    );
    expect(line).toMatchObject({ operation: 'TracedWhoAmI', operationType: 'query', caller: `user:${userId}`, traceId: trace, path: '/graphql', status: 200 });
    const loginLine = api.output().split('\n').find((l) => l.includes('"operation":"SignIn"'));
    expect(loginLine).toBeTruthy();
    expect(JSON.parse(loginLine!)).toMatchObject({ operationType: 'mutation', caller: `user:${userId}` });
    expect(loginLine).not.toContain(users.ADMIN);
    expect(receiver.spans.some((span) => JSON.stringify(span).includes('/healthz'))).toBe(false);
  });
});
