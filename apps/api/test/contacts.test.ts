import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_CLIENT } from '../src/seed/demo.js';
import { createOrganization } from './support/fixtures.js';
import { codeOf, fieldOf, startTestApp, type GqlResult, type TestApp } from './support/test-app.js';

const FIELDS = `id email name language owner { email } orgUnit { name } segments { key value } unsubscribed unsubscribedAt lastInvitedAt`;
const IMPORT = `mutation($csv: String!) { importContacts(csv: $csv) { imported created updated errors { line field message reason params { name value } } } }`;
const LIST = `query($filter: ContactFilter, $first: Int, $after: String) {
  contacts(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${FIELDS} } } } }`;
const GET = `query($id: ID!) { contact(id: $id) { ${FIELDS} } }`;
const CREATE = `mutation($input: ContactInput!) { createContact(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: ContactInput!) { updateContact(id: $id, input: $input) { ${FIELDS} } }`;
const UNSUBSCRIBE = `mutation($id: ID!) { unsubscribeContact(id: $id) { ${FIELDS} } }`;

const HEADER = 'email,name,language,owner_email,org_unit';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

let app: TestApp;
let admin: string;
let cx: string;
let manager: string;
let api: string;
let ids: { users: Record<string, string>; units: Record<string, string> };

beforeAll(async () => {
  app = await startTestApp();
  [admin, cx, manager] = await Promise.all(['admin@demo.test', 'cx@demo.test', 'manager@demo.test'].map((e) => app.login(e)));
  const issued = await app.gql(`mutation($id: String!, $s: String!) { issueApiToken(clientId: $id, clientSecret: $s) { accessToken } }`, {
    id: DEMO_API_CLIENT.clientId,
    s: DEMO_API_CLIENT.clientSecret,
  });
  api = issued.data.issueApiToken.accessToken;
  const users: { email: string; id: string }[] = await app.db.dataSource.query(`SELECT email, id FROM users`);
  const units: { name: string; id: string }[] = await app.db.dataSource.query(`SELECT name, id FROM org_units`);
  ids = { users: Object.fromEntries(users.map((u) => [u.email, u.id])), units: Object.fromEntries(units.map((u) => [u.name, u.id])) };
});
afterAll(() => app?.close());

async function contactCount(): Promise<number> {
  const [{ count }] = await app.db.dataSource.query(`SELECT count(*)::int AS count FROM contacts`);
  return count;
}

async function importCsv(csv: string, token = cx) {
  return app.gql<{ importContacts: { imported: number; created: number; updated: number; errors: { line: number; field: string | null; message: string; reason: string; params: { name: string; value: string }[] }[] } }>(
    IMPORT,
    { csv },
    token,
  );
}

/** Every contact whose name or email contains `search`, as the caller sees them. */
async function find(search: string, token = cx) {
  const res = await app.gql(LIST, { filter: { search }, first: 100 }, token);
  expect(res.errors).toBeUndefined();
  return res.data.contacts.edges.map((e: { node: unknown }) => e.node) as any[];
}

const lines = (...rows: string[]) => rows.join('\n') + '\n';

describe('importContacts', () => {
  it('imports quoted cells, a BOM, CRLF and trailing empty lines, with segments', async () => {
    const csv =
      '\uFEFF' +
      ['Email,Name,Language,Owner Email,Org Unit,Region,Business Area,product,Tier', //
        'Anna@Good.test,"Kowalska, Anna",PL,manager@demo.test,sales eu,EU North,"Retail, online",Payroll,gold',
        'bob@good.test,"Bob ""The Builder"" Smith",,,,,,Payroll,',
        'carl@good.test,"Carl',
        'Multiline",da,CX@demo.test,Customer Service,EU,,,silver',
        '',
        ''].join('\r\n');
    const before = await contactCount();
    const res = await importCsv(csv);
    expect(res.errors).toBeUndefined();
    expect(res.data!.importContacts).toEqual({ imported: 3, created: 3, updated: 0, errors: [] });
    expect(await contactCount()).toBe(before + 3);

    const [anna] = await find('anna@good.test');
    expect(anna).toMatchObject({
      email: 'anna@good.test',
      name: 'Kowalska, Anna',
      language: 'pl',
      owner: { email: 'manager@demo.test' },
      orgUnit: { name: 'Sales EU' },
      unsubscribed: false,
      lastInvitedAt: null,
    });
    expect(anna.segments).toEqual([
      { key: 'business_area', value: 'Retail, online' },
      { key: 'product', value: 'Payroll' },
      { key: 'region', value: 'EU North' },
      { key: 'tier', value: 'gold' },
    ]);
    const [bob] = await find('bob@good.test');
    // Empty language is English; empty owner (CX importing) is no owner; empty segment cells are left out.
    expect(bob).toMatchObject({ name: 'Bob "The Builder" Smith', language: 'en', owner: null, orgUnit: null, segments: [{ key: 'product', value: 'Payroll' }] });
    const [carl] = await find('carl@good.test');
    expect(carl).toMatchObject({ name: 'Carl\r\nMultiline', owner: { email: 'cx@demo.test' }, orgUnit: { name: 'Customer Service' } });
  });

  it('updates contacts it already has (upsert), keeping unsubscribes and segments of columns not in the file', async () => {
    await importCsv(lines(`${HEADER},region,product`, 'dora@up.test,Dora,en,,,EU,Payroll', 'emil@up.test,Emil,en,,,US,Hiring'));
    const [dora] = await find('dora@up.test');
    await app.gql(UNSUBSCRIBE, { id: dora.id }, cx);
    const before = await contactCount();

    const res = await importCsv(lines(`${HEADER},region`, 'DORA@up.test,Dora Renamed,da,manager@demo.test,Sales,', 'fred@up.test,Fred,en,,,APAC'));
    expect(res.data!.importContacts).toEqual({ imported: 2, created: 1, updated: 1, errors: [] });
    expect(await contactCount()).toBe(before + 1);
    const [again] = await find('dora@up.test');
    expect(again).toMatchObject({
      id: dora.id,
      name: 'Dora Renamed',
      language: 'da',
      owner: { email: 'manager@demo.test' },
      orgUnit: { name: 'Sales' },
      unsubscribed: true,
      // region is a column of the file and empty: removed; product is not in the file: kept.
      segments: [{ key: 'product', value: 'Payroll' }],
    });
  });

  it('reports every bad row with its line and column, and imports nothing', async () => {
    const csv = lines(
      `${HEADER},region`, // 1
      'ok@bad.test,Okay,en,,,EU', // 2
      'not-an-email,Bad Email,en,,,', // 3
      ',No Email,en,,,', // 4
      'noname@bad.test,  ,en,,,', // 5
      'lang@bad.test,Language,de,,,', // 6
      'owner@bad.test,Owner,en,nobody@demo.test,,', // 7
      'unit@bad.test,Unit,en,,Atlantis,', // 8
      'OK@bad.test,Duplicate,en,,,', // 9
      '"multi@bad.test","Two', // 10
      'Lines",xx,,Sales,', // 11
      'many@bad.test,,fr,ghost@demo.test,Nowhere,', // 12
      '', // 13
      'cells@bad.test,Too Many,en,,,EU,extra', // 14
      'fine@bad.test,Fine,sl,leader@demo.test,people & culture,', // 15
    );
    const before = await contactCount();
    const res = await importCsv(csv);
    expect(res.errors).toBeUndefined();
    const { imported, errors } = res.data!.importContacts;
    expect(imported).toBe(0);
    expect(errors.map((e) => [e.line, e.field])).toEqual([
      [3, 'email'],
      [4, 'email'],
      [5, 'name'],
      [6, 'language'],
      [7, 'owner_email'],
      [8, 'org_unit'],
      [9, 'email'],
      [10, 'language'],
      [12, 'name'],
      [12, 'language'],
      [12, 'owner_email'],
      [12, 'org_unit'],
      [14, null],
    ]);
    expect(errors.find((e) => e.line === 9)!.message).toContain('line 2');
    expect(errors.find((e) => e.line === 6)!.message).toMatch(/en, pl, da, ru, sl/);
    // Each message also as a reason with its values, for the web app to say in the user's language.
    expect(errors.map((e) => e.reason)).toEqual([
      'EMAIL_INVALID', 'EMAIL_REQUIRED', 'NAME_REQUIRED', 'LANGUAGE_UNKNOWN', 'OWNER_UNKNOWN', 'ORG_UNIT_UNKNOWN', 'DUPLICATE_IN_FILE',
      'LANGUAGE_UNKNOWN', 'NAME_REQUIRED', 'LANGUAGE_UNKNOWN', 'OWNER_UNKNOWN', 'ORG_UNIT_UNKNOWN', 'CSV_TOO_MANY_CELLS',
    ]);
    expect(errors.find((e) => e.line === 9)!.params).toEqual([{ name: 'line', value: '2' }, { name: 'value', value: 'ok@bad.test' }]);
    expect(errors.find((e) => e.line === 8)!.params).toEqual([{ name: 'value', value: 'Atlantis' }]);
    expect(await contactCount()).toBe(before);
  });

  it('reports missing and repeated header columns on line 1', async () => {
    const res = await importCsv(lines('email,Name,region,Region', 'a@hdr.test,A,EU,EU'));
    expect(res.data!.importContacts.imported).toBe(0);
    expect(res.data!.importContacts.errors.map((e) => [e.line, e.field])).toEqual([
      [1, 'region'],
      [1, 'language'],
      [1, 'owner_email'],
      [1, 'org_unit'],
    ]);
  });

  it('ignores an unnamed empty column (a trailing comma), but not one with values', async () => {
    const ok = await importCsv(lines(`${HEADER},`, 'trail@comma.test,Trail,en,,,'));
    expect(ok.data!.importContacts).toMatchObject({ imported: 1, errors: [] });
    const bad = await importCsv(lines(`${HEADER},`, 'trail2@comma.test,Trail,en,,,oops'));
    expect(bad.data!.importContacts.errors).toEqual([
      { line: 1, field: null, message: expect.stringContaining('Column 6'), reason: 'CSV_UNNAMED_COLUMN', params: [{ name: 'column', value: '6' }] },
    ]);
  });

  it('reports a CSV syntax error with the line of the broken record', async () => {
    const before = await contactCount();
    const res = await importCsv(lines(HEADER, 'a@syntax.test,A,en,,', '', 'b@syntax.test,"B unclosed,en,,', 'c@syntax.test,C,en,,'));
    expect(res.data!.importContacts.imported).toBe(0);
    expect(res.data!.importContacts.errors).toEqual([{ line: 4, field: null, message: expect.stringMatching(/quote/i), reason: 'CSV_SYNTAX', params: [{ name: 'detail', value: expect.stringMatching(/quote/i) }] }]);
    expect(await contactCount()).toBe(before);
  });

  it('answers an empty file and the size limits with BAD_USER_INPUT on csv', async () => {
    const before = await contactCount();
    const bad = async (csv: string) => {
      const res = await importCsv(csv);
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(fieldOf(res)).toBe('csv');
      return res.errors![0].message;
    };
    expect(await bad('')).toMatch(/empty/);
    expect(await bad('\uFEFF\r\n\r\n')).toMatch(/empty/);
    expect(await bad(lines(HEADER))).toMatch(/no contacts/);
    const tooMany = HEADER + '\n' + Array.from({ length: 10_001 }, (_, i) => `r${i}@limit.test,R${i},en,,`).join('\n');
    expect(await bad(tooMany)).toMatch(/10,001.*10,000/);
    const tooBig = HEADER + '\nbig@limit.test,' + 'x'.repeat(5 * 1024 * 1024) + ',en,,\n';
    expect(await bad(tooBig)).toMatch(/5 MB/);
    expect(await contactCount()).toBe(before);
  });

  it('imports a semicolon file as Excel writes it in Polish, Danish, Russian or Slovenian', async () => {
    const csv =
      '\uFEFF' +
      ['Email;Name;Language;Owner Email;Org Unit;Region', //
        'ewa@semicolon.test;"Nowak; Ewa";pl;manager@demo.test;Sales EU;EU, North',
        'ole@semicolon.test;Ole Sørensen;da;;;'].join('\r\n');
    const res = await importCsv(csv);
    expect(res.errors).toBeUndefined();
    expect(res.data!.importContacts).toMatchObject({ imported: 2, created: 2, errors: [] });
    const [ewa] = await find('ewa@semicolon.test');
    expect(ewa).toMatchObject({ name: 'Nowak; Ewa', language: 'pl', orgUnit: { name: 'Sales EU' }, segments: [{ key: 'region', value: 'EU, North' }] });
  });

  it('imports 10,000 rows in one go', async () => {
    const before = await contactCount();
    const csv = `${HEADER},region\n` + Array.from({ length: 10_000 }, (_, i) => `bulk${i}@bulk.test,Bulk ${i},en,manager@demo.test,Sales US,R${i % 7}`).join('\n');
    const res = await importCsv(csv, api);
    expect(res.errors).toBeUndefined();
    expect(res.data!.importContacts).toMatchObject({ imported: 10_000, created: 10_000, errors: [] });
    expect(await contactCount()).toBe(before + 10_000);
  });

  it('is for CX, managers, admins and API clients with contacts:write; not HR or leaders', async () => {
    const csv = lines(HEADER, 'roles@roles.test,Roles,en,,');
    for (const email of ['hr@demo.test', 'leader@demo.test']) {
      const token = await app.login(email);
      expect(codeOf(await importCsv(csv, token))).toBe('FORBIDDEN');
      expect(codeOf(await app.gql(LIST, {}, token))).toBe('FORBIDDEN');
      expect(codeOf(await app.gql(CREATE, { input: { email: 'x@roles.test', name: 'X' } }, token))).toBe('FORBIDDEN');
    }
    expect(codeOf(await importCsv(csv, ''))).toBe('UNAUTHENTICATED');
    for (const token of [admin, api]) expect(codeOf(await importCsv(csv, token))).toBeUndefined();
  });
});

describe('managers', () => {
  it('import contacts for themselves only', async () => {
    const res = await importCsv(lines(HEADER, 'm1@mgr.test,Mine One,pl,,', 'm2@mgr.test,Mine Two,pl,MANAGER@demo.test,Sales EU'), manager);
    expect(res.data!.importContacts).toMatchObject({ imported: 2, errors: [] });
    expect((await find('@mgr.test', manager)).map((c) => c.owner.email)).toEqual(['manager@demo.test', 'manager@demo.test']);

    await importCsv(lines(HEADER, 'theirs@mgr.test,Theirs,en,cx@demo.test,'), cx);
    const before = await contactCount();
    const refused = await importCsv(lines(HEADER, 'm3@mgr.test,Mine Three,en,,', 'm4@mgr.test,Given Away,en,cx@demo.test,', 'theirs@mgr.test,Taken Over,en,,'), manager);
    expect(refused.data!.importContacts.errors.map((e) => [e.line, e.field])).toEqual([
      [3, 'owner_email'],
      [4, 'email'],
    ]);
    expect(await contactCount()).toBe(before);
    expect((await find('theirs@mgr.test'))[0].name).toBe('Theirs');
    // Their own contacts they may update by importing again.
    const again = await importCsv(lines(HEADER, 'm1@mgr.test,Mine Renamed,pl,,'), manager);
    expect(again.data!.importContacts).toMatchObject({ imported: 1, created: 0, updated: 1 });
  });

  it("see and change only their own contacts; another owner's contact is NOT_FOUND, like an unknown id", async () => {
    await importCsv(lines(HEADER, 'own@scope.test,Own,en,manager@demo.test,', 'other@scope.test,Other,en,cx@demo.test,'), cx);
    expect((await find('@scope.test', manager)).map((c) => c.email)).toEqual(['own@scope.test']);
    expect((await find('@scope.test', cx)).length).toBe(2);
    expect((await find('@scope.test', admin)).length).toBe(2);

    const [other] = await find('other@scope.test', cx);
    const [own] = await find('own@scope.test', manager);
    expect((await app.gql(GET, { id: own.id }, manager)).data.contact.email).toBe('own@scope.test');
    const hidden = await app.gql(GET, { id: other.id }, manager);
    const unknown = await app.gql(GET, { id: UNKNOWN_ID }, manager);
    expect(codeOf(hidden)).toBe('NOT_FOUND');
    expect(hidden.errors).toEqual(unknown.errors);
    const input = { email: 'other@scope.test', name: 'Hijacked' };
    expect(codeOf(await app.gql(UPDATE, { id: other.id, input }, manager))).toBe('NOT_FOUND');
    expect(codeOf(await app.gql(UNSUBSCRIBE, { id: other.id }, manager))).toBe('NOT_FOUND');
    expect((await find('other@scope.test', cx))[0]).toMatchObject({ name: 'Other', unsubscribed: false });

    const giveAway = await app.gql(UPDATE, { id: own.id, input: { email: 'own@scope.test', name: 'Own', ownerId: ids.users['cx@demo.test'] } }, manager);
    expect(giveAway.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.ownerId' });
    const created = await app.gql(CREATE, { input: { email: 'new@scope.test', name: 'New' } }, manager);
    expect(created.data.createContact.owner).toEqual({ email: 'manager@demo.test' });
  });
});

describe('createContact and updateContact', () => {
  const base = { email: 'create@one.test', name: 'Create One' };

  it('create a contact with every field, and update replaces them', async () => {
    const res = await app.gql(
      CREATE,
      {
        input: {
          ...base,
          email: ' Create@One.TEST ',
          language: 'RU',
          ownerId: ids.users['manager@demo.test'],
          orgUnitId: ids.units['Sales US'],
          segments: [
            { key: 'Business Area', value: ' Retail ' },
            { key: 'region', value: '' },
          ],
        },
      },
      cx,
    );
    expect(res.errors).toBeUndefined();
    const created = res.data.createContact;
    expect(created).toMatchObject({
      email: 'create@one.test',
      language: 'ru',
      owner: { email: 'manager@demo.test' },
      orgUnit: { name: 'Sales US' },
      segments: [{ key: 'business_area', value: 'Retail' }],
      unsubscribed: false,
    });
    const updated = await app.gql(UPDATE, { id: created.id, input: { email: 'create@two.test', name: 'Create Two', segments: [{ key: 'tier', value: 'gold' }] } }, cx);
    expect(updated.data.updateContact).toMatchObject({
      id: created.id,
      email: 'create@two.test',
      name: 'Create Two',
      language: 'en',
      owner: null,
      orgUnit: null,
      segments: [{ key: 'tier', value: 'gold' }],
    });
    const unsubscribed = await app.gql(UNSUBSCRIBE, { id: created.id }, api);
    expect(unsubscribed.data.unsubscribeContact.unsubscribed).toBe(true);
    const again = await app.gql(UNSUBSCRIBE, { id: created.id }, cx);
    expect(again.data.unsubscribeContact.unsubscribedAt).toBe(unsubscribed.data.unsubscribeContact.unsubscribedAt);
  });

  it.each([
    ['a bad email', { email: 'nope' }, 'BAD_USER_INPUT', 'input.email'],
    ['a blank name', { name: '  ' }, 'BAD_USER_INPUT', 'input.name'],
    ['a long name', { name: 'n'.repeat(201) }, 'BAD_USER_INPUT', 'input.name'],
    ['an unknown language', { language: 'de' }, 'BAD_USER_INPUT', 'input.language'],
    ['an unknown owner', { ownerId: UNKNOWN_ID }, 'NOT_FOUND', 'input.ownerId'],
    ['an owner id that is not a uuid', { ownerId: 'bob' }, 'NOT_FOUND', 'input.ownerId'],
    ['an unknown org unit', { orgUnitId: UNKNOWN_ID }, 'NOT_FOUND', 'input.orgUnitId'],
    ['a segment twice', { segments: [{ key: 'Region', value: 'EU' }, { key: 'region', value: 'US' }] }, 'BAD_USER_INPUT', 'input.segments'],
    ['a segment key without letters', { segments: [{ key: '!!', value: 'x' }] }, 'BAD_USER_INPUT', 'input.segments'],
    ['a segment named like a field', { segments: [{ key: 'Email', value: 'x' }] }, 'BAD_USER_INPUT', 'input.segments'],
  ])('refuse %s, naming the field, and change nothing', async (_name, change, code, field) => {
    const before = await contactCount();
    const created = await app.gql(CREATE, { input: { ...base, email: 'refused@one.test', ...change } }, cx);
    expect(created.errors?.[0].extensions).toMatchObject({ code, field });
    expect(await contactCount()).toBe(before);
    const [target] = await find('bob@good.test');
    const updated = await app.gql(UPDATE, { id: target.id, input: { email: target.email, name: 'Changed', ...change } }, cx);
    expect(updated.errors?.[0].extensions).toMatchObject({ code, field });
    expect((await find('bob@good.test'))[0]).toEqual(target);
  });

  it('list every problem of the input for a form, the first as the error field', async () => {
    const res = await app.gql(CREATE, { input: { email: 'x', name: '', language: 'xx' } }, cx);
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.email',
      problems: [{ field: 'input.email' }, { field: 'input.name' }, { field: 'input.language' }],
    });
  });

  it('answer an email the organization already has with CONFLICT on input.email', async () => {
    const dup = await app.gql(CREATE, { input: { email: 'ANNA@good.test', name: 'Again' } }, cx);
    expect(dup.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.email' });
    const [bob] = await find('bob@good.test');
    const taken = await app.gql(UPDATE, { id: bob.id, input: { email: 'anna@good.test', name: 'Bob' } }, cx);
    expect(taken.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.email' });
  });

  it('answer an unknown or malformed id with NOT_FOUND', async () => {
    for (const id of [UNKNOWN_ID, 'not-a-uuid']) {
      expect(codeOf(await app.gql(GET, { id }, cx))).toBe('NOT_FOUND');
      expect(codeOf(await app.gql(UPDATE, { id, input: base }, cx))).toBe('NOT_FOUND');
      expect(codeOf(await app.gql(UNSUBSCRIBE, { id }, cx))).toBe('NOT_FOUND');
    }
  });
});

describe('contacts list', () => {
  beforeAll(async () => {
    const rows = Array.from({ length: 25 }, (_, i) => `p${String(i).padStart(2, '0')}@page.test,Page ${i},en,${i % 2 ? 'manager@demo.test' : ''},${i % 5 ? '' : 'Operations'}`);
    const res = await importCsv(lines(HEADER, ...rows));
    expect(res.data!.importContacts.imported).toBe(25);
  });

  it('pages with first/after through every contact once, newest first', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const res: GqlResult = await app.gql(LIST, { filter: { search: '@page.test' }, first: 10, after }, cx);
      expect(res.errors).toBeUndefined();
      expect(res.data.contacts.totalCount).toBe(25);
      seen.push(...res.data.contacts.edges.map((e: { node: { email: string } }) => e.node.email));
      after = res.data.contacts.pageInfo.hasNextPage ? res.data.contacts.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
  });

  it('refuses a bad cursor and a bad page size', async () => {
    const badCursor = await app.gql(LIST, { after: 'garbage' }, cx);
    expect(badCursor.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const badFirst = await app.gql(LIST, { first: 0 }, cx);
    expect(badFirst.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('filters by text, owner, org unit and unsubscribed', async () => {
    const total = async (filter: Record<string, unknown>) => (await app.gql(LIST, { filter: { search: '@page.test', ...filter } }, cx)).data.contacts.totalCount;
    expect(await total({ search: 'page 1' })).toBe(11); // Page 1, Page 10..19
    expect(await total({ search: 'P07@PAGE' })).toBe(1);
    expect(await total({ search: '%' })).toBe(0);
    expect(await total({ ownerIds: [ids.users['manager@demo.test']] })).toBe(12);
    expect(await total({ ownerIds: ['not-a-uuid'] })).toBe(0);
    expect(await total({ orgUnitIds: [ids.units['Operations']] })).toBe(5);
    const [first] = await find('p00@page.test');
    await app.gql(UNSUBSCRIBE, { id: first.id }, cx);
    expect(await total({ unsubscribed: true })).toBe(1);
    expect(await total({ unsubscribed: false })).toBe(24);
  });
});

describe('tenancy', () => {
  let other: Awaited<ReturnType<typeof createOrganization>>;
  let otherCx: string;
  let demoContact: { id: string; email: string };

  beforeAll(async () => {
    other = await createOrganization(app.db.dataSource.manager, 'other', ['CX', 'MANAGER']);
    otherCx = await app.login(other.users.CX, other.password);
    [demoContact] = await find('anna@good.test');
  });

  it("cannot read or change the demo organization's contacts by id", async () => {
    const unknown = await app.gql(GET, { id: UNKNOWN_ID }, otherCx);
    const res = await app.gql(GET, { id: demoContact.id }, otherCx);
    expect(codeOf(res)).toBe('NOT_FOUND');
    expect(res.errors).toEqual(unknown.errors);
    expect(codeOf(await app.gql(UPDATE, { id: demoContact.id, input: { email: 'anna@good.test', name: 'Mine' } }, otherCx))).toBe('NOT_FOUND');
    expect(codeOf(await app.gql(UNSUBSCRIBE, { id: demoContact.id }, otherCx))).toBe('NOT_FOUND');
    expect((await app.gql(LIST, {}, otherCx)).data.contacts.totalCount).toBe(0);
    expect((await find('anna@good.test'))[0]).toMatchObject({ name: 'Kowalska, Anna', unsubscribed: false });
  });

  it("cannot name the demo organization's users or org units", async () => {
    const res = await importCsv(lines(HEADER, 'x@tenant.test,X,en,manager@demo.test,', 'y@tenant.test,Y,en,,Sales EU'), otherCx);
    expect(res.data!.importContacts.errors.map((e) => [e.line, e.field])).toEqual([
      [2, 'owner_email'],
      [3, 'org_unit'],
    ]);
    const owner = await app.gql(CREATE, { input: { email: 'x@tenant.test', name: 'X', ownerId: ids.users['manager@demo.test'] } }, otherCx);
    expect(owner.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.ownerId' });
    const unit = await app.gql(CREATE, { input: { email: 'x@tenant.test', name: 'X', orgUnitId: ids.units['Sales EU'] } }, otherCx);
    expect(unit.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.orgUnitId' });
  });

  it("keeps emails per organization: the same email is a separate contact, and the demo's stays as it was", async () => {
    const res = await importCsv(lines(HEADER, `anna@good.test,Other Anna,en,${other.users.MANAGER},${other.unit.name}`), otherCx);
    expect(res.data!.importContacts).toMatchObject({ imported: 1, created: 1, updated: 0 });
    const [mine] = await find('anna@good.test', otherCx);
    expect(mine).toMatchObject({ name: 'Other Anna', owner: { email: other.users.MANAGER } });
    expect(mine.id).not.toBe(demoContact.id);
    expect((await find('anna@good.test'))[0].name).toBe('Kowalska, Anna');
  });
});
