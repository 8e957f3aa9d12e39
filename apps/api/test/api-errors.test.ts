import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_QUERY_COST } from '../src/graphql/query-cost.js';
import { DEMO_API_CLIENT } from '../src/seed/demo.js';
import { codeOf, fieldOf, startTestApp, type TestApp } from './support/test-app.js';

/** The API's answers to what goes wrong (issue 18, "The API itself"): JSON GraphQL errors with the right HTTP status. */
let app: TestApp;
let cx: string;

async function post(url: string, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type') ?? '', retryAfter: res.headers.get('retry-after'), text, json: () => JSON.parse(text) };
}

/** A 100-row page of responses with every field an integrator might want. */
const FULL_ROW = `id score category reason suggestion language submittedAt audience
  ratings { criterion value } segments { key value }
  contact { id name email language unsubscribed segments { key value } orgUnit { id name } owner { id name email } }
  wave { id name audience status anonymous opensAt closesAt openedAt closedAt invited responded responseRate }
  orgUnit { id name } owner { id name email }
  themes { id name description } suggestedThemes { id name }
  followUp { id status dueAt overdue contactedAt resolvedAt escalatedAt owner { id name } notes { id } }`;
const PAGE = (first: string) => `responses(first: ${first}) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${FULL_ROW} } } }`;

beforeAll(async () => {
  app = await startTestApp();
  cx = await app.login('cx@demo.test');
});
afterAll(() => app?.close());

describe('request errors', () => {
  it('answers a syntax error with 400 GRAPHQL_PARSE_FAILED, not 500', async () => {
    const res = await post(app.url, JSON.stringify({ query: '{ organization { name ' }));
    expect(res.status).toBe(400);
    expect(res.json().errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('answers a document over the token limit with 400 GRAPHQL_PARSE_FAILED', async () => {
    const res = await post(app.url, JSON.stringify({ query: `{ ${'organization { name } '.repeat(400)} }` }));
    expect(res.status).toBe(400);
    const error = res.json().errors[0];
    expect(error.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(error.message).toMatch(/1000 tokens/);
  });

  it('answers a validation error with 400 GRAPHQL_VALIDATION_FAILED', async () => {
    const res = await post(app.url, JSON.stringify({ query: '{ noSuchField }' }));
    expect(res.status).toBe(400);
    expect(res.json().errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('answers a malformed JSON body with a JSON GraphQL error, no HTML and no stack', async () => {
    const res = await post(app.url, '{"query": "{ organization { name } }"');
    expect(res.status).toBe(400);
    expect(res.type).toMatch(/application\/json/);
    expect(res.json()).toEqual({ errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
    expect(res.text).not.toMatch(/at .*\.js|<html|<pre/i);
  });

  it('answers 429 as a JSON GraphQL error', async () => {
    const limited = await startTestApp({ seed: false, env: { RATE_LIMIT_PER_MINUTE: '2' } });
    try {
      const statuses: number[] = [];
      let last: Awaited<ReturnType<typeof post>> | null = null;
      for (let i = 0; i < 3; i++) {
        last = await post(limited.url, JSON.stringify({ query: '{ __typename }' }));
        statuses.push(last.status);
      }
      expect(statuses).toEqual([200, 200, 429]);
      expect(last!.type).toMatch(/application\/json/);
      expect(Number(last!.retryAfter)).toBeGreaterThan(0);
      const error = last!.json().errors[0];
      expect(error.extensions.code).toBe('RATE_LIMITED');
      expect(error.message).toMatch(/at most 2 a minute/);
    } finally {
      await limited.close();
    }
  });
});

describe('the query cost limit', () => {
  it('lets an ordinary 100-row page with every field pass, inline or through a variable alike', async () => {
    const inline = await app.gql(`{ ${PAGE('100')} }`, {}, cx);
    expect(inline.errors).toBeUndefined();
    expect(inline.data.responses.edges.length).toBeGreaterThan(0);
    const variable = await app.gql(`query($n: Int) { ${PAGE('$n')} }`, { n: 100 }, cx);
    expect(variable.errors).toBeUndefined();
    expect(variable.data.responses.edges.length).toBe(inline.data.responses.edges.length);
  });

  it('refuses a costly query with 400, naming its cost and the limit, the same inline and through a variable', async () => {
    // Fifteen full pages at once; the rows' fields in a fragment keep the document under the token limit.
    const many = (first: string) =>
      Array.from({ length: 15 }, (_, i) => `p${i}: responses(first: ${first}) { edges { node { ...Row } } }`).join('\n');
    const ROW = `fragment Row on Response { ${FULL_ROW} }`;
    const inline = await post(app.url, JSON.stringify({ query: `{ ${many('100')} } ${ROW}` }), { authorization: `Bearer ${cx}` });
    const variable = await post(app.url, JSON.stringify({ query: `query($n: Int) { ${many('$n')} } ${ROW}`, variables: { n: 100 } }), {
      authorization: `Bearer ${cx}`,
    });
    for (const res of [inline, variable]) {
      expect(res.status).toBe(400);
      const error = res.json().errors[0];
      expect(error.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', maxCost: MAX_QUERY_COST });
      expect(error.extensions.cost).toBeGreaterThan(MAX_QUERY_COST);
      expect(error.message).toContain(`costs ${error.extensions.cost}, above the limit of ${MAX_QUERY_COST}`);
    }
    expect(inline.json().errors[0].extensions.cost).toBe(variable.json().errors[0].extensions.cost);
    // A variable's default counts like a value.
    const defaulted = await post(app.url, JSON.stringify({ query: `query($n: Int = 100) { ${many('$n')} } ${ROW}` }), { authorization: `Bearer ${cx}` });
    // One full page costs a fifteenth of that: well under the limit.
    expect(inline.json().errors[0].extensions.cost / 15).toBeLessThan(MAX_QUERY_COST / 5);
    expect(defaulted.json().errors[0].extensions.cost).toBe(inline.json().errors[0].extensions.cost);
  });
});

describe('reads and writes by id', () => {
  it('answers wave(id) of an unknown id with NOT_FOUND, like contact(id)', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const wave = await app.gql(`query($id: ID!) { wave(id: $id) { id } }`, { id }, cx);
    const contact = await app.gql(`query($id: ID!) { contact(id: $id) { id } }`, { id }, cx);
    expect([codeOf(wave), fieldOf(wave)]).toEqual(['NOT_FOUND', 'id']);
    expect(codeOf(contact)).toBe('NOT_FOUND');
    // A respondent's unknown link stays null.
    expect((await app.gql(`{ surveyByToken(token: "no-such-token") { anonymous } }`)).data).toEqual({ surveyByToken: null });
  });

  it('makes an API client name whom it invites; a signed-in user keeps inviting everyone without a target', async () => {
    const db = app.db.dataSource;
    const [org] = await db.query(`SELECT id FROM organizations WHERE slug = 'demo'`);
    await db.query(`UPDATE api_clients SET scopes = array_append(scopes, 'waves:write') WHERE client_id = $1`, [DEMO_API_CLIENT.clientId]);
    const token = (
      await app.gql(`mutation($id: String!, $s: String!) { issueApiToken(clientId: $id, clientSecret: $s) { accessToken } }`, {
        id: DEMO_API_CLIENT.clientId,
        s: DEMO_API_CLIENT.clientSecret,
      })
    ).data.issueApiToken.accessToken;
    const wave = (await app.gql(`mutation { createWave(input: { name: "API batch", audience: CUSTOMER }) { id } }`, {}, token)).data.createWave;
    expect((await app.gql(`mutation($id: ID!) { openWave(id: $id) { status } }`, { id: wave.id }, token)).data.openWave.status).toBe('OPEN');
    const invitations = async () => (await db.query(`SELECT count(*)::int AS n FROM invitations WHERE wave_id = $1`, [wave.id]))[0].n as number;

    const INVITE = `mutation($w: ID!, $c: [ID!], $t: InvitationTargetInput) { inviteToWave(waveId: $w, contactIds: $c, target: $t) { invited } }`;
    const bare = await app.gql(INVITE, { w: wave.id }, token);
    expect([codeOf(bare), fieldOf(bare)]).toEqual(['BAD_USER_INPUT', 'target']);
    expect(codeOf(await app.gql(`query($w: ID!) { invitationTargetCount(waveId: $w) { total } }`, { w: wave.id }, token))).toBe('BAD_USER_INPUT');
    expect(await invitations()).toBe(0);

    const [contact] = await db.query(`SELECT id FROM contacts WHERE organization_id = $1 AND unsubscribed_at IS NULL ORDER BY created_at LIMIT 1`, [org.id]);
    const named = await app.gql(INVITE, { w: wave.id, c: [contact.id] }, token);
    expect(named.data.inviteToWave.invited).toBe(1);
    const all = await app.gql(INVITE, { w: wave.id, t: { all: true } }, token);
    expect(all.errors).toBeUndefined();

    // A signed-in user without contactIds or target still invites everyone (today's behaviour).
    const other = (await app.gql(`mutation { createWave(input: { name: "CX all", audience: CUSTOMER }) { id } }`, {}, cx)).data.createWave;
    await app.gql(`mutation($id: ID!) { openWave(id: $id) { status } }`, { id: other.id }, cx);
    const byUser = await app.gql(INVITE, { w: other.id }, cx);
    expect(byUser.errors).toBeUndefined();
  });
});
