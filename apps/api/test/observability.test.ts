import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricsRoute } from '../src/platform/observability/metrics-route.js';
import { MAX_OPERATION_NAMES, boundedOperationName } from '../src/platform/observability/metrics.js';
import { codeOf, startTestApp, type TestApp } from './support/test-app.js';

const TOKEN = randomBytes(24).toString('base64url'); // 32 characters
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** Every label value in an exposition text. */
function labelValues(text: string): string[] {
  const values: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || !line.includes('{')) continue;
    for (const match of line.slice(line.indexOf('{'), line.lastIndexOf('}') + 1).matchAll(/\w+="((?:[^"\\]|\\.)*)"/g)) values.push(match[1]);
  }
  return values;
}

/** The value of one series, by its name and labels exactly as exposed. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe('GET /metrics', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { METRICS_TOKEN: TOKEN } });
    // A job due in an hour, before the first scrape reads the counts (then cached for 15 s).
    await app.background.jobs.send('webhooks.deliver', { organizationId: randomBytes(4).toString('hex') } as never, { startAfter: new Date(Date.now() + 3_600_000) });
  });
  afterAll(() => app?.close());

  const scrape = (authorization?: string) => fetch(`${app.url}/metrics`, { headers: authorization ? { authorization } : {} });

  it('answers 404 without the token, with a wrong one or a malformed header, and the exposition with the right one', async () => {
    expect((await scrape()).status).toBe(404);
    expect((await scrape(`Bearer ${TOKEN.slice(0, -1)}${TOKEN.endsWith('x') ? 'y' : 'x'}`)).status).toBe(404);
    expect((await scrape(`Bearer ${TOKEN}extra`)).status).toBe(404);
    expect((await scrape(TOKEN)).status).toBe(404);
    const res = await scrape(`Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toContain('# TYPE process_cpu_user_seconds_total counter');
    expect(text).toContain('# TYPE nodejs_eventloop_lag_seconds gauge');
    expect(text).toContain('tandem_answer_queue_length');
    expect(text).toContain('tandem_answer_refusals_total');
  });

  it('is 404 on a server without METRICS_TOKEN, whatever the request carries', async () => {
    const bare = express();
    bare.get('/metrics', metricsRoute(null));
    const server = bare.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
      expect((await fetch(url)).status).toBe(404);
      expect((await fetch(url, { headers: { authorization: 'Bearer ' } })).status).toBe(404);
      expect((await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
    } finally {
      server.close();
    }
  });

  it('counts GraphQL operations, their errors by code and HTTP requests, with bounded labels and no id or email', async () => {
    const before = await (await scrape(`Bearer ${TOKEN}`)).text();
    const token = await app.login('admin@demo.test');
    const me = await app.gql<{ me: { id: string; email: string } }>(`query WhoAmI { me { id email } }`, {}, token);
    const { id: userId, email } = me.data!.me;
    const [{ organizationId }] = (await app.db.dataSource.query(`SELECT organization_id AS "organizationId" FROM users WHERE id = $1`, [userId])) as { organizationId: string }[];
    await app.gql(`query WhoAmI { me { id } }`, {}, token);
    expect(codeOf(await app.gql(`query AuditPage { auditLog(first: 0) { endCursor } }`, {}, token))).toBe('BAD_USER_INPUT');
    // Operation names a client chose that look like ids, or are not plain names, count as "other".
    await app.gql(`query q${userId.replace(/-/g, '_').replace(/^/, 'x')} { me { id } }`, {}, token);
    await app.gql(`query user_12345 { me { id } }`, {}, token);
    await app.gql(`{ me { id } }`, {}, token);
    expect(codeOf(await app.gql(`{ nope }`))).toBe('GRAPHQL_VALIDATION_FAILED');

    const text = await (await scrape(`Bearer ${TOKEN}`)).text();
    const delta = (series: string) => sample(text, series) - sample(before, series);
    expect(delta('tandem_graphql_operation_duration_seconds_count{operation="WhoAmI",type="query",outcome="ok"}')).toBe(2);
    expect(delta('tandem_graphql_operation_duration_seconds_count{operation="AuditPage",type="query",outcome="error"}')).toBe(1);
    expect(delta('tandem_graphql_errors_total{operation="AuditPage",type="query",code="BAD_USER_INPUT"}')).toBe(1);
    expect(delta('tandem_graphql_operation_duration_seconds_count{operation="other",type="query",outcome="ok"}')).toBe(2);
    expect(delta('tandem_graphql_operation_duration_seconds_count{operation="anonymous",type="query",outcome="ok"}')).toBe(1);
    expect(delta('tandem_graphql_errors_total{operation="anonymous",type="unknown",code="GRAPHQL_VALIDATION_FAILED"}')).toBe(1);
    expect(sample(text, 'tandem_graphql_operation_duration_seconds_bucket{le="+Inf",operation="WhoAmI",type="query",outcome="ok"}')).toBeGreaterThanOrEqual(2);
    expect(delta('tandem_http_request_duration_seconds_count{route="graphql",method="POST",status="200"}')).toBeGreaterThanOrEqual(7);
    expect(sample(text, 'tandem_http_request_duration_seconds_count{route="metrics",method="GET",status="200"}')).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/^tandem_db_pool_connections\{state="total"\} [1-9]/m);
    expect(text).toMatch(/^tandem_db_pool_max [1-9]/m);
    expect(text).toContain('# TYPE tandem_jobs gauge');

    const values = labelValues(text);
    expect(values.length).toBeGreaterThan(20);
    for (const value of values) {
      expect(value).not.toMatch(UUID);
      expect(value).not.toContain('@');
      expect(value).not.toContain(userId.replace(/-/g, '_'));
    }
    for (const secret of [userId, organizationId, email, TOKEN]) expect(text).not.toContain(secret);
  });

  it('counts background jobs by the queues the server defines and their state', async () => {
    const { jobs } = app.background;
    const text = await (await scrape(`Bearer ${TOKEN}`)).text();
    expect(sample(text, 'tandem_jobs{queue="webhooks.deliver",state="created"}')).toBeGreaterThanOrEqual(1);
    const queues = [...text.matchAll(/^tandem_jobs\{queue="([^"]+)",state="([^"]+)"\} (\d+)/gm)];
    expect(queues.length).toBeGreaterThan(0);
    for (const [, queue, state] of queues) {
      expect(queue === 'other' || jobs.hasQueue(queue.replace(/\.dead-letter$/, ''))).toBe(true);
      expect(['created', 'retry', 'active', 'completed', 'cancelled', 'failed']).toContain(state);
    }
  });
});

describe('operation names as labels', () => {
  it('keeps plain names, and sends ids, odd characters and names past the cap to "other"', () => {
    expect(boundedOperationName('WhoAmI')).toBe('WhoAmI');
    expect(boundedOperationName(null)).toBe('anonymous');
    expect(boundedOperationName('a@b.test')).toBe('other');
    expect(boundedOperationName('order_20250101')).toBe('other');
    expect(boundedOperationName('Wave_3f2a9c1e_4b7d')).toBe('other');
    expect(boundedOperationName('DeadLetteredJobs')).toBe('DeadLetteredJobs');
    expect(boundedOperationName('ApiClients')).toBe('ApiClients');
    expect(boundedOperationName('x'.repeat(65))).toBe('other');
    for (let i = 0; i < MAX_OPERATION_NAMES; i++) boundedOperationName(`Filler${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}`);
    expect(boundedOperationName('NeverSeenBefore')).toBe('other');
    expect(boundedOperationName('WhoAmI')).toBe('WhoAmI');
  });
});
