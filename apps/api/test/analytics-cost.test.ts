import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeEmployeeWave, insertTeam } from './support/employee-data.js';
import { createOrganization } from './support/fixtures.js';
import { scansOfAnswers, statementsOf } from './support/statements.js';
import { insertResponses } from './support/survey-data.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * What analytics cost: a fixed number of SQL statements whatever the number of groups (org units),
 * and — for any filter on at most one attribute dimension — no statement that reads the answers
 * themselves: the counts come from the rollup. A filter on two attribute dimensions falls back to
 * one scan.
 */
let app: TestApp;
let org: Awaited<ReturnType<typeof createOrganization>>;
const tokens: Record<'cx' | 'hr' | 'leader', string> = {} as never;
const units: string[] = [];
let customerWave: string;
let employeeWave: string;

async function addUnits(n: number) {
  const db = app.db.dataSource.manager;
  for (let i = 0; i < n; i++) {
    // A tree: every third unit hangs under the one before it.
    const parent = units.length % 3 === 0 ? org.unit.id : units[units.length - 1];
    const [{ id }] = await db.query(`INSERT INTO org_units (organization_id, parent_id, name) VALUES ($1, $2, $3) RETURNING id`, [org.org.id, parent, `Unit ${units.length}`]);
    units.push(id);
    await insertResponses(
      db,
      customerWave,
      [10, 7, 3].map((score, j) => ({ score, orgUnitId: id, segments: { region: j % 2 ? 'EU' : 'US' }, submittedAt: new Date(Date.UTC(2025, (units.length + j) % 12, 3 + j)) })),
    );
  }
}

beforeAll(async () => {
  app = await startTestApp();
  org = await createOrganization(app.db.dataSource.manager, 'costs', ['CX', 'HR', 'LEADER']);
  tokens.cx = await app.login(org.users.CX, org.password);
  tokens.hr = await app.login(org.users.HR, org.password);
  tokens.leader = await app.login(org.users.LEADER, org.password);
  const create = async (name: string, audience: string, token: string) =>
    (await app.gql(`mutation($input: CreateWaveInput!) { createWave(input: $input) { id } }`, { input: { name, audience } }, token)).data.createWave.id;
  customerWave = await create('Customers', 'CUSTOMER', tokens.cx);
  employeeWave = await create('Pulse', 'EMPLOYEE', tokens.hr);
  await app.gql(`mutation($id: ID!) { openWave(id: $id) { id } }`, { id: employeeWave }, tokens.hr);
  await addUnits(5);
  await insertTeam(app.db.dataSource.manager, employeeWave, {
    orgUnitId: units[0],
    invited: 12,
    answers: [10, 9, 8, 7, 6, 5, 10, 9].map((score) => ({ score })),
    locations: ['Oslo', 'Oslo', 'Warsaw'],
  });
  await closeEmployeeWave(app.db.dataSource.manager, employeeWave);
  // The first read makes the release (the one time the answers are read).
  await app.gql(`{ wave(id: "${employeeWave}") { summary { nps } } }`, {}, tokens.hr);
});
afterAll(() => app?.close());

async function run(query: string, variables: Record<string, unknown>, token: string) {
  let data: unknown;
  const statements = await statementsOf(app, async () => {
    const res = await app.gql(query, variables, token);
    expect(res.errors).toBeUndefined();
    data = res.data;
  });
  return { statements, data };
}

describe('the cost of a list of groups', () => {
  it('is the same number of statements for a breakdown by org unit (and the org unit list) over 5 units as over 40', async () => {
    const query = `{ orgUnits { id name parent { id name } }
      npsBreakdown(filter: {}, by: ORG_UNIT) { key label summary { responses nps ciLow } } }`;
    const five = await run(query, {}, tokens.cx);
    expect((five.data as { npsBreakdown: unknown[] }).npsBreakdown).toHaveLength(6); // HQ and its 5 units
    await addUnits(35);
    const forty = await run(query, {}, tokens.cx);
    const groups = (forty.data as { npsBreakdown: { key: string; summary: { responses: number } }[] }).npsBreakdown;
    expect(groups).toHaveLength(41);
    expect(groups.find((g) => g.key === org.unit.id)?.summary.responses).toBe(3 * 40);
    expect(forty.statements.length).toBe(five.statements.length);
    expect(scansOfAnswers(forty.statements)).toEqual([]);
  });
});

describe('counts from the rollup', () => {
  const SUMMARY = `query($filter: NpsFilter!) { npsSummary(filter: $filter) { responses nps suppressed } }`;
  const BREAKDOWN = `query($filter: NpsFilter!, $by: BreakdownDimension!, $segmentKey: String) {
    npsBreakdown(filter: $filter, by: $by, segmentKey: $segmentKey) { key summary { responses suppressed } } }`;
  const TREND = `query($filter: NpsFilter!, $interval: TrendInterval!) { npsTrend(filter: $filter, interval: $interval) { period summary { responses suppressed } } }`;

  it('never reads identified responses one by one for a filter on at most one attribute', async () => {
    const region = [{ key: 'region', value: 'EU' }];
    const cases: [string, Record<string, unknown>][] = [
      [SUMMARY, { filter: {} }],
      [SUMMARY, { filter: { segments: region, from: '2025-02-10', to: '2025-07-20' } }],
      [SUMMARY, { filter: { orgUnitIds: [units[1]], waveIds: [customerWave] } }],
      [BREAKDOWN, { filter: {}, by: 'ORG_UNIT' }],
      [BREAKDOWN, { filter: { orgUnitIds: [units[0]] }, by: 'ORG_UNIT' }],
      [BREAKDOWN, { filter: {}, by: 'OWNER' }],
      [BREAKDOWN, { filter: { segments: region }, by: 'WAVE' }],
      [BREAKDOWN, { filter: {}, by: 'AUDIENCE' }],
      [BREAKDOWN, { filter: {}, by: 'SEGMENT', segmentKey: 'region' }],
      [TREND, { filter: {}, interval: 'MONTH' }],
      [TREND, { filter: { segments: region }, interval: 'WEEK' }],
      [TREND, { filter: {}, interval: 'WAVE' }],
      [`{ board(period: { year: 2025 }) { audiences { audience summary { nps } trend { period } } } }`, {}],
      [`{ waves(first: 10) { edges { node { id summary { nps } scoreDistribution } } } }`, {}],
    ];
    for (const [query, variables] of cases) {
      const { statements } = await run(query, variables, tokens.leader);
      expect(scansOfAnswers(statements), `${query} ${JSON.stringify(variables)}`).toEqual([]);
    }
  });

  it('scans once for a filter on two attribute dimensions, with the same numbers as the rollup gives each', async () => {
    const { statements, data } = await run(SUMMARY, { filter: { orgUnitIds: [units[1]], segments: [{ key: 'region', value: 'EU' }] } }, tokens.cx);
    expect(scansOfAnswers(statements)).toHaveLength(1);
    const [{ n }] = await app.db.dataSource.query(`SELECT count(*)::int AS n FROM responses WHERE org_unit_id = ANY($1) AND segments ->> 'region' = 'EU'`, [[units[1], units[2]]]);
    expect((data as { npsSummary: { responses: number } }).npsSummary.responses).toBe(n);
  });

  it('never reads employee answers for employee results: they come from the release, made once', async () => {
    const cases: [string, Record<string, unknown>][] = [
      [SUMMARY, { filter: { audience: 'EMPLOYEE' } }],
      [SUMMARY, { filter: { waveIds: [employeeWave], orgUnitIds: [units[0]] } }],
      [SUMMARY, { filter: { audience: 'EMPLOYEE', segments: [{ key: 'location', value: 'Oslo' }], from: '2020-01-01' } }],
      [BREAKDOWN, { filter: { audience: 'EMPLOYEE' }, by: 'ORG_UNIT' }],
      [BREAKDOWN, { filter: { audience: 'EMPLOYEE' }, by: 'WAVE' }],
      [BREAKDOWN, { filter: { audience: 'EMPLOYEE' }, by: 'SEGMENT', segmentKey: 'location' }],
      [TREND, { filter: { audience: 'EMPLOYEE' }, interval: 'MONTH' }],
      [TREND, { filter: { audience: 'EMPLOYEE' }, interval: 'WAVE' }],
      [`{ wave(id: "${employeeWave}") { summary { nps } scoreDistribution responded } }`, {}],
    ];
    for (const [query, variables] of cases) {
      const { statements } = await run(query, variables, tokens.hr);
      expect(scansOfAnswers(statements), `${query} ${JSON.stringify(variables)}`).toEqual([]);
    }
    const summary = await run(SUMMARY, { filter: { audience: 'EMPLOYEE' } }, tokens.hr);
    expect((summary.data as { npsSummary: { responses: number } }).npsSummary.responses).toBe(8);
    const cross = await run(SUMMARY, { filter: { orgUnitIds: [units[0]], segments: [{ key: 'location', value: 'Oslo' }] } }, tokens.hr);
    expect(scansOfAnswers(cross.statements)).toEqual([]);
  });
});
