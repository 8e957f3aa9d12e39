import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../src/kernel/passwords.js';
import { buildScenario, PEOPLE, WAVE1 } from './support/anonymity-scenario.js';
import { createOrganization } from './support/fixtures.js';
import { until } from './support/jobs.js';
import { INVITE, SUBMIT, mailsTo, outbox } from './support/surveys.js';
import { codeOf, fieldOf, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Issue 17: Tandem acts on time by itself. Waves open and close at their moments (an employee wave
 * is released then), a reminder rule reminds non-respondents on its own up to its maximum, a
 * follow-up past its SLA is marked overdue and escalated to the CX users of the nearest org unit up
 * the tree, owners hear of a new detractor at once (app and mail, as their preferences allow), and
 * the board counts the share closed within the SLA.
 *
 * Time: opening and closing run on short real delays (pg-boss's startAfter is the database's
 * clock); the rest moves the app's clock (services.now) forward and lets the scheduler's tick
 * (every second here) sweep for what became due.
 */
let app: TestApp;
let offset = 0;
const advance = (ms: number) => void (offset += ms);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const WAVE = `id name status opensAt closesAt openedAt closedAt reminderAfterDays maxReminders`;
const CREATE = `mutation($input: CreateWaveInput!) { createWave(input: $input) { ${WAVE} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateWaveInput!) { updateWave(id: $id, input: $input) { ${WAVE} } }`;
const GET = `query($id: ID!) { wave(id: $id) { ${WAVE} } }`;
const NAV = `query { navCounts { item count urgent } }`;
const PREFS = `query { myNotificationPreferences { mails { kind enabled } digestFrequency language } }`;
const SET_PREFS = `mutation($input: NotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { mails { kind enabled } digestFrequency language } }`;
const NOTIFICATIONS = `query($first: Int, $unreadOnly: Boolean) { notifications(first: $first, unreadOnly: $unreadOnly) {
  totalCount edges { node { id kind readAt followUpId contactName score comment waveName ownerName link } } } }`;
const MARK_READ = `mutation($ids: [ID!], $all: Boolean) { markNotificationsRead(ids: $ids, all: $all) }`;
const FOLLOW_UP = `query($id: ID!) { followUp(id: $id) { id status overdue overdueAt escalatedAt escalatedTo { email } owner { email } } }`;

const sql = <T = any>(query: string, params: unknown[] = []): Promise<T[]> => app.db.dataSource.query(query, params);
const waveOf = async (id: string, token: string) => (await app.gql(GET, { id }, token)).data.wave;
const eventsOf = (type: string, key: string, value: string) =>
  sql<{ payload: Record<string, unknown>; organization_id: string }>(`SELECT payload, organization_id FROM domain_events WHERE type = $1 AND payload->>$2 = $3 ORDER BY occurred_at`, [type, key, value]);
const navOf = async (token: string) => Object.fromEntries((await app.gql(NAV, {}, token)).data.navCounts.map((c: { item: string; count: number }) => [c.item, c.count]));
const inSeconds = (s: number) => new Date(Date.now() + offset + s * 1000).toISOString();

/** Waits until the tick has run `n` more times: whatever it would find due has been found by then. */
async function ticksPass(n = 2): Promise<void> {
  const count = async () => Number((await sql(`SELECT count(*) AS n FROM pgboss.job WHERE name = 'schedules' AND data->>'kind' = 'tick' AND state = 'completed'`))[0].n);
  const start = await count();
  await until(async () => (await count()) >= start + n, `${n} ticks`, 20_000);
  // …and the jobs it sent have run.
  await until(
    async () => Number((await sql(`SELECT count(*) AS n FROM pgboss.job WHERE name IN ('schedules', 'notifications.mail') AND data->>'kind' IS DISTINCT FROM 'tick' AND state IN ('created', 'active', 'retry') AND start_after <= now()`))[0].n) === 0,
    'the swept work to finish',
    20_000,
  );
}

async function addUnit(organizationId: string, name: string, parentId: string): Promise<string> {
  const [row] = await sql(`INSERT INTO org_units (organization_id, parent_id, name) VALUES ($1, $2, $3) RETURNING id`, [organizationId, parentId, name]);
  return row.id;
}

async function addUser(organizationId: string, email: string, name: string, roles: string[], unitId: string, language = 'en'): Promise<string> {
  const [row] = await sql(
    `INSERT INTO users (organization_id, org_unit_id, email, name, roles, password_hash, language, active) VALUES ($1, $2, $3, $4, $5, $6, $7, true) RETURNING id`,
    [organizationId, unitId, email, name, roles, await hashSecret('other-password'), language],
  );
  return row.id;
}

async function addContact(organizationId: string, email: string, name: string, ownerId: string | null, unitId: string | null): Promise<string> {
  const [row] = await sql(
    `INSERT INTO contacts (organization_id, email, name, language, owner_id, org_unit_id, segments) VALUES ($1, $2, $3, 'en', $4, $5, '{}') RETURNING id`,
    [organizationId, email, name, ownerId, unitId],
  );
  return row.id;
}

/** Invites a contact (by the CX token) and answers through its link. */
async function answerAs(token: string, waveId: string, contactId: string, email: string, score: number, reason: string | null = null): Promise<void> {
  const invited = await app.gql(INVITE, { waveId, contactIds: [contactId] }, token);
  expect(invited.data?.inviteToWave?.invited, JSON.stringify(invited)).toBe(1);
  const link = await until(() => mailsTo(app, email).at(-1)?.token, `the invitation of ${email}`);
  const res = await app.gql(SUBMIT, { token: link, input: { score, reason } });
  expect(res.errors).toBeUndefined();
}

beforeAll(async () => {
  app = await startTestApp({ seed: false, env: { SCHEDULE_TICK_SECONDS: '1' } });
  app.services.now = () => new Date(Date.now() + offset);
});
afterAll(() => app?.close());

describe('bad input and other organizations', () => {
  let cx: string;
  let waveId: string;
  let stranger: string;

  beforeAll(async () => {
    const org = await createOrganization(app.db.dataSource.manager, 'rules', ['CX', 'MANAGER']);
    cx = await app.login(org.users.CX, org.password);
    waveId = (await app.gql(CREATE, { input: { name: 'Rules', audience: 'CUSTOMER', reminderAfterDays: 3, maxReminders: 2 } }, cx)).data.createWave.id;
    const other = await createOrganization(app.db.dataSource.manager, 'stranger', ['CX']);
    stranger = await app.login(other.users.CX, other.password);
  });

  it.each([
    ['negative days', { reminderAfterDays: -1, maxReminders: 2 }, 'input.reminderAfterDays'],
    ['zero days', { reminderAfterDays: 0, maxReminders: 2 }, 'input.reminderAfterDays'],
    ['too many days', { reminderAfterDays: 31, maxReminders: 2 }, 'input.reminderAfterDays'],
    ['maxReminders 0', { reminderAfterDays: 2, maxReminders: 0 }, 'input.maxReminders'],
    ['maxReminders above 5', { reminderAfterDays: 2, maxReminders: 6 }, 'input.maxReminders'],
    ['days without a maximum', { reminderAfterDays: 2 }, 'input.maxReminders'],
    ['a maximum without days', { maxReminders: 2 }, 'input.reminderAfterDays'],
  ])('refuses a reminder rule with %s, naming the field, and creates nothing', async (_, rule, field) => {
    const before = (await sql(`SELECT count(*)::int AS n FROM waves`))[0].n;
    const res = await app.gql(CREATE, { input: { name: 'Bad rule', audience: 'CUSTOMER', ...rule } }, cx);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(fieldOf(res)).toBe(field);
    expect((await sql(`SELECT count(*)::int AS n FROM waves`))[0].n).toBe(before);
  });

  it('keeps a valid rule, and refuses a bad change of it without changing anything', async () => {
    expect(await waveOf(waveId, cx)).toMatchObject({ reminderAfterDays: 3, maxReminders: 2 });
    for (const [input, field] of [
      [{ reminderAfterDays: -2 }, 'input.reminderAfterDays'],
      [{ maxReminders: 99 }, 'input.maxReminders'],
      [{ reminderAfterDays: null }, 'input.reminderAfterDays'],
      [{ name: 'Renamed', maxReminders: 7 }, 'input.maxReminders'],
    ] as const) {
      const res = await app.gql(UPDATE, { id: waveId, input }, cx);
      expect(codeOf(res), JSON.stringify(input)).toBe('BAD_USER_INPUT');
      expect(fieldOf(res)).toBe(field);
    }
    expect(await waveOf(waveId, cx)).toMatchObject({ name: 'Rules', reminderAfterDays: 3, maxReminders: 2 });
    // Both null removes the rule.
    const cleared = await app.gql(UPDATE, { id: waveId, input: { reminderAfterDays: null, maxReminders: null } }, cx);
    expect(cleared.data.updateWave).toMatchObject({ reminderAfterDays: null, maxReminders: null });
  });

  it("answers another organization's wave, follow-up and notification as unknown", async () => {
    const res = await app.gql(UPDATE, { id: waveId, input: { name: 'Mine now' } }, stranger);
    expect(codeOf(res)).toBe('NOT_FOUND');
    expect(fieldOf(res)).toBe('id');
    expect((await waveOf(waveId, cx)).name).toBe('Rules');
    const [note] = await sql(
      `INSERT INTO notifications (organization_id, user_id, kind, dedupe_key, data)
       SELECT organization_id, id, 'FOLLOW_UP_ASSIGNED', 'test:tenancy', '{}' FROM users WHERE email = 'cx@rules.test' RETURNING id`,
    );
    const marked = await app.gql(MARK_READ, { ids: [note.id] }, stranger);
    expect(codeOf(marked)).toBe('NOT_FOUND');
    expect(fieldOf(marked)).toBe('ids');
    expect((await sql(`SELECT read_at FROM notifications WHERE id = $1`, [note.id]))[0].read_at).toBeNull();
    expect((await app.gql(NOTIFICATIONS, {}, stranger)).data.notifications.totalCount).toBe(0);
    // The owner marks it; a mix of theirs and another's marks nothing.
    const mixed = await app.gql(MARK_READ, { ids: [note.id, '00000000-0000-4000-8000-000000000000'] }, cx);
    expect(codeOf(mixed)).toBe('NOT_FOUND');
    expect((await app.gql(MARK_READ, { ids: [note.id] }, cx)).data.markNotificationsRead).toBe(1);
    expect(codeOf(await app.gql(MARK_READ, {}, cx))).toBe('BAD_USER_INPUT');
  });

  it('refuses unknown notification kinds, digest frequencies and languages, naming the field, and keeps the preferences', async () => {
    const before = (await app.gql(PREFS, {}, cx)).data.myNotificationPreferences;
    expect(before).toEqual({
      mails: ['FOLLOW_UP_ASSIGNED', 'FOLLOW_UP_ESCALATED', 'DIGEST', 'TEAM_PACK', 'ACTION_REMINDER', 'PROGRAMME_NEWS'].map((kind) => ({ kind, enabled: true })),
      digestFrequency: 'NEVER',
      language: 'en',
    });
    for (const [input, field] of [
      [{ mails: [{ kind: 'FOLLOW_UP_ESCALATED', enabled: false }, { kind: 'SMOKE_SIGNALS', enabled: false }] }, 'input.mails[1].kind'],
      [{ mails: [{ kind: 'DIGEST', enabled: false }, { kind: 'DIGEST', enabled: true }] }, 'input.mails[1].kind'],
      [{ mails: [{ kind: 'DIGEST', enabled: false }], digestFrequency: 'HOURLY' }, 'input.digestFrequency'],
      [{ digestFrequency: 'DAILY', language: 'xx' }, 'input.language'],
    ] as const) {
      const res = await app.gql(SET_PREFS, { input }, cx);
      expect(codeOf(res), JSON.stringify(input)).toBe('BAD_USER_INPUT');
      expect(fieldOf(res)).toBe(field);
    }
    expect((await app.gql(PREFS, {}, cx)).data.myNotificationPreferences).toEqual(before);
    const changed = await app.gql(SET_PREFS, { input: { mails: [{ kind: 'DIGEST', enabled: false }], digestFrequency: 'DAILY', language: 'da' } }, cx);
    expect(changed.data.updateNotificationPreferences).toMatchObject({ digestFrequency: 'DAILY', language: 'da' });
    expect(changed.data.updateNotificationPreferences.mails.find((m: { kind: string }) => m.kind === 'DIGEST').enabled).toBe(false);
    expect((await app.gql(`query { me { language } }`, {}, cx)).data.me.language).toBe('da');
  });
});

describe('a wave with opensAt and closesAt', () => {
  let cx: string;

  beforeAll(async () => {
    const org = await createOrganization(app.db.dataSource.manager, 'timed', ['CX']);
    cx = await app.login(org.users.CX, org.password);
  });

  it('opens at opensAt and closes at closesAt by itself, publishing wave.opened and wave.closed', async () => {
    const opensAt = inSeconds(2);
    const closesAt = inSeconds(5);
    const created = (await app.gql(CREATE, { input: { name: 'Timed', audience: 'CUSTOMER', opensAt, closesAt } }, cx)).data.createWave;
    expect(created.status).toBe('DRAFT');
    const opened = await until(async () => {
      const wave = await waveOf(created.id, cx);
      return wave.status !== 'DRAFT' && wave;
    }, 'the wave to open');
    expect(opened.status).toBe('OPEN');
    expect(new Date(opened.openedAt).getTime()).toBeGreaterThanOrEqual(new Date(opensAt).getTime());
    const closed = await until(async () => {
      const wave = await waveOf(created.id, cx);
      return wave.status === 'CLOSED' && wave;
    }, 'the wave to close');
    expect(closed.closedAt).toBe(closesAt);
    expect((await eventsOf('wave.opened', 'waveId', created.id)).map((e) => e.payload)).toEqual([{ waveId: created.id, audience: 'CUSTOMER' }]);
    expect((await eventsOf('wave.closed', 'waveId', created.id)).map((e) => e.payload)).toEqual([{ waveId: created.id, audience: 'CUSTOMER', invited: 0, answers: 0 }]);
    // By hand afterwards: the compare-and-set says it is closed already.
    const again = await app.gql(`mutation($id: ID!) { closeWave(id: $id) { id } }`, { id: created.id }, cx);
    expect(codeOf(again)).toBe('INVALID_STATE');
  });

  it('is scheduled anew when its dates change, and the old moment does nothing', async () => {
    const created = (await app.gql(CREATE, { input: { name: 'Moved', audience: 'CUSTOMER', opensAt: inSeconds(3), closesAt: inSeconds(3600) } }, cx)).data.createWave;
    const moved = await app.gql(UPDATE, { id: created.id, input: { opensAt: inSeconds(600) } }, cx);
    expect(moved.errors).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 5000));
    expect((await waveOf(created.id, cx)).status).toBe('DRAFT');
    await app.gql(UPDATE, { id: created.id, input: { opensAt: inSeconds(1) } }, cx);
    await until(async () => (await waveOf(created.id, cx)).status === 'OPEN', 'the wave to open at its new moment');
    // While open: opensAt is history, closesAt may move (to a moment still to come).
    expect(codeOf(await app.gql(UPDATE, { id: created.id, input: { opensAt: inSeconds(10) } }, cx))).toBe('INVALID_STATE');
    const past = await app.gql(UPDATE, { id: created.id, input: { closesAt: inSeconds(-10) } }, cx);
    expect(fieldOf(past)).toBe('input.closesAt');
    await app.gql(UPDATE, { id: created.id, input: { closesAt: inSeconds(2) } }, cx);
    await until(async () => (await waveOf(created.id, cx)).status === 'CLOSED', 'the wave to close at its new moment');
    expect((await eventsOf('wave.opened', 'waveId', created.id))).toHaveLength(1);
    expect((await eventsOf('wave.closed', 'waveId', created.id))).toHaveLength(1);
  });

  it('releases an employee wave at closesAt as a job, its events carrying counts only (at or above k)', async () => {
    const s = await buildScenario(app, 'timed-hr');
    const created = (await s.ok(CREATE, { input: { name: 'Pulse', audience: 'EMPLOYEE', opensAt: inSeconds(2) } })).createWave;
    await until(async () => (await waveOf(created.id, s.tokens.hr)).status === 'OPEN', 'the employee wave to open');
    const before = new Set(outbox(app).map((m) => m.file));
    await s.ok(INVITE, { waveId: created.id, target: { all: true } });
    const links = outbox(app).filter((m) => !before.has(m.file)).map((m) => m.token);
    expect(links).toHaveLength(PEOPLE.length);
    const answers = Object.values(WAVE1).slice(0, 6);
    for (const [i, a] of answers.entries()) await s.answer(links[i], a);
    await s.ok(UPDATE, { id: created.id, input: { closesAt: inSeconds(2) } });
    await until(async () => (await sql(`SELECT 1 FROM employee_releases WHERE wave_id = $1`, [created.id])).length, 'the release at closesAt');
    expect((await waveOf(created.id, s.tokens.hr)).status).toBe('CLOSED');
    const [opened] = await eventsOf('wave.opened', 'waveId', created.id);
    const [closed] = await eventsOf('wave.closed', 'waveId', created.id);
    expect(opened.payload).toEqual({ waveId: created.id, audience: 'EMPLOYEE' });
    expect(closed.payload).toEqual({ waveId: created.id, audience: 'EMPLOYEE', invited: PEOPLE.length, answers: answers.length });

    // Below k answers: the count is not published.
    const small = (await s.ok(CREATE, { input: { name: 'Small pulse', audience: 'EMPLOYEE' } })).createWave;
    await s.ok(`mutation($id: ID!) { openWave(id: $id) { id } }`, { id: small.id });
    const seen = new Set(outbox(app).map((m) => m.file));
    await s.ok(INVITE, { waveId: small.id, target: { all: true } });
    const smallLinks = outbox(app).filter((m) => !seen.has(m.file)).map((m) => m.token);
    for (const a of Object.values(WAVE1).slice(0, 2)) await s.answer(smallLinks.shift()!, a);
    await s.closeWave(small.id);
    const [smallClosed] = await until(() => eventsOf('wave.closed', 'waveId', small.id).then((e) => (e.length ? e : null)), 'wave.closed');
    expect(smallClosed.payload).toEqual({ waveId: small.id, audience: 'EMPLOYEE', invited: PEOPLE.length, answers: null });
    // Nothing about the employees' answers is ever an event.
    const leaked = await sql(`SELECT type, payload FROM domain_events WHERE organization_id = $1 AND type NOT IN ('wave.opened', 'wave.closed')`, [s.organizationId]);
    expect(leaked).toEqual([]);
  });
});

describe('follow-ups: the owner is told, a late one is escalated up the tree', () => {
  let org: Awaited<ReturnType<typeof createOrganization>>;
  let cx: string;
  let manager: string;
  let waveId: string;
  const unit: Record<string, string> = {};
  const user: Record<string, string> = {};
  const contact: Record<string, string> = {};
  const followUp: Record<string, string> = {};

  beforeAll(async () => {
    org = await createOrganization(app.db.dataSource.manager, 'sla', ['ADMIN', 'CX']);
    const orgId = org.org.id;
    await sql(`UPDATE organizations SET settings = settings || '{"followUpSlaHours": 1, "timeZone": "Europe/Warsaw"}'::jsonb WHERE id = $1`, [orgId]);
    unit.hq = org.unit.id;
    unit.north = await addUnit(orgId, 'North', unit.hq);
    unit.store = await addUnit(orgId, 'Store 12', unit.north);
    unit.south = await addUnit(orgId, 'South', unit.hq);
    user.north = await addUser(orgId, 'cx-north@sla.test', 'Nora North', ['CX'], unit.north);
    user.south = await addUser(orgId, 'cx-south@sla.test', 'Sven South', ['CX'], unit.south);
    user.manager = await addUser(orgId, 'marta@sla.test', 'Marta', ['MANAGER'], unit.store, 'pl');
    cx = await app.login(org.users.CX, org.password);
    manager = await app.login('marta@sla.test', 'other-password');
    contact.late = await addContact(orgId, 'tomasz@client.test', 'Tomasz Nowak', user.manager, unit.store);
    contact.quiet = await addContact(orgId, 'quiet@client.test', 'Quiet Client', user.manager, unit.store);
    contact.nowhere = await addContact(orgId, 'nowhere@client.test', 'Nowhere Client', user.manager, null);
    waveId = (await app.gql(CREATE, { input: { name: 'Deliveries', audience: 'CUSTOMER' } }, cx)).data.createWave.id;
    await app.gql(`mutation($id: ID!) { openWave(id: $id) { id } }`, { id: waveId }, cx);
  });

  const followUpOf = async (contactId: string) =>
    (await sql(`SELECT f.id FROM follow_ups f JOIN responses r ON r.id = f.response_id WHERE r.contact_id = $1`, [contactId]))[0]?.id as string | undefined;

  it("tells the owner at once: a count on the menu, a notification, and a mail in their language with the comment and a link", async () => {
    const nav = await navOf(manager);
    await answerAs(cx, waveId, contact.late, 'tomasz@client.test', 2, 'The parcel came three days late');
    followUp.late = (await followUpOf(contact.late))!;
    const [created] = await eventsOf('followup.created', 'followUpId', followUp.late);
    expect(created.payload).toMatchObject({ followUpId: followUp.late, waveId, ownerId: user.manager });
    const mail = await until(() => mailsTo(app, 'marta@sla.test').at(-1), 'the mail to the owner');
    expect(mail.body).toContain('Nowy krytyk do kontaktu: Tomasz Nowak');
    expect(mail.body).toContain('The parcel came three days late');
    expect(mail.body).toContain(`${app.config.publicUrl}/follow-ups/${followUp.late}`);
    const after = await navOf(manager);
    expect(after['follow-ups']).toBe(nav['follow-ups'] + 1);
    expect(after.notifications).toBe(nav.notifications + 1);
    const list = (await app.gql(NOTIFICATIONS, { unreadOnly: true }, manager)).data.notifications;
    expect(list.edges[0].node).toMatchObject({
      kind: 'FOLLOW_UP_ASSIGNED',
      followUpId: followUp.late,
      contactName: 'Tomasz Nowak',
      score: 2,
      comment: 'The parcel came three days late',
      waveName: 'Deliveries',
      link: `/follow-ups/${followUp.late}`,
      readAt: null,
    });
  });

  it('sends no mail when the owner turned that mail off, and still tells them in the app', async () => {
    const off = await app.gql(SET_PREFS, { input: { mails: [{ kind: 'FOLLOW_UP_ASSIGNED', enabled: false }] } }, manager);
    expect(off.errors).toBeUndefined();
    const mailsBefore = mailsTo(app, 'marta@sla.test').length;
    await answerAs(cx, waveId, contact.quiet, 'quiet@client.test', 1, 'Nobody picked up the phone');
    followUp.quiet = (await until(() => followUpOf(contact.quiet), 'the follow-up'))!;
    const note = await until(
      async () => (await sql(`SELECT id FROM notifications WHERE user_id = $1 AND data->>'followUpId' = $2`, [user.manager, followUp.quiet]))[0],
      'the in-app notification',
    );
    await until(
      async () => (await sql(`SELECT 1 FROM pgboss.job WHERE name = 'notifications.mail' AND data->>'notificationId' = $1 AND state = 'completed'`, [note.id])).length,
      'the mail job to decide',
    );
    expect(mailsTo(app, 'marta@sla.test')).toHaveLength(mailsBefore);
    // Resolved in time: it counts for the SLA share, and is never escalated.
    const resolved = await app.gql(`mutation($id: ID!) { updateFollowUp(id: $id, input: { status: RESOLVED }) { status } }`, { id: followUp.quiet }, manager);
    expect(resolved.data.updateFollowUp.status).toBe('RESOLVED');
    expect((await eventsOf('followup.resolved', 'followUpId', followUp.quiet)).map((e) => e.payload)).toEqual([{ followUpId: followUp.quiet, ownerId: user.manager }]);
    await app.gql(SET_PREFS, { input: { mails: [{ kind: 'FOLLOW_UP_ASSIGNED', enabled: true }] } }, manager);
  });

  it('marks a follow-up past its SLA overdue and escalates it to the CX users of the nearest unit up the tree that has any', async () => {
    await answerAs(cx, waveId, contact.nowhere, 'nowhere@client.test', 0, null);
    followUp.nowhere = (await until(() => followUpOf(contact.nowhere), 'the follow-up'))!;
    const northMails = mailsTo(app, 'cx-north@sla.test').length;
    const southMails = mailsTo(app, 'cx-south@sla.test').length;
    advance(2 * HOUR);
    // Sessions are as old as the app's clock says: log in again.
    cx = await app.login(org.users.CX, org.password);
    await until(async () => (await sql(`SELECT escalated_at FROM follow_ups WHERE id = $1`, [followUp.nowhere]))[0].escalated_at, 'the escalation');
    await ticksPass();

    // Store 12 has no CX user; North, its parent, has Nora: she is told, not Sven in South nor HQ's.
    const late = (await app.gql(FOLLOW_UP, { id: followUp.late }, cx)).data.followUp;
    expect(late).toMatchObject({ status: 'OPEN', overdue: true, escalatedTo: [{ email: 'cx-north@sla.test' }], owner: { email: 'marta@sla.test' } });
    expect(late.overdueAt).not.toBeNull();
    expect(late.escalatedAt).not.toBeNull();
    // A contact without an org unit: the organization's CX users.
    const nowhere = (await app.gql(FOLLOW_UP, { id: followUp.nowhere }, cx)).data.followUp;
    expect(nowhere.escalatedTo.map((u: { email: string }) => u.email).sort()).toEqual(['cx-north@sla.test', 'cx-south@sla.test', 'cx@sla.test']);
    // Resolved in time: not overdue, not escalated.
    const quiet = (await app.gql(FOLLOW_UP, { id: followUp.quiet }, cx)).data.followUp;
    expect(quiet).toMatchObject({ overdue: false, overdueAt: null, escalatedAt: null, escalatedTo: [] });

    expect((await eventsOf('followup.overdue', 'followUpId', followUp.late)).map((e) => e.payload)).toEqual([
      { followUpId: followUp.late, ownerId: user.manager, dueAt: expect.any(String) },
    ]);
    expect((await eventsOf('followup.escalated', 'followUpId', followUp.late)).map((e) => e.payload)).toEqual([
      { followUpId: followUp.late, orgUnitId: unit.north, userIds: [user.north] },
    ]);
    expect((await eventsOf('followup.escalated', 'followUpId', followUp.nowhere))[0].payload).toMatchObject({ orgUnitId: null });

    // Nora: told in the app and by mail (in English); Sven only of the one without a unit.
    const nora = await until(() => (mailsTo(app, 'cx-north@sla.test').length >= northMails + 2 ? mailsTo(app, 'cx-north@sla.test') : null), "Nora's mails");
    expect(nora.slice(northMails).map((m) => /^Subject: (.+)$/m.exec(m.raw)?.[1]).sort()).toEqual([
      'Follow-up past its SLA: Nowhere Client',
      'Follow-up past its SLA: Tomasz Nowak',
    ].sort());
    expect(mailsTo(app, 'cx-south@sla.test')).toHaveLength(southMails + 1);
    const noraToken = await app.login('cx-north@sla.test', 'other-password');
    const noraList = (await app.gql(NOTIFICATIONS, {}, noraToken)).data.notifications;
    expect(noraList.edges.map((e: { node: { kind: string; followUpId: string; ownerName: string } }) => [e.node.kind, e.node.followUpId, e.node.ownerName]).sort()).toEqual(
      [
        ['FOLLOW_UP_ESCALATED', followUp.late, 'Marta'],
        ['FOLLOW_UP_ESCALATED', followUp.nowhere, 'Marta'],
      ].sort(),
    );
    expect((await navOf(noraToken)).notifications).toBe(2);
    expect((await app.gql(MARK_READ, { all: true }, noraToken)).data.markNotificationsRead).toBe(2);
    expect((await navOf(noraToken)).notifications).toBe(0);

    // The list of escalated follow-ups.
    const escalated = await app.gql(`query { followUps(filter: { escalated: true }) { edges { node { id } } } }`, {}, cx);
    expect(escalated.data.followUps.edges.map((e: { node: { id: string } }) => e.node.id).sort()).toEqual([followUp.late, followUp.nowhere].sort());

    // Escalated once: more ticks tell nobody again.
    await ticksPass();
    expect(await eventsOf('followup.escalated', 'followUpId', followUp.late)).toHaveLength(1);
    expect(mailsTo(app, 'cx-north@sla.test')).toHaveLength(northMails + 2);
  }, 90_000);

  it('shows on the board the share closed within the SLA, per wave and per owner', async () => {
    const board = await app.gql(`query { board { followUpsOpen followUpsOverdue followUpSla { decided closedInTime share
      byWave { id name decided closedInTime share } byOwner { id name decided closedInTime share } } } }`, {}, cx);
    expect(board.errors).toBeUndefined();
    const sla = board.data.board.followUpSla;
    expect(sla).toMatchObject({ decided: 3, closedInTime: 1 });
    expect(sla.share).toBeCloseTo(1 / 3);
    expect(sla.byWave).toEqual([{ id: waveId, name: 'Deliveries', decided: 3, closedInTime: 1, share: expect.closeTo(1 / 3) }]);
    expect(sla.byOwner).toEqual([{ id: user.manager, name: 'Marta', decided: 3, closedInTime: 1, share: expect.closeTo(1 / 3) }]);
    expect(board.data.board).toMatchObject({ followUpsOpen: 2, followUpsOverdue: 2 });
  });
});

describe('a reminder rule', () => {
  let cx: string;
  let waveId: string;
  const emails = ['ann@remind.test', 'ben@remind.test', 'cyd@remind.test'];
  const remindersOf = async () =>
    Object.fromEntries(
      (await sql(`SELECT c.email, i.reminders FROM invitations i JOIN contacts c ON c.id = i.contact_id WHERE i.wave_id = $1`, [waveId])).map((r) => [r.email, r.reminders]),
    );

  beforeAll(async () => {
    const org = await createOrganization(app.db.dataSource.manager, 'remind', ['CX']);
    for (const email of emails) await addContact(org.org.id, email, email.split('@')[0], null, null);
    // Noon UTC on the app's clock (moving it forward only): daytime for an organization in UTC.
    const now = Date.now() + offset;
    const noon = new Date(now + DAY);
    noon.setUTCHours(12, 0, 0, 0);
    advance(noon.getTime() - now);
    cx = await app.login(org.users.CX, org.password);
    waveId = (await app.gql(CREATE, { input: { name: 'Reminded', audience: 'CUSTOMER', reminderAfterDays: 2, maxReminders: 2 } }, cx)).data.createWave.id;
    await app.gql(`mutation($id: ID!) { openWave(id: $id) { id } }`, { id: waveId }, cx);
    const invited = await app.gql(INVITE, { waveId, target: { all: true } }, cx);
    expect(invited.data.inviteToWave.invited).toBe(3);
    await until(async () => (await sql(`SELECT count(*)::int AS n FROM invitations WHERE wave_id = $1 AND status = 'SENT'`, [waveId]))[0].n === 3, 'the invitations to go out');
    // Ann answers; Ben and Cyd do not.
    const res = await app.gql(SUBMIT, { token: mailsTo(app, 'ann@remind.test').at(-1)!.token, input: { score: 9 } });
    expect(res.errors).toBeUndefined();
  });

  it('reminds non-respondents on its own N days after their last mail, in the daytime of the organization, exactly up to M times', async () => {
    const mails = () => emails.map((e) => mailsTo(app, e).length);
    expect(mails()).toEqual([1, 1, 1]);

    advance(DAY);
    await ticksPass();
    expect(await remindersOf()).toEqual({ 'ann@remind.test': 0, 'ben@remind.test': 0, 'cyd@remind.test': 0 });

    // Due, but it is 02:00 in the organization's time zone: it waits for the morning.
    await sql(`UPDATE organizations SET settings = settings || '{"timeZone": "Pacific/Kiritimati"}'::jsonb WHERE slug = 'remind'`);
    advance(DAY);
    await ticksPass();
    expect(mails()).toEqual([1, 1, 1]);
    await sql(`UPDATE organizations SET settings = settings || '{"timeZone": "UTC"}'::jsonb WHERE slug = 'remind'`);
    await until(async () => (await remindersOf())['cyd@remind.test'] === 1, 'the first reminders');
    await ticksPass();
    expect(await remindersOf()).toEqual({ 'ann@remind.test': 0, 'ben@remind.test': 1, 'cyd@remind.test': 1 });
    expect(mails()).toEqual([1, 2, 2]);
    expect(mailsTo(app, 'ben@remind.test').at(-1)!.raw).toMatch(/^Subject: Reminder: /m);

    // One day after the reminder: not yet.
    advance(DAY);
    await ticksPass();
    expect(mails()).toEqual([1, 2, 2]);

    advance(DAY);
    await until(async () => (await remindersOf())['cyd@remind.test'] === 2, 'the second reminders');
    await ticksPass();
    expect(mails()).toEqual([1, 3, 3]);

    // The maximum is reached: nothing more, however long they wait.
    advance(5 * DAY);
    await ticksPass(3);
    expect(await remindersOf()).toEqual({ 'ann@remind.test': 0, 'ben@remind.test': 2, 'cyd@remind.test': 2 });
    expect(mails()).toEqual([1, 3, 3]);
  }, 180_000);

  it('reminds the non-respondents of an employee wave the same way, all of them or none, up to its maximum', async () => {
    const s = await buildScenario(app, 'remind-hr');
    const wave = (await s.ok(CREATE, { input: { name: 'Pulse with reminders', audience: 'EMPLOYEE', reminderAfterDays: 1, maxReminders: 1 } })).createWave;
    await s.ok(`mutation($id: ID!) { openWave(id: $id) { id } }`, { id: wave.id });
    const before = new Set(outbox(app).map((m) => m.file));
    await s.ok(INVITE, { waveId: wave.id, target: { all: true } });
    const links = outbox(app).filter((m) => !before.has(m.file)).map((m) => m.token);
    for (const a of Object.values(WAVE1).slice(0, 3)) await s.answer(links.shift()!, a);
    const reminders = async () =>
      (await sql<{ responded: boolean; reminders: number; n: number }>(
        `SELECT responded, reminders, count(*)::int AS n FROM employee_participations WHERE wave_id = $1 GROUP BY 1, 2 ORDER BY 1, 2`,
        [wave.id],
      )).map((r) => [r.responded, r.reminders, r.n]);
    expect(await reminders()).toEqual([[false, 0, PEOPLE.length - 3], [true, 0, 3]]);
    advance(DAY);
    await until(async () => (await reminders())[0][1] === 1, 'the employee reminders');
    advance(3 * DAY);
    await ticksPass(3);
    expect(await reminders()).toEqual([[false, 1, PEOPLE.length - 3], [true, 0, 3]]);
  }, 90_000);
});
