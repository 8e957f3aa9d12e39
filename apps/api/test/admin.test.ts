import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization } from './support/fixtures.js';
import { mailsTo, openWave } from './support/surveys.js';
import { codeOf, fieldOf, startTestApp, type GqlResult, type TestApp } from './support/test-app.js';

/**
 * Issue 15, item 3: users (invite by mail, roles, deactivate, reset by a single-use expiring
 * link), org units (rename, move without cycles, delete when empty, a manager) and the
 * organization's settings. ADMIN only; bad input names its field and changes nothing; another
 * organization's ids answer NOT_FOUND.
 */

const USER = `id email name roles language status orgUnit { name }`;
const INVITE_USER = `mutation($input: InviteUserInput!) { inviteUser(input: $input) { ${USER} } }`;
const UPDATE_USER = `mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { ${USER} } }`;
const DEACTIVATE = `mutation($id: ID!) { deactivateUser(id: $id) { ${USER} } }`;
const REACTIVATE = `mutation($id: ID!) { reactivateUser(id: $id) { ${USER} } }`;
const SEND_LINK = `mutation($id: ID!) { sendPasswordLink(id: $id) { status } }`;
const FORGOT = `mutation($email: String!) { requestPasswordReset(email: $email) }`;
const LINK = `query($token: String!) { passwordLink(token: $token) { purpose name language } }`;
const SET_PASSWORD = `mutation($token: String!, $password: String!) { setPassword(token: $token, password: $password) }`;
const USERS = `{ managedUsers { ${USER} } }`;
const UNIT = `id name parent { id } manager { email }`;
const RENAME = `mutation($id: ID!, $name: String!) { renameOrgUnit(id: $id, name: $name) { ${UNIT} } }`;
const MOVE = `mutation($id: ID!, $parentId: ID) { moveOrgUnit(id: $id, parentId: $parentId) { ${UNIT} } }`;
const DELETE = `mutation($id: ID!) { deleteOrgUnit(id: $id) }`;
const MANAGER = `mutation($id: ID!, $userId: ID) { setOrgUnitManager(id: $id, userId: $userId) { ${UNIT} } }`;
const SETTINGS = `timeZone anonymityThreshold followUpSlaHours throttleDays npsBands { key min } name`;
const UPDATE_SETTINGS = `mutation($input: OrganizationSettingsInput!) { updateOrganizationSettings(input: $input) { ${SETTINGS} } }`;

let app: TestApp;
let acme: Awaited<ReturnType<typeof createOrganization>>;
let rival: Awaited<ReturnType<typeof createOrganization>>;
const tokens: Record<string, string> = {};
const sql = (text: string, params: unknown[] = []) => app.db.dataSource.query(text, params);
const idOf = async (email: string): Promise<string> => (await sql(`SELECT id FROM users WHERE email = $1`, [email]))[0].id;
/** The token of the newest set-password link mailed to an address. */
const linkTo = (email: string) => /\/set-password\/([A-Za-z0-9_-]{43})/.exec(mailsTo(app, email).at(-1)?.body ?? '')?.[1] ?? '';
const loginResult = (email: string, password: string): Promise<GqlResult> =>
  app.gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken refreshToken } }`, { e: email, p: password });

beforeAll(async () => {
  app = await startTestApp();
  acme = await createOrganization(app.db.dataSource.manager, 'acme', ['ADMIN', 'CX', 'HR']);
  rival = await createOrganization(app.db.dataSource.manager, 'rival', ['ADMIN', 'MANAGER']);
  tokens.admin = await app.login(acme.users.ADMIN, acme.password);
  tokens.cx = await app.login(acme.users.CX, acme.password);
  tokens.hr = await app.login(acme.users.HR, acme.password);
  tokens.rival = await app.login(rival.users.ADMIN, rival.password);
});
afterAll(() => app?.close());

describe('users', () => {
  let newId: string;

  it('invites a user by mail; the single-use link sets their first password', async () => {
    const res = await app.gql(INVITE_USER, { input: { email: ' New.Person@Acme.test ', name: 'Nina New', roles: ['CX', 'MANAGER'], language: 'pl', orgUnitId: acme.unit.id } }, tokens.admin);
    expect(res.data.inviteUser).toMatchObject({ email: 'new.person@acme.test', name: 'Nina New', roles: ['CX', 'MANAGER'], language: 'pl', status: 'INVITED', orgUnit: { name: 'acme HQ' } });
    newId = res.data.inviteUser.id;
    const mail = mailsTo(app, 'new.person@acme.test').at(-1)!;
    expect(mail.body).toContain('Ustaw hasło');
    const token = linkTo('new.person@acme.test');
    expect((await app.gql(LINK, { token })).data.passwordLink).toEqual({ purpose: 'INVITE', name: 'Nina New', language: 'pl' });
    // No login before the password is set, whatever is typed.
    expect(codeOf(await loginResult('new.person@acme.test', ''))).toBe('INVALID_CREDENTIALS');
    const short = await app.gql(SET_PASSWORD, { token, password: 'short' });
    expect(short.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    expect((await app.gql(SET_PASSWORD, { token, password: 'a-long-enough-password' })).data.setPassword).toBe(true);
    expect((await loginResult('new.person@acme.test', 'a-long-enough-password')).data.login.accessToken).toBeTruthy();
    // Used once: the same link is refused, and shows nothing.
    expect(fieldOf(await app.gql(SET_PASSWORD, { token, password: 'another-password-1' }))).toBe('token');
    expect((await app.gql(LINK, { token })).data.passwordLink).toBeNull();
    expect((await app.gql(USERS, {}, tokens.admin)).data.managedUsers.find((u: { id: string }) => u.id === newId).status).toBe('ACTIVE');
  });

  it('refuses bad input by field, changing nothing', async () => {
    const before = await sql(`SELECT count(*)::int AS n FROM users`);
    const base = { email: 'x@acme.test', name: 'X', roles: ['CX'] };
    expect(fieldOf(await app.gql(INVITE_USER, { input: { ...base, email: 'not-an-email' } }, tokens.admin))).toBe('input.email');
    expect(fieldOf(await app.gql(INVITE_USER, { input: { ...base, name: '  ' } }, tokens.admin))).toBe('input.name');
    expect(fieldOf(await app.gql(INVITE_USER, { input: { ...base, roles: [] } }, tokens.admin))).toBe('input.roles');
    expect(fieldOf(await app.gql(INVITE_USER, { input: { ...base, language: 'xx' } }, tokens.admin))).toBe('input.language');
    const taken = await app.gql(INVITE_USER, { input: { ...base, email: rival.users.ADMIN } }, tokens.admin);
    expect(taken.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.email' });
    const foreignUnit = await app.gql(INVITE_USER, { input: { ...base, orgUnitId: rival.unit.id } }, tokens.admin);
    expect(foreignUnit.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.orgUnitId' });
    expect(await sql(`SELECT count(*)::int AS n FROM users`)).toEqual(before);
    for (const token of [tokens.cx, tokens.hr]) expect(codeOf(await app.gql(INVITE_USER, { input: base }, token))).toBe('FORBIDDEN');
    expect(codeOf(await app.gql(USERS, {}, tokens.cx))).toBe('FORBIDDEN');
  });

  it('changes roles, and keeps one active admin', async () => {
    const res = await app.gql(UPDATE_USER, { id: newId, input: { roles: ['LEADER'], name: 'Nina Leader' } }, tokens.admin);
    expect(res.data.updateUser).toMatchObject({ roles: ['LEADER'], name: 'Nina Leader', orgUnit: { name: 'acme HQ' } });
    const adminId = await idOf(acme.users.ADMIN);
    const last = await app.gql(UPDATE_USER, { id: adminId, input: { roles: ['CX'] } }, tokens.admin);
    expect(last.errors?.[0].extensions).toMatchObject({ code: 'INVALID_STATE', field: 'roles' });
    expect(fieldOf(await app.gql(UPDATE_USER, { id: newId, input: { roles: [] } }, tokens.admin))).toBe('input.roles');
    expect((await sql(`SELECT roles FROM users WHERE id = $1`, [adminId]))[0].roles).toEqual(['ADMIN']);
  });

  it('deactivates: the login and its refresh tokens stop at once; reactivating gives them back', async () => {
    const login = await loginResult('new.person@acme.test', 'a-long-enough-password');
    const refreshToken = login.data.login.refreshToken;
    expect((await app.gql(DEACTIVATE, { id: newId }, tokens.admin)).data.deactivateUser.status).toBe('DEACTIVATED');
    expect(codeOf(await loginResult('new.person@acme.test', 'a-long-enough-password'))).toBe('INVALID_CREDENTIALS');
    expect(codeOf(await app.gql(`mutation($t: String!) { refresh(refreshToken: $t) { accessToken } }`, { t: refreshToken }))).toBe('UNAUTHENTICATED');
    expect(fieldOf(await app.gql(DEACTIVATE, { id: await idOf(acme.users.ADMIN) }, tokens.admin))).toBe('id');
    expect((await app.gql(REACTIVATE, { id: newId }, tokens.admin)).data.reactivateUser.status).toBe('ACTIVE');
    expect((await loginResult('new.person@acme.test', 'a-long-enough-password')).data.login).toBeTruthy();
  });

  it('resets a password by a mailed link that expires and works once', async () => {
    expect((await app.gql(SEND_LINK, { id: newId }, tokens.admin)).data.sendPasswordLink.status).toBe('ACTIVE');
    const first = linkTo('new.person@acme.test');
    expect((await app.gql(LINK, { token: first })).data.passwordLink.purpose).toBe('RESET');
    // Forgot password on the login page: the same answer for an account and for nobody.
    expect((await app.gql(FORGOT, { email: 'nobody@acme.test' })).data.requestPasswordReset).toBe(true);
    expect(mailsTo(app, 'nobody@acme.test')).toHaveLength(0);
    // A newer link spends the older one.
    await sql(`UPDATE password_links SET created_at = created_at - interval '1 hour' WHERE user_id = $1`, [newId]);
    expect((await app.gql(FORGOT, { email: 'NEW.person@acme.test' })).data.requestPasswordReset).toBe(true);
    const second = linkTo('new.person@acme.test');
    expect(second).not.toBe(first);
    expect(fieldOf(await app.gql(SET_PASSWORD, { token: first, password: 'password-number-two' }))).toBe('token');
    // An expired link does nothing.
    await sql(`UPDATE password_links SET expires_at = now() - interval '1 second' WHERE user_id = $1 AND used_at IS NULL`, [newId]);
    expect(fieldOf(await app.gql(SET_PASSWORD, { token: second, password: 'password-number-two' }))).toBe('token');
    expect((await loginResult('new.person@acme.test', 'a-long-enough-password')).data.login).toBeTruthy();
    await sql(`UPDATE password_links SET expires_at = now() + interval '1 hour' WHERE user_id = $1 AND used_at IS NULL`, [newId]);
    expect((await app.gql(SET_PASSWORD, { token: second, password: 'password-number-two' })).data.setPassword).toBe(true);
    expect(codeOf(await loginResult('new.person@acme.test', 'a-long-enough-password'))).toBe('INVALID_CREDENTIALS');
    expect((await loginResult('new.person@acme.test', 'password-number-two')).data.login).toBeTruthy();
    expect(fieldOf(await app.gql(SET_PASSWORD, { token: 'x'.repeat(43), password: 'password-number-two' }))).toBe('token');
  });

  it("answers NOT_FOUND for another organization's users, and changes nothing of theirs", async () => {
    const rivalManager = await idOf(rival.users.MANAGER);
    for (const [query, vars] of [
      [UPDATE_USER, { id: rivalManager, input: { roles: ['ADMIN'] } }],
      [DEACTIVATE, { id: rivalManager }],
      [REACTIVATE, { id: rivalManager }],
      [SEND_LINK, { id: rivalManager }],
    ] as const) {
      const res = await app.gql(query, vars, tokens.admin);
      const unknown = await app.gql(query, { ...vars, id: '00000000-0000-4000-8000-000000000000' }, tokens.admin);
      expect(res.errors).toEqual(unknown.errors);
      expect(codeOf(res)).toBe('NOT_FOUND');
    }
    expect(await sql(`SELECT roles, active FROM users WHERE id = $1`, [rivalManager])).toEqual([{ roles: ['MANAGER'], active: true }]);
    expect((await app.gql(USERS, {}, tokens.admin)).data.managedUsers.map((u: { email: string }) => u.email)).not.toContain(rival.users.MANAGER);
  });
});

describe('org units', () => {
  const units: Record<string, string> = {};
  beforeAll(async () => {
    for (const [name, parent] of [['Sales', null], ['Sales North', 'Sales'], ['Sales North East', 'Sales North'], ['Support', null]] as const) {
      const res = await app.gql(`mutation($n: String!, $p: ID) { createOrgUnit(name: $n, parentId: $p) { id } }`, { n: name, p: parent ? units[parent] : null }, tokens.admin);
      units[name] = res.data.createOrgUnit.id;
    }
  });

  it('renames, refusing a name another unit has', async () => {
    expect((await app.gql(RENAME, { id: units.Support, name: ' Customer Care ' }, tokens.admin)).data.renameOrgUnit.name).toBe('Customer Care');
    expect((await app.gql(RENAME, { id: units.Support, name: 'sales' }, tokens.admin)).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'name' });
    expect(fieldOf(await app.gql(RENAME, { id: units.Support, name: '' }, tokens.admin))).toBe('name');
  });

  it('moves a unit, never under itself or below itself', async () => {
    const cycle = await app.gql(MOVE, { id: units.Sales, parentId: units['Sales North East'] }, tokens.admin);
    expect(cycle.errors?.[0].extensions).toMatchObject({ code: 'INVALID_STATE', field: 'parentId' });
    expect(fieldOf(await app.gql(MOVE, { id: units.Sales, parentId: units.Sales }, tokens.admin))).toBe('parentId');
    expect((await sql(`SELECT parent_id FROM org_units WHERE id = $1`, [units.Sales]))[0].parent_id).toBeNull();
    const moved = await app.gql(MOVE, { id: units['Sales North East'], parentId: units.Support }, tokens.admin);
    expect(moved.data.moveOrgUnit.parent.id).toBe(units.Support);
    expect((await app.gql(MOVE, { id: units['Sales North East'], parentId: null }, tokens.admin)).data.moveOrgUnit.parent).toBeNull();
  });

  it('deletes only an empty unit', async () => {
    const withChild = await app.gql(DELETE, { id: units.Sales }, tokens.admin);
    expect(withChild.errors?.[0].extensions).toMatchObject({ code: 'INVALID_STATE', field: 'id' });
    expect(withChild.errors?.[0].message).toContain('sub-units');
    // People in it keep it too.
    const csv = ['email,name,language,owner_email,org_unit', 'c@acme.test,C,en,,Sales North'].join('\n');
    expect((await app.gql(`mutation($csv: String!) { importContacts(csv: $csv) { errors { message } } }`, { csv }, tokens.cx)).data.importContacts.errors).toEqual([]);
    const withContact = await app.gql(DELETE, { id: units['Sales North'] }, tokens.admin);
    expect(withContact.errors?.[0].message).toContain('contacts');
    expect((await app.gql(DELETE, { id: units['Sales North East'] }, tokens.admin)).data.deleteOrgUnit).toBe(true);
    expect(await sql(`SELECT 1 FROM org_units WHERE id = $1`, [units['Sales North East']])).toEqual([]);
  });

  it('sets a manager from the organization', async () => {
    const hr = await idOf(acme.users.HR);
    expect((await app.gql(MANAGER, { id: units.Sales, userId: hr }, tokens.admin)).data.setOrgUnitManager.manager).toEqual({ email: acme.users.HR });
    const foreign = await app.gql(MANAGER, { id: units.Sales, userId: await idOf(rival.users.MANAGER) }, tokens.admin);
    expect(foreign.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'userId' });
    expect((await app.gql(MANAGER, { id: units.Sales, userId: null }, tokens.admin)).data.setOrgUnitManager.manager).toBeNull();
  });

  it("answers NOT_FOUND for another organization's units, and is for admins only", async () => {
    for (const [query, vars] of [
      [RENAME, { id: rival.unit.id, name: 'Mine' }],
      [MOVE, { id: rival.unit.id, parentId: null }],
      [MOVE, { id: units.Sales, parentId: rival.unit.id }],
      [DELETE, { id: rival.unit.id }],
      [MANAGER, { id: rival.unit.id, userId: null }],
    ] as const) {
      expect(codeOf(await app.gql(query, vars, tokens.admin)), query).toBe('NOT_FOUND');
    }
    expect(await sql(`SELECT name, parent_id FROM org_units WHERE id = $1`, [rival.unit.id])).toEqual([{ name: 'rival HQ', parent_id: null }]);
    expect(codeOf(await app.gql(RENAME, { id: units.Sales, name: 'X' }, tokens.cx))).toBe('FORBIDDEN');
    expect(codeOf(await app.gql(DELETE, { id: units.Sales }, tokens.hr))).toBe('FORBIDDEN');
  });
});

describe('organization settings', () => {
  it('changes the settings, each checked by field', async () => {
    const res = await app.gql(
      UPDATE_SETTINGS,
      { input: { timeZone: 'Europe/Warsaw', anonymityThreshold: 7, followUpSlaHours: 24, throttleDays: 30, npsBands: [{ key: 'needs_work', min: -100 }, { key: 'good', min: 10 }, { key: 'excellent', min: 60 }] } },
      tokens.admin,
    );
    expect(res.data.updateOrganizationSettings).toEqual({
      timeZone: 'Europe/Warsaw',
      anonymityThreshold: 7,
      followUpSlaHours: 24,
      throttleDays: 30,
      npsBands: [{ key: 'needs_work', min: -100 }, { key: 'good', min: 10 }, { key: 'excellent', min: 60 }],
      name: 'Org acme',
    });
    const before = await sql(`SELECT settings, name FROM organizations WHERE id = $1`, [acme.org.id]);
    for (const [input, field] of [
      [{ timeZone: 'Mars/Olympus' }, 'input.timeZone'],
      [{ timeZone: '../etc' }, 'input.timeZone'],
      [{ anonymityThreshold: 2 }, 'input.anonymityThreshold'],
      [{ followUpSlaHours: 0 }, 'input.followUpSlaHours'],
      [{ throttleDays: -1 }, 'input.throttleDays'],
      [{ npsBands: [{ key: 'good', min: 0 }] }, 'input.npsBands'],
      [{ npsBands: [{ key: 'a', min: -100 }, { key: 'a', min: 5 }] }, 'input.npsBands'],
      [{ name: ' ' }, 'input.name'],
      [{ name: 'Fine', anonymityThreshold: 1 }, 'input.anonymityThreshold'],
    ] as const) {
      const bad = await app.gql(UPDATE_SETTINGS, { input }, tokens.admin);
      expect(bad.errors?.[0].extensions, JSON.stringify(input)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await sql(`SELECT settings, name FROM organizations WHERE id = $1`, [acme.org.id])).toEqual(before);
    expect(codeOf(await app.gql(UPDATE_SETTINGS, { input: { throttleDays: 10 } }, tokens.hr))).toBe('FORBIDDEN');
    // The other organization keeps its defaults.
    const theirs = await app.gql(`{ organization { ${SETTINGS} } }`, {}, tokens.rival);
    expect(theirs.data.organization).toMatchObject({ timeZone: 'UTC', anonymityThreshold: 5, followUpSlaHours: 48, throttleDays: 90 });
  });

  it('never lowers k while an employee wave is open, since its invitations promised the current k', async () => {
    await openWave(app, tokens.hr, { name: 'Pulse', audience: 'EMPLOYEE' });
    const lower = await app.gql(UPDATE_SETTINGS, { input: { anonymityThreshold: 5 } }, tokens.admin);
    expect(lower.errors?.[0].extensions).toMatchObject({ code: 'INVALID_STATE', field: 'input.anonymityThreshold' });
    expect((await app.gql(UPDATE_SETTINGS, { input: { anonymityThreshold: 9 } }, tokens.admin)).data.updateOrganizationSettings.anonymityThreshold).toBe(9);
  });

  it("reads every summary's band with the organization's bands", async () => {
    const demoAdmin = await app.login('admin@demo.test');
    const WAVES = `{ waves(first: 20) { edges { node { summary { nps band } } } } }`;
    const before = (await app.gql(WAVES, {}, demoAdmin)).data.waves.edges.map((e: { node: { summary: { nps: number | null; band: string | null } } }) => e.node.summary);
    expect(before.some((s: { band: string | null }) => s.band !== null)).toBe(true);
    await app.gql(UPDATE_SETTINGS, { input: { npsBands: [{ key: 'low', min: -100 }, { key: 'top', min: 99.5 }] } }, demoAdmin);
    const after = (await app.gql(WAVES, {}, demoAdmin)).data.waves.edges.map((e: { node: { summary: { nps: number | null; band: string | null } } }) => e.node.summary);
    for (const s of after) expect(s.band).toBe(s.nps === null ? null : s.nps >= 99.5 ? 'top' : 'low');
    // npsBreakdown gives its groups their band itself (nps-breakdown.service.ts), with the same bands.
    const BREAKDOWN = `{ npsBreakdown(filter: {}, by: ORG_UNIT) { summary { nps band } } npsSummary(filter: {}) { nps band } }`;
    const read = (await app.gql(BREAKDOWN, {}, demoAdmin)).data;
    const groups = read.npsBreakdown.map((g: { summary: { nps: number | null; band: string | null } }) => g.summary);
    expect(groups.filter((s: { nps: number | null }) => s.nps !== null).length).toBeGreaterThan(1);
    for (const s of [...groups, read.npsSummary]) expect(s.band).toBe(s.nps === null ? null : s.nps >= 99.5 ? 'top' : 'low');
  });
});
