import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization } from './support/fixtures.js';
import { ALL, INVITE, openWave } from './support/surveys.js';
import { codeOf, fieldOf, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Issue 15, item 2: destructive actions have a preview and need an explicit target. Import
 * previews check exactly as the import does and write nothing; leavers can be restored; an
 * invitation never defaults to everyone, and its count is known before it goes out.
 */

const PREVIEW_CONTACTS = `query($csv: String!) { previewContactImport(csv: $csv) {
  errors { line field message } added { count people { email name } } updated { count people { email name } } leaving { count people { name } } } }`;
const PREVIEW_EMPLOYEES = `query($csv: String!) { previewEmployeeImport(csv: $csv) {
  errors { line field message } added { count people { email name } } updated { count people { email name } } leaving { count people { email name } } } }`;
const IMPORT_CONTACTS = `mutation($csv: String!) { importContacts(csv: $csv) { imported created updated errors { line field message } } }`;
const IMPORT_EMPLOYEES = `mutation($csv: String!) { importEmployees(csv: $csv) { imported created updated deactivated errors { line field message } } }`;
const RESTORE = `mutation($emails: [String!]!) { restoreEmployees(emails: $emails) { restored alreadyActive } }`;
const COUNT = `query($waveId: ID!, $contactIds: [ID!], $target: InvitationTargetInput) {
  invitationTargetCount(waveId: $waveId, contactIds: $contactIds, target: $target) { total eligible alreadyInvited throttled unsubscribed } }`;

let app: TestApp;
let acme: Awaited<ReturnType<typeof createOrganization>>;
let other: Awaited<ReturnType<typeof createOrganization>>;
const tokens: Record<string, string> = {};
const units: Record<string, string> = {};

const sql = (text: string, params: unknown[] = []) => app.db.dataSource.query(text, params);
/** Every row of a table for one organization, to prove a preview changed nothing. */
const snapshot = (table: string) => sql(`SELECT * FROM ${table} WHERE organization_id = $1 ORDER BY id`, [acme.org.id]).then((rows) => JSON.stringify(rows));

beforeAll(async () => {
  app = await startTestApp();
  const db = app.db.dataSource.manager;
  acme = await createOrganization(db, 'acme', ['ADMIN', 'CX', 'HR', 'MANAGER']);
  other = await createOrganization(db, 'rival', ['ADMIN', 'CX', 'HR']);
  for (const role of ['ADMIN', 'CX', 'HR', 'MANAGER']) tokens[role] = await app.login(acme.users[role], acme.password);
  tokens.otherHr = await app.login(other.users.HR, other.password);
  tokens.otherCx = await app.login(other.users.CX, other.password);
  for (const [name, parent] of [['Sales', null], ['Sales North', 'Sales'], ['Support', null]] as const) {
    const res = await app.gql(`mutation($n: String!, $p: ID) { createOrgUnit(name: $n, parentId: $p) { id } }`, { n: name, p: parent ? units[parent] : null }, tokens.ADMIN);
    units[name] = res.data.createOrgUnit.id;
  }
});
afterAll(() => app?.close());

describe('previewContactImport', () => {
  const header = 'email,name,language,owner_email,org_unit,region';
  it('lists who a file adds and updates, by name, and writes nothing', async () => {
    const first = [header, 'ann@c.test,Ann,en,,Sales,EU', 'bob@c.test,Bob,pl,,Sales North,EU'].join('\n');
    expect((await app.gql(IMPORT_CONTACTS, { csv: first }, tokens.CX)).data.importContacts.created).toBe(2);
    const before = await snapshot('contacts');
    const csv = [header, 'bob@c.test,Bob Renamed,pl,,Support,US', 'cy@c.test,Cy,da,,,', 'ada@c.test,Ada,sl,,Support,'].join('\n');
    const res = await app.gql(PREVIEW_CONTACTS, { csv }, tokens.CX);
    expect(res.data.previewContactImport).toEqual({
      errors: [],
      added: { count: 2, people: [{ email: 'ada@c.test', name: 'Ada' }, { email: 'cy@c.test', name: 'Cy' }] },
      updated: { count: 1, people: [{ email: 'bob@c.test', name: 'Bob Renamed' }] },
      leaving: { count: 0, people: [] },
    });
    expect(await snapshot('contacts')).toBe(before);
    // The import then does what the preview said.
    expect((await app.gql(IMPORT_CONTACTS, { csv }, tokens.CX)).data.importContacts).toMatchObject({ created: 2, updated: 1 });
  });

  it('answers exactly the errors of the import, with line and column, and writes nothing', async () => {
    const before = await snapshot('contacts');
    const csv = [header, 'new@c.test,New,en,,,', 'not-an-email,X,en,,,', 'z@c.test,Z,xx,,Nowhere,'].join('\n');
    const preview = await app.gql(PREVIEW_CONTACTS, { csv }, tokens.CX);
    const imported = await app.gql(IMPORT_CONTACTS, { csv }, tokens.CX);
    expect(preview.data.previewContactImport.errors).toEqual(imported.data.importContacts.errors);
    expect(preview.data.previewContactImport.errors.map((e: { line: number; field: string }) => [e.line, e.field])).toEqual([
      [3, 'email'],
      [4, 'language'],
      [4, 'org_unit'],
    ]);
    expect(preview.data.previewContactImport.added).toEqual({ count: 0, people: [] });
    expect(await snapshot('contacts')).toBe(before);
    expect(fieldOf(await app.gql(PREVIEW_CONTACTS, { csv: '' }, tokens.CX))).toBe('csv');
  });

  it('is for the roles that import, and sees only the caller organization', async () => {
    expect(codeOf(await app.gql(PREVIEW_CONTACTS, { csv: `${header}\nq@c.test,Q,en,,,` }, tokens.HR))).toBe('FORBIDDEN');
    // The same emails in another organization are new there: nothing of acme's shows.
    const res = await app.gql(PREVIEW_CONTACTS, { csv: `${header}\nbob@c.test,Bob,en,,,` }, tokens.otherCx);
    expect(res.data.previewContactImport.added.count).toBe(1);
    expect(res.data.previewContactImport.updated.count).toBe(0);
  });
});

describe('the contacts list', () => {
  it('sorts by name with keyset pages, and keeps its total', async () => {
    const LIST = `query($after: String, $search: String) { contacts(order: NAME, first: 2, after: $after, filter: { search: $search }) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { name } } } }`;
    const names: string[] = [];
    let after: string | null = null;
    let totals = new Set<number>();
    do {
      const res: { data: { contacts: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { name: string } }[] } } } =
        (await app.gql(LIST, { after }, tokens.CX)) as never;
      names.push(...res.data.contacts.edges.map((e) => e.node.name));
      totals.add(res.data.contacts.totalCount);
      after = res.data.contacts.pageInfo.hasNextPage ? res.data.contacts.pageInfo.endCursor : null;
    } while (after);
    const all: { name: string }[] = await sql(`SELECT name FROM contacts WHERE organization_id = $1 ORDER BY lower(name), id`, [acme.org.id]);
    expect(names).toEqual(all.map((r) => r.name));
    expect([...totals]).toEqual([all.length]);
    const searched = await app.gql(LIST, { search: 'bob' }, tokens.CX);
    expect(searched.data.contacts.totalCount).toBe(1);
    expect(fieldOf(await app.gql(LIST, { after: 'nonsense' }, tokens.CX))).toBe('after');
    totals = new Set();
  });
});

describe('previewEmployeeImport and restoreEmployees', () => {
  const header = 'email,name,language,org_unit';
  const roster = [header, 'e1@acme.test,Eve One,en,Sales', 'e2@acme.test,Eli Two,pl,Sales', 'e3@acme.test,Emma Three,da,Support', 'e4@acme.test,Ed Four,en,Support'];

  it('lists the leavers a short roster would make, by name, and writes nothing', async () => {
    expect((await app.gql(IMPORT_EMPLOYEES, { csv: roster.join('\n') }, tokens.HR)).data.importEmployees.created).toBe(4);
    const before = await snapshot('employees');
    const short = [header, 'e1@acme.test,Eve One,en,Support', 'e5@acme.test,Finn Five,sl,Sales'].join('\n');
    const res = await app.gql(PREVIEW_EMPLOYEES, { csv: short }, tokens.HR);
    expect(res.data.previewEmployeeImport).toEqual({
      errors: [],
      added: { count: 1, people: [{ email: 'e5@acme.test', name: 'Finn Five' }] },
      updated: { count: 1, people: [{ email: 'e1@acme.test', name: 'Eve One' }] },
      leaving: {
        count: 3,
        people: [
          { email: 'e4@acme.test', name: 'Ed Four' },
          { email: 'e2@acme.test', name: 'Eli Two' },
          { email: 'e3@acme.test', name: 'Emma Three' },
        ],
      },
    });
    expect(await snapshot('employees')).toBe(before);
    const bad = await app.gql(PREVIEW_EMPLOYEES, { csv: [header, 'e1@acme.test,Eve,en,Nowhere'].join('\n') }, tokens.HR);
    expect(bad.data.previewEmployeeImport.errors).toEqual([{ line: 2, field: 'org_unit', message: 'No org unit named "Nowhere" in your organization' }]);
    expect(bad.data.previewEmployeeImport.leaving.count).toBe(0);
    expect(await snapshot('employees')).toBe(before);
    expect(codeOf(await app.gql(PREVIEW_EMPLOYEES, { csv: short }, tokens.CX))).toBe('FORBIDDEN');
    // The import does what the preview said.
    expect((await app.gql(IMPORT_EMPLOYEES, { csv: short }, tokens.HR)).data.importEmployees).toMatchObject({ created: 1, updated: 1, deactivated: 3 });
  });

  it('restores leavers by email; an unknown or another organization\'s email changes nothing', async () => {
    const active = () => sql(`SELECT email FROM employees WHERE organization_id = $1 AND active ORDER BY email`, [acme.org.id]).then((r) => r.map((x: { email: string }) => x.email));
    expect(await active()).toEqual(['e1@acme.test', 'e5@acme.test']);
    const unknown = await app.gql(RESTORE, { emails: ['e2@acme.test', 'nobody@acme.test'] }, tokens.HR);
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'emails' });
    expect(await active()).toEqual(['e1@acme.test', 'e5@acme.test']);
    // Another organization's HR cannot touch acme's people, and learns the same as for nobody.
    const foreign = await app.gql(RESTORE, { emails: ['e2@acme.test'] }, tokens.otherHr);
    expect(foreign.errors).toEqual((await app.gql(RESTORE, { emails: ['nobody@acme.test'] }, tokens.otherHr)).errors);
    expect(fieldOf(await app.gql(RESTORE, { emails: [] }, tokens.HR))).toBe('emails');
    expect(codeOf(await app.gql(RESTORE, { emails: ['e2@acme.test'] }, tokens.MANAGER))).toBe('FORBIDDEN');
    expect(await active()).toEqual(['e1@acme.test', 'e5@acme.test']);

    const res = await app.gql(RESTORE, { emails: ['E2@acme.test', 'e3@acme.test', 'e1@acme.test'] }, tokens.HR);
    expect(res.errors).toBeUndefined();
    expect(res.data.restoreEmployees).toEqual({ restored: 2, alreadyActive: 1 });
    expect(await active()).toEqual(['e1@acme.test', 'e2@acme.test', 'e3@acme.test', 'e5@acme.test']);
    // Each restore is in the roster's audit trail, written with it; the one already active is not.
    const trail = await sql(
      `SELECT e.email FROM roster_changes c JOIN employees e ON e.id = c.employee_id WHERE c.kind = 'RESTORED' AND e.email LIKE '%@acme.test' ORDER BY e.email`,
    );
    expect(trail.map((r: { email: string }) => r.email)).toEqual(['e2@acme.test', 'e3@acme.test']);
  });
});

describe('inviteToWave targets', () => {
  let waveId: string;
  let contactIds: Record<string, string>;
  const invited = () => sql(`SELECT c.email FROM invitations i JOIN contacts c ON c.id = i.contact_id WHERE i.wave_id = $1 ORDER BY c.email`, [waveId]).then((r) => r.map((x: { email: string }) => x.email));

  beforeAll(async () => {
    const csv = [
      'email,name,language,owner_email,org_unit',
      `n1@t.test,N1,en,${acme.users.MANAGER},Sales North`,
      `s1@t.test,S1,en,,Sales`,
      `u1@t.test,U1,en,${acme.users.MANAGER},Support`,
      `u2@t.test,U2,en,,Support`,
    ].join('\n');
    expect((await app.gql(IMPORT_CONTACTS, { csv }, tokens.CX)).data.importContacts.errors).toEqual([]);
    const rows: { email: string; id: string }[] = await sql(`SELECT email, id FROM contacts WHERE organization_id = $1`, [acme.org.id]);
    contactIds = Object.fromEntries(rows.map((r) => [r.email, r.id]));
    waveId = await openWave(app, tokens.CX, { name: 'Targets' });
  });

  it('refuses a malformed target; no target at all is everyone, as the contract has it', async () => {
    // The web app always names its target and confirms; a script's inviteToWave(waveId) keeps meaning everyone.
    const everyone = await app.gql(COUNT, { waveId, target: ALL }, tokens.CX);
    expect((await app.gql(COUNT, { waveId }, tokens.CX)).data).toEqual(everyone.data);
    expect(fieldOf(await app.gql(INVITE, { waveId, target: {} }, tokens.CX))).toBe('target');
    expect(fieldOf(await app.gql(INVITE, { waveId, target: { all: false } }, tokens.CX))).toBe('target');
    expect(fieldOf(await app.gql(INVITE, { waveId, target: { all: true, segment: 'NEVER_INVITED' } }, tokens.CX))).toBe('target.all');
    expect(fieldOf(await app.gql(INVITE, { waveId, contactIds: [contactIds['s1@t.test']], target: ALL }, tokens.CX))).toBe('target');
    expect(await invited()).toEqual([]);
  });

  it('counts, then invites, an org unit with everything below it', async () => {
    const target = { orgUnitIds: [units.Sales] };
    const count = await app.gql(COUNT, { waveId, target }, tokens.CX);
    // Sales: Ann (from the preview tests) and S1; Sales North below it: N1.
    expect(count.data.invitationTargetCount).toEqual({ total: 3, eligible: 3, alreadyInvited: 0, throttled: 0, unsubscribed: 0 });
    const res = await app.gql(INVITE, { waveId, target }, tokens.CX);
    expect(res.data.inviteToWave).toMatchObject({ invited: 3, skipped: 0 });
    expect(await invited()).toEqual(['ann@c.test', 'n1@t.test', 's1@t.test']);
    const again = await app.gql(COUNT, { waveId, target }, tokens.CX);
    expect(again.data.invitationTargetCount).toMatchObject({ total: 3, eligible: 0, alreadyInvited: 3 });
  });

  it('combines owners and units, and keeps a manager to their own contacts', async () => {
    const target = { ownerIds: [await userId(acme.users.MANAGER)], orgUnitIds: [units.Support] };
    expect((await app.gql(COUNT, { waveId, target }, tokens.CX)).data.invitationTargetCount.total).toBe(1);
    // A manager asking for everyone reaches only their own: n1 (already invited) and u1.
    expect((await app.gql(COUNT, { waveId, target: ALL }, tokens.MANAGER)).data.invitationTargetCount).toMatchObject({ total: 2, eligible: 1, alreadyInvited: 1 });
    const other = await app.gql(INVITE, { waveId, contactIds: [contactIds['u2@t.test']] }, tokens.MANAGER);
    expect(other.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'contactIds' });
    expect((await app.gql(INVITE, { waveId, target }, tokens.MANAGER)).data.inviteToWave.invited).toBe(1);
    expect(await invited()).toEqual(['ann@c.test', 'n1@t.test', 's1@t.test', 'u1@t.test']);
  });

  it("answers NOT_FOUND for another organization's org units, owners and contacts, and invites nobody", async () => {
    const rivalUnit = other.unit.id;
    const rivalUser = await userId(other.users.CX);
    for (const [target, field] of [
      [{ orgUnitIds: [rivalUnit] }, 'target.orgUnitIds'],
      [{ ownerIds: [rivalUser] }, 'target.ownerIds'],
      [{ contactIds: [rivalUser] }, 'target.contactIds'],
    ] as const) {
      const res = await app.gql(INVITE, { waveId, target }, tokens.CX);
      expect(res.errors?.[0].extensions, field).toMatchObject({ code: 'NOT_FOUND', field });
      expect(codeOf(await app.gql(COUNT, { waveId, target }, tokens.CX))).toBe('NOT_FOUND');
    }
    // Another organization cannot count or invite into acme's wave.
    expect(codeOf(await app.gql(COUNT, { waveId, target: ALL }, tokens.otherCx))).toBe('NOT_FOUND');
    expect(await invited()).toEqual(['ann@c.test', 'n1@t.test', 's1@t.test', 'u1@t.test']);
  });

  it('invites a segment, and everyone only when asked with all: true', async () => {
    const second = await openWave(app, tokens.CX, { name: 'Targets two' });
    // Ann, N1, S1 and U1 were invited to the first wave: throttled now; the others never were.
    const never = await app.gql(COUNT, { waveId: second, target: { segment: 'NEVER_INVITED' } }, tokens.CX);
    const [{ count }] = await sql(`SELECT count(*)::int AS count FROM contacts WHERE organization_id = $1 AND last_invited_at IS NULL`, [acme.org.id]);
    expect(never.data.invitationTargetCount).toMatchObject({ total: count, eligible: count });
    const everyone = await app.gql(COUNT, { waveId: second, target: ALL }, tokens.CX);
    expect(everyone.data.invitationTargetCount.throttled).toBe(4);
    const res = await app.gql(INVITE, { waveId: second, target: ALL }, tokens.CX);
    expect(res.data.inviteToWave).toMatchObject({ invited: everyone.data.invitationTargetCount.eligible, throttled: 4 });
  });

  it('takes only the whole roster (no target, or target { all: true }) for an employee wave, and counts it', async () => {
    const employees = await openWave(app, tokens.HR, { name: 'Pulse', audience: 'EMPLOYEE' });
    expect((await app.gql(COUNT, { waveId: employees }, tokens.HR)).data).toEqual((await app.gql(COUNT, { waveId: employees, target: ALL }, tokens.HR)).data);
    expect(fieldOf(await app.gql(INVITE, { waveId: employees, target: { orgUnitIds: [units.Sales] } }, tokens.HR))).toBe('target');
    const [{ count: participations }] = await sql(`SELECT count(*)::int AS count FROM employee_participations WHERE wave_id = $1`, [employees]);
    expect(participations).toBe(0);
    const count = await app.gql(COUNT, { waveId: employees, target: ALL }, tokens.HR);
    expect(count.data.invitationTargetCount).toMatchObject({ total: 4, eligible: 4 });
    expect((await app.gql(INVITE, { waveId: employees, target: ALL }, tokens.HR)).data.inviteToWave.invited).toBe(4);
  });
});

async function userId(email: string): Promise<string> {
  const [row] = await sql(`SELECT id FROM users WHERE email = $1`, [email]);
  return row.id;
}
