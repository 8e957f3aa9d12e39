import { createHmac } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_TOKEN_TTL_SECONDS, signAccessToken } from '../src/identity/auth/access-tokens.js';
import { DEMO_API_CLIENT } from '../src/seed/demo.js';
import { codeOf, startTestApp, type TestApp } from './support/test-app.js';

const LOGIN = `mutation($email: String!, $password: String!) {
  login(email: $email, password: $password) { accessToken refreshToken expiresAt user { email roles orgUnit { name } } } }`;
const REFRESH = `mutation($t: String!) { refresh(refreshToken: $t) { accessToken refreshToken } }`;
const ME = `{ me { email name roles orgUnit { name } } }`;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

async function login(email = 'admin@demo.test', password = 'tandem-demo') {
  const res = await app.gql(LOGIN, { email, password });
  return res.data!.login as { accessToken: string; refreshToken: string; expiresAt: string };
}

describe('login', () => {
  it('returns a 15-minute HS256 token for the demo admin, and me answers with it', async () => {
    const before = Date.now();
    const { accessToken, refreshToken, expiresAt } = await login();
    expect(refreshToken).toMatch(/^[\w-]{40,}$/);
    const header = JSON.parse(Buffer.from(accessToken.split('.')[0], 'base64url').toString());
    expect(header.alg).toBe('HS256');
    const lifetime = (new Date(expiresAt).getTime() - before) / 1000;
    expect(lifetime).toBeGreaterThan(ACCESS_TOKEN_TTL_SECONDS - 5);
    expect(lifetime).toBeLessThanOrEqual(ACCESS_TOKEN_TTL_SECONDS + 1);
    const me = await app.gql(ME, {}, accessToken);
    expect(me.data.me).toEqual({ email: 'admin@demo.test', name: 'Ada Admin', roles: ['ADMIN'], orgUnit: { name: 'Demo Company' } });
  });

  it('accepts the email in any case and with spaces around it', async () => {
    const res = await app.gql(LOGIN, { email: '  Admin@Demo.TEST ', password: 'tandem-demo' });
    expect(res.data?.login.user).toEqual({ email: 'admin@demo.test', roles: ['ADMIN'], orgUnit: { name: 'Demo Company' } });
  });

  it('answers a wrong password and an unknown email with the same error', async () => {
    const wrongPassword = await app.gql(LOGIN, { email: 'admin@demo.test', password: 'nope' });
    const unknownEmail = await app.gql(LOGIN, { email: 'nobody@demo.test', password: 'tandem-demo' });
    expect(codeOf(wrongPassword)).toBe('INVALID_CREDENTIALS');
    expect(wrongPassword.errors).toEqual(unknownEmail.errors);
    expect(wrongPassword.data).toBeNull();
  });

  it('stores passwords as scrypt hashes, never in clear', async () => {
    const rows: { password_hash: string }[] = await app.db.dataSource.query(`SELECT password_hash FROM users`);
    for (const { password_hash } of rows) {
      expect(password_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
      expect(password_hash).not.toContain('tandem-demo');
    }
  });
});

describe('access tokens', () => {
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

  async function claims() {
    const { accessToken } = await login();
    return jwt.decode(accessToken) as jwt.JwtPayload;
  }

  it.each([
    ['malformed', async () => 'not-a-jwt'],
    ['tampered payload', async () => {
      const [h, , s] = (await login()).accessToken.split('.');
      return `${h}.${b64({ ...(await claims()), roles: ['ADMIN', 'HR'] })}.${s}`;
    }],
    ['tampered signature', async () => {
      const token = (await login()).accessToken;
      return token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    }],
    ['alg none', async () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(await claims())}.`],
    ['signed with another secret', async () => jwt.sign(await claims(), 'x'.repeat(40), { algorithm: 'HS256' })],
    ['HS512 instead of HS256', async () => jwt.sign(await claims(), app.config.jwtSecret, { algorithm: 'HS512' })],
    ['wrong issuer', async () => jwt.sign({ ...(await claims()), iss: 'someone-else' }, app.config.jwtSecret, { algorithm: 'HS256' })],
    ['wrong audience', async () => jwt.sign({ ...(await claims()), aud: 'other-api' }, app.config.jwtSecret, { algorithm: 'HS256' })],
    ['unknown role claim', async () => jwt.sign({ ...(await claims()), roles: ['ROOT'] }, app.config.jwtSecret, { algorithm: 'HS256' })],
    ['expired', async () => {
      const c = await claims();
      const past = new Date(Date.now() - 3600_000);
      return signAccessToken({ kind: 'user', id: c.sub!, organizationId: c.org, roles: c.roles, scopes: [] }, app.config.jwtSecret, past).token;
    }],
  ])('refuses a %s token with UNAUTHENTICATED', async (_name, make) => {
    const res = await app.gql(ME, {}, await make());
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
    expect(res.data).toBeNull();
  });

  it('refuses a request without a token', async () => {
    expect(codeOf(await app.gql(ME))).toBe('UNAUTHENTICATED');
  });

  it('keeps the HMAC honest: a hand-made HS256 token with our secret is accepted', async () => {
    // Guards the tests above: they fail for the right reason, not because any token fails.
    const header = b64({ alg: 'HS256', typ: 'JWT' });
    const payload = b64(await claims());
    const signature = createHmac('sha256', app.config.jwtSecret).update(`${header}.${payload}`).digest('base64url');
    expect((await app.gql(ME, {}, `${header}.${payload}.${signature}`)).data?.me.email).toBe('admin@demo.test');
  });
});

describe('refresh tokens', () => {
  it('rotate: each refresh spends the token and hands out a new one', async () => {
    const first = await login();
    const second = (await app.gql(REFRESH, { t: first.refreshToken })).data!.refresh;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect((await app.gql(ME, {}, second.accessToken)).data?.me.email).toBe('admin@demo.test');
    const third = (await app.gql(REFRESH, { t: second.refreshToken })).data!.refresh;
    expect(third.refreshToken).toBeTruthy();
  });

  it('revoke the whole family when a spent token is presented again', async () => {
    const first = await login();
    const second = (await app.gql(REFRESH, { t: first.refreshToken })).data!.refresh;
    const replay = await app.gql(REFRESH, { t: first.refreshToken });
    expect(codeOf(replay)).toBe('UNAUTHENTICATED');
    // The thief's replay also ends the legitimate holder's newer token.
    expect(codeOf(await app.gql(REFRESH, { t: second.refreshToken }))).toBe('UNAUTHENTICATED');
  });

  it('are stored only as hashes', async () => {
    const { refreshToken } = await login();
    const rows: unknown[] = await app.db.dataSource.query(`SELECT 1 FROM refresh_tokens WHERE token_hash = $1`, [refreshToken]);
    expect(rows).toHaveLength(0);
  });

  it('stop working after logout', async () => {
    const { refreshToken } = await login();
    expect((await app.gql(`mutation($t: String!) { logout(refreshToken: $t) }`, { t: refreshToken })).data?.logout).toBe(true);
    expect(codeOf(await app.gql(REFRESH, { t: refreshToken }))).toBe('UNAUTHENTICATED');
  });

  it('refuse an unknown token', async () => {
    expect(codeOf(await app.gql(REFRESH, { t: 'made-up' }))).toBe('UNAUTHENTICATED');
  });
});

describe('roles and API clients', () => {
  const CREATE_UNIT = `mutation($name: String!) { createOrgUnit(name: $name) { id name } }`;

  it('lets only an admin create an org unit', async () => {
    expect(codeOf(await app.gql(CREATE_UNIT, { name: 'Finance' }, await app.login('cx@demo.test')))).toBe('FORBIDDEN');
    expect((await app.gql(CREATE_UNIT, { name: 'Finance' }, await app.login('admin@demo.test'))).data?.createOrgUnit.name).toBe('Finance');
  });

  it('refuses bad org unit input with the field named, and changes nothing', async () => {
    const token = await app.login('admin@demo.test');
    const [{ count: before }] = await app.db.dataSource.query(`SELECT count(*)::int AS count FROM org_units`);
    const blank = await app.gql(CREATE_UNIT, { name: '   ' }, token);
    expect(blank.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    const duplicate = await app.gql(CREATE_UNIT, { name: 'sales' }, token);
    expect(duplicate.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'name' });
    const badParent = await app.gql(`mutation { createOrgUnit(name: "X", parentId: "not-an-id") { id } }`, {}, token);
    expect(badParent.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'parentId' });
    const [{ count: after }] = await app.db.dataSource.query(`SELECT count(*)::int AS count FROM org_units`);
    expect(after).toBe(before);
  });

  it('gives an API client a token with its scopes and no user', async () => {
    const res = await app.gql(
      `mutation($id: String!, $secret: String!) { issueApiToken(clientId: $id, clientSecret: $secret) { accessToken refreshToken user { id } } }`,
      { id: DEMO_API_CLIENT.clientId, secret: DEMO_API_CLIENT.clientSecret },
    );
    const { accessToken, refreshToken, user } = res.data!.issueApiToken;
    expect(refreshToken).toBeNull();
    expect(user).toBeNull();
    expect((jwt.decode(accessToken) as jwt.JwtPayload).scopes).toContain('analytics:read');
    expect((await app.gql(`{ orgUnits { name } }`, {}, accessToken)).data?.orgUnits.length).toBeGreaterThan(0);
    // An API token is not a user: `me` and admin-only mutations are refused.
    expect(codeOf(await app.gql(ME, {}, accessToken))).toBe('FORBIDDEN');
    expect(codeOf(await app.gql(CREATE_UNIT, { name: 'Y' }, accessToken))).toBe('FORBIDDEN');
  });

  it('refuses a wrong client secret with a message about the client credentials', async () => {
    const res = await app.gql(`mutation { issueApiToken(clientId: "demo-integrator", clientSecret: "guess") { accessToken } }`);
    expect(codeOf(res)).toBe('INVALID_CREDENTIALS');
    expect(res.errors![0].message).toBe('The client id or client secret is incorrect, or the API client is revoked');
    const unknown = await app.gql(`mutation { issueApiToken(clientId: "nobody", clientSecret: "guess") { accessToken } }`);
    expect(unknown.errors).toEqual(res.errors);
  });
});
