import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization } from './support/fixtures.js';
import { statementsOf } from './support/statements.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Issue 15, item 4: navCounts, the menu's badges. Each count agrees with the list it stands for,
 * is scoped like that list (a manager: their own), costs one statement whatever the data, and a
 * caller sees only the counts of their roles.
 */

const NAV = `{ navCounts { item count urgent } }`;
let app: TestApp;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp();
  for (const role of ['admin', 'cx', 'hr', 'manager', 'leader']) tokens[role] = await app.login(`${role}@demo.test`);
});
afterAll(() => app?.close());

const countsOf = async (token: string) => Object.fromEntries((await app.gql(NAV, {}, token)).data.navCounts.map((c: { item: string }) => [c.item, c]));
const total = async (query: string, token: string) => Object.values((await app.gql(query, {}, token)).data as Record<string, { totalCount: number }>)[0].totalCount;

describe('navCounts', () => {
  it("agrees with the lists behind each badge, scoped like them", async () => {
    for (const role of ['cx', 'manager']) {
      const counts = await countsOf(tokens[role]);
      expect(counts['follow-ups'].count, role).toBe(await total(`{ followUps(filter: { status: OPEN }, first: 1) { totalCount } }`, tokens[role]));
      expect(counts['follow-ups'].urgent, role).toBe(await total(`{ followUps(filter: { status: OPEN, overdue: true }, first: 1) { totalCount } }`, tokens[role]));
      expect(counts.themes.count, role).toBe(await total(`{ responses(filter: { hasComment: true, untagged: true }, first: 1) { totalCount } }`, tokens[role]));
    }
    const cx = await countsOf(tokens.cx);
    const manager = await countsOf(tokens.manager);
    expect(cx['follow-ups'].count).toBeGreaterThan(0);
    expect(manager['follow-ups'].count).toBeLessThan(cx['follow-ups'].count);
  });

  it("gives each role only its counts", async () => {
    // Everyone has their own unread notifications (the bell).
    // The feed's unread badge for everyone with a feed (HR has none: it reads no identified answers).
    expect(Object.keys(await countsOf(tokens.admin))).toEqual(['follow-ups', 'themes', 'notifications', 'feed', 'organization']);
    expect(Object.keys(await countsOf(tokens.cx))).toEqual(['follow-ups', 'themes', 'notifications', 'feed']);
    expect(Object.keys(await countsOf(tokens.manager))).toEqual(['follow-ups', 'themes', 'notifications', 'feed']);
    expect(Object.keys(await countsOf(tokens.hr))).toEqual(['notifications']);
    expect(Object.keys(await countsOf(tokens.leader))).toEqual(['notifications', 'feed']);
  });

  it('counts invited users who have not set a password, for admins', async () => {
    const before = (await countsOf(tokens.admin)).organization.count;
    await app.gql(`mutation { inviteUser(input: { email: "badge@demo.test", name: "Badge", roles: [CX] }) { id } }`, {}, tokens.admin);
    expect((await countsOf(tokens.admin)).organization.count).toBe(before + 1);
  });

  it('costs one statement per count, however much data there is, and sees only its organization', async () => {
    const other = await createOrganization(app.db.dataSource.manager, 'quiet', ['ADMIN', 'CX']);
    const quiet = await app.login(other.users.ADMIN, other.password);
    const few = await statementsOf(app, () => app.gql(NAV, {}, quiet));
    const many = await statementsOf(app, () => app.gql(NAV, {}, tokens.admin));
    const counting = (statements: string[]) => statements.filter((s) => /count\(\*\)/i.test(s));
    expect(counting(few)).toHaveLength(5);
    expect(counting(many)).toHaveLength(5);
    expect(many.length).toBe(few.length);
    expect(await countsOf(quiet)).toEqual({
      'follow-ups': { item: 'follow-ups', count: 0, urgent: 0 },
      themes: { item: 'themes', count: 0, urgent: 0 },
      notifications: { item: 'notifications', count: 0, urgent: 0 },
      feed: { item: 'feed', count: 0, urgent: 0 },
      organization: { item: 'organization', count: 0, urgent: 0 },
    });
  });
});
