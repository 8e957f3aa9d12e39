import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_CLIENT } from '../src/seed/demo.js';
import { createOrganization } from './support/fixtures.js';
import { codeOf, fieldOf, startTestApp, type TestApp } from './support/test-app.js';

/** API clients an admin manages (issue 18): create, list, rotate with an overlap, revoke at once. */
let app: TestApp;
let admin: string;
let otherAdmin: string;

const CLIENT = `id name clientId scopes createdAt lastUsedAt revokedAt previousSecretExpiresAt`;
const CREATE = `mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { clientSecret client { ${CLIENT} } } }`;
const ROTATE = `mutation($id: ID!) { rotateApiClientSecret(id: $id) { clientSecret client { ${CLIENT} } } }`;
const REVOKE = `mutation($id: ID!) { revokeApiClient(id: $id) { ${CLIENT} } }`;
const LIST = `{ apiClients { ${CLIENT} } }`;
const ISSUE = `mutation($id: String!, $s: String!) { issueApiToken(clientId: $id, clientSecret: $s) { accessToken } }`;

async function issue(clientId: string, secret: string) {
  return app.gql(ISSUE, { id: clientId, s: secret });
}
async function tokenOf(clientId: string, secret: string): Promise<string> {
  const res = await issue(clientId, secret);
  if (!res.data?.issueApiToken) throw new Error(JSON.stringify(res.errors));
  return res.data.issueApiToken.accessToken;
}
const count = async () => (await app.db.dataSource.query(`SELECT count(*)::int AS n FROM api_clients`))[0].n as number;

beforeAll(async () => {
  app = await startTestApp();
  admin = await app.login('admin@demo.test');
  const other = await createOrganization(app.db.dataSource.manager, 'other-clients', ['ADMIN']);
  otherAdmin = await app.login(other.users.ADMIN, other.password);
});
afterAll(() => app?.close());

describe('API clients', () => {
  it('creates a client whose secret is shown once and works for a token with its scopes', async () => {
    const res = await app.gql(CREATE, { input: { name: '  CRM sync ', scopes: ['contacts:write', 'responses:read'] } }, admin);
    const { client, clientSecret } = res.data.createApiClient;
    expect(client).toMatchObject({ name: 'CRM sync', scopes: ['responses:read', 'contacts:write'], lastUsedAt: null, revokedAt: null });
    expect(clientSecret.length).toBeGreaterThan(30);
    // Only a hash is kept.
    const [row] = await app.db.dataSource.query(`SELECT secret_hash FROM api_clients WHERE id = $1`, [client.id]);
    expect(row.secret_hash).not.toContain(clientSecret);
    const token = await tokenOf(client.clientId, clientSecret);
    expect((jwt.decode(token) as jwt.JwtPayload).scopes).toEqual(['responses:read', 'contacts:write']);
    const viewer = await app.gql(`{ viewer { kind name scopes roles organizationName } }`, {}, token);
    expect(viewer.data.viewer).toEqual({ kind: 'API_CLIENT', name: 'CRM sync', scopes: ['responses:read', 'contacts:write'], roles: [], organizationName: 'Demo Company' });
    // The list shows it, with its last use, and never a secret.
    const list = await app.gql(LIST, {}, admin);
    const listed = list.data.apiClients.find((c: { id: string }) => c.id === client.id);
    expect(listed.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(list.data)).not.toContain(clientSecret);
  });

  it('refuses bad input naming the field, and creates nothing', async () => {
    const before = await count();
    const blank = await app.gql(CREATE, { input: { name: '  ', scopes: ['analytics:read'] } }, admin);
    expect([codeOf(blank), fieldOf(blank)]).toEqual(['BAD_USER_INPUT', 'input.name']);
    const unknown = await app.gql(CREATE, { input: { name: 'X', scopes: ['analytics:read', 'everything:write'] } }, admin);
    expect([codeOf(unknown), fieldOf(unknown)]).toEqual(['BAD_USER_INPUT', 'input.scopes']);
    expect(unknown.errors![0].message).toContain('everything:write');
    const none = await app.gql(CREATE, { input: { name: 'X', scopes: [] } }, admin);
    expect([codeOf(none), fieldOf(none)]).toEqual(['BAD_USER_INPUT', 'input.scopes']);
    expect(await count()).toBe(before);
  });

  it('is for admins only: other roles and API tokens are refused', async () => {
    const cx = await app.login('cx@demo.test');
    expect(codeOf(await app.gql(LIST, {}, cx))).toBe('FORBIDDEN');
    expect(codeOf(await app.gql(CREATE, { input: { name: 'X', scopes: ['analytics:read'] } }, cx))).toBe('FORBIDDEN');
    const api = await tokenOf(DEMO_API_CLIENT.clientId, DEMO_API_CLIENT.clientSecret);
    const refused = await app.gql(LIST, {}, api);
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect(refused.errors![0].extensions!.requiredScopes).toEqual([]);
    expect(codeOf(await app.gql(LIST))).toBe('UNAUTHENTICATED');
  });

  it('rotates a secret: the new one works and the old one keeps working for 24 hours only', async () => {
    const created = (await app.gql(CREATE, { input: { name: 'Warehouse', scopes: ['analytics:read'] } }, admin)).data.createApiClient;
    const oldToken = await tokenOf(created.client.clientId, created.clientSecret);
    const rotated = await app.gql(ROTATE, { id: created.client.id }, admin);
    const { clientSecret, client } = rotated.data.rotateApiClientSecret;
    expect(clientSecret).not.toBe(created.clientSecret);
    expect(client.clientId).toBe(created.client.clientId);
    expect(Date.parse(client.previousSecretExpiresAt) - Date.now()).toBeGreaterThan(23 * 3600 * 1000);
    await tokenOf(client.clientId, clientSecret);
    await tokenOf(client.clientId, created.clientSecret);
    // A token issued before the rotation still works.
    expect((await app.gql(`{ viewer { scopes } }`, {}, oldToken)).data.viewer.scopes).toEqual(['analytics:read']);
    const realNow = app.services.now;
    app.services.now = () => new Date(Date.now() + 25 * 3600 * 1000);
    try {
      const late = await issue(client.clientId, created.clientSecret);
      expect(codeOf(late)).toBe('INVALID_CREDENTIALS');
      expect(late.errors![0].message).toMatch(/client id or client secret/);
      await tokenOf(client.clientId, clientSecret);
    } finally {
      app.services.now = realNow;
    }
  });

  it('revokes a client: its tokens stop at once and its secret no longer works', async () => {
    const created = (await app.gql(CREATE, { input: { name: 'Leaving BI', scopes: ['analytics:read'] } }, admin)).data.createApiClient;
    const token = await tokenOf(created.client.clientId, created.clientSecret);
    expect((await app.gql(`{ orgUnits { id } }`, {}, token)).data.orgUnits.length).toBeGreaterThan(0);
    const revoked = await app.gql(REVOKE, { id: created.client.id }, admin);
    expect(revoked.data.revokeApiClient.revokedAt).not.toBeNull();
    const after = await app.gql(`{ orgUnits { id } }`, {}, token);
    expect(codeOf(after)).toBe('UNAUTHENTICATED');
    expect(after.errors![0].message).toMatch(/revoked/);
    expect(codeOf(await issue(created.client.clientId, created.clientSecret))).toBe('INVALID_CREDENTIALS');
    // Revoking again changes nothing; a revoked client gets no new secret.
    const again = await app.gql(REVOKE, { id: created.client.id }, admin);
    expect(again.data.revokeApiClient.revokedAt).toBe(revoked.data.revokeApiClient.revokedAt);
    expect(codeOf(await app.gql(ROTATE, { id: created.client.id }, admin))).toBe('INVALID_STATE');
  });

  it("keeps organizations apart: another organization's admin neither sees, rotates nor revokes a client", async () => {
    const created = (await app.gql(CREATE, { input: { name: 'Demo only', scopes: ['analytics:read'] } }, admin)).data.createApiClient;
    const id = created.client.id;
    const list = await app.gql(LIST, {}, otherAdmin);
    expect(list.data.apiClients.map((c: { id: string }) => c.id)).not.toContain(id);
    const rotate = await app.gql(ROTATE, { id }, otherAdmin);
    const revoke = await app.gql(REVOKE, { id }, otherAdmin);
    const unknown = await app.gql(REVOKE, { id: '00000000-0000-4000-8000-000000000000' }, otherAdmin);
    expect([codeOf(rotate), codeOf(revoke), codeOf(unknown)]).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']);
    expect(revoke.errors).toEqual(unknown.errors);
    expect(codeOf(await app.gql(REVOKE, { id: 'not-a-uuid' }, admin))).toBe('NOT_FOUND');
    // The client is untouched: its secret works, no rotation happened.
    await tokenOf(created.client.clientId, created.clientSecret);
    const [row] = await app.db.dataSource.query(`SELECT revoked_at, previous_secret_hash FROM api_clients WHERE id = $1`, [id]);
    expect(row).toEqual({ revoked_at: null, previous_secret_hash: null });
  });

  it('records the last use at most once a minute', async () => {
    const created = (await app.gql(CREATE, { input: { name: 'Chatty', scopes: ['analytics:read'] } }, admin)).data.createApiClient;
    const token = await tokenOf(created.client.clientId, created.clientSecret);
    const lastUse = async () => (await app.db.dataSource.query(`SELECT last_used_at FROM api_clients WHERE id = $1`, [created.client.id]))[0].last_used_at as Date;
    const first = await lastUse();
    expect(first).not.toBeNull();
    for (let i = 0; i < 3; i++) await app.gql(`{ viewer { id } }`, {}, token);
    expect((await lastUse()).getTime()).toBe(first.getTime());
    const realNow = app.services.now;
    app.services.now = () => new Date(Date.now() + 61_000);
    try {
      await app.gql(`{ viewer { id } }`, {}, token);
    } finally {
      app.services.now = realNow;
    }
    expect((await lastUse()).getTime()).toBeGreaterThan(first.getTime() + 60_000);
  });

  it('names the missing scope when an API token is refused, and tells a user who they are', async () => {
    const created = (await app.gql(CREATE, { input: { name: 'Reader', scopes: ['analytics:read'] } }, admin)).data.createApiClient;
    const token = await tokenOf(created.client.clientId, created.clientSecret);
    const refused = await app.gql(`mutation { createContact(input: { email: "x@example.com", name: "X" }) { id } }`, {}, token);
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect(refused.errors![0].extensions!.requiredScopes).toEqual(['contacts:write']);
    expect(refused.errors![0].message).toContain('contacts:write');
    const me = await app.gql(`{ viewer { kind roles scopes organizationName } }`, {}, admin);
    expect(me.data.viewer).toEqual({ kind: 'USER', roles: ['ADMIN'], scopes: [], organizationName: 'Demo Company' });
  });

  it('lets a wave runner read the waves it runs, and a CRM with responses:write close the loop on a follow-up', async () => {
    const runner = (await app.gql(CREATE, { input: { name: 'Wave runner', scopes: ['waves:write'] } }, admin)).data.createApiClient;
    const runnerToken = await tokenOf(runner.client.clientId, runner.clientSecret);
    const created = await app.gql(`mutation { createWave(input: { name: "Q1 pulse", audience: CUSTOMER, languages: ["en"] }) { id } }`, {}, runnerToken);
    const waveId = created.data.createWave.id as string;
    expect((await app.gql(`query($id: ID!) { wave(id: $id) { id name status } }`, { id: waveId }, runnerToken)).data.wave).toEqual({ id: waveId, name: 'Q1 pulse', status: 'DRAFT' });
    const listed = await app.gql(`{ waves(first: 100) { edges { node { id audience } } } }`, {}, runnerToken);
    const audiences = new Set(listed.data.waves.edges.map((e: { node: { audience: string } }) => e.node.audience));
    expect(audiences.has('EMPLOYEE')).toBe(false);

    const crm = (await app.gql(CREATE, { input: { name: 'CRM closer', scopes: ['responses:write'] } }, admin)).data.createApiClient;
    const crmToken = await tokenOf(crm.client.clientId, crm.clientSecret);
    const open = await app.gql(`{ followUps(filter: { status: OPEN }, first: 1) { edges { node { id } } } }`, {}, admin);
    const followUpId = open.data.followUps.edges[0].node.id as string;
    const UPDATE = `mutation($id: ID!, $input: FollowUpUpdateInput!) { updateFollowUp(id: $id, input: $input) { id status notes { text author { id } apiClientName } } }`;
    const moved = await app.gql(UPDATE, { id: followUpId, input: { status: 'CONTACTED', note: 'Called from the CRM' } }, crmToken);
    expect(moved.data.updateFollowUp.status).toBe('CONTACTED');
    expect(moved.data.updateFollowUp.notes.at(-1)).toEqual({ text: 'Called from the CRM', author: null, apiClientName: 'CRM closer' });
    // Writing is not reading: the list of responses still needs responses:read.
    const read = await app.gql(`{ responses(first: 1) { totalCount } }`, {}, crmToken);
    expect([codeOf(read), read.errors![0].extensions!.requiredScopes]).toEqual(['FORBIDDEN', ['responses:read']]);
    // Another organization's API client cannot touch this follow-up.
    const foreign = (await app.gql(CREATE, { input: { name: 'Foreign CRM', scopes: ['responses:write'] } }, otherAdmin)).data.createApiClient;
    const foreignToken = await tokenOf(foreign.client.clientId, foreign.clientSecret);
    const refused = await app.gql(UPDATE, { id: followUpId, input: { status: 'RESOLVED' } }, foreignToken);
    expect(codeOf(refused)).toBe('NOT_FOUND');
    const [row] = await app.db.dataSource.query(`SELECT status FROM follow_ups WHERE id = $1`, [followUpId]);
    expect(row.status).toBe('CONTACTED');
  });
});

