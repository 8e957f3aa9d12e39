import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_CLIENT } from '../src/seed/demo.js';
import { createOrganization } from './support/fixtures.js';
import { CONTACTS_HEADER, importFile } from './support/imports.js';
import { codeOf, fieldOf, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Issue 19, account value: a contact's annual value comes from the contacts CSV (an optional
 * annual_value column, also through the import job), from createContact/updateContact and from an
 * integrator's upsertContacts, and is read as Contact.annualValue. Bad values are refused naming the
 * field (or the line and column), and a file with any bad row imports nothing.
 */
let app: TestApp;
let cx: string;
let api: string;
let org: Awaited<ReturnType<typeof createOrganization>>;
let own: string;

const IMPORT = `mutation($csv: String!) { importContacts(csv: $csv) { imported created updated errors { line field reason } } }`;
const CREATE = `mutation($input: ContactInput!) { createContact(input: $input) { id annualValue } }`;
const UPDATE = `mutation($id: ID!, $input: ContactInput!) { updateContact(id: $id, input: $input) { id annualValue } }`;
const UPSERT = `mutation($input: [ContactInput!]!) { upsertContacts(input: $input) { created updated ids errors { index field message } } }`;
const valueOf = async (email: string, organizationId?: string): Promise<number | null | undefined> => {
  const rows: { v: string | null }[] = await app.db.dataSource.query(
    `SELECT annual_value AS v FROM contacts WHERE email = $1 AND ($2::uuid IS NULL OR organization_id = $2)`,
    [email, organizationId ?? null],
  );
  return rows.length === 0 ? undefined : rows[0].v === null ? null : Number(rows[0].v);
};

beforeAll(async () => {
  app = await startTestApp();
  cx = await app.login('cx@demo.test');
  api = (
    await app.gql(`mutation($id: String!, $s: String!) { issueApiToken(clientId: $id, clientSecret: $s) { accessToken } }`, {
      id: DEMO_API_CLIENT.clientId,
      s: DEMO_API_CLIENT.clientSecret,
    })
  ).data.issueApiToken.accessToken;
  org = await createOrganization(app.db.dataSource.manager, 'valued', ['CX']);
  own = await app.login(org.users.CX, org.password);
}, 120_000);
afterAll(() => app?.close());

describe('the contacts CSV', () => {
  it('reads an optional annual_value column; without it each contact keeps its value, an empty cell clears it', async () => {
    const first = await app.gql(IMPORT, { csv: 'email,name,language,owner_email,org_unit,Annual Value\nav1@value.test,One,en,,,12000.5\nav2@value.test,Two,en,,,0\nav3@value.test,Three,en,,, 250 \n' }, cx);
    expect(first.data.importContacts).toMatchObject({ imported: 3, created: 3, errors: [] });
    expect([await valueOf('av1@value.test'), await valueOf('av2@value.test'), await valueOf('av3@value.test')]).toEqual([12000.5, 0, 250]);

    const without = await app.gql(IMPORT, { csv: 'email,name,language,owner_email,org_unit\nav1@value.test,One Renamed,en,,\n' }, cx);
    expect(without.data.importContacts).toMatchObject({ imported: 1, updated: 1 });
    expect(await valueOf('av1@value.test')).toBe(12000.5);

    const cleared = await app.gql(IMPORT, { csv: 'email,name,language,owner_email,org_unit,annual_value\nav1@value.test,One,en,,,\nav2@value.test,Two,en,,,99.99\n' }, cx);
    expect(cleared.data.importContacts).toMatchObject({ imported: 2, updated: 2 });
    expect([await valueOf('av1@value.test'), await valueOf('av2@value.test')]).toEqual([null, 99.99]);
  });

  it('names every bad value by line and column and imports nothing', async () => {
    const csv = [
      'email,name,language,owner_email,org_unit,annual_value',
      'bad1@value.test,Neg,en,,,-5', // 2
      'bad2@value.test,Text,en,,,lots', // 3
      'bad3@value.test,Sep,en,,,"1,200"', // 4
      'bad4@value.test,Huge,en,,,99999999999', // 5
      'bad5@value.test,Cents,en,,,1.234', // 6
      'good@value.test,Fine,en,,,1000', // 7
      'av2@value.test,Two,en,,,5', // 8
    ].join('\n');
    const res = await app.gql(IMPORT, { csv }, cx);
    expect(res.errors).toBeUndefined();
    expect(res.data.importContacts.imported).toBe(0);
    expect(res.data.importContacts.errors.map((e: { line: number; field: string; reason: string }) => [e.line, e.field, e.reason])).toEqual([
      [2, 'annual_value', 'ANNUAL_VALUE_NEGATIVE'],
      [3, 'annual_value', 'ANNUAL_VALUE_NOT_A_NUMBER'],
      [4, 'annual_value', 'ANNUAL_VALUE_NOT_A_NUMBER'],
      [5, 'annual_value', 'ANNUAL_VALUE_TOO_LARGE'],
      [6, 'annual_value', 'ANNUAL_VALUE_NOT_A_NUMBER'],
    ]);
    expect(await valueOf('good@value.test')).toBeUndefined();
    expect(await valueOf('av2@value.test')).toBe(99.99);
  });

  it('is not a segment: a segment named annual_value is refused', async () => {
    const res = await app.gql(CREATE, { input: { email: 'seg@value.test', name: 'Seg', segments: [{ key: 'Annual value', value: '5' }] } }, cx);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(fieldOf(res)).toBe('input.segments');
  });

  it('is written by the import job too', async () => {
    const csv = [`${CONTACTS_HEADER},annual_value`, 'job1@valued.test,Job One,en,,,EU,4200', 'job2@valued.test,Job Two,en,,,EU,'].join('\n');
    const { job } = await importFile(app, own, 'contacts', csv);
    expect(job.status).toBe('DONE');
    expect(await valueOf('job1@valued.test', org.org.id)).toBe(4200);
    expect(await valueOf('job2@valued.test', org.org.id)).toBeNull();
  });
});

describe('createContact, updateContact and upsertContacts', () => {
  it('set, keep (left out) and clear (null) the value, read as Contact.annualValue', async () => {
    const created = await app.gql(CREATE, { input: { email: 'form@value.test', name: 'Form', annualValue: 1500.256 } }, cx);
    expect(created.errors).toBeUndefined();
    expect(created.data.createContact.annualValue).toBe(1500.26);
    const id = created.data.createContact.id;
    const kept = await app.gql(UPDATE, { id, input: { email: 'form@value.test', name: 'Form Renamed' } }, cx);
    expect(kept.data.updateContact.annualValue).toBe(1500.26);
    const cleared = await app.gql(UPDATE, { id, input: { email: 'form@value.test', name: 'Form', annualValue: null } }, cx);
    expect(cleared.data.updateContact.annualValue).toBeNull();
    const read = await app.gql(`query($id: ID!) { contact(id: $id) { annualValue } }`, { id }, cx);
    expect(read.data.contact.annualValue).toBeNull();
  });

  it('refuse a negative or absurd value with BAD_USER_INPUT on input.annualValue', async () => {
    for (const annualValue of [-1, 1e13]) {
      const res = await app.gql(CREATE, { input: { email: `no${annualValue}@value.test`, name: 'No', annualValue } }, cx);
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(fieldOf(res)).toBe('input.annualValue');
    }
    const notNumber = await app.gql(CREATE, { input: { email: 'nan@value.test', name: 'No', annualValue: 'much' } }, cx);
    expect(notNumber.errors).toBeDefined();
    expect(await valueOf('nan@value.test')).toBeUndefined();
  });

  it('upsertContacts sets it, keeps it when left out, and names a bad one by index and field with nothing written', async () => {
    const first = await app.gql(UPSERT, { input: [{ externalId: 'crm-v1', email: 'crm1@value.test', name: 'Crm', annualValue: 80000 }] }, api);
    expect(first.data.upsertContacts).toMatchObject({ created: 1, errors: [] });
    expect(await valueOf('crm1@value.test')).toBe(80000);
    await app.gql(UPSERT, { input: [{ externalId: 'crm-v1', email: 'crm1@value.test', name: 'Crm Renamed' }] }, api);
    expect(await valueOf('crm1@value.test')).toBe(80000);

    const bad = await app.gql(UPSERT, {
      input: [
        { externalId: 'crm-v1', email: 'crm1@value.test', name: 'Crm', annualValue: 1 },
        { externalId: 'crm-v2', email: 'crm2@value.test', name: 'Crm Two', annualValue: -10 },
      ],
    }, api);
    expect(bad.data.upsertContacts).toMatchObject({ created: 0, updated: 0, errors: [{ index: 1, field: 'annualValue' }] });
    expect(await valueOf('crm1@value.test')).toBe(80000);
    expect(await valueOf('crm2@value.test')).toBeUndefined();
  });
});
