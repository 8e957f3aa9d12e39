import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiClientsDocument,
  CreateApiClientDocument,
  CreateWaveDocument,
  CreateWebhookEndpointDocument,
  DeleteContactDocument,
  DeletedSinceDocument,
  DeleteWebhookEndpointDocument,
  ExportResponsesDocument,
  ExportJobDocument,
  FollowUpsDocument,
  OrganizationDocument,
  ResponseCreatedDocument,
  ResponsesDocument,
  RevokeApiClientDocument,
  RotateApiClientSecretDocument,
  SendTestWebhookDocument,
  TandemClient,
  TandemError,
  UpsertContactsDocument,
  verifyWebhook,
  ViewerDocument,
  WebhookEndpointsDocument,
  WebhookVerificationError,
} from '@tandem/sdk';
import { liveHubOf } from '../src/platform/live/hub.js';
import { DEMO_API_CLIENT } from '../src/seed/demo.js';
import { until } from './support/jobs.js';
import { answer, importContacts, openWave } from './support/surveys.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Issue 18: the SDK (packages/sdk) against the real API, as an integrator uses it: the demo API
 * client's credentials exchanged for a token, responses paged and synced incrementally, contacts
 * pushed by external id, an export run and downloaded, errors typed; an admin's API clients
 * managed with a user token; a webhook endpoint's test event verified by the SDK's verifyWebhook;
 * a live response through subscribe.
 */
let app: TestApp;
let tandem: TandemClient;

beforeAll(async () => {
  app = await startTestApp();
  tandem = new TandemClient({ url: `${app.url}/graphql`, ...DEMO_API_CLIENT });
}, 120_000);

afterAll(async () => {
  await tandem?.close();
  await app?.close();
});

/** How many responses the API client reads (totalCount of a one-row page). */
async function totalResponses(): Promise<number> {
  return (await tandem.request(ResponsesDocument, { first: 1 })).responses.totalCount;
}

describe('TandemClient against the API', () => {
  it('logs in with the API client credentials and reads the organization', async () => {
    const { organization } = await tandem.request(OrganizationDocument);
    expect(organization.name).toBeTruthy();
  });

  it('refuses wrong credentials with a typed error', async () => {
    const wrong = new TandemClient({ url: `${app.url}/graphql`, clientId: DEMO_API_CLIENT.clientId, clientSecret: 'not-the-secret' });
    const error = await wrong.request(OrganizationDocument).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TandemError);
    expect((error as TandemError).code).toBe('INVALID_CREDENTIALS');
  });

  it('maps a GraphQL error to TandemError with its code and field', async () => {
    const error = await tandem.request(ExportJobDocument, { id: '00000000-0000-4000-8000-000000000000' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'NOT_FOUND' });
    const invalid = await tandem.request(ResponsesDocument, { first: 1, after: 'not-a-cursor' }).catch((e: unknown) => e);
    expect(invalid).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('names the scope a token lacks (FORBIDDEN with requiredScopes), and viewer says which it has', async () => {
    const error = await tandem.request(CreateWaveDocument, { input: { name: 'Not mine to make', audience: 'CUSTOMER' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TandemError);
    expect(error).toMatchObject({ code: 'FORBIDDEN', requiredScopes: ['waves:write'] });
    const { viewer } = await tandem.request(ViewerDocument);
    expect(viewer).toMatchObject({ kind: 'API_CLIENT' });
    expect(viewer.scopes).not.toContain('waves:write');
  });

  it('pages through every response with paginate, in small pages', async () => {
    const total = await totalResponses();
    const ids: string[] = [];
    for await (const response of tandem.paginate(ResponsesDocument, { first: 40, order: 'OLDEST_FIRST' }, (data) => data.responses)) ids.push(response.id);
    expect(total).toBeGreaterThan(40);
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
  });

  it('syncs incrementally: everything first, then only what changed since nextSince', async () => {
    const first = tandem.sync(ResponsesDocument, { since: null, safetyMarginMs: 0, variables: { first: 50 } }, (data) => data.responses);
    const all: { id: string; updatedAt: string }[] = [];
    for await (const response of first) all.push(response);
    expect(all).toHaveLength(await totalResponses());
    const times = all.map((r) => r.updatedAt);
    expect(all.length).toBeGreaterThan(0);
    const checkpoint = first.nextSince;

    const again = tandem.sync(ResponsesDocument, { since: checkpoint, safetyMarginMs: 0 }, (data) => data.responses);
    const none: unknown[] = [];
    for await (const response of again) none.push(response);
    expect(none).toEqual([]);

    // A CX user tags a response: the next run brings exactly that one, with its new updatedAt.
    const cx = await app.login('cx@demo.test');
    const theme = (await app.gql(`mutation($input: ThemeInput!) { createTheme(input: $input) { id } }`, { input: { name: 'SDK sync theme' } }, cx)).data.createTheme;
    const target = all[0]!;
    const tagged = await app.gql(`mutation($r: ID!, $t: [ID!]!) { tagResponse(responseId: $r, themeIds: $t) { id } }`, { r: target.id, t: [theme.id] }, cx);
    expect(tagged.errors).toBeUndefined();
    const changed: { id: string; updatedAt: string; themes: { name: string }[] }[] = [];
    for await (const response of tandem.sync(ResponsesDocument, { since: checkpoint }, (data) => data.responses)) changed.push(response);
    expect(changed.map((r) => r.id)).toEqual([target.id]);
    expect(changed[0]!.themes.map((t) => t.name)).toContain('SDK sync theme');
    expect(Date.parse(changed[0]!.updatedAt)).toBeGreaterThan(Date.parse(times[0]!));
  });

  it('syncs follow-ups the same way', async () => {
    const followUps: { id: string }[] = [];
    for await (const followUp of tandem.sync(FollowUpsDocument, {}, (data) => data.followUps)) followUps.push(followUp);
    const { followUps: list } = await tandem.request(FollowUpsDocument, { first: 1 });
    expect(followUps).toHaveLength(list.totalCount);
  });

  it('upserts contacts by external id: added, then updated; a bad batch writes nothing and names index and field', async () => {
    const batch = [
      { externalId: 'crm-sdk-1', email: 'sdk.one@example.com', name: 'SDK One' },
      { externalId: 'crm-sdk-2', email: 'sdk.two@example.com', name: 'SDK Two', segments: [{ key: 'plan', value: 'gold' }] },
    ];
    const added = (await tandem.request(UpsertContactsDocument, { input: batch })).upsertContacts;
    expect(added).toMatchObject({ created: 2, updated: 0, errors: [] });
    expect(added.ids).toHaveLength(2);

    const renamed = (await tandem.request(UpsertContactsDocument, { input: batch.map((c) => ({ ...c, name: `${c.name} (renamed)` })) })).upsertContacts;
    expect(renamed).toMatchObject({ created: 0, updated: 2, ids: added.ids });

    const bad = (await tandem.request(UpsertContactsDocument, { input: [batch[0]!, { externalId: 'crm-sdk-3', email: 'not an email', name: 'Bad' }] })).upsertContacts;
    expect(bad.created + bad.updated).toBe(0);
    expect(bad.errors).toEqual([expect.objectContaining({ index: 1, field: 'email' })]);
  });

  it('erases a contact on request, and deletedSince tells the next sync', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const { upsertContacts } = await tandem.request(UpsertContactsDocument, { input: [{ externalId: 'crm-sdk-erase', email: 'sdk.erase@example.com', name: 'SDK Erase' }] });
    const [id] = upsertContacts.ids;
    expect((await tandem.request(DeleteContactDocument, { id: id! })).deleteContact).toBe(true);
    const { deletedSince } = await tandem.request(DeletedSinceDocument, { since });
    expect(deletedSince).toEqual([expect.objectContaining({ id })]);
  });

  it('exports responses as NDJSON, waits for the job and streams the file with the same token', async () => {
    const { exportResponses } = await tandem.request(ExportResponsesDocument, { format: 'NDJSON' });
    const done = await tandem.waitForExport(exportResponses.id, { intervalMs: 50, timeoutMs: 60_000 });
    expect(done.status).toBe('DONE');

    let text = '';
    for await (const chunk of await tandem.downloadExport(done)) text += chunk.toString();
    const rows = text.trim().split('\n').map((line) => JSON.parse(line) as { id: string });
    expect(rows).toHaveLength(done.rows!);
    expect(rows).toHaveLength(await totalResponses());
  });

  it('refuses to download an export that is not the caller’s, with a typed error', async () => {
    const cx = await app.login('cx@demo.test');
    const started = (await app.gql(`mutation { exportResponses { id } }`, {}, cx)).data.exportResponses;
    const error = await tandem.downloadExport(started.id).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });
});

describe('API clients through the SDK: an admin with a user token', () => {
  it('creates a client whose credentials work with its scopes only, rotates its secret, and revokes it for good', async () => {
    const admin = new TandemClient({ url: `${app.url}/graphql`, token: await app.login('admin@demo.test') });
    const { createApiClient: created } = await admin.request(CreateApiClientDocument, { input: { name: 'SDK test client', scopes: ['responses:read'] } });
    const integration = new TandemClient({ url: `${app.url}/graphql`, clientId: created.client.clientId, clientSecret: created.clientSecret });

    const { viewer } = await integration.request(ViewerDocument);
    expect(viewer).toMatchObject({ kind: 'API_CLIENT', name: 'SDK test client', scopes: ['responses:read'] });
    const refused = await integration.request(UpsertContactsDocument, { input: [] }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'FORBIDDEN', requiredScopes: ['contacts:write'] });

    const { rotateApiClientSecret: rotated } = await admin.request(RotateApiClientSecretDocument, { id: created.client.id });
    expect(rotated.clientSecret).not.toBe(created.clientSecret);
    const renewed = new TandemClient({ url: `${app.url}/graphql`, clientId: created.client.clientId, clientSecret: rotated.clientSecret });
    expect((await renewed.request(ViewerDocument)).viewer.kind).toBe('API_CLIENT');

    const { apiClients } = await admin.request(ApiClientsDocument);
    expect(apiClients.find((c) => c.id === created.client.id)?.lastUsedAt).toBeTruthy();

    await admin.request(RevokeApiClientDocument, { id: created.client.id });
    // The token in hand stops working at once; asking for a new one is refused.
    const revoked = await integration.request(ViewerDocument).catch((e: unknown) => e);
    expect(revoked).toMatchObject({ code: 'INVALID_CREDENTIALS' });
  });
});

describe('webhooks through the SDK', () => {
  it('an endpoint on a local receiver gets a test event that verifyWebhook accepts, and only with its secret', async () => {
    const received: { headers: IncomingHttpHeaders; body: Buffer }[] = [];
    const receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks) });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const admin = new TandemClient({ url: `${app.url}/graphql`, token: await app.login('admin@demo.test') });
      const { createWebhookEndpoint } = await admin.request(CreateWebhookEndpointDocument, {
        input: { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`, events: ['RESPONSE_CREATED'] },
      });
      expect(createWebhookEndpoint.secret).toMatch(/^whsec_/);
      const { sendTestWebhook } = await admin.request(SendTestWebhookDocument, { endpointId: createWebhookEndpoint.endpoint.id });
      await until(() => received.length > 0, 'the test webhook to arrive', 10_000);

      const [request] = received;
      const event = verifyWebhook<{ type: string; test?: boolean }>(createWebhookEndpoint.secret, request!.headers, request!.body);
      expect(event).toMatchObject({ type: 'response.created', test: true });
      expect(request!.headers['webhook-id']).toBe(sendTestWebhook.id);
      expect(() => verifyWebhook(`whsec_${Buffer.from('another key entirely').toString('base64')}`, request!.headers, request!.body)).toThrow(WebhookVerificationError);

      const { webhookEndpoints } = await admin.request(WebhookEndpointsDocument);
      expect(webhookEndpoints.map((e) => e.id)).toContain(createWebhookEndpoint.endpoint.id);
      await admin.request(DeleteWebhookEndpointDocument, { id: createWebhookEndpoint.endpoint.id });
    } finally {
      receiver.close();
    }
  });
});

describe('subscriptions through the SDK', () => {
  it('streams a submitted response to the API client, typed, until the loop ends; a refused subscription throws TandemError', async () => {
    const [{ id: demoId }] = await app.db.dataSource.query(`SELECT id FROM organizations WHERE slug = 'demo'`);
    const cx = await app.login('cx@demo.test');
    const waveId = await openWave(app, cx, { name: 'SDK live wave' });
    const ids = await importContacts(app, cx, [['ann@sdk.example', 'Ann', 'en', 'manager@demo.test', 'Sales EU', 'EU', 'Staffing']]);
    const hub = liveHubOf(app.services);
    const before = hub.listeners(demoId);

    const received: { score: number; category: string; contact: { email: string } | null; wave: { id: string } }[] = [];
    const listening = (async () => {
      for await (const { responseCreated } of tandem.subscribe(ResponseCreatedDocument, { waveId })) {
        received.push(responseCreated);
        break;
      }
    })();
    await until(() => hub.listeners(demoId) > before, 'the subscription to start');
    await answer(app, cx, waveId, ids['ann@sdk.example']!, 'ann@sdk.example', 4, 'Slow');
    await listening;
    expect(received).toMatchObject([{ score: 4, category: 'DETRACTOR', contact: { email: 'ann@sdk.example' }, wave: { id: waveId } }]);
    await until(() => hub.listeners(demoId) === before, 'the subscription to stop');

    const hr = new TandemClient({ url: `${app.url}/graphql`, token: await app.login('hr@demo.test') });
    const refused = await (async () => {
      for await (const event of hr.subscribe(ResponseCreatedDocument, {})) void event;
    })().catch((e: unknown) => e);
    await hr.close();
    expect(refused).toBeInstanceOf(TandemError);
    expect(refused).toMatchObject({ code: 'FORBIDDEN' });
  });
});
