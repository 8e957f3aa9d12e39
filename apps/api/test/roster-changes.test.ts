import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization } from './support/fixtures.js';
import { INVITE, lastMailTo } from './support/surveys.js';
import { codeOf, fieldOf, startTestApp, type TestApp } from './support/test-app.js';

/**
 * The roster's audit trail (issue 14): every roster import writes who was added, moved, left or
 * came back, in the same transaction; HR reads it (rosterChanges, newest first, in pages); an
 * employee's survey page shows how many people arrived in each unit in the 30 days before the wave
 * opened — counts only, never a name, never anything about answers.
 */

let app: TestApp;
let org: Awaited<ReturnType<typeof createOrganization>>;
const tokens: Record<'hr' | 'admin' | 'cx' | 'demoHr', string> = {} as never;
const IMPORT = `mutation($csv: String!) { importEmployees(csv: $csv) { created updated deactivated errors { line field message } } }`;
const CHANGES = `query($first: Int, $after: String) { rosterChanges(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { kind at email name orgUnit { name } } } } }`;
const SURVEY = `query($token: String!) { surveyByToken(token: $token) { anonymous rosterArrivals { unit count } } }`;
const HEADER = 'email,name,language,org_unit,location,tenure_band';

const importCsv = async (...rows: string[]) => {
  const res = await app.gql(IMPORT, { csv: [HEADER, ...rows].join('\n') }, tokens.hr);
  expect(res.errors).toBeUndefined();
  expect(res.data.importEmployees.errors).toEqual([]);
  return res.data.importEmployees;
};

async function changes(token = tokens.hr, first = 100, after?: string) {
  const res = await app.gql(CHANGES, { first, after }, token);
  expect(res.errors).toBeUndefined();
  return res.data.rosterChanges;
}
const kinds = async () =>
  ((await changes()).edges as { node: { kind: string; email: string; orgUnit: { name: string } | null } }[]).map((e) => `${e.node.kind} ${e.node.email} ${e.node.orgUnit?.name ?? '-'}`);

beforeAll(async () => {
  app = await startTestApp();
  const db = app.db.dataSource.manager;
  org = await createOrganization(db, 'trail', ['ADMIN', 'HR', 'CX']);
  for (const name of ['Sales', 'Support']) await db.query(`INSERT INTO org_units (organization_id, parent_id, name) VALUES ($1, $2, $3)`, [org.org.id, org.unit.id, name]);
  tokens.hr = await app.login(org.users.HR, org.password);
  tokens.admin = await app.login(org.users.ADMIN, org.password);
  tokens.cx = await app.login(org.users.CX, org.password);
  tokens.demoHr = await app.login('hr@demo.test');
});
afterAll(() => app?.close());

describe('rosterChanges', () => {
  it('records every import: added, moved, left and restored, each with its unit, newest first', async () => {
    await importCsv('ann@trail.test,Ann,en,Sales,Oslo,<1', 'bob@trail.test,Bob,en,Sales,Oslo,<1', 'cid@trail.test,Cid,en,Support,Oslo,<1');
    expect(await kinds()).toEqual(expect.arrayContaining(['ADDED ann@trail.test Sales', 'ADDED bob@trail.test Sales', 'ADDED cid@trail.test Support']));
    // Bob moves to Support, Cid leaves; a new location alone is no change of unit.
    await importCsv('ann@trail.test,Ann,en,Sales,Warsaw,<1', 'bob@trail.test,Bob,en,Support,Oslo,<1');
    // Cid comes back, in Sales.
    await importCsv('ann@trail.test,Ann,en,Sales,Warsaw,<1', 'bob@trail.test,Bob,en,Support,Oslo,<1', 'cid@trail.test,Cid,en,Sales,Oslo,<1');
    const list = await kinds();
    expect(list.slice(0, 3)).toEqual(['RESTORED cid@trail.test Sales', 'LEFT cid@trail.test Support', 'MOVED bob@trail.test Support']);
    expect(list.slice(3).sort()).toEqual(['ADDED ann@trail.test Sales', 'ADDED bob@trail.test Sales', 'ADDED cid@trail.test Support']);
  });

  it('writes nothing for a file with a bad row (the import is all or nothing)', async () => {
    const before = (await changes()).totalCount;
    const res = await app.gql(IMPORT, { csv: [HEADER, 'dee@trail.test,Dee,en,Sales,,', 'bad,Bad,en,,,'].join('\n') }, tokens.hr);
    expect(res.data.importEmployees.errors.length).toBeGreaterThan(0);
    expect((await changes()).totalCount).toBe(before);
  });

  it('pages newest first with a cursor; a bad cursor or page size is BAD_USER_INPUT naming the argument', async () => {
    const all = (await changes()).edges.map((e: { node: unknown }) => e.node);
    const first = await changes(tokens.hr, 4);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await changes(tokens.hr, 4, first.pageInfo.endCursor);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect([...first.edges, ...second.edges].map((e: { node: unknown }) => e.node)).toEqual(all);
    for (const [vars, field] of [
      [{ first: 0 }, 'first'],
      [{ first: 101 }, 'first'],
      [{ first: 5, after: 'nonsense' }, 'after'],
    ] as const) {
      const res = await app.gql(CHANGES, vars, tokens.hr);
      expect([codeOf(res), fieldOf(res)]).toEqual(['BAD_USER_INPUT', field]);
    }
  });

  it('is for HR and admins of the organization only', async () => {
    expect((await changes(tokens.admin)).totalCount).toBe((await changes()).totalCount);
    expect(codeOf(await app.gql(CHANGES, {}, tokens.cx))).toBe('FORBIDDEN');
    expect(codeOf(await app.gql(CHANGES, {}))).toBe('UNAUTHENTICATED');
    const demo = (await changes(tokens.demoHr)).edges.map((e: { node: { email: string } }) => e.node.email);
    expect(demo.some((email: string) => email.endsWith('@trail.test'))).toBe(false);
  });
});

describe('the survey page of an employee wave', () => {
  it('shows per unit how many people arrived in the 30 days before the wave opened: counts, no names', async () => {
    // Two days before opening, two people arrive in Support (one new, one moved); older changes fall outside the window.
    await app.db.dataSource.query(`UPDATE roster_changes SET at = now() - interval '40 days' WHERE organization_id = $1`, [org.org.id]);
    await importCsv('ann@trail.test,Ann,en,Support,Warsaw,<1', 'bob@trail.test,Bob,en,Support,Oslo,<1', 'cid@trail.test,Cid,en,Sales,Oslo,<1', 'eve@trail.test,Eve,en,Support,Oslo,<1');
    const created = await app.gql(`mutation { createWave(input: { name: "Trail pulse", audience: EMPLOYEE }) { id } }`, {}, tokens.hr);
    const waveId = created.data.createWave.id;
    await app.gql(`mutation($id: ID!) { openWave(id: $id) { id } }`, { id: waveId }, tokens.hr);
    await app.gql(INVITE, { waveId, target: { all: true } }, tokens.hr);
    // Arrivals after the wave opened are not counted for it.
    await importCsv('ann@trail.test,Ann,en,Support,Warsaw,<1', 'bob@trail.test,Bob,en,Support,Oslo,<1', 'cid@trail.test,Cid,en,Sales,Oslo,<1', 'eve@trail.test,Eve,en,Support,Oslo,<1', 'fay@trail.test,Fay,en,Sales,,');
    const res = await app.gql(SURVEY, { token: lastMailTo(app, 'eve@trail.test').token });
    expect(res.errors).toBeUndefined();
    expect(res.data.surveyByToken).toEqual({ anonymous: true, rosterArrivals: [{ unit: 'Support', count: 2 }] });
    expect(JSON.stringify(res.data)).not.toMatch(/ann|eve|@trail/);
  });
});
