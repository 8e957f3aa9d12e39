import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealWebhookSecret, sweepWebhookSecrets } from '../src/integrations/webhooks/secrets.js';
import { keyringOf, sweepSealedColumn } from '../src/kernel/sealed-column.js';
import { openSecret } from '../src/kernel/secret-box.js';
import { createOrganization } from './support/fixtures.js';
import { until } from './support/jobs.js';
import { ALL, INVITE, SUBMIT, importContacts, lastMailTo, openWave, answer } from './support/surveys.js';
import { codeOf, fieldOf, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Issue 18's webhooks: an admin registers an endpoint and gets its secret once; each subscribed
 * event becomes a signed POST (Standard Webhooks), retried with backoff until the receiver answers
 * 2xx, replayable; private addresses are refused; employee answers never leave; tenancy holds.
 * The receiver is a node:http server on 127.0.0.1 (loopback is allowed in test mode).
 */

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

let app: TestApp;
let admin: string;
let cx: string;
let hr: string;
let otherAdmin: string;
let otherUnitId: string;
let receiver: Server;
let base: string;
const received: Received[] = [];
/** Answers of the receiver: the next statuses to answer, then 200. */
const failNext: number[] = [];

const CREATE = `mutation($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { secret endpoint { id url events orgUnitIds enabled createdAt } } }`;
const ENDPOINTS = `query($first: Int, $after: String) { webhookEndpoints { id url events enabled disabledAt
  deliveries(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id event status attempts lastStatusCode lastLatencyMs lastError lastAttemptAt nextAttemptAt createdAt
      attemptHistory { attempt statusCode latencyMs error attemptedAt } } } } } }`;
const DELETE = `mutation($id: ID!) { deleteWebhookEndpoint(id: $id) }`;
const REPLAY = `mutation($id: ID!) { replayWebhookDelivery(id: $id) { id status attempts } }`;
const TEST = `mutation($id: ID!, $event: WebhookEvent) { sendTestWebhook(endpointId: $id, event: $event) { id event status } }`;
const ROTATE = `mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret endpoint { id previousSecretExpiresAt } } }`;

const sql = (text: string, params: unknown[] = []) => app.db.dataSource.query(text, params);
const endpointCount = async () => Number((await sql(`SELECT count(*) AS n FROM webhook_endpoints`))[0].n);

/** The Standard Webhooks signature, computed here from the spec (not with the production signer). */
function expectedSignature(secret: string, id: string, timestamp: string, body: string): string {
  const key = Buffer.from(secret.split('_')[1], 'base64');
  return 'v1,' + createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
}

async function register(input: Record<string, unknown>, token = admin) {
  const res = await app.gql(CREATE, { input }, token);
  if (!res.data?.createWebhookEndpoint) throw new Error(JSON.stringify(res.errors));
  return res.data.createWebhookEndpoint as { secret: string; endpoint: { id: string; url: string } };
}

async function deliveriesOf(endpointId: string, token = admin) {
  const res = await app.gql(ENDPOINTS, { first: 100 }, token);
  const endpoint = res.data.webhookEndpoints.find((e: { id: string }) => e.id === endpointId);
  return endpoint.deliveries.edges.map((e: { node: unknown }) => e.node) as {
    id: string;
    event: string;
    status: string;
    attempts: number;
    lastStatusCode: number | null;
    lastError: string | null;
    lastAttemptAt: string | null;
    nextAttemptAt: string | null;
    attemptHistory: { attempt: number; statusCode: number | null; latencyMs: number; error: string | null }[];
  }[];
}

/** Makes the retries waiting for their moment due now (the schedule is tested in retry.test.ts). */
const fastForwardRetries = () => sql(`UPDATE pgboss.job SET start_after = now() WHERE name = 'webhooks.deliver' AND state IN ('created', 'retry') AND start_after > now()`);

const bodies = (path: string) => received.filter((r) => r.path === path).map((r) => ({ ...r, json: JSON.parse(r.body) }));

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const status = req.url === '/redirect' ? 302 : (failNext.shift() ?? 200);
      res.writeHead(status, status === 302 ? { location: 'http://10.0.0.1/' } : {}).end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  app = await startTestApp();
  admin = await app.login('admin@demo.test');
  cx = await app.login('cx@demo.test');
  hr = await app.login('hr@demo.test');
  const other = await createOrganization(app.db.dataSource.manager, 'hooks-b', ['ADMIN']);
  otherUnitId = other.unit.id;
  otherAdmin = await app.login(other.users.ADMIN, other.password);
});
afterAll(async () => {
  await app?.close();
  await new Promise((resolve) => receiver?.close(resolve));
});

describe('registering an endpoint', () => {
  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = await endpointCount();
    const unknownUnit = '00000000-0000-4000-8000-00000000abcd';
    const cases: [Record<string, unknown>, string][] = [
      [{ url: `${base}/a`, events: [] }, 'input.events'],
      [{ url: `${base}/a`, events: ['WAVE_OPENED', 'WAVE_OPENED'] }, 'input.events'],
      [{ url: 'not a url', events: ['WAVE_OPENED'] }, 'input.url'],
      [{ url: 'ftp://example.com/hook', events: ['WAVE_OPENED'] }, 'input.url'],
      [{ url: 'http://example.com/hook', events: ['WAVE_OPENED'] }, 'input.url'],
      [{ url: `http://user:pw@127.0.0.1:1/hook`, events: ['WAVE_OPENED'] }, 'input.url'],
      [{ url: `${base}/a`, events: ['WAVE_OPENED'], orgUnitIds: [unknownUnit] }, 'input.orgUnitIds'],
      [{ url: `${base}/a`, events: ['WAVE_OPENED'], orgUnitIds: ['nope'] }, 'input.orgUnitIds'],
      // Another organization's unit is as unknown as one that does not exist.
      [{ url: `${base}/a`, events: ['WAVE_OPENED'], orgUnitIds: [otherUnitId] }, 'input.orgUnitIds'],
    ];
    for (const [input, field] of cases) {
      const res = await app.gql(CREATE, { input }, admin);
      expect(codeOf(res), JSON.stringify(input)).toBe('BAD_USER_INPUT');
      expect(fieldOf(res), JSON.stringify(input)).toBe(field);
    }
    expect(await endpointCount()).toBe(before);
  });

  it('is for admins only', async () => {
    for (const token of [cx, hr]) {
      expect(codeOf(await app.gql(CREATE, { input: { url: `${base}/a`, events: ['WAVE_OPENED'] } }, token))).toBe('FORBIDDEN');
      expect(codeOf(await app.gql(`{ webhookEndpoints { id } }`, {}, token))).toBe('FORBIDDEN');
    }
  });

  it('refuses private, link-local and loopback addresses in production, at registration', async () => {
    const config = app.config as { env: string };
    config.env = 'production';
    try {
      for (const url of ['http://10.0.0.1/hook', 'https://10.0.0.1/hook', 'https://169.254.169.254/latest/meta-data', 'https://127.0.0.1/hook', 'https://[::1]/hook', 'https://100.64.0.1/', 'https://[fd00::1]/', 'https://192.168.1.10/', 'https://localhost/hook']) {
        const res = await app.gql(CREATE, { input: { url, events: ['WAVE_OPENED'] } }, admin);
        expect(fieldOf(res), url).toBe('input.url');
      }
      expect((await app.gql(CREATE, { input: { url: 'https://169.254.169.254/', events: ['WAVE_OPENED'] } }, admin)).errors![0].message).toMatch(/link-local/);
    } finally {
      config.env = 'test';
    }
    // In test mode only loopback is allowed: a private network stays refused.
    expect(fieldOf(await app.gql(CREATE, { input: { url: 'http://10.0.0.1/hook', events: ['WAVE_OPENED'] } }, admin))).toBe('input.url');
  });
});

describe('deliveries', () => {
  let main: { secret: string; endpoint: { id: string } };
  let waves: { secret: string; endpoint: { id: string } };
  let contacts: Record<string, string>;
  let customerWave: string;

  beforeAll(async () => {
    main = await register({ url: `${base}/main`, events: ['RESPONSE_CREATED', 'FOLLOWUP_CREATED'] });
    customerWave = await openWave(app, cx, { name: 'Webhook wave' });
    contacts = await importContacts(app, cx, [
      ['ann@hook.example', 'Ann', 'en', 'manager@demo.test', 'Sales EU', 'EU', 'Staffing'],
      ['bob@hook.example', 'Bob', 'en', 'manager.us@demo.test', 'Sales US', 'US', 'Staffing'],
      ['cid@hook.example', 'Cid', 'en', 'manager@demo.test', 'Sales EU', 'EU', 'Staffing'],
    ]);
  });

  it('gives the secret once, in the Standard Webhooks form', async () => {
    expect(main.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const key = Buffer.from(main.secret.slice(6), 'base64');
    expect(key.length).toBeGreaterThanOrEqual(24);
    expect(key.length).toBeLessThanOrEqual(32);
    expect(main.secret).not.toBe((await register({ url: `${base}/unused`, events: ['WAVE_CLOSED'] })).secret);
    // The list does not show it again.
    expect(JSON.stringify((await app.gql(`{ webhookEndpoints { id url } }`, {}, admin)).data)).not.toContain(main.secret);
    // Stored sealed (docs/security.md), bound to the endpoint: it opens with the server's key and that context only.
    const [{ secret: stored }] = await sql(`SELECT secret FROM webhook_endpoints WHERE id = $1`, [main.endpoint.id]);
    expect(stored).toMatch(/^v1:/);
    expect(stored).not.toContain(main.secret.slice(6));
    expect(openSecret(app.config.secretEncryptionKey, stored, `webhook:${main.endpoint.id}`)).toBe(main.secret);
    expect(() => openSecret(app.config.secretEncryptionKey, stored, `webhook:${randomUUID()}`)).toThrow();
  });

  it('POSTs a signed response.created and followup.created for a detractor', async () => {
    const started = Math.floor(Date.now() / 1000);
    const responseId = await answer(app, cx, customerWave, contacts['ann@hook.example'], 'ann@hook.example', 3, 'Slow invoices');
    await until(() => bodies('/main').length >= 2, 'the two requests');
    const requests = bodies('/main');
    expect(requests.map((r) => r.json.type).sort()).toEqual(['followup.created', 'response.created']);
    for (const r of requests) {
      const id = r.headers['webhook-id'] as string;
      const timestamp = r.headers['webhook-timestamp'] as string;
      expect(r.headers['content-type']).toBe('application/json');
      expect(Number(timestamp)).toBeGreaterThanOrEqual(started - 5);
      expect(Number(timestamp)).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 5);
      expect(r.headers['webhook-signature']).toBe(expectedSignature(main.secret, id, timestamp, r.body));
      expect(new Date(r.json.timestamp).toISOString()).toBe(r.json.timestamp);
    }
    const created = requests.find((r) => r.json.type === 'response.created')!;
    expect(created.json.data).toMatchObject({ responseId, waveId: customerWave, audience: 'CUSTOMER', score: 3, category: 'DETRACTOR', comment: 'Slow invoices', contactId: contacts['ann@hook.example'] });
    const followUp = requests.find((r) => r.json.type === 'followup.created')!;
    expect(followUp.json.data).toMatchObject({ responseId, waveId: customerWave });
    // Another secret's signature does not match.
    expect(expectedSignature('whsec_' + Buffer.alloc(24, 7).toString('base64'), created.headers['webhook-id'] as string, created.headers['webhook-timestamp'] as string, created.body)).not.toBe(created.headers['webhook-signature']);

    const deliveries = await until(async () => {
      const list = await deliveriesOf(main.endpoint.id);
      return list.length === 2 && list.every((d) => d.status === 'SUCCEEDED') ? list : null;
    }, 'the deliveries to be recorded');
    expect(deliveries.map((d) => d.id).sort()).toEqual(requests.map((r) => r.headers['webhook-id']).sort());
    for (const d of deliveries) {
      expect(d).toMatchObject({ attempts: 1, lastStatusCode: 200, lastError: null, nextAttemptAt: null });
      expect(d.attemptHistory).toHaveLength(1);
      expect(d.attemptHistory[0]).toMatchObject({ attempt: 1, statusCode: 200, error: null });
      expect(d.attemptHistory[0].latencyMs).toBeGreaterThanOrEqual(0);
    }
    // An endpoint that did not subscribe to these types got nothing.
    expect(bodies('/unused')).toHaveLength(0);
  });

  it("forgets an erased contact's words in the deliveries it kept, and tells the endpoints that take CONTACT_ERASED", async () => {
    const eraser = await register({ url: `${base}/erasure`, events: ['CONTACT_ERASED'] });
    const { 'dee@hook.example': contactId } = await importContacts(app, cx, [['dee@hook.example', 'Dee', 'en', 'manager@demo.test', 'Sales EU', 'EU', 'Staffing']]);
    const responseId = await answer(app, cx, customerWave, contactId, 'dee@hook.example', 2, 'Dee would rather not be quoted');
    await until(() => bodies('/main').some((r) => r.json.data.responseId === responseId && r.json.type === 'response.created'), 'the response webhook');
    const stored = async () =>
      (await sql(`SELECT body FROM webhook_deliveries WHERE event = 'RESPONSE_CREATED' AND body LIKE $1`, [`%${responseId}%`])).map((r: { body: string }) => JSON.parse(r.body));
    expect((await stored())[0].data).toMatchObject({ comment: 'Dee would rather not be quoted', contactId });

    const erased = await app.gql(`mutation($id: ID!) { deleteContact(id: $id) }`, { id: contactId }, cx);
    expect(erased.errors).toBeUndefined();
    expect(erased.data?.deleteContact).toBe(true);
    const [notice] = await until(() => (bodies('/erasure').length ? bodies('/erasure') : null), 'the contact.erased webhook');
    expect(notice.json).toMatchObject({ type: 'contact.erased', data: { contactId, responseIds: [responseId] } });
    expect(notice.headers['webhook-signature']).toBe(expectedSignature(eraser.secret, notice.headers['webhook-id'] as string, notice.headers['webhook-timestamp'] as string, notice.body));
    // Every delivery kept of the answer has lost the words and the contact; its ids and score stay.
    const after = await stored();
    expect(after.length).toBeGreaterThan(0);
    for (const body of after) {
      expect(body.data).toMatchObject({ responseId, score: 2, category: 'DETRACTOR', comment: null, suggestion: null, contactId: null });
    }
    expect(JSON.stringify(await sql(`SELECT body FROM webhook_deliveries`))).not.toContain('Dee would rather not be quoted');
  });

  it('retries a receiver that fails twice, with the same webhook-id, and records each attempt', async () => {
    waves = await register({ url: `${base}/waves`, events: ['WAVE_OPENED'] });
    failNext.push(500, 503);
    const waveId = await openWave(app, cx, { name: 'Retried wave' });
    await until(() => bodies('/waves').length >= 1, 'the first try');
    const [first] = await until(async () => {
      const list = await deliveriesOf(waves.endpoint.id);
      return list.length === 1 && list[0].status === 'RETRYING' ? list : null;
    }, 'the delivery to wait for its retry');
    expect(first).toMatchObject({ attempts: 1, lastStatusCode: 500, lastError: 'HTTP 500' });
    // The first retry waits 30 s, give or take 20 %.
    const wait = Date.parse(first.nextAttemptAt!) - Date.parse(first.lastAttemptAt!);
    expect(wait).toBeGreaterThanOrEqual(24_000);
    expect(wait).toBeLessThanOrEqual(36_000);

    await fastForwardRetries();
    await until(async () => (await deliveriesOf(waves.endpoint.id))[0].attempts === 2, 'the second try');
    const second = (await deliveriesOf(waves.endpoint.id))[0];
    expect(second).toMatchObject({ status: 'RETRYING', lastStatusCode: 503 });
    expect(Date.parse(second.nextAttemptAt!) - Date.parse(second.lastAttemptAt!)).toBeGreaterThanOrEqual(96_000);
    await fastForwardRetries();
    const [done] = await until(async () => {
      const list = await deliveriesOf(waves.endpoint.id);
      return list[0].status === 'SUCCEEDED' ? list : null;
    }, 'the third try to succeed');
    expect(done.attempts).toBe(3);
    expect(done.attemptHistory.map((a) => a.statusCode)).toEqual([500, 503, 200]);
    const tries = bodies('/waves');
    expect(tries).toHaveLength(3);
    expect(new Set(tries.map((t) => t.headers['webhook-id']))).toEqual(new Set([done.id]));
    expect(new Set(tries.map((t) => t.body)).size).toBe(1);
    expect(tries[0].json).toMatchObject({ type: 'wave.opened', data: { waveId, audience: 'CUSTOMER' } });
    for (const t of tries) expect(t.headers['webhook-signature']).toBe(expectedSignature(waves.secret, done.id, t.headers['webhook-timestamp'] as string, t.body));
  });

  it('replays a delivery with the same id and body', async () => {
    const [delivery] = await deliveriesOf(waves.endpoint.id);
    const before = bodies('/waves');
    const res = await app.gql(REPLAY, { id: delivery.id }, admin);
    expect(res.data.replayWebhookDelivery.id).toBe(delivery.id);
    await until(() => bodies('/waves').length === before.length + 1, 'the replay');
    const replay = bodies('/waves').at(-1)!;
    expect(replay.headers['webhook-id']).toBe(delivery.id);
    expect(replay.body).toBe(before[0].body);
    await until(async () => (await deliveriesOf(waves.endpoint.id))[0].attempts === 4, 'the replay to be recorded');
  });

  it('sends a test event', async () => {
    const res = await app.gql(TEST, { id: main.endpoint.id, event: 'FOLLOWUP_CREATED' }, admin);
    expect(res.data.sendTestWebhook).toMatchObject({ event: 'FOLLOWUP_CREATED', status: 'PENDING' });
    const test = await until(() => bodies('/main').find((r) => r.json.test === true), 'the test request');
    expect(test.json.type).toBe('followup.created');
    expect(test.headers['webhook-id']).toBe(res.data.sendTestWebhook.id);
    expect(test.headers['webhook-signature']).toBe(expectedSignature(main.secret, res.data.sendTestWebhook.id, test.headers['webhook-timestamp'] as string, test.body));
  });

  it('counts a redirect as a failure and does not follow it', async () => {
    const hop = await register({ url: `${base}/redirect`, events: ['WAVE_CLOSED'] });
    const res = await app.gql(TEST, { id: hop.endpoint.id }, admin);
    const [d] = await until(async () => {
      const list = await deliveriesOf(hop.endpoint.id);
      return list[0]?.status === 'FAILED' ? list : null;
    }, 'the redirect to fail');
    expect(d).toMatchObject({ id: res.data.sendTestWebhook.id, lastStatusCode: 302, lastError: 'Redirect (302) not followed' });
    expect(received.filter((r) => r.path === '/redirect')).toHaveLength(1);
    await app.gql(DELETE, { id: hop.endpoint.id }, admin);
  });

  it('fails a delivery unsent when no configured key opens the secret, and records why', async () => {
    const lost = await register({ url: `${base}/lost-key`, events: ['WAVE_CLOSED'] });
    // As if sealed under a key the server no longer has (neither SECRET_ENCRYPTION_KEY nor a previous one).
    const underLostKey = sealWebhookSecret(randomBytes(32), lost.endpoint.id, lost.secret);
    await sql(`UPDATE webhook_endpoints SET secret = $2 WHERE id = $1`, [lost.endpoint.id, underLostKey]);
    const res = await app.gql(TEST, { id: lost.endpoint.id }, admin);
    const [d] = await until(async () => {
      const list = await deliveriesOf(lost.endpoint.id);
      return list[0]?.status === 'FAILED' ? list : null;
    }, 'the try to fail');
    const reason = /^The signing secret cannot be decrypted with the configured keys/;
    expect(d).toMatchObject({ id: res.data.sendTestWebhook.id, attempts: 1, lastStatusCode: null, lastError: expect.stringMatching(reason) });
    expect(d.attemptHistory).toMatchObject([{ attempt: 1, statusCode: null, error: expect.stringMatching(reason) }]);
    // Not sent at all (an unsigned request is not a fallback), the endpoint counts as failing, and the stored value stays.
    expect(bodies('/lost-key')).toHaveLength(0);
    const [row] = await sql(`SELECT secret, failing_since FROM webhook_endpoints WHERE id = $1`, [lost.endpoint.id]);
    expect(row.secret).toBe(underLostKey);
    expect(row.failing_since).not.toBeNull();
    await app.gql(DELETE, { id: lost.endpoint.id }, admin);
  });

  it('filters by org unit: only events in the given units and below them', async () => {
    const [{ id: eu }] = await sql(`SELECT u.id FROM org_units u JOIN organizations o ON o.id = u.organization_id WHERE o.slug = 'demo' AND u.name = 'Sales EU'`);
    const filtered = await register({ url: `${base}/eu`, events: ['RESPONSE_CREATED', 'WAVE_OPENED'], orgUnitIds: [eu] });
    const bob = await answer(app, cx, customerWave, contacts['bob@hook.example'], 'bob@hook.example', 9);
    const cid = await answer(app, cx, customerWave, contacts['cid@hook.example'], 'cid@hook.example', 10);
    // The main endpoint (no filter) gets both; the filtered one only Cid's (Sales EU).
    await until(() => bodies('/main').filter((r) => [bob, cid].includes(r.json.data.responseId)).length === 2, 'both answers at the unfiltered endpoint');
    await until(() => bodies('/eu').length >= 1, "Cid's answer at the filtered endpoint");
    expect(bodies('/eu').map((r) => r.json.data.responseId)).toEqual([cid]);
    expect(bodies('/eu')[0].json.data.orgUnitId).toBe(eu);
    await app.gql(DELETE, { id: filtered.endpoint.id }, admin);
  });

  it('never sends an employee answer', async () => {
    const titles = ['en', 'pl', 'da', 'ru', 'sl'].map((language) => ({ language, text: 'Hook pulse' }));
    const employeeWave = await openWave(app, hr, { name: 'Hook pulse', audience: 'EMPLOYEE', publicTitles: titles });
    const invited = await app.gql(INVITE, { waveId: employeeWave, target: ALL }, hr);
    expect(invited.data.inviteToWave.invited).toBeGreaterThan(0);
    const [{ email }] = await sql(`SELECT e.email FROM employee_participations p JOIN employees e ON e.id = p.employee_id WHERE p.wave_id = $1 LIMIT 1`, [employeeWave]);
    const link = lastMailTo(app, email).token;
    const res = await app.gql(SUBMIT, { token: link, input: { score: 2, reason: 'My manager ignores me' } });
    expect(res.data?.submitResponse?.ok, JSON.stringify(res.errors)).toBe(true);
    // A customer's answer after it reaches the endpoint: everything before it had its chance.
    const sentinel = await answer(app, cx, customerWave, contacts['ann@hook.example'], 'ann@hook.example', 9).catch(async () => {
      const more = await importContacts(app, cx, [['dee@hook.example', 'Dee', 'en', 'manager@demo.test', 'Sales EU', 'EU', 'Staffing']]);
      return answer(app, cx, customerWave, more['dee@hook.example'], 'dee@hook.example', 9);
    });
    await until(() => bodies('/main').some((r) => r.json.data.responseId === sentinel), 'the later customer answer');
    // Its wave's opening is an event (ids only); its answer is not.
    const everything = received.map((r) => JSON.parse(r.body) as { type: string; data: { waveId?: string } });
    expect(everything.filter((b) => b.data.waveId === employeeWave).map((b) => b.type)).toEqual(['wave.opened']);
    expect(received.map((r) => r.body).join('\n')).not.toContain('My manager ignores me');
    expect(await sql(`SELECT 1 FROM domain_events WHERE type = 'response.created' AND payload->>'waveId' = $1`, [employeeWave])).toHaveLength(0);
    expect(await sql(`SELECT 1 FROM webhook_deliveries WHERE event = 'RESPONSE_CREATED' AND body LIKE $1`, [`%${employeeWave}%`])).toHaveLength(0);
  });

  it("gives another organization nothing: not the endpoints, not their deliveries, not their events", async () => {
    const [delivery] = await deliveriesOf(main.endpoint.id);
    expect((await app.gql(`{ webhookEndpoints { id } }`, {}, otherAdmin)).data.webhookEndpoints).toEqual([]);
    for (const [query, vars] of [
      [DELETE, { id: main.endpoint.id }],
      [REPLAY, { id: delivery.id }],
      [TEST, { id: main.endpoint.id }],
    ] as const) {
      expect(codeOf(await app.gql(query, vars, otherAdmin)), query).toBe('NOT_FOUND');
    }
    // Org B's endpoint hears nothing of org A's answers.
    const own = await register({ url: `${base}/other-org`, events: ['RESPONSE_CREATED', 'WAVE_OPENED'] }, otherAdmin);
    const waveId = await openWave(app, cx, { name: 'Not for org B' });
    await until(() => bodies('/waves').some((r) => r.json.data.waveId === waveId), 'org A to hear its own event');
    expect(bodies('/other-org')).toHaveLength(0);
    expect((await app.gql(`{ webhookEndpoints { id } }`, {}, otherAdmin)).data.webhookEndpoints).toEqual([{ id: own.endpoint.id }]);
    expect(await endpointCount()).toBeGreaterThanOrEqual(3);
  });

  it('refuses a loopback receiver at delivery time in production (a name may resolve elsewhere later)', async () => {
    const config = app.config as { env: string };
    const before = received.length;
    config.env = 'production';
    try {
      const res = await app.gql(TEST, { id: waves.endpoint.id }, admin);
      const d = await until(async () => {
        const list = await deliveriesOf(waves.endpoint.id);
        return list.find((x) => x.id === res.data.sendTestWebhook.id && x.status === 'FAILED');
      }, 'the refused try');
      expect(d.lastStatusCode).toBeNull();
      expect(d.lastError).toMatch(/^Refused: 127\.0\.0\.1: resolves to a loopback address/);
    } finally {
      config.env = 'test';
    }
    expect(received.length).toBe(before);
  });

  it('disables an endpoint that has failed for 3 days', async () => {
    await sql(`UPDATE webhook_endpoints SET failing_since = now() - interval '73 hours' WHERE id = $1`, [waves.endpoint.id]);
    const [delivery] = await deliveriesOf(waves.endpoint.id);
    failNext.push(500);
    await app.gql(REPLAY, { id: delivery.id }, admin);
    await until(async () => (await app.gql(ENDPOINTS, {}, admin)).data.webhookEndpoints.find((e: { id: string }) => e.id === waves.endpoint.id).enabled === false, 'the endpoint to be disabled');
    // The organization's admins are told in the app (no mail kind), led to the webhooks page.
    const bell = await app.gql(`{ notifications(first: 5) { edges { node { kind link } } } }`, {}, admin);
    expect(bell.data.notifications.edges.map((e: { node: unknown }) => e.node)).toContainEqual({ kind: 'WEBHOOK_DISABLED', link: '/organization/webhooks' });
    // Disabled: new events are not delivered to it.
    const count = bodies('/waves').length;
    const waveId = await openWave(app, cx, { name: 'After disabling' });
    await until(async () => (await sql(`SELECT dispatched_at FROM domain_events WHERE payload->>'waveId' = $1`, [waveId]))[0]?.dispatched_at, 'the dispatch');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await sql(`SELECT 1 FROM webhook_deliveries d WHERE d.endpoint_id = $1 AND d.body LIKE $2`, [waves.endpoint.id, `%${waveId}%`])).toHaveLength(0);
    expect(bodies('/waves')).toHaveLength(count);
  });

  it('deletes an endpoint with its deliveries', async () => {
    const [delivery] = await deliveriesOf(main.endpoint.id);
    expect((await app.gql(DELETE, { id: main.endpoint.id }, admin)).data.deleteWebhookEndpoint).toBe(true);
    expect((await app.gql(`{ webhookEndpoints { id } }`, {}, admin)).data.webhookEndpoints.map((e: { id: string }) => e.id)).not.toContain(main.endpoint.id);
    expect(codeOf(await app.gql(REPLAY, { id: delivery.id }, admin))).toBe('NOT_FOUND');
    expect(codeOf(await app.gql(DELETE, { id: main.endpoint.id }, admin))).toBe('NOT_FOUND');
  });

  it('pages deliveries newest first with a total count', async () => {
    const first = (await app.gql(ENDPOINTS, { first: 1 }, admin)).data.webhookEndpoints.find((e: { id: string }) => e.id === waves.endpoint.id).deliveries;
    expect(first.totalCount).toBeGreaterThan(1);
    expect(first.edges).toHaveLength(1);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = (await app.gql(ENDPOINTS, { first: 100, after: first.pageInfo.endCursor }, admin)).data.webhookEndpoints.find((e: { id: string }) => e.id === waves.endpoint.id).deliveries;
    expect(next.edges).toHaveLength(first.totalCount - 1);
    expect(next.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(first.edges[0].node.id);
  });
});

describe('rotating a secret', () => {
  let hook: { secret: string; endpoint: { id: string } };
  const storedOf = async (id: string) => (await sql(`SELECT secret, previous_secret, previous_secret_expires_at FROM webhook_endpoints WHERE id = $1`, [id]))[0];
  /** Sends a test event to the endpoint and answers the request's signatures (webhook-signature, split at spaces) with what they sign. */
  async function testRequest(id: string, token = admin) {
    const res = await app.gql(TEST, { id }, token);
    const deliveryId = res.data.sendTestWebhook.id as string;
    const request = await until(() => received.find((r) => r.path === '/rotate' && r.headers['webhook-id'] === deliveryId), 'the test request');
    const timestamp = request.headers['webhook-timestamp'] as string;
    return { signatures: (request.headers['webhook-signature'] as string).split(' '), sign: (secret: string) => expectedSignature(secret, deliveryId, timestamp, request.body) };
  }

  beforeAll(async () => {
    hook = await register({ url: `${base}/rotate`, events: ['WAVE_CLOSED'] });
  });

  it('is for admins of the organization only, and a refused rotation changes nothing', async () => {
    const before = await storedOf(hook.endpoint.id);
    for (const token of [cx, hr]) expect(codeOf(await app.gql(ROTATE, { id: hook.endpoint.id }, token))).toBe('FORBIDDEN');
    expect(codeOf(await app.gql(ROTATE, { id: hook.endpoint.id }, otherAdmin))).toBe('NOT_FOUND');
    expect(fieldOf(await app.gql(ROTATE, { id: hook.endpoint.id }, otherAdmin))).toBe('id');
    expect(codeOf(await app.gql(ROTATE, { id: 'nope' }, admin))).toBe('NOT_FOUND');
    expect(await storedOf(hook.endpoint.id)).toEqual(before);
    expect(before.previous_secret).toBeNull();
  });

  it('answers a new secret once, and signs with both for 24 hours, the new one first', async () => {
    const res = await app.gql(ROTATE, { id: hook.endpoint.id }, admin);
    expect(res.errors).toBeUndefined();
    const { secret, endpoint } = res.data.rotateWebhookSecret;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(secret).not.toBe(hook.secret);
    const grace = Date.parse(endpoint.previousSecretExpiresAt) - Date.now();
    expect(grace).toBeGreaterThan(24 * 3600_000 - 60_000);
    expect(grace).toBeLessThanOrEqual(24 * 3600_000);
    // The list shows when the old one stops, never a secret.
    const listed = (await app.gql(`{ webhookEndpoints { id previousSecretExpiresAt } }`, {}, admin)).data.webhookEndpoints;
    expect(listed).toContainEqual({ id: hook.endpoint.id, previousSecretExpiresAt: endpoint.previousSecretExpiresAt });
    expect(JSON.stringify(listed)).not.toContain(secret.slice(6));
    // Both stored sealed, each bound to the endpoint and its column.
    const stored = await storedOf(hook.endpoint.id);
    expect(stored.previous_secret).toMatch(/^v1:/);
    expect(openSecret(app.config.secretEncryptionKey, stored.secret, `webhook:${hook.endpoint.id}`)).toBe(secret);
    expect(openSecret(app.config.secretEncryptionKey, stored.previous_secret, `webhook:${hook.endpoint.id}:previous`)).toBe(hook.secret);
    expect(() => openSecret(app.config.secretEncryptionKey, stored.previous_secret, `webhook:${hook.endpoint.id}`)).toThrow();
    // Recorded in the audit log like the other admin changes, without the secret.
    const [entry] = await until(async () => {
      const rows = await sql(`SELECT object_ids, outcome, args::text AS args FROM audit_log WHERE action = 'rotateWebhookSecret' AND outcome = 'OK'`);
      return rows.length ? rows : null;
    }, 'the audit entry');
    expect(entry.object_ids).toEqual([hook.endpoint.id]);
    expect(JSON.stringify(await sql(`SELECT * FROM audit_log WHERE action = 'rotateWebhookSecret'`))).not.toContain(secret.slice(6));

    const { signatures, sign } = await testRequest(hook.endpoint.id);
    expect(signatures).toEqual([sign(secret), sign(hook.secret)]);
    hook = { ...hook, secret };
  });

  it('signs with the new secret only once the grace period is over, and forgets the old one', async () => {
    const realNow = app.services.now;
    app.services.now = () => new Date(Date.now() + 24 * 3600_000 + 60_000);
    try {
      // A day later the morning's access token has expired: a new session.
      const later = await app.login('admin@demo.test');
      const listed = (await app.gql(`{ webhookEndpoints { id previousSecretExpiresAt } }`, {}, later)).data.webhookEndpoints;
      expect(listed).toContainEqual({ id: hook.endpoint.id, previousSecretExpiresAt: null });
      const { signatures, sign } = await testRequest(hook.endpoint.id, later);
      expect(signatures).toEqual([sign(hook.secret)]);
    } finally {
      app.services.now = realNow;
    }
    expect(await storedOf(hook.endpoint.id)).toMatchObject({ previous_secret: null, previous_secret_expires_at: null });
  });

  it('keeps no previous secret when the replaced one opens under no configured key, so rotating mends a lost key', async () => {
    await sql(`UPDATE webhook_endpoints SET secret = $2 WHERE id = $1`, [hook.endpoint.id, sealWebhookSecret(randomBytes(32), hook.endpoint.id, hook.secret)]);
    const res = await app.gql(ROTATE, { id: hook.endpoint.id }, admin);
    const { secret, endpoint } = res.data.rotateWebhookSecret;
    expect(endpoint.previousSecretExpiresAt).toBeNull();
    expect(await storedOf(hook.endpoint.id)).toMatchObject({ previous_secret: null, previous_secret_expires_at: null });
    const { signatures, sign } = await testRequest(hook.endpoint.id);
    expect(signatures).toEqual([sign(secret)]);
  });

  it('sweeps a page at a time and reaches every row once, across the pages', async () => {
    // Seven more endpoints copied from this one, each with a secret stored plain; a page of two.
    const plains: { id: string; secret: string }[] = await sql(
      `INSERT INTO webhook_endpoints
       SELECT (jsonb_populate_record(NULL::webhook_endpoints, to_jsonb(w) || jsonb_build_object('id', gen_random_uuid(), 'url', w.url || '?copy=' || g, 'secret', 'whsec_plain' || g))).*
         FROM webhook_endpoints w, generate_series(1, 7) g WHERE w.id = $1
       RETURNING id, secret`,
      [hook.endpoint.id],
    );
    const counts = await sweepSealedColumn(app.db.dataSource.manager, keyringOf(app.config), { table: 'webhook_endpoints', column: 'secret', contextOf: (id) => `webhook:${id}` }, 2);
    expect(counts).toEqual({ encrypted: 7, resealed: 0, undecryptable: 0 });
    for (const { id, secret } of plains) {
      const { secret: sealed } = await storedOf(id);
      expect(openSecret(app.config.secretEncryptionKey, sealed, `webhook:${id}`)).toBe(secret);
    }
    await sql(`DELETE FROM webhook_endpoints WHERE id = ANY($1::uuid[])`, [plains.map((p) => p.id)]);
  });

  it('has a previous secret stored plain sealed by the start-up sweep, like the secret', async () => {
    const plain = 'whsec_' + randomBytes(24).toString('base64');
    await sql(`UPDATE webhook_endpoints SET previous_secret = $2, previous_secret_expires_at = now() + interval '1 hour' WHERE id = $1`, [hook.endpoint.id, plain]);
    const counts = await sweepWebhookSecrets(app.db.dataSource.manager, keyringOf(app.config));
    expect(counts.encrypted).toBe(1);
    const { previous_secret: sealed } = await storedOf(hook.endpoint.id);
    expect(sealed).toMatch(/^v1:/);
    expect(openSecret(app.config.secretEncryptionKey, sealed, `webhook:${hook.endpoint.id}:previous`)).toBe(plain);
  });
});
