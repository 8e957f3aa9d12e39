import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_CLIENT } from '../src/seed/demo.js';
import { codeOf, fieldOf, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Issue 18: incremental sync. An integrator reads responses and follow-ups oldest first by a
 * stable order, pages with a cursor, and asks for what changed since its last run (updatedSince);
 * a theme tag bumps a response's updatedAt, a note or a status change a follow-up's. Follow-ups
 * are open to API tokens with responses:read.
 */
let app: TestApp;
let cx: string;
let api: string;

const RESPONSES = `query($filter: ResponseFilter, $first: Int, $after: String, $order: ListOrder) {
  responses(filter: $filter, first: $first, after: $after, order: $order) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id submittedAt updatedAt } } } }`;
const FOLLOW_UPS = `query($filter: FollowUpFilter, $first: Int, $after: String, $order: ListOrder) {
  followUps(filter: $filter, first: $first, after: $after, order: $order) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id createdAt updatedAt status } } } }`;

type Page<T> = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: T }[] };

/** Every node of a list, page by page. */
async function readAll<T>(query: string, field: 'responses' | 'followUps', variables: Record<string, unknown>, token: string, first = 7): Promise<T[]> {
  const nodes: T[] = [];
  let after: string | null = null;
  for (;;) {
    const res = await app.gql(query, { ...variables, first, after }, token);
    expect(res.errors).toBeUndefined();
    const page = res.data[field] as Page<T>;
    nodes.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor;
  }
}

beforeAll(async () => {
  app = await startTestApp();
  cx = await app.login('cx@demo.test');
  const issued = await app.gql(`mutation($id: String!, $s: String!) { issueApiToken(clientId: $id, clientSecret: $s) { accessToken } }`, {
    id: DEMO_API_CLIENT.clientId,
    s: DEMO_API_CLIENT.clientSecret,
  });
  api = issued.data.issueApiToken.accessToken;
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('responses', () => {
  it('read oldest first are the newest-first list reversed, page by page', async () => {
    const newest = await readAll<{ id: string }>(RESPONSES, 'responses', {}, api);
    const oldest = await readAll<{ id: string; submittedAt: string }>(RESPONSES, 'responses', { order: 'OLDEST_FIRST' }, api);
    expect(oldest.length).toBeGreaterThan(10);
    expect(oldest.map((r) => r.id)).toEqual(newest.map((r) => r.id).reverse());
    const times = oldest.map((r) => Date.parse(r.submittedAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('since a moment: none, until a theme is tagged; then that one, with its new updatedAt', async () => {
    const [{ now }] = await app.db.dataSource.query(`SELECT clock_timestamp() AS now`);
    const since = new Date(now).toISOString();
    expect(await readAll(RESPONSES, 'responses', { filter: { updatedSince: since }, order: 'OLDEST_FIRST' }, api)).toEqual([]);

    const [response] = await app.db.dataSource.query(`SELECT r.id FROM responses r JOIN organizations o ON o.id = r.organization_id WHERE o.slug = 'demo' ORDER BY r.submitted_at LIMIT 1`);
    const theme = (await app.gql(`mutation($input: ThemeInput!) { createTheme(input: $input) { id } }`, { input: { name: 'Sync theme' } }, cx)).data
      .createTheme;
    const tagged = await app.gql(`mutation($r: ID!, $t: [ID!]!) { tagResponse(responseId: $r, themeIds: $t) { id } }`, { r: response.id, t: [theme.id] }, cx);
    expect(tagged.errors).toBeUndefined();

    const changed = await readAll<{ id: string; updatedAt: string; submittedAt: string }>(RESPONSES, 'responses', { filter: { updatedSince: since } }, api);
    expect(changed.map((r) => r.id)).toEqual([response.id]);
    expect(Date.parse(changed[0].updatedAt)).toBeGreaterThanOrEqual(Date.parse(since));
    expect(Date.parse(changed[0].updatedAt)).toBeGreaterThan(Date.parse(changed[0].submittedAt));

    // Untagging is a change too.
    const [{ now: later }] = await app.db.dataSource.query(`SELECT clock_timestamp() AS now`);
    await app.gql(`mutation($r: ID!, $t: [ID!]!) { tagResponse(responseId: $r, themeIds: $t) { id } }`, { r: response.id, t: [] }, cx);
    const again = await readAll<{ id: string }>(RESPONSES, 'responses', { filter: { updatedSince: new Date(later).toISOString() } }, api);
    expect(again.map((r) => r.id)).toEqual([response.id]);
  });

  it('refuses a cursor that is not one with BAD_USER_INPUT on after', async () => {
    const res = await app.gql(RESPONSES, { after: 'not-a-cursor', order: 'OLDEST_FIRST' }, api);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(fieldOf(res)).toBe('after');
    expect(codeOf(await app.gql(RESPONSES, { filter: { updatedSince: 'yesterday' } }, api))).toBe('BAD_USER_INPUT');
  });
});

describe('follow-ups', () => {
  it('are open to an API token with responses:read, oldest first', async () => {
    const oldest = await readAll<{ id: string; createdAt: string }>(FOLLOW_UPS, 'followUps', { order: 'OLDEST_FIRST' }, api, 3);
    const newest = await readAll<{ id: string }>(FOLLOW_UPS, 'followUps', {}, api, 3);
    expect(oldest.length).toBeGreaterThan(2);
    expect(oldest.map((f) => f.id)).toEqual(newest.map((f) => f.id).reverse());
  });

  it('since a moment: only the one that got a note or moved on', async () => {
    const [{ now }] = await app.db.dataSource.query(`SELECT clock_timestamp() AS now`);
    const since = new Date(now).toISOString();
    const [open] = await app.db.dataSource.query(`SELECT f.id FROM follow_ups f JOIN organizations o ON o.id = f.organization_id WHERE o.slug = 'demo' AND f.status = 'OPEN' LIMIT 1`);
    const [other] = await app.db.dataSource.query(
      `SELECT f.id FROM follow_ups f JOIN organizations o ON o.id = f.organization_id WHERE o.slug = 'demo' AND f.status <> 'RESOLVED' AND f.id <> $1 LIMIT 1`,
      [open.id],
    );
    const UPDATE = `mutation($id: ID!, $input: FollowUpUpdateInput!) { updateFollowUp(id: $id, input: $input) { id } }`;
    expect((await app.gql(UPDATE, { id: open.id, input: { note: 'Called, left a message.' } }, cx)).errors).toBeUndefined();
    expect((await app.gql(UPDATE, { id: other.id, input: { status: 'RESOLVED' } }, cx)).errors).toBeUndefined();
    const changed = await readAll<{ id: string; updatedAt: string }>(FOLLOW_UPS, 'followUps', { filter: { updatedSince: since }, order: 'OLDEST_FIRST' }, api);
    expect(changed.map((f) => f.id).sort()).toEqual([open.id, other.id].sort());
    for (const f of changed) expect(Date.parse(f.updatedAt)).toBeGreaterThanOrEqual(Date.parse(since));
  });

  it('stay closed to a token without responses:read', async () => {
    const [org] = await app.db.dataSource.query(`SELECT id FROM organizations WHERE slug = 'demo'`);
    const { hashSecret } = await import('../src/kernel/passwords.js');
    await app.db.dataSource.query(`INSERT INTO api_clients (organization_id, name, client_id, secret_hash, scopes) VALUES ($1, 'Waves only', 'waves-only', $2, $3)`, [
      org.id,
      await hashSecret('waves-only-secret-1234'),
      ['waves:write'],
    ]);
    const token = (await app.gql(`mutation { issueApiToken(clientId: "waves-only", clientSecret: "waves-only-secret-1234") { accessToken } }`)).data.issueApiToken
      .accessToken;
    expect(codeOf(await app.gql(FOLLOW_UPS, {}, token))).toBe('FORBIDDEN');
  });
});
