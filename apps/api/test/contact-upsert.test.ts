import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_CLIENT } from '../src/seed/demo.js';
import { createOrganization } from './support/fixtures.js';
import { codeOf, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Issue 18: contacts pushed from a CRM. upsertContacts matches by externalId, else by email; a
 * batch is all or nothing, with every problem named by index and field; managers may not, API
 * clients with contacts:write may, and no batch reaches another organization's contacts.
 */
let app: TestApp;
let api: string;

const UPSERT = `mutation($input: [ContactInput!]!) { upsertContacts(input: $input) { created updated ids errors { index field message } } }`;
const CONTACT = `query($id: ID!) { contact(id: $id) { id email name language externalId segments { key value } } }`;
const count = async () => (await app.db.dataSource.query(`SELECT count(*)::int AS n FROM contacts`))[0].n as number;

beforeAll(async () => {
  app = await startTestApp();
  api = (
    await app.gql(`mutation($id: String!, $s: String!) { issueApiToken(clientId: $id, clientSecret: $s) { accessToken } }`, {
      id: DEMO_API_CLIENT.clientId,
      s: DEMO_API_CLIENT.clientSecret,
    })
  ).data.issueApiToken.accessToken;
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('upsertContacts', () => {
  it('adds new contacts, then updates them by externalId even when their email changed', async () => {
    const first = await app.gql(
      UPSERT,
      {
        input: [
          { externalId: 'crm-1', email: 'Ula@CRM.example', name: 'Ula', language: 'pl', segments: [{ key: 'Region', value: 'EU' }] },
          { externalId: 'crm-2', email: 'vic@crm.example', name: 'Vic' },
        ],
      },
      api,
    );
    expect(first.errors).toBeUndefined();
    expect(first.data.upsertContacts).toMatchObject({ created: 2, updated: 0, errors: [] });
    const [ula, vic] = first.data.upsertContacts.ids;
    expect((await app.gql(CONTACT, { id: ula }, api)).data.contact).toMatchObject({
      email: 'ula@crm.example',
      externalId: 'crm-1',
      language: 'pl',
      segments: [{ key: 'region', value: 'EU' }],
    });

    const second = await app.gql(UPSERT, { input: [{ externalId: 'crm-1', email: 'ula.new@crm.example', name: 'Ula Nowak', language: 'pl' }] }, api);
    expect(second.data.upsertContacts).toMatchObject({ created: 0, updated: 1, ids: [ula] });
    expect((await app.gql(CONTACT, { id: ula }, api)).data.contact).toMatchObject({ email: 'ula.new@crm.example', name: 'Ula Nowak', segments: [] });

    // Without an externalId, by email; the externalId given then sticks.
    const third = await app.gql(UPSERT, { input: [{ email: 'vic@crm.example', name: 'Victor' }] }, api);
    expect(third.data.upsertContacts).toMatchObject({ created: 0, updated: 1, ids: [vic] });
    expect((await app.gql(CONTACT, { id: vic }, api)).data.contact).toMatchObject({ name: 'Victor', externalId: 'crm-2' });
  });

  it('writes nothing when any contact is bad, and names each by index and field', async () => {
    const before = await count();
    const res = await app.gql(
      UPSERT,
      {
        input: [
          { externalId: 'crm-10', email: 'good@crm.example', name: 'Good' },
          { externalId: 'crm-11', email: 'not-an-email', name: 'Bad' },
          { externalId: 'crm-12', email: 'nameless@crm.example', name: '' },
          { externalId: 'crm-10', email: 'twin@crm.example', name: 'Twin id' },
          { email: 'good@crm.example', name: 'Twin email' },
          { externalId: 'x'.repeat(201), email: 'long@crm.example', name: 'Long id', language: 'xx' },
          { email: 'owner@crm.example', name: 'Owner', ownerId: '00000000-0000-4000-8000-000000000000' },
        ],
      },
      api,
    );
    expect(res.errors).toBeUndefined();
    const { created, updated, ids, errors } = res.data.upsertContacts;
    expect({ created, updated, ids }).toEqual({ created: 0, updated: 0, ids: [] });
    const named = errors.map((e: { index: number; field: string }) => `${e.index}:${e.field}`);
    expect(named).toEqual(expect.arrayContaining(['1:email', '2:name', '3:externalId', '4:email', '5:externalId', '5:language', '6:ownerId']));
    expect(named.some((n: string) => n.startsWith('0:'))).toBe(false);
    expect(await count()).toBe(before);
  });

  it("refuses merging two contacts: an externalId's contact taking another's email", async () => {
    await app.gql(UPSERT, { input: [{ externalId: 'crm-20', email: 'a20@crm.example', name: 'A' }, { externalId: 'crm-21', email: 'b21@crm.example', name: 'B' }] }, api);
    const res = await app.gql(UPSERT, { input: [{ externalId: 'crm-20', email: 'b21@crm.example', name: 'A' }] }, api);
    expect(res.data.upsertContacts.errors).toEqual([expect.objectContaining({ index: 0, field: 'email' })]);
    // Two contacts trading emails in one batch: each takes the other's, so both are refused.
    const swap = await app.gql(UPSERT, { input: [{ externalId: 'crm-20', email: 'b21@crm.example', name: 'A' }, { externalId: 'crm-21', email: 'a20@crm.example', name: 'B' }] }, api);
    expect(swap.data.upsertContacts.errors.map((e: { index: number; field: string }) => `${e.index}:${e.field}`)).toEqual(['0:email', '1:email']);
    const emails = (await app.db.dataSource.query(`SELECT external_id, email FROM contacts WHERE external_id IN ('crm-20', 'crm-21') ORDER BY external_id`)) as { email: string }[];
    expect(emails.map((e) => e.email)).toEqual(['a20@crm.example', 'b21@crm.example']);
  });

  it('refuses an empty batch and one over 1,000 with BAD_USER_INPUT on input', async () => {
    expect(codeOf(await app.gql(UPSERT, { input: [] }, api))).toBe('BAD_USER_INPUT');
    const many = Array.from({ length: 1001 }, (_, i) => ({ email: `m${i}@crm.example`, name: `M ${i}` }));
    expect(codeOf(await app.gql(UPSERT, { input: many }, api))).toBe('BAD_USER_INPUT');
  });

  it('is for CX, admins and contacts:write clients: a manager, HR and a leader are FORBIDDEN', async () => {
    for (const email of ['manager@demo.test', 'hr@demo.test', 'leader@demo.test']) {
      expect(codeOf(await app.gql(UPSERT, { input: [{ email: 'nope@crm.example', name: 'Nope' }] }, await app.login(email)))).toBe('FORBIDDEN');
    }
    const cx = await app.login('cx@demo.test');
    expect((await app.gql(UPSERT, { input: [{ email: 'cx-made@crm.example', name: 'By CX' }] }, cx)).data.upsertContacts.created).toBe(1);
  });

  it("never touches another organization's contact with the same externalId or email", async () => {
    const other = await createOrganization(app.db.dataSource.manager, 'crm-other', ['CX']);
    const otherCx = await app.login(other.users.CX, other.password);
    const res = await app.gql(UPSERT, { input: [{ externalId: 'crm-1', email: 'ula.new@crm.example', name: 'Someone else' }] }, otherCx);
    expect(res.data.upsertContacts).toMatchObject({ created: 1, updated: 0 });
    const [mine] = await app.db.dataSource.query(`SELECT c.name FROM contacts c JOIN organizations o ON o.id = c.organization_id WHERE o.slug = 'demo' AND c.external_id = 'crm-1'`);
    expect(mine.name).toBe('Ula Nowak');
  });
});
