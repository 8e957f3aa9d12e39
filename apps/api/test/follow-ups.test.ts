import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization } from './support/fixtures.js';
import { answer, importContacts, openWave } from './support/surveys.js';
import { codeOf, fieldOf, startTestApp, type GqlResult, type TestApp } from './support/test-app.js';

/**
 * The first reaction: a detractor's follow-up in its owner's inbox, moved forward (never back)
 * with notes, overdue past its SLA, visible to CX, ADMIN and LEADER, and to no other manager.
 */
let app: TestApp;
let cx: string;
let marta: string;
let jessica: string;
let leader: string;
let waveId: string;
let ids: Record<string, string>;
/** Follow-ups of this file's detractors, by contact email. */
const followUpOf: Record<string, string> = {};

const FOLLOW_UPS = `query($filter: FollowUpFilter, $first: Int, $after: String) {
  followUps(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id status overdue dueAt contactedAt resolvedAt owner { email } response { score } } } } }`;
const UPDATE = `mutation($id: ID!, $input: FollowUpUpdateInput!) {
  updateFollowUp(id: $id, input: $input) {
    id status overdue contactedAt resolvedAt notes { text createdAt author { email } } } }`;

const ids$ = (res: GqlResult): string[] => res.data.followUps.edges.map((e: { node: { id: string } }) => e.node.id);

beforeAll(async () => {
  app = await startTestApp();
  cx = await app.login('cx@demo.test');
  marta = await app.login('manager@demo.test');
  jessica = await app.login('manager.us@demo.test');
  leader = await app.login('leader@demo.test');
  waveId = await openWave(app, cx, { name: 'Follow-up wave', languages: ['en', 'pl'] });
  ids = await importContacts(app, cx, [
    ['ann@fu.example', 'Ann', 'en', 'manager@demo.test', 'Sales EU', 'EU', 'Staffing'],
    ['ben@fu.example', 'Ben', 'pl', 'manager@demo.test', 'Sales EU', 'EU', 'Staffing'],
    ['cat@fu.example', 'Cat', 'en', 'manager.us@demo.test', 'Sales US', 'US', 'Staffing'],
    ['dan@fu.example', 'Dan', 'en', 'manager@demo.test', 'Sales EU', 'EU', 'Staffing'],
    ['eve@fu.example', 'Eve', 'en', 'manager@demo.test', 'Sales EU', 'EU', 'Staffing'],
  ]);
  for (const [email, score] of [['ann@fu.example', 2], ['ben@fu.example', 6], ['cat@fu.example', 0]] as const) {
    const responseId = await answer(app, cx, waveId, ids[email], email, score, 'Not good');
    const [row] = await app.db.dataSource.query(`SELECT id FROM follow_ups WHERE response_id = $1`, [responseId]);
    followUpOf[email] = row.id;
  }
});
afterAll(() => app?.close());

describe('the inbox', () => {
  it("shows a manager their own follow-ups only, and CX and LEADER everyone's", async () => {
    const mine = await app.gql(FOLLOW_UPS, { filter: { waveIds: [waveId] } }, marta);
    expect(ids$(mine).sort()).toEqual([followUpOf['ann@fu.example'], followUpOf['ben@fu.example']].sort());
    expect(mine.data.followUps.edges.every((e: { node: { owner: { email: string } } }) => e.node.owner.email === 'manager@demo.test')).toBe(true);
    expect(ids$(await app.gql(FOLLOW_UPS, { filter: { waveIds: [waveId] } }, jessica))).toEqual([followUpOf['cat@fu.example']]);
    for (const token of [cx, leader, await app.login('admin@demo.test')]) {
      expect((await app.gql(FOLLOW_UPS, { filter: { waveIds: [waveId] } }, token)).data.followUps.totalCount).toBe(3);
    }
    // A manager asking for another's follow-ups by owner still sees only their own.
    const [{ id: jessicaId }] = await app.db.dataSource.query(`SELECT id FROM users WHERE email = 'manager.us@demo.test'`);
    expect((await app.gql(FOLLOW_UPS, { filter: { ownerIds: [jessicaId] } }, marta)).data.followUps.totalCount).toBe(0);
    expect(ids$(await app.gql(FOLLOW_UPS, { filter: { ownerIds: [jessicaId], waveIds: [waveId] } }, cx))).toEqual([followUpOf['cat@fu.example']]);
    expect(codeOf(await app.gql(FOLLOW_UPS, {}, await app.login('hr@demo.test')))).toBe('FORBIDDEN');
  });

  it('includes the seeded demo follow-ups, some overdue and some contacted, with notes', async () => {
    const demo = await app.gql(
      `{ followUps(first: 100) { edges { node { status overdue notes { text author { email } } } } } }`,
      {},
      marta,
    );
    const nodes: { status: string; overdue: boolean; notes: { author: { email: string } }[] }[] = demo.data.followUps.edges.map((e: { node: unknown }) => e.node);
    expect(nodes.some((n) => n.status === 'OPEN' && n.overdue)).toBe(true);
    expect(nodes.some((n) => n.status === 'CONTACTED' && n.notes.length > 0)).toBe(true);
    expect(nodes.some((n) => n.status === 'RESOLVED' && !n.overdue)).toBe(true);
  });

  it('pages newest first', async () => {
    const first = await app.gql(FOLLOW_UPS, { first: 2 }, cx);
    expect(first.data.followUps.pageInfo.hasNextPage).toBe(true);
    const next = await app.gql(FOLLOW_UPS, { first: 2, after: first.data.followUps.pageInfo.endCursor }, cx);
    expect(ids$(next).some((id: string) => ids$(first).includes(id))).toBe(false);
    const all = await app.gql(FOLLOW_UPS, { first: 100 }, cx);
    expect([...ids$(first), ...ids$(next)]).toEqual(ids$(all).slice(0, 4));
  });
});

describe('updateFollowUp', () => {
  it('moves OPEN → CONTACTED → RESOLVED with notes, and never back', async () => {
    const id = followUpOf['ann@fu.example'];
    const contacted = await app.gql(UPDATE, { id, input: { status: 'CONTACTED', note: '  Called Ann; she wants a visit.  ' } }, marta);
    expect(contacted.data.updateFollowUp).toMatchObject({ status: 'CONTACTED', resolvedAt: null, notes: [{ text: 'Called Ann; she wants a visit.', author: { email: 'manager@demo.test' } }] });
    expect(contacted.data.updateFollowUp.contactedAt).toBeTruthy();

    const back = await app.gql(UPDATE, { id, input: { status: 'OPEN', note: 'oops' } }, marta);
    expect(codeOf(back)).toBe('INVALID_STATE');

    const noteOnly = await app.gql(UPDATE, { id, input: { note: 'Visit booked for Tuesday.' } }, cx);
    expect(noteOnly.data.updateFollowUp.status).toBe('CONTACTED');
    expect(noteOnly.data.updateFollowUp.notes.map((n: { text: string }) => n.text)).toEqual(['Called Ann; she wants a visit.', 'Visit booked for Tuesday.']);
    expect(noteOnly.data.updateFollowUp.notes[1].author.email).toBe('cx@demo.test');

    const resolved = await app.gql(UPDATE, { id, input: { status: 'RESOLVED' } }, marta);
    expect(resolved.data.updateFollowUp).toMatchObject({ status: 'RESOLVED', overdue: false, contactedAt: contacted.data.updateFollowUp.contactedAt });
    expect(resolved.data.updateFollowUp.resolvedAt).toBeTruthy();
    expect(codeOf(await app.gql(UPDATE, { id, input: { status: 'CONTACTED' } }, marta))).toBe('INVALID_STATE');
    // The refused moves left the notes as they were.
    const [{ count }] = await app.db.dataSource.query(`SELECT count(*)::int AS count FROM follow_up_notes WHERE follow_up_id = $1`, [id]);
    expect(count).toBe(2);
  });

  it('allows OPEN → RESOLVED directly, which also counts as reached', async () => {
    const res = await app.gql(UPDATE, { id: followUpOf['ben@fu.example'], input: { status: 'RESOLVED', note: 'Sorted out on the phone.' } }, marta);
    expect(res.data.updateFollowUp.status).toBe('RESOLVED');
    expect(res.data.updateFollowUp.contactedAt).toBe(res.data.updateFollowUp.resolvedAt);
  });

  it('refuses empty updates and bad notes, naming the field, and changes nothing', async () => {
    const id = followUpOf['cat@fu.example'];
    const nothing = await app.gql(UPDATE, { id, input: {} }, jessica);
    expect(nothing.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input' });
    for (const note of ['', '   ', 'x'.repeat(5001)]) {
      const res = await app.gql(UPDATE, { id, input: { status: 'CONTACTED', note } }, jessica);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.note' });
    }
    const [row] = await app.db.dataSource.query(`SELECT status, contacted_at FROM follow_ups WHERE id = $1`, [id]);
    expect(row).toEqual({ status: 'OPEN', contacted_at: null });
    expect((await app.gql(UPDATE, { id, input: { note: 'x'.repeat(5000) } }, jessica)).data.updateFollowUp.notes[0].text).toHaveLength(5000);
  });

  it("answers another manager's follow-up like an unknown one, and lets LEADER only read", async () => {
    const id = followUpOf['cat@fu.example'];
    const notHers = await app.gql(UPDATE, { id, input: { status: 'CONTACTED' } }, marta);
    const unknown = await app.gql(UPDATE, { id: '00000000-0000-4000-8000-000000000000', input: { status: 'CONTACTED' } }, marta);
    expect(notHers.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect(notHers.errors).toEqual(unknown.errors);
    expect(fieldOf(await app.gql(UPDATE, { id: 'not-a-uuid', input: { status: 'CONTACTED' } }, marta))).toBe('id');
    expect(codeOf(await app.gql(UPDATE, { id, input: { status: 'CONTACTED' } }, leader))).toBe('FORBIDDEN');
    const [row] = await app.db.dataSource.query(`SELECT status FROM follow_ups WHERE id = $1`, [id]);
    expect(row.status).toBe('OPEN');
    // CX may act on anyone's.
    expect((await app.gql(UPDATE, { id, input: { status: 'CONTACTED' } }, cx)).data.updateFollowUp.status).toBe('CONTACTED');
  });
});

describe('overdue', () => {
  it('flags follow-ups past their due time until they are resolved', async () => {
    // A passive answer has no follow-up; one is inserted for it, due yesterday.
    const responseId = await answer(app, cx, waveId, ids['dan@fu.example'], 'dan@fu.example', 7);
    expect(await app.db.dataSource.query(`SELECT id FROM follow_ups WHERE response_id = $1`, [responseId])).toHaveLength(0);
    const [{ id }] = await app.db.dataSource.query(
      `INSERT INTO follow_ups (organization_id, response_id, wave_id, owner_id, status, due_at)
       SELECT organization_id, id, wave_id, owner_id, 'OPEN', now() - interval '1 day' FROM responses WHERE id = $1
       RETURNING id`,
      [responseId],
    );
    const overdue = await app.gql(FOLLOW_UPS, { filter: { overdue: true, waveIds: [waveId] } }, marta);
    expect(ids$(overdue)).toEqual([id]);
    expect(overdue.data.followUps.edges[0].node.overdue).toBe(true);
    const notOverdue = await app.gql(FOLLOW_UPS, { filter: { overdue: false, waveIds: [waveId] } }, marta);
    expect(ids$(notOverdue)).not.toContain(id);
    expect(ids$(await app.gql(FOLLOW_UPS, { filter: { status: 'OPEN', waveIds: [waveId] } }, marta))).toEqual([id]);

    const resolved = await app.gql(UPDATE, { id, input: { status: 'RESOLVED' } }, marta);
    expect(resolved.data.updateFollowUp.overdue).toBe(false);
    expect(ids$(await app.gql(FOLLOW_UPS, { filter: { overdue: true, waveIds: [waveId] } }, marta))).toEqual([]);
  });

  it('honours the organization SLA for new detractors', async () => {
    await app.db.dataSource.query(`UPDATE organizations SET settings = settings || '{"followUpSlaHours": 4}' WHERE slug = 'demo'`);
    const responseId = await answer(app, cx, waveId, ids['eve@fu.example'], 'eve@fu.example', 1);
    const [row] = await app.db.dataSource.query(
      `SELECT extract(epoch FROM f.due_at - r.submitted_at)::int AS seconds FROM follow_ups f JOIN responses r ON r.id = f.response_id WHERE r.id = $1`,
      [responseId],
    );
    expect(row.seconds).toBe(4 * 3600);
    await app.db.dataSource.query(`UPDATE organizations SET settings = settings - 'followUpSlaHours' WHERE slug = 'demo'`);
  });
});

describe('followUp(id)', () => {
  const ONE = `query($id: ID!) { followUp(id: $id) { id owner { email } } }`;
  it("gives the owner, CX and LEADER one follow-up, and another manager nothing", async () => {
    const id = followUpOf['ann@fu.example'];
    for (const token of [marta, cx, leader]) expect((await app.gql(ONE, { id }, token)).data.followUp.id).toBe(id);
    expect((await app.gql(ONE, { id }, jessica)).data.followUp).toBeNull();
    expect((await app.gql(ONE, { id: 'not-a-uuid' }, cx)).data.followUp).toBeNull();
  });
});

describe('tenancy', () => {
  it("cannot read or update another organization's follow-ups", async () => {
    const other = await createOrganization(app.db.dataSource.manager, 'fu-other', ['CX', 'MANAGER', 'LEADER']);
    const otherCx = await app.login(other.users.CX, other.password);
    expect((await app.gql(FOLLOW_UPS, {}, otherCx)).data.followUps.totalCount).toBe(0);
    expect((await app.gql(`query($id: ID!) { followUp(id: $id) { id } }`, { id: followUpOf['ann@fu.example'] }, otherCx)).data.followUp).toBeNull();
    expect((await app.gql(FOLLOW_UPS, { filter: { waveIds: [waveId] } }, await app.login(other.users.LEADER, other.password))).data.followUps.totalCount).toBe(0);
    const id = followUpOf['cat@fu.example'];
    const res = await app.gql(UPDATE, { id, input: { status: 'RESOLVED', note: 'intruder' } }, otherCx);
    const unknown = await app.gql(UPDATE, { id: '00000000-0000-4000-8000-000000000000', input: { status: 'RESOLVED', note: 'intruder' } }, otherCx);
    expect(codeOf(res)).toBe('NOT_FOUND');
    expect(res.errors).toEqual(unknown.errors);
    const [row] = await app.db.dataSource.query(`SELECT status FROM follow_ups WHERE id = $1`, [id]);
    expect(row.status).toBe('CONTACTED');
    const [{ count }] = await app.db.dataSource.query(`SELECT count(*)::int AS count FROM follow_up_notes WHERE text = 'intruder'`);
    expect(count).toBe(0);
  });
});

describe('searching follow-ups', () => {
  it("finds them by the contact's name or email, counts them, and refuses a search that is too long", async () => {
    const res = await app.gql(FOLLOW_UPS, { filter: { search: 'ben@fu.exa' } }, cx);
    expect(res.errors).toBeUndefined();
    expect(res.data.followUps.totalCount).toBe(res.data.followUps.edges.length);
    expect(res.data.followUps.totalCount).toBeGreaterThanOrEqual(1);
    expect((await app.gql(FOLLOW_UPS, { filter: { search: 'no-such-person-%' } }, cx)).data.followUps.totalCount).toBe(0);
    expect(fieldOf(await app.gql(FOLLOW_UPS, { filter: { search: 'x'.repeat(101) } }, cx))).toBe('filter.search');
  });
});
