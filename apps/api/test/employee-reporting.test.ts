import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarize } from '@tandem/nps-core';
import { hashSecret } from '../src/kernel/passwords.js';
import { closeEmployeeWave, insertTeam, type Team } from './support/employee-data.js';
import { createOrganization } from './support/fixtures.js';
import { openWave } from './support/surveys.js';
import { startTestApp, type GqlResult, type TestApp } from './support/test-app.js';

/**
 * Employee results through the API on a real database: participation while a wave runs, then its
 * release, made once when it closes (PRODUCT.md 5, docs/anonymity.md). An organization of its own
 * (the demo's seeded employee waves serve the tenancy checks) runs one employee wave: team A
 * (10 invited, 8 answers) and team B (5 invited, 4 answers), k = 5.
 *
 *   team A: 10 10 9 9 8 7 6 2   locations Oslo×4 Warsaw×3 Remote×1   tenure <1×2 1-3×3 3+×3
 *   team B: 10 5 3 9            locations Oslo×2 Warsaw×2            tenure 1-3×2 3+×2
 *   total:  6 promoters, 2 passives, 4 detractors of 12; 15 invited
 */

const SUMMARY_FIELDS = 'responses promoters passives detractors nps marginOfError ciLow ciHigh band suppressed hiddenReason';
const SUMMARY = `query($filter: NpsFilter!) { npsSummary(filter: $filter) { ${SUMMARY_FIELDS} } }`;
const BREAKDOWN = `query($filter: NpsFilter!, $by: BreakdownDimension!, $segmentKey: String) {
  npsBreakdown(filter: $filter, by: $by, segmentKey: $segmentKey) { key label summary { ${SUMMARY_FIELDS} } } }`;
const COMMENTS = `query($filter: NpsFilter!) { employeeComments(filter: $filter) { suppressed hiddenReason comments } }`;
const RATES = `query($waveId: ID!) { responseRatesByOrgUnit(waveId: $waveId) { key label orgUnitId parentKey invited responded responseRate } }`;
const RELEASE = `query($waveId: ID!) { employeeRelease(waveId: $waveId) { waveId threshold madeAt
  groups { key dimension orgUnitId value label parentKey invited distribution commentsReleased summary { ${'responses promoters passives detractors nps suppressed hiddenReason'} } }
  audit { method cells groups released hiddenBelowThreshold hiddenToProtect determined } } }`;
const WAVE = `query($id: ID!) { wave(id: $id) { id anonymous invited responded responseRate
  summary { ${SUMMARY_FIELDS} } scoreDistribution latestComments { reason submittedAt } stages { survey firstReaction analysis improvements } } }`;

const hidden = (hiddenReason: string) => ({ ...SUPPRESSED, hiddenReason });
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
  hiddenReason: null as string | null,
};

/** What a released summary must hold: nps-core's numbers, with the finite population correction when given. */
function expected(promoters: number, passives: number, detractors: number, population?: number) {
  const s = summarize({ promoters, passives, detractors }, population === undefined ? {} : { population });
  return { responses: s.responses, promoters, passives, detractors, nps: s.nps, marginOfError: s.marginOfError, ciLow: s.ciLow, ciHigh: s.ciHigh, band: s.band, suppressed: false, hiddenReason: null };
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

describe('while the wave runs', () => {
  it('shows participation only: overall and per team of at least k invited, never a score or a comment', async () => {
    expect(await summary({ waveIds: [wave] })).toEqual(hidden('NOT_RELEASED'));
    expect(await summary({ audience: 'EMPLOYEE' })).toMatchObject({ responses: 0, suppressed: false });
    for (const group of await breakdown({ waveIds: [wave] }, 'WAVE')) expect(group.summary).toEqual(hidden('NOT_RELEASED'));
    expect(await comments({ waveIds: [wave] })).toEqual({ suppressed: true, hiddenReason: 'NOT_RELEASED', comments: [] });
    const w = (await ok(WAVE, { id: wave })).wave;
    expect(w).toMatchObject({ invited: 15, responded: 12, responseRate: 0.8, scoreDistribution: [], summary: hidden('NOT_RELEASED') });
    expect((await ok(RELEASE, { waveId: wave })).employeeRelease).toBeNull();
    const rates = (await ok(RATES, { waveId: wave })).responseRatesByOrgUnit as { key: string; invited: number; responded: number }[];
    const byKey = new Map(rates.map((r) => [r.key, r]));
    expect(byKey.get('all')).toMatchObject({ invited: 15, responded: 12 });
    // Team A (10) and team B (5) each leave a remainder of 0 or at least k invited: both are shown.
    expect(byKey.get(`unit:${units.A}`)).toMatchObject({ invited: 10, responded: 8 });
    expect(byKey.get(`unit:${units.B}`)).toMatchObject({ invited: 5, responded: 4 });
  });
});

describe('the release of the closed wave (teams of 8 and 4 answers, k = 5)', () => {
  beforeAll(() => closeEmployeeWave(app.db.dataSource.manager, wave));

  it('shows the whole wave with the numbers of nps-core and the finite population correction (15 invited)', async () => {
    expect(await summary({ waveIds: [wave] })).toEqual(expected(6, 2, 4, 15));
    expect(await summary({ audience: 'EMPLOYEE' })).toEqual(expected(6, 2, 4, 15));
  });

  it('hides team B (4 < 5) and team A with it (12 − 8 = 4 would give B away), saying why', async () => {
    const groups = await breakdown({ waveIds: [wave] }, 'ORG_UNIT');
    expect(groups.map((g) => [g.label, g.summary.hiddenReason])).toEqual([
      ['Team A', 'PROTECTS_SMALLER'],
      ['Team B', 'THRESHOLD'],
    ]);
    expect(await summary({ waveIds: [wave], orgUnitIds: [units.A] })).toEqual(hidden('PROTECTS_SMALLER'));
    expect(await summary({ waveIds: [wave], orgUnitIds: [units.B] })).toEqual(hidden('THRESHOLD'));
  });

  it('gives ADMIN, LEADER and an analytics:read client the same results as HR', async () => {
    const asHr = [await summary({ waveIds: [wave] }), await breakdown({ waveIds: [wave] }, 'ORG_UNIT'), await breakdown({ waveIds: [wave] }, 'SEGMENT', 'location')];
    for (const token of [tokens.admin, tokens.leader, tokens.api]) {
      expect([await summary({ waveIds: [wave] }, token), await breakdown({ waveIds: [wave] }, 'ORG_UNIT', undefined, token), await breakdown({ waveIds: [wave] }, 'SEGMENT', 'location', token)]).toEqual(asHr);
    }
  });

  it('is stored with its audit: every group of the snapshot, released or hidden with a reason, nobody determined', async () => {
    const release = (await ok(RELEASE, { waveId: wave })).employeeRelease;
    expect(release.threshold).toBe(5);
    expect(release.audit).toMatchObject({ method: 'MIP', determined: 0 });
    const keys = release.groups.map((g: { key: string }) => g.key);
    expect(keys).toEqual(expect.arrayContaining(['all', `unit:${units.root}`, `unit:${units.A}`, `unit:${units.B}`, 'location:Oslo', 'location:Warsaw', 'location:Remote', 'tenure_band:<1', 'tenure_band:1-3', 'tenure_band:3+']));
    for (const g of release.groups) {
      if (g.summary.suppressed) expect(['THRESHOLD', 'PROTECTS_SMALLER']).toContain(g.summary.hiddenReason);
      else expect(g.summary.responses).toBeGreaterThanOrEqual(5);
    }
    // A distribution only for the whole wave: 12 answers, at least 2k.
    const all = release.groups.find((g: { key: string }) => g.key === 'all');
    expect(all.distribution).toEqual([0, 0, 1, 1, 0, 1, 1, 1, 1, 3, 3]);
    expect(release.groups.filter((g: { distribution: unknown }) => g.distribution).map((g: { key: string }) => g.key)).toEqual(['all', `unit:${units.root}`]);
  });

  it('never changes: a new threshold, roster moves and new themes leave it as it was', async () => {
    const before = [(await ok(RELEASE, { waveId: wave })).employeeRelease, await breakdown({ waveIds: [wave] }, 'SEGMENT', 'location'), await comments({ waveIds: [wave] })];
    await setThreshold(3);
    await app.db.dataSource.query(`UPDATE employees SET org_unit_id = $1 WHERE id = ANY($2::uuid[])`, [units.A, teams[1].employeeIds]);
    await app.db.dataSource.query(`INSERT INTO themes (organization_id, name, keywords) VALUES ($1, 'Coffee', '{"en": ["coffee"]}')`, [org.org.id]);
    try {
      expect([(await ok(RELEASE, { waveId: wave })).employeeRelease, await breakdown({ waveIds: [wave] }, 'SEGMENT', 'location'), await comments({ waveIds: [wave] })]).toEqual(before);
    } finally {
      await setThreshold(null);
      await app.db.dataSource.query(`UPDATE employees SET org_unit_id = $1 WHERE id = ANY($2::uuid[])`, [units.B, teams[1].employeeIds]);
    }
  });

  it('keeps no answer once released', async () => {
    const [{ n }] = await app.db.dataSource.query(`SELECT (SELECT count(*) FROM employee_answers WHERE wave_id = $1) + (SELECT count(*) FROM employee_answer_staging WHERE wave_id = $1) AS n`, [wave]);
    expect(Number(n)).toBe(0);
  });
});

describe('employeeComments', () => {
  it('gives the whole wave’s reasons and suggestions, blank ones left out, trimmed and shuffled', async () => {
    const result = await comments({ waveIds: [wave] });
    expect(result.suppressed).toBe(false);
    expect([...result.comments].sort()).toEqual(
      ['Great team', 'More offsites', 'Flexible hours', 'Good pay', 'Better laptops', 'Too many meetings', 'Listen to us', 'Kind colleagues', 'Unclear goals', 'Fix the coffee machine'].sort(),
    );
  });

  it('gives nothing for a hidden team, and refuses a location (lists of texts could be intersected)', async () => {
    expect(await comments({ waveIds: [wave], orgUnitIds: [units.B] })).toEqual({ suppressed: true, hiddenReason: 'THRESHOLD', comments: [] });
    expect(await comments({ waveIds: [wave], orgUnitIds: [units.A] })).toMatchObject({ suppressed: true, comments: [] });
    expect(await errorOf(COMMENTS, { filter: { waveIds: [wave], segments: [{ key: 'location', value: 'Oslo' }] } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.segments' });
  });

  it('is for HR, ADMIN, LEADER and managers (their own unit) only', async () => {
    for (const token of [tokens.cx, tokens.api]) expect((await errorOf(COMMENTS, { filter: { waveIds: [wave] } }, token))?.code).toBe('FORBIDDEN');
  });
});

describe('the threshold k', () => {
  afterAll(() => setThreshold(null));

  it('is the one of the organization when a wave is released, never below 3', async () => {
    const db = app.db.dataSource.manager;
    const release = async (k: number | null) => {
      await setThreshold(k);
      const w = await openWave(app, tokens.hr, { name: `eNPS k=${k}`, audience: 'EMPLOYEE' });
      await insertTeam(db, w, { orgUnitId: units.A, invited: 4, answers: [{ score: 9 }, { score: 9 }, { score: 3 }] });
      await insertTeam(db, w, { orgUnitId: units.B, invited: 4, answers: [{ score: 10 }, { score: 7 }, { score: 6 }] });
      await closeEmployeeWave(db, w);
      return (await ok(RELEASE, { waveId: w })).employeeRelease;
    };
    const three = await release(1);
    expect(three.threshold).toBe(3);
    expect(three.groups.filter((g: { dimension: string; summary: { suppressed: boolean } }) => g.dimension === 'ORG_UNIT' && !g.summary.suppressed).length).toBeGreaterThanOrEqual(2);
    // Six answers under k = 7: not even the whole wave is shown.
    const seven = await release(7);
    expect(seven.threshold).toBe(7);
    expect(seven.groups.filter((g: { summary: { suppressed: boolean } }) => !g.summary.suppressed)).toEqual([]);
  });
});

describe('filters pick one released group', () => {
  it.each([
    ['two org units', SUMMARY, () => ({ filter: { waveIds: [wave], orgUnitIds: [units.A, units.B] } }), 'filter.orgUnitIds'],
    ['two locations', SUMMARY, () => ({ filter: { waveIds: [wave], segments: [{ key: 'location', value: 'Oslo' }, { key: 'location', value: 'Warsaw' }] } }), 'filter.segments'],
    ['a location and a tenure band', SUMMARY, () => ({ filter: { waveIds: [wave], segments: [{ key: 'location', value: 'Oslo' }, { key: 'tenure_band', value: '3+' }] } }), 'filter.segments'],
    ['an unknown segment key', SUMMARY, () => ({ filter: { waveIds: [wave], segments: [{ key: 'region', value: 'North' }] } }), 'filter.segments'],
    ['owners for employee answers', SUMMARY, () => ({ filter: { audience: 'EMPLOYEE', ownerIds: [someUser] } }), 'filter.ownerIds'],
    ['employee and identified waves together', SUMMARY, () => ({ filter: { waveIds: [wave, customerWave] } }), 'filter.waveIds'],
    ['an identified wave under EMPLOYEE', SUMMARY, () => ({ filter: { audience: 'EMPLOYEE', waveIds: [customerWave] } }), 'filter.waveIds'],
    ['a breakdown by owner', BREAKDOWN, () => ({ filter: { waveIds: [wave] }, by: 'OWNER' }), 'by'],
    ['a breakdown by org unit within a location', BREAKDOWN, () => ({ filter: { waveIds: [wave], segments: [{ key: 'location', value: 'Oslo' }] }, by: 'ORG_UNIT' }), 'filter.segments'],
    ['a breakdown by tenure within a location', BREAKDOWN, () => ({ filter: { waveIds: [wave], segments: [{ key: 'location', value: 'Oslo' }] }, by: 'SEGMENT', segmentKey: 'tenure_band' }), 'filter.segments'],
    ['a breakdown by an unknown segment', BREAKDOWN, () => ({ filter: { waveIds: [wave] }, by: 'SEGMENT', segmentKey: 'region' }), 'segmentKey'],
  ])('refuses %s with BAD_USER_INPUT naming %s', async (_name, query, variables, field) => {
    expect(await errorOf(query, variables())).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('answers a location with what the release holds for it, and the same breakdown row', async () => {
    const rows = await breakdown({ waveIds: [wave] }, 'SEGMENT', 'location');
    for (const row of rows) expect(await summary({ waveIds: [wave], segments: [{ key: 'location', value: row.key }] })).toEqual(row.summary);
  });
});

describe('wave fields of a closed employee wave', () => {
  it('shows HR the counts, the release’s whole-wave summary and distribution; never comments or a first reaction', async () => {
    const w = (await ok(WAVE, { id: wave })).wave;
    expect(w).toMatchObject({ anonymous: true, invited: 15, responded: 12, responseRate: 0.8, latestComments: [], stages: { firstReaction: null, analysis: null } });
    expect(w.summary).toEqual(expected(6, 2, 4, 15));
    expect(w.scoreDistribution).toEqual([0, 0, 1, 1, 0, 1, 1, 1, 1, 3, 3]);
    expect((await ok(WAVE, { id: wave }, tokens.api)).wave).toEqual(w);
  });

  it('withholds employee numbers from CX, who may list the wave', async () => {
    const w = (await ok(WAVE, { id: wave }, tokens.cx)).wave;
    expect(w).toMatchObject({ invited: 0, responded: 0, responseRate: null, scoreDistribution: [], summary: SUPPRESSED });
  });
});

describe('participation rows', () => {
  it('keep every remainder at 0 or at least k invited, and show nothing of a wave below k', async () => {
    const db = app.db.dataSource.manager;
    const [{ id: big }] = await db.query(`INSERT INTO org_units (organization_id, parent_id, name) VALUES ($1, $2, 'Big') RETURNING id`, [org.org.id, units.root]);
    const [{ id: six }] = await db.query(`INSERT INTO org_units (organization_id, parent_id, name) VALUES ($1, $2, 'Six') RETURNING id`, [org.org.id, units.root]);
    const [{ id: three }] = await db.query(`INSERT INTO org_units (organization_id, parent_id, name) VALUES ($1, $2, 'Three') RETURNING id`, [org.org.id, units.root]);
    const w = await openWave(app, tokens.hr, { name: 'eNPS rates', audience: 'EMPLOYEE' });
    const scores = (n: number) => Array.from({ length: n }, () => ({ score: 8 }));
    await insertTeam(db, w, { orgUnitId: big, invited: 10, answers: scores(6) });
    await insertTeam(db, w, { orgUnitId: six, invited: 6, answers: [] });
    await insertTeam(db, w, { orgUnitId: three, invited: 3, answers: scores(1) });
    await insertTeam(db, w, { orgUnitId: null, invited: 1, answers: scores(1) });
    const rows = (await ok(RATES, { waveId: w })).responseRatesByOrgUnit as { key: string; invited: number; responded: number }[];
    // 20 invited: the company unit (19) would single out the one without a unit, and Six beside Big
    // would leave 4 (Three and that one): only Big is shown beside the total.
    expect(rows.map((r) => [r.key, r.invited, r.responded])).toEqual([
      ['all', 20, 8],
      [`unit:${big}`, 10, 6],
    ]);
    const tiny = await openWave(app, tokens.hr, { name: 'eNPS tiny', audience: 'EMPLOYEE' });
    await insertTeam(db, tiny, { orgUnitId: big, invited: 2, answers: scores(2) });
    await insertTeam(db, tiny, { orgUnitId: three, invited: 2, answers: scores(1) });
    expect((await ok(RATES, { waveId: tiny })).responseRatesByOrgUnit).toEqual([]);
    expect((await ok(WAVE, { id: tiny })).wave).toMatchObject({ invited: 4, responded: 0, responseRate: null });
  });

  it('refuses identified and unknown waves, naming the argument', async () => {
    expect(await errorOf(RATES, { waveId: customerWave }, tokens.admin)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'waveId' });
    expect(await errorOf(RATES, { waveId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ code: 'NOT_FOUND', field: 'waveId' });
  });
});

describe('who may read employee results', () => {
  it('refuses CX with FORBIDDEN', async () => {
    for (const query of [SUMMARY, BREAKDOWN]) {
      const res = await gql(query, { filter: { audience: 'EMPLOYEE' }, by: 'WAVE' }, tokens.cx);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('lets a manager read the released groups of their own unit only', async () => {
    const db = app.db.dataSource.manager;
    await db.query(`UPDATE users SET org_unit_id = $1 WHERE email = $2`, [units.B, org.users.MANAGER]);
    try {
      const token = await app.login(org.users.MANAGER, org.password);
      expect(await summary({ audience: 'EMPLOYEE' }, token)).toEqual(hidden('THRESHOLD'));
      expect(await summary({ audience: 'EMPLOYEE', orgUnitIds: [units.B] }, token)).toEqual(hidden('THRESHOLD'));
      // The wave by id (a point of their trend), for their unit only: the summary, comments and themes.
      expect(await summary({ audience: 'EMPLOYEE', waveIds: [wave] }, token)).toEqual(hidden('THRESHOLD'));
      expect(await comments({ audience: 'EMPLOYEE', waveIds: [wave] }, token)).toEqual({ suppressed: true, hiddenReason: 'THRESHOLD', comments: [] });
      expect((await errorOf(SUMMARY, { filter: { audience: 'EMPLOYEE', waveIds: [wave], orgUnitIds: [units.A] } }, token))?.code).toBe('FORBIDDEN');
      expect(await errorOf(SUMMARY, { filter: { audience: 'EMPLOYEE', waveIds: [demoEmployeeWave] } }, token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.waveIds' });
      expect((await errorOf(SUMMARY, { filter: { audience: 'EMPLOYEE', orgUnitIds: [units.A] } }, token))?.code).toBe('FORBIDDEN');
      expect((await errorOf(SUMMARY, { filter: { audience: 'EMPLOYEE', orgUnitIds: [units.root] } }, token))?.code).toBe('FORBIDDEN');
    } finally {
      await db.query(`UPDATE users SET org_unit_id = $1 WHERE email = $2`, [units.root, org.users.MANAGER]);
    }
  });

  it("keeps another organization out of the demo's employee wave, as if it did not exist", async () => {
    for (const token of [tokens.hr, tokens.admin, tokens.api]) {
      expect(await errorOf(SUMMARY, { filter: { waveIds: [demoEmployeeWave] } }, token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.waveIds' });
      expect((await gql(WAVE, { id: demoEmployeeWave }, token)).errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
      expect(await errorOf(RATES, { waveId: demoEmployeeWave }, token)).toMatchObject({ code: 'NOT_FOUND', field: 'waveId' });
      expect((await gql(RELEASE, { waveId: demoEmployeeWave }, token)).errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'waveId' });
    }
  });
});

describe('dates select whole waves by the day they closed', () => {
  it('answers a range with the sum of the releases of the waves that closed in it, and a trend point per wave', async () => {
    const db = app.db.dataSource.manager;
    const older = await openWave(app, tokens.hr, { name: 'eNPS older', audience: 'EMPLOYEE' });
    await insertTeam(db, older, { orgUnitId: units.A, invited: 6, answers: [10, 10, 9, 2, 7].map((score) => ({ score })) });
    await closeEmployeeWave(db, older, new Date('2025-03-20T12:00:00Z'));
    expect(await summary({ audience: 'EMPLOYEE', from: '2025-03-01', to: '2025-03-31' })).toEqual(expected(3, 1, 1, 6));
    expect(await summary({ audience: 'EMPLOYEE', from: '2025-03-21', to: '2025-03-31' })).toMatchObject({ responses: 0 });
    const trend = (await ok(`query($filter: NpsFilter!) { npsTrend(filter: $filter, interval: WAVE) { period summary { responses suppressed } } }`, { filter: { audience: 'EMPLOYEE' } })).npsTrend;
    expect(trend[0]).toEqual({ period: older, summary: { responses: 5, suppressed: false } });
  });
});

describe('what the responses never contain', () => {
  it('has no employee id or email, and no time an employee answered, in any body of this file', () => {
    const text = bodies.join('\n');
    for (const team of teams) {
      for (const id of team.employeeIds) expect(text).not.toContain(id);
      for (const email of team.emails) expect(text).not.toContain(email);
    }
  });
});
