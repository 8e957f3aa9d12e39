import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { hashSecret } from '../src/kernel/passwords.js';
import { publish } from '../src/platform/events/outbox.js';
import { liveHubOf } from '../src/platform/live/hub.js';
import { dueDigests } from '../src/survey/feed/digest.js';
import { createOrganization } from './support/fixtures.js';
import { until } from './support/jobs.js';
import { answer, importContacts, mailsTo, openWave } from './support/surveys.js';
import { codeOf, fieldOf, startTestApp, type GqlResult, type TestApp } from './support/test-app.js';

/**
 * Issue 19: the front-line feed. A user follows org units, products and owners (their own contacts
 * always); the feed shows the identified answers of what they follow that they may see, newest
 * first, with read marks, "contact this customer", a thank-you on top when a promoter they served
 * answered, and streams new ones live. The light FEED role reaches nothing else. Digests: an
 * opt-in daily or weekly mail, sent by the schedule in the organization's time zone.
 */
let app: TestApp;
let demoId: string;
let cx: string;
let marta: string;
let fiona: string;
let fionaId: string;
let otherCx: string;
let otherUnitId: string;
let waveId: string;
let units: Record<string, string>;
let ids: Record<string, string>;
const responseOf: Record<string, string> = {};
let offset = 0;

const ITEM = `id score category reason suggestion product servedByName servedByMe read submittedAt contactName orgUnit { id name } wave { id name } owner { name } followUp { id status owner { id name } }`;
const FEED = `query($filter: FeedFilter, $first: Int, $after: String) { feed(filter: $filter, first: $first, after: $after) {
  totalCount unreadCount pageInfo { hasNextPage endCursor } thanks { id kind score contactName link } edges { cursor node { ${ITEM} } } } }`;
const FOLLOWS = `query { myFollows { kind key name byDefault } }`;
const FOLLOW = `mutation($kind: FollowKind!, $key: String!) { follow(kind: $kind, key: $key) { kind key name byDefault } }`;
const UNFOLLOW = `mutation($kind: FollowKind!, $key: String!) { unfollow(kind: $kind, key: $key) { kind key name byDefault } }`;
const MARK = `mutation($ids: [ID!], $all: Boolean) { markFeedRead(ids: $ids, all: $all) }`;
/** The menu's badges of a caller, by item. */
const badges = async (token: string) =>
  Object.fromEntries(((await app.gql(`{ navCounts { item count } }`, {}, token)).data.navCounts as { item: string; count: number }[]).map((c) => [c.item, c.count]));
const CONTACT = `mutation($responseId: ID!) { contactCustomer(responseId: $responseId) { id followUp { id status owner { id name } } } }`;

const sql = <T = any>(query: string, params: unknown[] = []): Promise<T[]> => app.db.dataSource.query(query, params);
const idsOf = (res: GqlResult): string[] => {
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.feed.edges.map((e: { node: { id: string } }) => e.node.id);
};
const ours = (list: string[]) => list.filter((id) => Object.values(responseOf).includes(id));

async function addUser(email: string, roles: string[], unitId: string, language = 'en'): Promise<string> {
  const [row] = await sql(
    `INSERT INTO users (organization_id, org_unit_id, email, name, roles, password_hash, language, active) VALUES ($1, $2, $3, $4, $5, $6, $7, true) RETURNING id`,
    [demoId, unitId, email, email.split('@')[0], roles, await hashSecret('other-password'), language],
  );
  return row.id;
}

beforeAll(async () => {
  app = await startTestApp({ env: { SCHEDULE_TICK_SECONDS: '1' } });
  app.services.now = () => new Date(Date.now() + offset);
  [{ id: demoId }] = await sql(`SELECT id FROM organizations WHERE slug = 'demo'`);
  units = Object.fromEntries((await sql(`SELECT name, id FROM org_units WHERE organization_id = $1`, [demoId])).map((u) => [u.name, u.id]));
  cx = await app.login('cx@demo.test');
  marta = await app.login('manager@demo.test');
  fionaId = await addUser('fiona@demo.test', ['FEED'], units['Sales EU']);
  await addUser('fred@demo.test', ['FEED'], units['Sales US']);
  fiona = await app.login('fiona@demo.test', 'other-password');
  const other = await createOrganization(app.db.dataSource.manager, 'feedother', ['CX']);
  otherCx = await app.login(other.users.CX, other.password);
  otherUnitId = other.unit.id;
  waveId = await openWave(app, cx, { name: 'Feed wave' });
  ids = await importContacts(app, cx, [
    ['ann@feed.example', 'Ann Feed', 'en', 'manager@demo.test', 'Sales EU', 'EU', 'Staffing'],
    ['ben@feed.example', 'Ben Feed', 'en', 'manager.us@demo.test', 'Sales US', 'US', 'Staffing'],
    ['cat@feed.example', 'Cat Feed', 'en', 'manager@demo.test', 'Sales EU', 'EU', 'Staffing'],
    ['dan@feed.example', 'Dan Feed', 'en', 'manager@demo.test', 'Sales EU', 'EU', 'Staffing'],
    ['eve@feed.example', 'Eve Feed', 'en', 'manager.us@demo.test', 'Sales US', 'US', 'Staffing'],
    ['gus@feed.example', 'Gus Feed', 'en', 'manager@demo.test', 'Sales EU', 'EU', 'Staffing'],
  ]);
  responseOf.ann = await answer(app, cx, waveId, ids['ann@feed.example'], 'ann@feed.example', 3, 'Slow delivery');
  responseOf.ben = await answer(app, cx, waveId, ids['ben@feed.example'], 'ben@feed.example', 9, 'Great');
  responseOf.cat = await answer(app, cx, waveId, ids['cat@feed.example'], 'cat@feed.example', 10, 'Lovely people');
  await sql(`UPDATE responses SET product = 'Payroll' WHERE id = $1`, [responseOf.ben]);
}, 120_000);
afterAll(() => app?.close());

describe('follows', () => {
  it("follows the caller's own contacts by default, and org units, products and owners on request", async () => {
    expect((await app.gql(FOLLOWS, {}, fiona)).data.myFollows).toEqual([{ kind: 'OWNER', key: fionaId, name: 'fiona', byDefault: true }]);
    const followed = await app.gql(FOLLOW, { kind: 'ORG_UNIT', key: units['Sales EU'] }, fiona);
    expect(followed.data.follow).toContainEqual({ kind: 'ORG_UNIT', key: units['Sales EU'], name: 'Sales EU', byDefault: false });
    // Twice is once.
    expect((await app.gql(FOLLOW, { kind: 'ORG_UNIT', key: units['Sales EU'] }, fiona)).data.follow).toHaveLength(2);
    const options = await app.gql(`{ followOptions { orgUnits { key name } products { key } owners { key name } } }`, {}, fiona);
    expect(options.data.followOptions.orgUnits.map((u: { name: string }) => u.name)).toContain('Sales US');
    expect(options.data.followOptions.products).toContainEqual({ key: 'Payroll' });
  });

  it('refuses bad keys naming the field, and changes nothing', async () => {
    const before = (await app.gql(FOLLOWS, {}, fiona)).data.myFollows;
    for (const [query, vars, code] of [
      [FOLLOW, { kind: 'ORG_UNIT', key: otherUnitId }, 'NOT_FOUND'],
      [FOLLOW, { kind: 'ORG_UNIT', key: 'not-a-unit' }, 'NOT_FOUND'],
      [FOLLOW, { kind: 'OWNER', key: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND'],
      [FOLLOW, { kind: 'PRODUCT', key: '   ' }, 'BAD_USER_INPUT'],
      [FOLLOW, { kind: 'PRODUCT', key: 'x'.repeat(201) }, 'BAD_USER_INPUT'],
      [UNFOLLOW, { kind: 'PRODUCT', key: 'Never followed' }, 'NOT_FOUND'],
      [UNFOLLOW, { kind: 'OWNER', key: fionaId }, 'BAD_USER_INPUT'],
    ] as const) {
      const res = await app.gql(query, vars, fiona);
      expect([codeOf(res), fieldOf(res)], JSON.stringify(vars)).toEqual([code, 'key']);
    }
    expect(codeOf(await app.gql(FOLLOW, { kind: 'TEAM', key: 'x' }, fiona))).toBe('BAD_USER_INPUT');
    expect((await app.gql(FOLLOWS, {}, fiona)).data.myFollows).toEqual(before);
  });
});

describe('the feed', () => {
  it('shows a FEED user the answers of what they follow within their team, newest first, with their comments', async () => {
    const feed = await app.gql(FEED, {}, fiona);
    expect(ours(idsOf(feed))).toEqual([responseOf.cat, responseOf.ann]);
    const cat = feed.data.feed.edges[0].node;
    expect(cat).toMatchObject({ score: 10, category: 'PROMOTER', reason: 'Lovely people', contactName: 'Cat Feed', orgUnit: { name: 'Sales EU' }, wave: { name: 'Feed wave' }, read: false });
    // Following Sales US and its product does not widen what a FEED user of Sales EU may see.
    await app.gql(FOLLOW, { kind: 'ORG_UNIT', key: units['Sales US'] }, fiona);
    await app.gql(FOLLOW, { kind: 'PRODUCT', key: 'Payroll' }, fiona);
    expect(idsOf(await app.gql(FEED, { first: 100 }, fiona))).not.toContain(responseOf.ben);
    await app.gql(UNFOLLOW, { kind: 'ORG_UNIT', key: units['Sales US'] }, fiona);
  });

  it("shows a manager their own contacts' answers by default, and CX what they follow of the whole organization", async () => {
    const mine = idsOf(await app.gql(FEED, { first: 100 }, marta));
    expect(ours(mine)).toEqual([responseOf.cat, responseOf.ann]);
    expect(ours(idsOf(await app.gql(FEED, {}, cx)))).toEqual([]);
    await app.gql(FOLLOW, { kind: 'PRODUCT', key: 'Payroll' }, cx);
    expect(ours(idsOf(await app.gql(FEED, {}, cx)))).toEqual([responseOf.ben]);
    await app.gql(FOLLOW, { kind: 'ORG_UNIT', key: units['Sales US'] }, cx);
    const byUnit = await app.gql(FEED, { filter: { orgUnitIds: [units['Sales US']], category: 'PROMOTER' } }, cx);
    expect(ours(idsOf(byUnit))).toEqual([responseOf.ben]);
    expect(ours(idsOf(await app.gql(FEED, { filter: { products: ['Payroll'], category: 'DETRACTOR' } }, cx)))).toEqual([]);
  });

  it('pages by a keyset cursor and refuses a bad page, naming the field', async () => {
    const first = await app.gql(FEED, { first: 1 }, fiona);
    expect(first.data.feed.pageInfo.hasNextPage).toBe(true);
    const next = await app.gql(FEED, { first: 1, after: first.data.feed.pageInfo.endCursor }, fiona);
    expect(idsOf(next)).toEqual([responseOf.ann]);
    expect(next.data.feed.thanks).toEqual([]);
    for (const [vars, field] of [[{ first: 0 }, 'first'], [{ first: 101 }, 'first'], [{ after: 'nonsense' }, 'after']] as const) {
      const res = await app.gql(FEED, vars, fiona);
      expect([codeOf(res), fieldOf(res)]).toEqual(['BAD_USER_INPUT', field]);
    }
  });

  it('keeps read marks per user: some ids, or all at once', async () => {
    // Her team's earlier (demo) answers are in her feed too, unread.
    const unread = (await app.gql(FEED, {}, fiona)).data.feed.unreadCount;
    expect(unread).toBeGreaterThanOrEqual(2);
    // The menu's badge counts the unread of the last week; the FEED role gets that badge only.
    const badge = (await badges(fiona)).feed;
    expect(Object.keys(await badges(fiona))).toEqual(['feed']);
    expect(badge).toBeGreaterThanOrEqual(2);
    expect(badge).toBeLessThanOrEqual(unread);
    expect((await app.gql(MARK, { ids: [responseOf.ann] }, fiona)).data.markFeedRead).toBe(1);
    expect((await badges(fiona)).feed).toBe(badge - 1);
    expect((await app.gql(MARK, { ids: [responseOf.ann] }, fiona)).data.markFeedRead).toBe(0);
    const unreadOnly = idsOf(await app.gql(FEED, { filter: { unreadOnly: true }, first: 100 }, fiona));
    expect(unreadOnly[0]).toBe(responseOf.cat);
    expect(unreadOnly).not.toContain(responseOf.ann);
    // Marta's marks are her own.
    expect(ours(idsOf(await app.gql(FEED, { filter: { unreadOnly: true }, first: 100 }, marta)))).toEqual([responseOf.cat, responseOf.ann]);
    // An answer outside the caller's feed (or not an id) marks nothing.
    for (const bad of [[responseOf.cat, responseOf.ben], ['nope']]) {
      const res = await app.gql(MARK, { ids: bad }, fiona);
      expect([codeOf(res), fieldOf(res)]).toEqual(['NOT_FOUND', 'ids']);
    }
    expect((await app.gql(FEED, {}, fiona)).data.feed.unreadCount).toBe(unread - 1);
    expect(fieldOf(await app.gql(MARK, {}, fiona))).toBe('ids');
    expect(fieldOf(await app.gql(MARK, { ids: [responseOf.cat], all: true }, fiona))).toBe('ids');
    expect((await app.gql(MARK, { all: true }, fiona)).data.markFeedRead).toBe(unread - 1);
    expect((await app.gql(FEED, {}, fiona)).data.feed.unreadCount).toBe(0);
    expect((await badges(fiona)).feed).toBe(0);
    // A new answer after "all read" is unread.
    offset += 1000;
    responseOf.dan = await answer(app, cx, waveId, ids['dan@feed.example'], 'dan@feed.example', 5, 'So-so');
    const after = await app.gql(FEED, {}, fiona);
    expect(after.data.feed.unreadCount).toBe(1);
    expect((await badges(fiona)).feed).toBe(1);
    expect(after.data.feed.edges[0].node).toMatchObject({ id: responseOf.dan, read: false });
  });

  it('contacts a customer: opens a follow-up for any answer, or assigns the existing one to the caller', async () => {
    const opened = await app.gql(CONTACT, { responseId: responseOf.cat }, fiona);
    expect(opened.data.contactCustomer.followUp).toMatchObject({ status: 'OPEN', owner: { id: fionaId } });
    const again = await app.gql(CONTACT, { responseId: responseOf.cat }, fiona);
    expect(again.data.contactCustomer.followUp.id).toBe(opened.data.contactCustomer.followUp.id);
    const [{ owner_id: before }] = await sql(`SELECT owner_id FROM follow_ups WHERE response_id = $1`, [responseOf.ann]);
    expect(before).not.toBe(fionaId);
    const assigned = await app.gql(CONTACT, { responseId: responseOf.ann }, fiona);
    expect(assigned.data.contactCustomer.followUp.owner.id).toBe(fionaId);
    expect((await sql(`SELECT count(*)::int AS n FROM follow_ups WHERE response_id = ANY($1)`, [[responseOf.ann, responseOf.cat]]))[0].n).toBe(2);
    // Not in the caller's feed, not an id, another organization's: NOT_FOUND naming responseId, and no follow-up.
    for (const [token, responseId] of [[fiona, responseOf.ben], [fiona, 'nope'], [otherCx, responseOf.dan]]) {
      const res = await app.gql(CONTACT, { responseId }, token);
      expect([codeOf(res), fieldOf(res)]).toEqual(['NOT_FOUND', 'responseId']);
    }
    expect((await sql(`SELECT count(*)::int AS n FROM follow_ups WHERE response_id = $1`, [responseOf.ben]))[0].n).toBe(0);
  });

  it('thanks the user a promoter names as who served them, on top of their feed', async () => {
    offset += 1000;
    responseOf.gus = await answer(app, cx, waveId, ids['gus@feed.example'], 'gus@feed.example', 9, 'Fiona was great');
    responseOf.eve = await answer(app, cx, waveId, ids['eve@feed.example'], 'eve@feed.example', 2, 'Fiona was rude');
    for (const name of ['gus', 'eve']) {
      await sql(`UPDATE responses SET served_by = $2, served_by_name = 'Fiona' WHERE id = $1`, [responseOf[name], `user:${fionaId}`]);
      // As a transaction's answer carries it from its insert: the event is handled with served_by set.
      await publish(app.db.dataSource.manager, { type: 'response.created', organizationId: demoId, payload: { responseId: responseOf[name], waveId, audience: 'CUSTOMER', score: null } });
    }
    const thanks = await until(async () => {
      const feed = (await app.gql(FEED, {}, fiona)).data.feed;
      return feed.thanks.length ? feed : null;
    }, 'the thank-you');
    expect(thanks.thanks).toEqual([expect.objectContaining({ kind: 'THANK_YOU', score: 9, contactName: 'Gus Feed', link: `/feed?item=${responseOf.gus}` })]);
    // The customers she served are in her feed, even outside her team; the detractor thanks nobody.
    const served = thanks.edges.map((e: { node: { id: string; servedByMe: boolean } }) => e.node).filter((n: { servedByMe: boolean }) => n.servedByMe);
    expect(served.map((n: { id: string }) => n.id).sort()).toEqual([responseOf.gus, responseOf.eve].sort());
    await new Promise((r) => setTimeout(r, 500));
    expect((await sql(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND kind = 'THANK_YOU'`, [fionaId]))[0].n).toBe(1);
    // Erasing the contact takes their name and words out of the thank-you too.
    expect((await app.gql(`mutation($id: ID!) { deleteContact(id: $id) }`, { id: ids['gus@feed.example'] }, cx)).data.deleteContact).toBe(true);
    const [after] = await sql(`SELECT data FROM notifications WHERE user_id = $1 AND kind = 'THANK_YOU'`, [fionaId]);
    expect(after.data).not.toHaveProperty('contactName');
    expect(after.data).not.toHaveProperty('comment');
    expect(after.data.responseId).toBe(responseOf.gus);
  });

  it('keeps another organization out', async () => {
    await app.gql(FOLLOW, { kind: 'ORG_UNIT', key: otherUnitId }, otherCx);
    expect(idsOf(await app.gql(FEED, { first: 100 }, otherCx))).toEqual([]);
    const res = await app.gql(MARK, { ids: [responseOf.ann] }, otherCx);
    expect([codeOf(res), fieldOf(res)]).toEqual(['NOT_FOUND', 'ids']);
    expect(codeOf(await app.gql(FOLLOW, { kind: 'OWNER', key: fionaId }, otherCx))).toBe('NOT_FOUND');
  });
});

describe('the FEED role', () => {
  it('reaches its feed (with its menu badge), follows and own account, and nothing else', async () => {
    expect((await app.gql(`{ me { email roles } }`, {}, fiona)).data.me).toEqual({ email: 'fiona@demo.test', roles: ['FEED'] });
    expect((await app.gql(`{ notifications { totalCount } myNotificationPreferences { digestFrequency } viewer { roles } navCounts { item } }`, {}, fiona)).errors).toBeUndefined();
    for (const query of [
      `{ responses { totalCount } }`,
      `{ followUps { totalCount } }`,
      `{ contacts { totalCount } }`,
      `{ orgUnits { id } }`,
      `{ organization { name } }`,
      `{ users { id } }`,
      `{ waves { totalCount } }`,
      `{ leaderboard(by: ORG_UNIT) { rank } }`,
      `{ awards { id } }`,
      `{ improvements { totalCount } }`,
      `{ home { greeting } }`,
    ]) {
      const res = await app.gql(query, {}, fiona);
      expect([query, codeOf(res)]).toEqual([query, expect.stringMatching(/FORBIDDEN|GRAPHQL_VALIDATION_FAILED/)]);
    }
    // Forbidden for real (not merely a misspelt query) on the queries ANY_USER used to admit.
    for (const query of [`{ orgUnits { id name } }`, `{ organization { id } }`]) {
      expect(codeOf(await app.gql(query, {}, fiona))).toBe('FORBIDDEN');
    }
    // A FEED user with a staff role besides is that staff role.
    const both = await addUser('both@demo.test', ['FEED', 'MANAGER'], units['Sales EU']);
    expect(both).toBeTruthy();
    expect((await app.gql(`{ navCounts { item } }`, {}, await app.login('both@demo.test', 'other-password'))).errors).toBeUndefined();
  });

  it('is one role an admin assigns', async () => {
    const admin = await app.login('admin@demo.test');
    const [{ id }] = await sql(`SELECT id FROM users WHERE email = 'fred@demo.test'`);
    const res = await app.gql(`mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { roles } }`, { id, input: { roles: ['FEED', 'CX'] } }, admin);
    expect(res.data?.updateUser?.roles ?? res.errors).toEqual(['FEED', 'CX']);
  });
});

describe('live', () => {
  const clients: Client[] = [];
  afterAll(async () => {
    for (const c of clients) await c.dispose();
  });

  it("streams new answers of the subscriber's feed, by the feed's own rules", async () => {
    const received: { id: string; contactName: string }[] = [];
    const errors: unknown[] = [];
    const client = createClient({ url: app.url.replace(/^http/, 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${fiona}` }, retryAttempts: 0, lazy: true });
    clients.push(client);
    const hub = liveHubOf(app.services);
    const before = hub.listeners(demoId);
    client.subscribe(
      { query: `subscription { feedItemAdded { id contactName score orgUnit { name } } }` },
      { next: (r) => (r.data ? received.push((r.data as any).feedItemAdded) : errors.push(r.errors)), error: (e) => errors.push(e), complete: () => undefined },
    );
    await until(() => hub.listeners(demoId) > before, 'the subscription to start');
    const more = await importContacts(app, cx, [
      ['hal@feed.example', 'Hal Feed', 'en', 'manager.us@demo.test', 'Sales US', 'US', 'Staffing'],
      ['ida@feed.example', 'Ida Feed', 'en', 'manager@demo.test', 'Sales EU', 'EU', 'Staffing'],
    ]);
    await answer(app, cx, waveId, more['hal@feed.example'], 'hal@feed.example', 8, 'Fine');
    const ida = await answer(app, cx, waveId, more['ida@feed.example'], 'ida@feed.example', 1, 'Bad');
    await until(() => received.length > 0, 'the live item');
    await new Promise((r) => setTimeout(r, 500));
    expect(errors).toEqual([]);
    expect(received).toEqual([{ id: ida, contactName: 'Ida Feed', score: 1, orgUnit: { name: 'Sales EU' } }]);
    // HR has no feed: refused at the start.
    const hrErrors: unknown[] = [];
    const hrClient = createClient({ url: app.url.replace(/^http/, 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${await app.login('hr@demo.test')}` }, retryAttempts: 0, lazy: true });
    clients.push(hrClient);
    hrClient.subscribe(
      { query: `subscription { feedItemAdded { id } }` },
      { next: (r) => void (r.errors && hrErrors.push(...r.errors)), error: (e) => hrErrors.push(...(Array.isArray(e) ? e : [e])), complete: () => undefined },
    );
    await until(() => hrErrors.length > 0, 'the refusal');
    expect(JSON.stringify(hrErrors)).toContain('FORBIDDEN');
  });
});

describe('digests', () => {
  const PREFS = `mutation($input: NotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { digestFrequency } }`;
  /** The next 12:00 UTC after now (13:00 in Warsaw: past the 07:00 digest hour), as a clock offset. */
  const toNoon = () => {
    const now = new Date(Date.now() + offset);
    const noon = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 12);
    return (noon > now.getTime() ? noon : noon + 86_400_000) - Date.now();
  };

  it('are opt-in, due at 07:00 in the organization\'s time zone, daily or on Mondays', async () => {
    await sql(`UPDATE organizations SET settings = settings || '{"timeZone": "Europe/Warsaw"}'::jsonb WHERE id = $1`, [demoId]);
    const day = new Date(Date.UTC(2027, 0, 4, 5, 30)); // a Monday, 06:30 in Warsaw
    const mine = async (at: Date) => (await dueDigests(app.db.dataSource.manager, at)).filter((d) => d.job.id === fionaId);
    expect((await app.gql(`{ myNotificationPreferences { digestFrequency } }`, {}, fiona)).data.myNotificationPreferences.digestFrequency).toBe('NEVER');
    expect(await mine(new Date(day.getTime() + 3600_000))).toEqual([]);
    expect((await app.gql(PREFS, { input: { digestFrequency: 'WEEKLY' } }, fiona)).data.updateNotificationPreferences.digestFrequency).toBe('WEEKLY');
    expect(await mine(day)).toEqual([]);
    expect(await mine(new Date(day.getTime() + 3600_000))).toEqual([{ job: expect.objectContaining({ at: '2027-01-04' }), key: expect.any(String) }]);
    expect(await mine(new Date(day.getTime() + 86_400_000 + 3600_000))).toEqual([]); // Tuesday
    await app.gql(PREFS, { input: { digestFrequency: 'NEVER' } }, fiona);
  });

  it('mail a follower the new comments, waiting detractors and their NPS beside the last period, with a one-click unsubscribe', async () => {
    offset = toNoon();
    // Tokens expire by the app's clock: log in again after moving it.
    marta = await app.login('manager@demo.test');
    expect((await app.gql(PREFS, { input: { digestFrequency: 'DAILY', language: 'pl' } }, marta)).data.updateNotificationPreferences.digestFrequency).toBe('DAILY');
    const mail = await until(() => mailsTo(app, 'manager@demo.test').find((m) => m.raw.includes('X-Tandem-Notification: DIGEST')), 'the digest', 30_000);
    expect(mail.raw).toContain('Content-Language: pl');
    expect(mail.body).toContain('Ann Feed');
    expect(mail.body).toContain('Slow delivery');
    expect(mail.body).toContain('Twój NPS dziś');
    expect(mail.body).toContain('/feed');
    const token = /\/digest-off\/([A-Za-z0-9_.-]+)/.exec(mail.body)![1];
    // One digest a day however often the tick runs.
    await new Promise((r) => setTimeout(r, 2500));
    expect(mailsTo(app, 'manager@demo.test').filter((m) => m.raw.includes('X-Tandem-Notification: DIGEST'))).toHaveLength(1);

    // The next day's covers only what came since.
    cx = await app.login('cx@demo.test');
    const kim = await importContacts(app, cx, [['kim@feed.example', 'Kim Feed', 'en', 'manager@demo.test', 'Sales EU', 'EU', 'Staffing']]);
    await answer(app, cx, waveId, kim['kim@feed.example'], 'kim@feed.example', 4, 'Invoice wrong');
    offset += 86_400_000;
    marta = await app.login('manager@demo.test');
    const second = await until(() => mailsTo(app, 'manager@demo.test').filter((m) => m.raw.includes('X-Tandem-Notification: DIGEST'))[1], 'the second digest', 30_000);
    expect(second.body).toContain('Invoice wrong');
    expect(second.body).not.toContain('Slow delivery');

    // Someone whose follows brought nothing new and nobody waiting gets no digest at all.
    const quietId = await addUser('quiet@demo.test', ['FEED'], units['Sales EU']);
    await sql(`UPDATE users SET org_unit_id = NULL WHERE id = $1`, [quietId]);
    const quiet = await app.login('quiet@demo.test', 'other-password');
    await app.gql(PREFS, { input: { digestFrequency: 'DAILY' } }, quiet);
    await until(async () => (await sql(`SELECT last_digest_at FROM notification_preferences WHERE user_id = $1`, [quietId]))[0]?.last_digest_at, 'the quiet digest stamped', 30_000);
    await new Promise((r) => setTimeout(r, 1000)); // a mail, had one been sent, is written right after the stamp
    expect(mailsTo(app, 'quiet@demo.test').filter((m) => m.raw.includes('X-Tandem-Notification: DIGEST'))).toHaveLength(0);

    const OFF = `mutation($token: String!) { turnOffDigest(token: $token) }`;
    for (const bad of ['nope', `${fionaId}.${token.split('.')[1]}`]) {
      const res = await app.gql(OFF, { token: bad });
      expect([codeOf(res), fieldOf(res)]).toEqual(['BAD_USER_INPUT', 'token']);
    }
    expect((await app.gql(OFF, { token })).data.turnOffDigest).toBe(true);
    expect((await app.gql(`{ myNotificationPreferences { digestFrequency } }`, {}, marta)).data.myNotificationPreferences.digestFrequency).toBe('NEVER');
  }, 90_000);
});
