import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createLogger } from '../src/logger.js';
import type { DomainEventOf } from '../src/platform/events/types.js';
import { RedisHub, liveHubOf } from '../src/platform/live/hub.js';
import { FOLLOW_UP_OVERDUE, markOverdue } from '../src/survey/follow-ups/follow-up-sla.js';
import type { Database } from '../src/db/data-source.js';
import { DEMO_PASSWORD } from '../src/seed/demo.js';
import { kill, startApi, type ApiProcess } from './support/api-process.js';
import { openTestDatabase } from './support/database.js';
import { createOrganization } from './support/fixtures.js';
import { until } from './support/jobs.js';
import { ALL, INVITE, SUBMIT, answer, importContacts, inviteOne, openWave, outbox } from './support/surveys.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { ACCESS_TOKEN_TTL_SECONDS, signAccessToken } from '../src/identity/auth/access-tokens.js';
import { CLOSE_TOKEN_EXPIRED, CLOSE_TOO_MANY_CONNECTIONS } from '../src/http/subscriptions.js';

/**
 * Issue 18: live subscriptions over graphql-ws on /graphql. A subscriber authenticates in
 * connection_init, is authorised like the matching query, and receives only its own
 * organization's events, a manager only their own contacts'; employee answers never stream.
 */

interface Subscription {
  received: any[];
  errors: unknown[];
  completed: Promise<void>;
  stop(): void;
}

const RESPONSES = `subscription($waveId: ID) { responseCreated(waveId: $waveId) { id score category wave { id name } contact { email } owner { email } } }`;
const FOLLOW_UPS_CREATED = `subscription { followUpCreated { id status owner { email } response { id score } } }`;
const FOLLOW_UPS_OVERDUE = `subscription { followUpOverdue { id overdue owner { email } } }`;

const clients: Client[] = [];

function connect(url: string, token?: string): Client {
  const client = createClient({
    url: url.replace(/^http/, 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
  });
  clients.push(client);
  return client;
}

/** Subscribes on the server at `url`; what arrives is collected. */
function open(url: string, token: string | undefined, query: string, variables: Record<string, unknown>): Subscription & { ended(): boolean } {
  const received: any[] = [];
  const errors: unknown[] = [];
  let done!: () => void;
  const completed = new Promise<void>((resolve) => (done = resolve));
  let ended = false;
  const stop = connect(url, token).subscribe(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) errors.push(...result.errors);
        if (result.data) received.push(Object.values(result.data)[0]);
      },
      error: (error) => {
        // A refused operation's GraphQL errors come as a list; a socket failure as one error.
        errors.push(...(Array.isArray(error) ? error : [error]));
        ended = true;
        done();
      },
      complete: () => {
        ended = true;
        done();
      },
    },
  );
  return { received, errors, completed, stop, ended: () => ended };
}

/** Subscribes on a test app; resolves once the server listens for it (the protocol has no acknowledgement) or the subscription ended. */
async function subscribe(app: TestApp, organizationId: string, token: string | undefined, query: string, variables: Record<string, unknown> = {}): Promise<Subscription> {
  const hub = liveHubOf(app.services);
  const before = hub.listeners(organizationId);
  const subscription = open(app.url, token, query, variables);
  await until(() => subscription.ended() || hub.listeners(organizationId) > before, 'the subscription to start');
  return subscription;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Stops subscriptions and waits until the server stopped listening for them. */
async function stopAll(app: TestApp, organizationId: string, subscriptions: Subscription[]): Promise<void> {
  for (const s of subscriptions) s.stop();
  await until(() => liveHubOf(app.services).listeners(organizationId) === 0, 'the hub to forget stopped subscriptions');
}

let app: TestApp;
let demoId: string;
let cx: string;
let marta: string;
let jessica: string;
let hr: string;
let otherCx: string;
let otherOrgId: string;
let waveId: string;
let ids: Record<string, string>;

beforeAll(async () => {
  app = await startTestApp();
  [{ id: demoId }] = await app.db.dataSource.query(`SELECT id FROM organizations WHERE slug = 'demo'`);
  cx = await app.login('cx@demo.test');
  marta = await app.login('manager@demo.test');
  jessica = await app.login('manager.us@demo.test');
  hr = await app.login('hr@demo.test');
  const other = await createOrganization(app.db.dataSource.manager, 'elsewhere', ['CX']);
  otherOrgId = other.org.id;
  otherCx = await app.login(other.users.CX, other.password);
  waveId = await openWave(app, cx, { name: 'Live wave' });
  ids = await importContacts(app, cx, [
    ['ann@live.example', 'Ann', 'en', 'manager@demo.test', 'Sales EU', 'EU', 'Staffing'],
    ['cat@live.example', 'Cat', 'en', 'manager.us@demo.test', 'Sales US', 'US', 'Staffing'],
    ['dan@live.example', 'Dan', 'en', 'manager@demo.test', 'Sales EU', 'EU', 'Staffing'],
    ['eve@live.example', 'Eve', 'en', 'manager@demo.test', 'Sales EU', 'EU', 'Staffing'],
    ['fay@live.example', 'Fay', 'en', 'manager@demo.test', 'Sales EU', 'EU', 'Staffing'],
    ['gil@live.example', 'Gil', 'en', 'manager.us@demo.test', 'Sales US', 'US', 'Staffing'],
  ]);
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await app?.close();
});

describe('responseCreated', () => {
  it("streams a submitted response to the organization's CX with its score and wave; a manager gets their own; another organization nothing", async () => {
    const ofCx = await subscribe(app, demoId, cx, RESPONSES, { waveId });
    const ofMarta = await subscribe(app, demoId, marta, RESPONSES, { waveId });
    const otherWave = await subscribe(app, demoId, cx, RESPONSES, { waveId: '00000000-0000-4000-8000-000000000000' });
    const ofOther = await subscribe(app, otherOrgId, otherCx, RESPONSES, {});

    const link = await inviteOne(app, cx, waveId, ids['ann@live.example'], 'ann@live.example');
    expect((await app.gql(SUBMIT, { token: link, input: { score: 9, reason: 'Quick and kind' } })).data.submitResponse.ok).toBe(true);
    const [ann] = await until(() => (ofCx.received.length >= 1 ? ofCx.received : null), 'the CX to receive the response', 10_000);
    expect(ann).toMatchObject({ score: 9, category: 'PROMOTER', wave: { id: waveId, name: 'Live wave' }, contact: { email: 'ann@live.example' }, owner: { email: 'manager@demo.test' } });

    const cat = await answer(app, cx, waveId, ids['cat@live.example'], 'cat@live.example', 7);
    await until(() => ofCx.received.some((r) => r.id === cat), "the CX to receive jessica's contact's response", 10_000);
    await until(() => ofMarta.received.length >= 1, 'the manager to receive her own contact’s response', 10_000);
    await pause(500);
    expect(ofCx.received.map((r) => r.contact.email)).toEqual(['ann@live.example', 'cat@live.example']);
    expect(ofMarta.received.map((r) => r.id)).toEqual([ann.id]);
    expect(otherWave.received).toEqual([]);
    expect(ofOther.received).toEqual([]);
    for (const s of [ofCx, ofMarta, otherWave, ofOther]) expect(s.errors).toEqual([]);
    await stopAll(app, demoId, [ofCx, ofMarta, otherWave]);
    await stopAll(app, otherOrgId, [ofOther]);
  });

  it('refuses a subscriber without a valid token, or without a role that reads responses, with an error and no stream', async () => {
    const cases: [string | undefined, string][] = [
      [undefined, 'UNAUTHENTICATED'],
      ['not-a-token', 'UNAUTHENTICATED'],
      [hr, 'FORBIDDEN'],
    ];
    for (const [token, code] of cases) {
      const refused = await subscribe(app, demoId, token, RESPONSES, {});
      await refused.completed;
      expect(refused.received).toEqual([]);
      expect(refused.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code }) })]);
    }
    const forbidden = await subscribe(app, demoId, hr, FOLLOW_UPS_CREATED);
    await forbidden.completed;
    expect(forbidden.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);
    expect(liveHubOf(app.services).listeners(demoId)).toBe(0);
  });

  it("streams to an API client with responses:read, refuses one without it, and refuses a revoked client's token at once", async () => {
    const admin = await app.login('admin@demo.test');
    const client = async (scopes: string[]) => {
      const created = await app.gql(
        `mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { clientSecret client { id clientId } } }`,
        { input: { name: `Live ${scopes.join(' ')}`, scopes } },
        admin,
      );
      const { client: c, clientSecret } = created.data.createApiClient;
      const issued = await app.gql(`mutation($id: String!, $s: String!) { issueApiToken(clientId: $id, clientSecret: $s) { accessToken } }`, { id: c.clientId, s: clientSecret });
      return { id: c.id as string, token: issued.data.issueApiToken.accessToken as string };
    };
    const reader = await client(['responses:read']);
    const writer = await client(['contacts:write']);

    const refused = await subscribe(app, demoId, writer.token, RESPONSES, {});
    await refused.completed;
    expect(refused.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);

    const live = await subscribe(app, demoId, reader.token, RESPONSES, { waveId });
    const gil = await answer(app, cx, waveId, ids['gil@live.example'], 'gil@live.example', 8);
    expect(await until(() => live.received.find((r) => r.id === gil), 'the API client to receive the response', 10_000)).toMatchObject({ score: 8, category: 'PASSIVE' });
    await stopAll(app, demoId, [live]);

    await app.gql(`mutation($id: ID!) { revokeApiClient(id: $id) { id } }`, { id: reader.id }, admin);
    const revoked = await subscribe(app, demoId, reader.token, RESPONSES, {});
    await revoked.completed;
    expect(revoked.received).toEqual([]);
    expect(revoked.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })]);
  });

  it('takes only subscriptions over the socket: a query is refused', async () => {
    const query = await subscribe(app, demoId, cx, `{ waves(first: 1) { totalCount } }`);
    await query.completed;
    expect(query.received).toEqual([]);
    expect(query.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_REQUEST' }) })]);
  });

  it('closes a socket when its token expires, and holds one caller to a number of sockets', async () => {
    /** A socket that connects at once and reports how it ended. */
    const socket = (token: string) => {
      let connected = false;
      let closedWith: number | null = null;
      const client = createClient({
        url: app.url.replace(/^http/, 'ws') + '/graphql',
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${token}` },
        retryAttempts: 0,
        lazy: false,
        on: { connected: () => (connected = true), closed: (event) => (closedWith = (event as { code: number }).code) },
        onNonLazyError: () => undefined,
      });
      clients.push(client);
      return { client, connected: () => connected, closedWith: () => closedWith };
    };
    // A token with two seconds left: the socket opens, then closes with 4401 when the token expires.
    const [{ id: hrId }] = await app.db.dataSource.query(`SELECT id FROM users WHERE email = 'hr@demo.test'`);
    const issuedAt = new Date(Date.now() - (ACCESS_TOKEN_TTL_SECONDS - 2) * 1000);
    const { token: expiring } = signAccessToken({ kind: 'user', id: hrId, organizationId: demoId, roles: ['HR'], scopes: [] }, app.config.jwtSecret, issuedAt);
    const short = socket(expiring);
    await until(() => short.connected(), 'the socket to open');
    expect(await until(() => short.closedWith(), 'the socket to close', 10_000)).toBe(CLOSE_TOKEN_EXPIRED);

    // Ten sockets per caller: the eleventh is closed with 4429, and a freed place can be taken again.
    const limit = app.config.subscriptionConnectionsPerCaller;
    const held = Array.from({ length: limit }, () => socket(hr));
    await until(() => held.every((s) => s.connected()), 'the sockets to open');
    const extra = socket(hr);
    expect(await until(() => extra.closedWith(), 'the extra socket to close')).toBe(CLOSE_TOO_MANY_CONNECTIONS);
    expect(extra.connected()).toBe(false);
    // Another caller is not counted against this one.
    const other = socket(cx);
    await until(() => other.connected(), "another caller's socket to open");
    await held[0].client.dispose();
    const again = socket(hr);
    await until(() => again.connected(), 'a socket in the freed place');
    await Promise.all([...held, other, again].map((s) => s.client.dispose()));
  });

  it("never streams an employee's answer", async () => {
    const all = await subscribe(app, demoId, cx, RESPONSES, {});
    const admin = await subscribe(app, demoId, await app.login('admin@demo.test'), RESPONSES, {});
    const pulse = await openWave(app, hr, {
      name: 'Live pulse',
      audience: 'EMPLOYEE',
      publicTitles: ['en', 'pl', 'da', 'ru', 'sl'].map((language) => ({ language, text: 'Live pulse' })),
    });
    const invited = await app.gql(INVITE, { waveId: pulse, target: ALL }, hr);
    expect(invited.data.inviteToWave.invited).toBeGreaterThan(0);
    const link = outbox(app).find((mail) => mail.body.includes('Live pulse') && mail.token)!.token;
    expect((await app.gql(SUBMIT, { token: link, input: { score: 2, reason: 'Too much overtime' } })).data.submitResponse.ok).toBe(true);
    // A customer's answer after it: once that one has arrived, the employee's would have too.
    const dan = await answer(app, cx, waveId, ids['dan@live.example'], 'dan@live.example', 8);
    await until(() => all.received.some((r) => r.id === dan) && admin.received.some((r) => r.id === dan), 'the customer answer to arrive', 10_000);
    await pause(500);
    expect(all.received.map((r) => r.id)).toEqual([dan]);
    expect(admin.received.map((r) => r.id)).toEqual([dan]);
    expect((await app.db.dataSource.query(`SELECT count(*)::int AS n FROM domain_events WHERE type = 'response.created' AND payload->>'waveId' = $1`, [pulse]))[0].n).toBe(0);
    await stopAll(app, demoId, [all, admin]);
  });
});

describe('follow-ups', () => {
  it("streams a detractor's follow-up when it opens, and when it passes its due time, to CX and its owner only", async () => {
    const ofCx = await subscribe(app, demoId, cx, FOLLOW_UPS_CREATED);
    const ofMarta = await subscribe(app, demoId, marta, FOLLOW_UPS_CREATED);
    const ofJessica = await subscribe(app, demoId, jessica, FOLLOW_UPS_CREATED);
    const overdueOfMarta = await subscribe(app, demoId, marta, FOLLOW_UPS_OVERDUE);
    const overdueOfJessica = await subscribe(app, demoId, jessica, FOLLOW_UPS_OVERDUE);

    await answer(app, cx, waveId, ids['eve@live.example'], 'eve@live.example', 9);
    const detractor = await answer(app, cx, waveId, ids['fay@live.example'], 'fay@live.example', 2, 'Nobody called back');
    const [created] = await until(() => (ofCx.received.length && ofMarta.received.length ? ofCx.received : null), 'the follow-up to arrive', 10_000);
    expect(created).toMatchObject({ status: 'OPEN', owner: { email: 'manager@demo.test' }, response: { id: detractor, score: 2 } });
    expect(ofMarta.received).toEqual([created]);

    // Its SLA passes: the scheduled check marks it overdue (here run at once, on a moved clock).
    const [{ due_at: dueAt }] = await app.db.dataSource.query(`SELECT due_at FROM follow_ups WHERE id = $1`, [created.id]);
    const realNow = app.services.now;
    app.services.now = () => new Date(dueAt.getTime() + 60_000);
    try {
      await markOverdue(
        { db: app.db.dataSource.manager, app: app.services, logger: app.services.logger },
        { organizationId: demoId, kind: FOLLOW_UP_OVERDUE, id: created.id, at: dueAt.toISOString() },
      );
      const [overdue] = await until(() => (overdueOfMarta.received.length ? overdueOfMarta.received : null), 'the overdue follow-up to arrive', 10_000);
      expect(overdue).toEqual({ id: created.id, overdue: true, owner: { email: 'manager@demo.test' } });
    } finally {
      app.services.now = realNow;
    }
    await pause(500);
    expect(ofCx.received).toHaveLength(1);
    expect(ofJessica.received).toEqual([]);
    expect(overdueOfJessica.received).toEqual([]);
    await stopAll(app, demoId, [ofCx, ofMarta, ofJessica, overdueOfMarta, overdueOfJessica]);
  });
});

describe('stopping the server', () => {
  it('ends open subscriptions and stops without waiting for them', async () => {
    const open = await subscribe(app, demoId, cx, RESPONSES, {});
    const stopping = app.close();
    await open.completed;
    await stopping;
    app = null as unknown as TestApp;
    expect(open.received).toEqual([]);
  });
});

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const redisUp = await new Promise<boolean>((resolve) => {
  const { hostname, port } = new URL(redisUrl);
  const socket = createConnection({ host: hostname, port: Number(port || 6379) });
  socket.setTimeout(1000);
  socket.once('connect', () => (socket.destroy(), resolve(true)));
  socket.once('error', () => resolve(false));
  socket.once('timeout', () => (socket.destroy(), resolve(false)));
});

/**
 * With REDIS_URL the hub fans out through Redis: what one process's consumer publishes reaches the
 * subscribers of another. `elsewhere` is a second hub on its own Redis connections, standing for
 * another API or worker process.
 */
describe.skipIf(!redisUp)('across processes, through Redis', () => {
  let redisApp: TestApp;
  let elsewhere: RedisHub;
  let organizationId: string;

  beforeAll(async () => {
    redisApp = await startTestApp({ env: { REDIS_URL: redisUrl } });
    [{ id: organizationId }] = await redisApp.db.dataSource.query(`SELECT id FROM organizations WHERE slug = 'demo'`);
    elsewhere = new RedisHub(redisUrl, createLogger('silent'));
  });
  afterAll(async () => {
    await elsewhere?.close();
    await redisApp?.close();
  });

  it('relays a response written through this process to another, and one published by another to this process’s subscribers', async () => {
    const token = await redisApp.login('cx@demo.test');
    const live = await subscribe(redisApp, organizationId, token, RESPONSES, {});
    const heardElsewhere: DomainEventOf<'response.created'>[] = [];
    const events = await elsewhere.listen(organizationId, ['response.created']);
    void (async () => {
      for await (const event of events) heardElsewhere.push(event);
    })();

    const wave = await openWave(redisApp, token, { name: 'Redis wave' });
    const contacts = await importContacts(redisApp, token, [['gus@live.example', 'Gus', 'en', 'manager@demo.test', 'Sales EU', 'EU', 'Staffing']]);
    const gus = await answer(redisApp, token, wave, contacts['gus@live.example'], 'gus@live.example', 10);
    await until(() => heardElsewhere.some((e) => e.payload.responseId === gus), 'the other process to hear the response', 10_000);
    await until(() => live.received.some((r) => r.id === gus), 'the subscriber to receive it through Redis', 10_000);

    // A response another process wrote (the demo's history publishes no events): its event, published there, arrives here.
    const [old] = await redisApp.db.dataSource.query(
      `SELECT id, wave_id, score, audience FROM responses WHERE organization_id = $1 AND audience <> 'EMPLOYEE' ORDER BY submitted_at LIMIT 1`,
      [organizationId],
    );
    await elsewhere.publish({
      id: '00000000-0000-4000-8000-00000000f00d',
      type: 'response.created',
      organizationId,
      occurredAt: new Date().toISOString(),
      payload: { responseId: old.id, waveId: old.wave_id, audience: old.audience, score: old.score },
    });
    const relayed = await until(() => live.received.find((r) => r.id === old.id), 'the published response to arrive', 10_000);
    expect(relayed).toMatchObject({ score: old.score, wave: { id: old.wave_id } });
    expect(live.errors).toEqual([]);
    await events.return!();
    await stopAll(redisApp, organizationId, [live]);
  });
});

/**
 * The real thing: two API processes (src/main.ts) on one PostgreSQL database with REDIS_URL. The
 * listener runs no workers (RUN_WORKERS=false), so the response submitted through the writer is
 * stored, dispatched and published by the writer alone, and reaches the listener's subscriber
 * through Redis only.
 */
describe.skipIf(!process.env.DATABASE_URL || !redisUp)('two API processes', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tandem-live-'));
  const outboxDir = path.join(dataDir, 'outbox');
  let db: Database;
  let listener: ApiProcess;
  let writer: ApiProcess;

  beforeAll(async () => {
    db = await openTestDatabase({ seeded: true });
    const env = {
      DATABASE_URL: (db.dataSource.options as { url: string }).url,
      REDIS_URL: redisUrl,
      JWT_SECRET: randomBytes(32).toString('hex'),
      DATA_DIR: dataDir,
      OUTBOX_DIR: outboxDir,
      RATE_LIMIT_PER_MINUTE: '0',
      SCHEDULE_TICK_SECONDS: '0',
    };
    // One after the other: two processes creating the same new pg-boss queues at once can deadlock.
    writer = await startApi(env);
    listener = await startApi({ ...env, RUN_WORKERS: 'false' });
  }, 180_000);
  afterAll(async () => {
    for (const api of [listener, writer]) if (api) await kill(api);
    await db?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('delivers a response submitted through one process to a subscriber of the other', async () => {
    const login = await writer.gql(`mutation { login(email: "cx@demo.test", password: "${DEMO_PASSWORD}") { accessToken } }`);
    const token = login.data.login.accessToken as string;
    const live = open(listener.url, token, RESPONSES, {});
    // The protocol does not acknowledge a subscription: give the listener a moment to start it.
    await pause(2000);
    expect(live.errors).toEqual([]);

    const wave = (await writer.gql(`mutation { createWave(input: { name: "Two processes", audience: CUSTOMER }) { id } }`, {}, token)).data.createWave.id as string;
    await writer.gql(`mutation($id: ID!) { openWave(id: $id) { id } }`, { id: wave }, token);
    const csv = 'email,name,language,owner_email,org_unit,region,product\nhal@live.example,Hal,en,manager@demo.test,Sales EU,EU,Staffing';
    expect((await writer.gql(`mutation($csv: String!) { importContacts(csv: $csv) { imported } }`, { csv }, token)).data.importContacts.imported).toBe(1);
    const [{ id: hal }] = await db.dataSource.query(`SELECT id FROM contacts WHERE email = 'hal@live.example'`);
    expect((await writer.gql(INVITE, { waveId: wave, contactIds: [hal] }, token)).data.inviteToWave.invited).toBe(1);
    const link = await until(() => {
      if (!existsSync(outboxDir)) return null;
      const mail = readdirSync(outboxDir).map((f) => readFileSync(path.join(outboxDir, f), 'utf8')).find((raw) => /^To: .*hal@live\.example/m.test(raw));
      return mail ? /\/s\/([A-Za-z0-9_-]{43})/.exec(mail.replace(/=\r?\n/g, ''))?.[1] : null;
    }, "Hal's invitation");
    expect((await writer.gql(SUBMIT, { token: link, input: { score: 10 } })).data.submitResponse.ok).toBe(true);

    const received = await until(() => live.received[0], 'the response on the other process', 15_000);
    expect(received).toMatchObject({ score: 10, wave: { id: wave, name: 'Two processes' }, contact: { email: 'hal@live.example' } });
    live.stop();
  });
});
