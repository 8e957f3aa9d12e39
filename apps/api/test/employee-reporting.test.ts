import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarize } from '@tandem/nps-core';
import { hashSecret } from '../src/features/auth/passwords.js';
import { insertTeam, type Team } from './support/employee-data.js';
import { createOrganization } from './support/fixtures.js';
import { openWave } from './support/surveys.js';
import { startTestApp, type GqlResult, type TestApp } from './support/test-app.js';

/**
 * Reporting over anonymous employee answers, through the API on a real database: every number
 * passes the anonymity guard (PRODUCT.md 5, docs/anonymity.md). An organization of its own (the
 * demo's seeded employee waves serve the tenancy checks) runs one employee wave: team A
 * (10 invited, 8 answers) and team B (5 invited, 4 answers), k = 5.
 *
 *   team A: 10 10 9 9 8 7 6 2   locations Oslo×4 Warsaw×3 Remote×1   tenure <1×2 1-3×3 3+×3
 *   team B: 10 5 3 9            locations Oslo×2 Warsaw×2            tenure 1-3×2 3+×2
 *   total:  6 promoters, 2 passives, 4 detractors of 12; 15 invited
 */

const SUMMARY_FIELDS = 'responses promoters passives detractors nps marginOfError ciLow ciHigh band suppressed';
const SUMMARY = `query($filter: NpsFilter!) { npsSummary(filter: $filter) { ${SUMMARY_FIELDS} } }`;
const BREAKDOWN = `query($filter: NpsFilter!, $by: BreakdownDimension!, $segmentKey: String) {
  npsBreakdown(filter: $filter, by: $by, segmentKey: $segmentKey) { key label summary { ${SUMMARY_FIELDS} } } }`;
const COMMENTS = `query($filter: NpsFilter!) { employeeComments(filter: $filter) { suppressed comments } }`;
const RATES = `query($waveId: ID!) { responseRatesByOrgUnit(waveId: $waveId) { key label orgUnitId invited responded responseRate } }`;
const WAVE = `query($id: ID!) { wave(id: $id) { id anonymous invited responded responseRate
  summary { ${SUMMARY_FIELDS} } scoreDistribution latestComments { reason submittedAt } stages { survey firstReaction analysis improvements } } }`;

const SUPPRESSED = {
  responses: null,
  promoters: null,
  passives: null,
  detractors: null,
  nps: null,
  marginOfError: null,
  ciLow: null,
  ciHigh: null,
  band: null,
  suppressed: true,
};

/** What a released summary must hold: nps-core's numbers, with the finite population correction when given. */
function expected(promoters: number, passives: number, detractors: number, population?: number) {
  const s = summarize({ promoters, passives, detractors }, population === undefined ? {} : { population });
  return { responses: s.responses, promoters, passives, detractors, nps: s.nps, marginOfError: s.marginOfError, ciLow: s.ciLow, ciHigh: s.ciHigh, band: s.band, suppressed: false };
}

let app: TestApp;
const tokens: Record<'admin' | 'cx' | 'hr' | 'manager' | 'leader' | 'api', string> = {} as never;
const units: Record<'root' | 'A' | 'B', string> = {} as never;
let org: Awaited<ReturnType<typeof createOrganization>>;
let demoEmployeeWave: string;
let wave: string;
let customerWave: string;
let someUser: string;
const teams: Team[] = [];
/** Every body the server answered in this file (logins aside), for the scan at the end. */
const bodies: string[] = [];

async function gql(query: string, variables: Record<string, unknown>, token: string): Promise<GqlResult> {
  const res = await app.gql(query, variables, token);
  bodies.push(JSON.stringify(res));
  return res;
}

async function ok(query: string, variables: Record<string, unknown>, token = tokens.hr) {
  const res = await gql(query, variables, token);
  expect(res.errors).toBeUndefined();
  return res.data;
}

const summary = async (filter: Record<string, unknown>, token = tokens.hr) => (await ok(SUMMARY, { filter }, token)).npsSummary;
const breakdown = async (filter: Record<string, unknown>, by: string, segmentKey?: string, token = tokens.hr) =>
  (await ok(BREAKDOWN, { filter, by, segmentKey }, token)).npsBreakdown as { key: string; label: string; summary: Record<string, unknown> }[];
const comments = async (filter: Record<string, unknown>, token = tokens.hr) => (await ok(COMMENTS, { filter }, token)).employeeComments;
const errorOf = async (query: string, variables: Record<string, unknown>, token = tokens.hr) => {
  const res = await gql(query, variables, token);
  expect(res.data).toBeNull();
  return res.errors?.[0].extensions;
};

async function setThreshold(k: number | null) {
  await app.db.dataSource.query(
    k === null ? `UPDATE organizations SET settings = settings - 'anonymityThreshold' WHERE id = $1` : `UPDATE organizations SET settings = jsonb_set(settings, '{anonymityThreshold}', to_jsonb($2::int)) WHERE id = $1`,
    k === null ? [org.org.id] : [org.org.id, k],
  );
}

beforeAll(async () => {
  app = await startTestApp();
  const db = app.db.dataSource.manager;
  org = await createOrganization(db, 'enps', ['ADMIN', 'CX', 'HR', 'MANAGER', 'LEADER']);
  for (const role of ['admin', 'cx', 'hr', 'manager', 'leader'] as const) tokens[role] = await app.login(org.users[role.toUpperCase()], org.password);
  await db.query(`INSERT INTO api_clients (organization_id, name, client_id, secret_hash, scopes) VALUES ($1, 'BI', 'enps-bi', $2, $3)`, [
    org.org.id,
    await hashSecret('enps-bi-secret-enps-bi-secret'),
    ['analytics:read', 'responses:read'],
  ]);
  tokens.api = (await app.gql(`mutation { issueApiToken(clientId: "enps-bi", clientSecret: "enps-bi-secret-enps-bi-secret") { accessToken } }`)).data.issueApiToken
    .accessToken;

  units.root = org.unit.id;
  for (const name of ['A', 'B'] as const) {
    [{ id: units[name] }] = await db.query(`INSERT INTO org_units (organization_id, parent_id, name) VALUES ($1, $2, $3) RETURNING id`, [org.org.id, units.root, `Team ${name}`]);
  }
  customerWave = (await app.gql(`mutation { createWave(input: { name: "Customers", audience: CUSTOMER }) { id } }`, {}, tokens.cx)).data.createWave.id;
  [{ id: someUser }] = await db.query(`SELECT id FROM users WHERE organization_id = $1 LIMIT 1`, [org.org.id]);
  // The demo organization's own employee wave (seeded, or made here), for the tenancy checks.
  const [seeded] = await db.query(`SELECT w.id FROM waves w JOIN organizations o ON o.id = w.organization_id WHERE o.slug = 'demo' AND w.audience = 'EMPLOYEE' LIMIT 1`);
  demoEmployeeWave = seeded?.id ?? (await openWave(app, await app.login('hr@demo.test'), { name: 'Demo eNPS', audience: 'EMPLOYEE' }));

  wave = await openWave(app, tokens.hr, { name: 'eNPS spring', audience: 'EMPLOYEE' });
  teams.push(
    await insertTeam(db, wave, {
      orgUnitId: units.A,
      invited: 10,
      answers: [
        { score: 10, reason: 'Great team', suggestion: '  More offsites  ' },
        { score: 10, reason: '', suggestion: null },
        { score: 9, reason: 'Flexible hours' },
        { score: 9 },
        { score: 8, reason: 'Good pay' },
        { score: 7, suggestion: 'Better laptops' },
        { score: 6, reason: 'Too many meetings' },
        { score: 2, reason: '   ', suggestion: 'Listen to us' },
      ],
      locations: ['Oslo', 'Oslo', 'Oslo', 'Oslo', 'Warsaw', 'Warsaw', 'Warsaw', 'Remote', 'Oslo', 'Oslo'],
      tenureBands: ['<1', '<1', '1-3', '1-3', '1-3', '3+', '3+', '3+', '3+', '3+'],
    }),
  );
  teams.push(
    await insertTeam(db, wave, {
      orgUnitId: units.B,
      invited: 5,
      answers: [{ score: 10, reason: 'Kind colleagues' }, { score: 5, reason: 'Unclear goals' }, { score: 3, suggestion: 'Fix the coffee machine' }, { score: 9 }],
      locations: ['Oslo', 'Oslo', 'Warsaw', 'Warsaw', 'Warsaw'],
      tenureBands: ['1-3', '1-3', '3+', '3+', '<1'],
    }),
  );
});
afterAll(() => app?.close());

describe('the acceptance case: teams of 8 and 4 answers, k = 5', () => {
  it('hides both teams in the breakdown by org unit', async () => {
    const groups = await breakdown({ waveIds: [wave] }, 'ORG_UNIT');
    expect(groups).toEqual([
      { key: units.A, label: 'Team A', summary: SUPPRESSED },
      { key: units.B, label: 'Team B', summary: SUPPRESSED },
      { key: 'unassigned', label: 'Unassigned or other units', summary: SUPPRESSED },
    ]);
  });

  it('hides team A filtered on its own (12 − 8 = 4 answers would be exposed) and team B (4 < 5)', async () => {
    expect(await summary({ waveIds: [wave], orgUnitIds: [units.A] })).toEqual(SUPPRESSED);
    expect(await summary({ orgUnitIds: [units.A] })).toEqual(SUPPRESSED);
    expect(await summary({ waveIds: [wave], orgUnitIds: [units.B] })).toEqual(SUPPRESSED);
  });

  it('shows the total of 12 with the numbers of nps-core and the finite population correction (15 invited)', async () => {
    const total = expected(6, 2, 4, 15);
    expect(await summary({ waveIds: [wave] })).toEqual(total);
    expect(await summary({ audience: 'EMPLOYEE' })).toEqual(total);
    expect(await summary({})).toEqual(total); // HR reads employee results only
    expect(total.marginOfError).toBeLessThan(expected(6, 2, 4).marginOfError!);
    // The whole org chart is the total again.
    expect(await summary({ waveIds: [wave], orgUnitIds: [units.root] })).toEqual(expected(6, 2, 4));
  });

  it('gives ADMIN, LEADER and an analytics:read client the same guarded results as HR', async () => {
    for (const token of [tokens.admin, tokens.leader, tokens.api]) {
      expect(await summary({ audience: 'EMPLOYEE' }, token)).toEqual(expected(6, 2, 4, 15));
      expect(await summary({ waveIds: [wave], orgUnitIds: [units.A] }, token)).toEqual(SUPPRESSED);
      expect((await breakdown({ waveIds: [wave] }, 'ORG_UNIT', undefined, token)).every((g) => g.summary.suppressed)).toBe(true);
    }
  });
});

describe('the threshold k', () => {
  afterAll(() => setThreshold(null));

  it('follows the organization setting up and down', async () => {
    await setThreshold(13);
    expect(await summary({ waveIds: [wave] })).toEqual(SUPPRESSED);
    await setThreshold(12);
    expect(await summary({ waveIds: [wave] })).toEqual(expected(6, 2, 4, 15));
    await setThreshold(4);
    // Team A: 8 answers, 12 − 8 = 4 is no longer fewer than k. The breakdown shows A and hides B
    // with the empty remainder; B (4 answers) then stays hidden when filtered on its own too.
    expect(await summary({ waveIds: [wave], orgUnitIds: [units.A] })).toEqual(expected(4, 2, 2));
    expect(await summary({ waveIds: [wave], orgUnitIds: [units.B] })).toEqual(SUPPRESSED);
    const groups = await breakdown({ waveIds: [wave] }, 'ORG_UNIT');
    expect(groups.map((g) => g.summary.suppressed)).toEqual([false, true, true]);
    expect(groups[0].summary).toEqual(expected(4, 2, 2));
  });

  it('never goes below 3: a setting of 1 behaves as 3', async () => {
    await setThreshold(1);
    // 2 answers of tenure "<1" and 1 answer from "Remote" stay hidden.
    expect(await summary({ waveIds: [wave], segments: [{ key: 'tenure_band', value: '<1' }] })).toEqual(SUPPRESSED);
    expect(await summary({ waveIds: [wave], segments: [{ key: 'location', value: 'Remote' }] })).toEqual(SUPPRESSED);
    expect((await comments({ waveIds: [wave], segments: [{ key: 'tenure_band', value: '<1' }] })).suppressed).toBe(true);
    await setThreshold(3);
    const asThree = await breakdown({ waveIds: [wave] }, 'SEGMENT', 'location');
    await setThreshold(1);
    expect(await breakdown({ waveIds: [wave] }, 'SEGMENT', 'location')).toEqual(asThree);
  });
});

describe('employeeComments', () => {
  const ALL = ['Great team', 'More offsites', 'Flexible hours', 'Good pay', 'Better laptops', 'Too many meetings', 'Listen to us', 'Kind colleagues', 'Unclear goals', 'Fix the coffee machine'];

  it('gives nothing for a group of 4', async () => {
    expect(await comments({ waveIds: [wave], orgUnitIds: [units.B] })).toEqual({ suppressed: true, comments: [] });
    expect(await comments({ waveIds: [wave], orgUnitIds: [units.A] })).toEqual({ suppressed: true, comments: [] });
  });

  it('gives the 12 answers’ reasons and suggestions, blank ones left out, shuffled, without dates', async () => {
    const orders = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const res = await comments({ waveIds: [wave] });
      expect(res.suppressed).toBe(false);
      expect([...res.comments].sort()).toEqual([...ALL].sort());
      for (const c of res.comments) expect(c).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      orders.add(JSON.stringify(res.comments));
    }
    expect(orders.size).toBeGreaterThan(1);
    expect((await comments({ audience: 'EMPLOYEE' }, tokens.leader)).comments).toHaveLength(ALL.length);
  });

  it('is for HR, ADMIN and LEADER only', async () => {
    expect((await comments({ waveIds: [wave] }, tokens.admin)).suppressed).toBe(false);
    for (const token of [tokens.cx, tokens.manager, tokens.api]) expect((await errorOf(COMMENTS, { filter: { waveIds: [wave] } }, token))?.code).toBe('FORBIDDEN');
  });
});

describe('breakdowns by segment and wave', () => {
  it('hides a small location and, with it, the next smallest, so that neither is the total minus the rest', async () => {
    const groups = await breakdown({ waveIds: [wave] }, 'SEGMENT', 'location');
    expect(groups.map((g) => g.key)).toEqual(['Oslo', 'Remote', 'Warsaw', 'unassigned']);
    const byKey = Object.fromEntries(groups.map((g) => [g.key, g.summary]));
    // Oslo: A 10 10 9 9, B 10 5.
    expect(byKey.Oslo).toEqual(expected(5, 0, 1));
    expect(byKey.Remote).toEqual(SUPPRESSED); // 1 answer
    expect(byKey.Warsaw).toEqual(SUPPRESSED); // 5 answers, hidden with Remote
    expect(byKey.unassigned).toEqual(SUPPRESSED);
  });

  it('keeps the hidden location hidden when asked for on its own', async () => {
    expect(await summary({ waveIds: [wave], segments: [{ key: 'location', value: 'Oslo' }] })).toEqual(expected(5, 0, 1));
    // Warsaw alone passes the threshold and differencing (12 − 5 = 7), but with Oslo and the total it would give Remote away.
    expect(await summary({ waveIds: [wave], segments: [{ key: 'location', value: 'Warsaw' }] })).toEqual(SUPPRESSED);
    expect((await comments({ waveIds: [wave], segments: [{ key: 'location', value: 'Warsaw' }] })).suppressed).toBe(true);
    // Oslo and Warsaw together are everything but Remote.
    expect(await summary({ waveIds: [wave], segments: [{ key: 'location', value: 'Oslo' }, { key: 'location', value: 'Warsaw' }] })).toEqual(SUPPRESSED);
  });

  it('breaks down by tenure band with complementary suppression', async () => {
    const groups = await breakdown({ waveIds: [wave] }, 'SEGMENT', 'Tenure Band');
    expect(groups.map((g) => g.key).sort()).toEqual(['1-3', '3+', '<1', 'unassigned']);
    const byKey = Object.fromEntries(groups.map((g) => [g.key, g.summary]));
    expect(byKey['<1']).toEqual(SUPPRESSED);
    // Two bands of 5: one is hidden with "<1", the other shown.
    const shown = ['1-3', '3+'].filter((k) => !byKey[k].suppressed);
    expect(shown).toHaveLength(1);
    expect(byKey[shown[0]].responses).toBe(5);
  });

  it('breaks down by wave and by audience', async () => {
    expect(await breakdown({}, 'WAVE')).toEqual([{ key: wave, label: 'eNPS spring', summary: expected(6, 2, 4, 15) }]);
    expect(await breakdown({ audience: 'EMPLOYEE' }, 'AUDIENCE')).toEqual([{ key: 'EMPLOYEE', label: 'Employees', summary: expected(6, 2, 4, 15) }]);
  });

  it('hides every cell of a small team broken down by location', async () => {
    // Team A (8 answers) by location within the wave: Oslo 4, Warsaw 3, Remote 1.
    const groups = await breakdown({ waveIds: [wave], orgUnitIds: [units.A] }, 'SEGMENT', 'location');
    expect(groups.every((g) => g.summary.suppressed)).toBe(true);
  });
});

describe('wave fields of an employee wave', () => {
  it('shows HR the counts, the guarded summary with FPC and the score distribution; never comments or a first reaction', async () => {
    const res = await ok(WAVE, { id: wave });
    expect(res.wave).toEqual({
      id: wave,
      anonymous: true,
      invited: 15,
      responded: 12,
      responseRate: 0.8,
      summary: expected(6, 2, 4, 15),
      scoreDistribution: [0, 0, 1, 1, 0, 1, 1, 1, 1, 3, 3],
      latestComments: [],
      stages: { survey: 0.8, firstReaction: null, analysis: null, improvements: 0 },
    });
    expect((await ok(WAVE, { id: wave }, tokens.api)).wave).toEqual(res.wave);
  });

  it('withholds employee numbers from CX, who may list the wave', async () => {
    expect((await ok(WAVE, { id: wave }, tokens.cx)).wave).toMatchObject({
      invited: 0,
      responded: 0,
      responseRate: null,
      summary: SUPPRESSED,
      scoreDistribution: [],
      stages: { survey: 0, firstReaction: null },
    });
  });
});

describe('response rates by org unit', () => {
  it('shows units with at least k invited (team A: 10, team B: 5)', async () => {
    expect(await ok(RATES, { waveId: wave })).toEqual({
      responseRatesByOrgUnit: [
        { key: units.A, label: 'Team A', orgUnitId: units.A, invited: 10, responded: 8, responseRate: 0.8 },
        { key: units.B, label: 'Team B', orgUnitId: units.B, invited: 5, responded: 4, responseRate: 0.8 },
      ],
    });
  });

  it('merges smaller units into one row of at least k, and shows nothing below k', async () => {
    const other = await createOrganization(app.db.dataSource.manager, 'rates', ['HR', 'CX']);
    const hr = await app.login(other.users.HR, other.password);
    const db = app.db.dataSource.manager;
    const unit = async (name: string) =>
      (await db.query(`INSERT INTO org_units (organization_id, parent_id, name) VALUES ($1, $2, $3) RETURNING id`, [other.org.id, other.unit.id, name]))[0].id as string;
    const [big, six, three] = [await unit('Big'), await unit('Six'), await unit('Three')];
    const w = await openWave(app, hr, { name: 'Rates', audience: 'EMPLOYEE' });
    const scores = (n: number) => Array.from({ length: n }, () => ({ score: 8 }));
    await insertTeam(db, w, { orgUnitId: big, invited: 10, answers: scores(6) });
    await insertTeam(db, w, { orgUnitId: six, invited: 6, answers: [] });
    await insertTeam(db, w, { orgUnitId: three, invited: 3, answers: scores(1) });
    await insertTeam(db, w, { orgUnitId: null, invited: 1, answers: scores(1) });
    // Three (3) and the employee without a unit (1) make 4 < 5: Six joins them, so no row is
    // smaller than 5 and the wave's totals minus the rows shown give nothing smaller away.
    expect((await ok(RATES, { waveId: w }, hr)).responseRatesByOrgUnit).toEqual([
      { key: big, label: 'Big', orgUnitId: big, invited: 10, responded: 6, responseRate: 0.6 },
      { key: 'other', label: 'Other units (merged: no row under 5 invited)', orgUnitId: null, invited: 10, responded: 2, responseRate: 0.2 },
    ]);
    const tiny = await openWave(app, hr, { name: 'Tiny', audience: 'EMPLOYEE' });
    await insertTeam(db, tiny, { orgUnitId: big, invited: 2, answers: scores(2) });
    await insertTeam(db, tiny, { orgUnitId: three, invited: 2, answers: scores(1) });
    expect((await ok(RATES, { waveId: tiny }, hr)).responseRatesByOrgUnit).toEqual([]);
    // Fewer than k invited: no response count on the wave either.
    expect((await ok(WAVE, { id: tiny }, hr)).wave).toMatchObject({ invited: 4, responded: 0, responseRate: null, summary: SUPPRESSED, scoreDistribution: [] });
    const cx = await app.login(other.users.CX, other.password);
    expect((await errorOf(RATES, { waveId: w }, cx))?.code).toBe('FORBIDDEN');
  });

  it('refuses identified and unknown waves, naming the argument', async () => {
    expect(await errorOf(RATES, { waveId: customerWave }, tokens.admin)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'waveId' });
    expect(await errorOf(RATES, { waveId: 'nope' })).toMatchObject({ code: 'NOT_FOUND', field: 'waveId' });
    expect(await errorOf(RATES, { waveId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ code: 'NOT_FOUND', field: 'waveId' });
  });
});

describe('who may read employee results', () => {
  it('refuses CX and MANAGER with FORBIDDEN', async () => {
    for (const token of [tokens.cx, tokens.manager]) {
      expect((await errorOf(SUMMARY, { filter: { audience: 'EMPLOYEE' } }, token))?.code).toBe('FORBIDDEN');
      expect((await errorOf(BREAKDOWN, { filter: { audience: 'EMPLOYEE' }, by: 'ORG_UNIT' }, token))?.code).toBe('FORBIDDEN');
      expect((await errorOf(RATES, { waveId: wave }, token))?.code).toBe('FORBIDDEN');
    }
    expect((await errorOf(SUMMARY, { filter: { waveIds: [wave] } }, tokens.cx))?.code).toBe('FORBIDDEN');
  });

  it("keeps another organization out of the demo's employee wave, as if it did not exist", async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const token of [tokens.hr, tokens.admin, tokens.api]) {
      const theirs = await errorOf(SUMMARY, { filter: { waveIds: [demoEmployeeWave] } }, token);
      expect(theirs).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.waveIds' });
      const none = await errorOf(SUMMARY, { filter: { waveIds: [unknown] } }, token);
      expect(JSON.stringify(theirs)).toBe(JSON.stringify(none));
      expect(await errorOf(BREAKDOWN, { filter: { waveIds: [demoEmployeeWave] }, by: 'ORG_UNIT' }, token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.waveIds' });
      expect((await ok(WAVE, { id: demoEmployeeWave }, token)).wave).toBeNull();
    }
    for (const token of [tokens.hr, tokens.admin]) {
      expect(await errorOf(COMMENTS, { filter: { waveIds: [demoEmployeeWave] } }, token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.waveIds' });
      expect(await errorOf(RATES, { waveId: demoEmployeeWave }, token)).toMatchObject({ code: 'NOT_FOUND', field: 'waveId' });
    }
    // And the demo, which has employee answers of its own, cannot read this organization's.
    const demoHr = await app.login('hr@demo.test');
    expect(await errorOf(SUMMARY, { filter: { waveIds: [wave] } }, demoHr)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.waveIds' });
    expect(await errorOf(SUMMARY, { filter: { audience: 'EMPLOYEE', orgUnitIds: [units.A] } }, demoHr)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.orgUnitIds' });
    expect(await errorOf(RATES, { waveId: wave }, demoHr)).toMatchObject({ code: 'NOT_FOUND', field: 'waveId' });
  });
});

describe('bad input', () => {
  it.each([
    ['owners for employee answers', SUMMARY, () => ({ filter: { audience: 'EMPLOYEE', ownerIds: [someUser] } }), 'filter.ownerIds', /no owners/],
    ['a segment key employees do not have', SUMMARY, () => ({ filter: { audience: 'EMPLOYEE', segments: [{ key: 'Region', value: 'EU' }] } }), 'filter.segments', /"region"/],
    ['employee and identified waves together', SUMMARY, () => ({ filter: { waveIds: [wave, customerWave] } }), 'filter.waveIds', /mixed/],
    ['an employee wave under another audience', SUMMARY, () => ({ filter: { audience: 'CUSTOMER', waveIds: [wave] } }), 'filter.waveIds', /CUSTOMER/],
    ['an identified wave under EMPLOYEE', SUMMARY, () => ({ filter: { audience: 'EMPLOYEE', waveIds: [customerWave] } }), 'filter.waveIds', /employee wave/],
    ['a breakdown of employee answers by owner', BREAKDOWN, () => ({ filter: { waveIds: [wave] }, by: 'OWNER' }), 'by', /owners/],
    ['a segment breakdown without a key', BREAKDOWN, () => ({ filter: { waveIds: [wave] }, by: 'SEGMENT' }), 'segmentKey', /needs a segmentKey/],
    ['an unknown employee segment key', BREAKDOWN, () => ({ filter: { waveIds: [wave] }, by: 'SEGMENT', segmentKey: 'region' }), 'segmentKey', /"region"/],
    ['a segment key with another dimension', BREAKDOWN, () => ({ filter: { waveIds: [wave] }, by: 'WAVE', segmentKey: 'location' }), 'segmentKey', /SEGMENT/],
    ['comments of another audience', COMMENTS, () => ({ filter: { audience: 'CUSTOMER' } }), 'filter.audience', /EMPLOYEE/],
    ['comments of an identified wave', COMMENTS, () => ({ filter: { waveIds: [customerWave] } }), 'filter.waveIds', /employee wave/],
    ['comments with owners', COMMENTS, () => ({ filter: { ownerIds: [someUser] } }), 'filter.ownerIds', /no owners/],
  ] as const)('refuses %s with BAD_USER_INPUT naming the argument', async (_name, query, variables, field, message) => {
    const res = await gql(query, variables(), tokens.admin);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(res.errors?.[0].message).toMatch(message);
    expect(res.data).toBeNull();
  });
});

describe('a second wave that has just started', () => {
  it('hides the first wave while the second has fewer than k answers (the total minus the first would give them away)', async () => {
    const second = await openWave(app, tokens.hr, { name: 'eNPS pulse', audience: 'EMPLOYEE' });
    teams.push(await insertTeam(app.db.dataSource.manager, second, { orgUnitId: units.A, invited: 3, answers: [{ score: 0, reason: 'Alone' }, { score: 1 }] }));
    expect((await ok(WAVE, { id: second })).wave).toMatchObject({ invited: 3, responded: 0, responseRate: null, summary: SUPPRESSED, scoreDistribution: [] });
    expect((await ok(WAVE, { id: wave })).wave).toMatchObject({ invited: 15, responded: 12, summary: SUPPRESSED, scoreDistribution: [] });
    expect(await summary({ waveIds: [wave] })).toEqual(SUPPRESSED);
    expect((await breakdown({}, 'WAVE')).map((g) => g.summary.suppressed)).toEqual([true, true]);
    expect(await summary({ audience: 'EMPLOYEE' })).toEqual(expected(6, 2, 6, 18));
  });
});

describe('what the responses never contain', () => {
  it('has no employee id, email or answer id, and no time finer than a date, in any body of this file', async () => {
    expect(bodies.length).toBeGreaterThan(50);
    const secrets = teams.flatMap((t) => [...t.employeeIds, ...t.emails, ...t.answerIds]);
    expect(secrets.length).toBeGreaterThan(30);
    const all = bodies.join('\n');
    for (const secret of secrets) expect(all).not.toContain(secret);
    expect(all).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    expect(all).not.toMatch(/\b\d{2}:\d{2}:\d{2}\b/);
  });
});
