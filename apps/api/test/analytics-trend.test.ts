import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareNps, summarize, type NpsCounts } from '@tandem/nps-core';
import { insertTeam } from './support/employee-data.js';
import { createOrganization } from './support/fixtures.js';
import { insertResponses } from './support/survey-data.js';
import { codeOf, startTestApp, type TestApp } from './support/test-app.js';

/**
 * npsTrend over an organization of its own: identified responses spread over weeks, months and
 * quarters of 2025 (every point checked against a recount of the responses table, through the
 * rollup and through the scan a two-dimension filter needs), waves ordered by their opening, and
 * employee points through the anonymity guard.
 */
const SUMMARY = 'responses promoters passives detractors nps marginOfError ciLow ciHigh band suppressed';
const TREND = `query($filter: NpsFilter!, $interval: TrendInterval!) {
  npsTrend(filter: $filter, interval: $interval) { period label from to summary { ${SUMMARY} } significantChange } }`;

let app: TestApp;
let org: Awaited<ReturnType<typeof createOrganization>>;
const tokens: Record<'cx' | 'hr' | 'leader' | 'manager', string> = {} as never;
const units: Record<string, string> = {};
const waves: Record<'late' | 'early' | 'employee', string> = {} as never;

type Point = { period: string; label: string; from: string | null; to: string | null; summary: Record<string, number | null | boolean | string>; significantChange: boolean | null };

beforeAll(async () => {
  app = await startTestApp();
  const db = app.db.dataSource.manager;
  org = await createOrganization(db, 'trends', ['CX', 'HR', 'LEADER', 'MANAGER']);
  for (const role of ['cx', 'hr', 'leader', 'manager'] as const) tokens[role] = await app.login(org.users[role.toUpperCase()], org.password);
  units.HQ = org.unit.id;
  for (const name of ['North', 'South']) {
    [{ id: units[name] }] = await db.query(`INSERT INTO org_units (organization_id, parent_id, name) VALUES ($1, $2, $3) RETURNING id`, [org.org.id, units.HQ, name]);
  }
  const create = async (name: string, audience: string, opensAt: string | null, token: string) =>
    (await app.gql(`mutation($input: CreateWaveInput!) { createWave(input: $input) { id } }`, { input: { name, audience, opensAt } }, token)).data.createWave.id;
  // Created first, opening later: WAVE points follow the opening date, not the creation.
  waves.late = await create('Spring', 'CUSTOMER', '2025-03-01T00:00:00Z', tokens.cx);
  waves.early = await create('Winter', 'CANDIDATE', '2025-01-01T00:00:00Z', tokens.cx);

  const day = (iso: string) => new Date(`${iso}T12:00:00Z`);
  const rows = (dates: string[], scores: number[], unit: string, region: string) =>
    dates.map((d, i) => ({ score: scores[i % scores.length], orgUnitId: units[unit], segments: { region }, submittedAt: day(d) }));
  await insertResponses(db, waves.early, [
    ...rows(['2025-01-02', '2025-01-05', '2025-01-06', '2025-01-30', '2025-01-31'], [10, 9, 3, 10, 10], 'North', 'EU'),
    ...rows(['2025-02-03', '2025-02-14', '2025-02-28'], [2, 4, 8], 'South', 'US'),
  ]);
  await insertResponses(db, waves.late, [
    ...rows(['2025-03-31', '2025-04-01', '2025-04-02', '2025-06-30', '2025-07-01'], [10, 10, 9, 9, 10], 'North', 'US'),
    ...rows(['2025-05-15', '2025-05-16', '2025-05-17', '2025-05-18'], [0, 1, 2, 10], 'South', 'EU'),
  ]);

  // Employees: a wave from 1 August to 30 November 2025, 12 answers in Team North and 2 in Team South, k = 5.
  waves.employee = await create('Pulse', 'EMPLOYEE', null, tokens.hr);
  await app.gql(`mutation($id: ID!) { openWave(id: $id) { id } }`, { id: waves.employee }, tokens.hr);
  await db.query(`UPDATE waves SET opened_at = '2025-08-01T00:00:00Z', closed_at = '2025-11-30T00:00:00Z', status = 'CLOSED' WHERE id = $1`, [waves.employee]);
  await insertTeam(db, waves.employee, {
    orgUnitId: units.North,
    invited: 14,
    answers: [10, 10, 10, 9, 9, 9, 8, 7, 6, 3, 10, 9].map((score) => ({ score })),
  });
  await insertTeam(db, waves.employee, { orgUnitId: units.South, invited: 4, answers: [2, 10].map((score) => ({ score })) });
});
afterAll(() => app?.close());

async function trend(filter: Record<string, unknown>, interval: string, token = tokens.cx): Promise<Point[]> {
  const res = await app.gql(TREND, { filter, interval }, token);
  expect(res.errors).toBeUndefined();
  return res.data.npsTrend;
}

const KEY: Record<string, string> = {
  WEEK: `to_char(date_trunc('week', (submitted_at AT TIME ZONE 'UTC')::date), 'IYYY-"W"IW')`,
  MONTH: `to_char(submitted_at AT TIME ZONE 'UTC', 'YYYY-MM')`,
  QUARTER: `to_char(submitted_at AT TIME ZONE 'UTC', 'YYYY-"Q"Q')`,
};

/** A recount per period of the responses table, with an extra condition. */
async function recount(interval: string, where = 'TRUE', params: unknown[] = []): Promise<Map<string, NpsCounts>> {
  const rows: (NpsCounts & { key: string })[] = await app.db.dataSource.query(
    `SELECT ${KEY[interval]} AS key,
            count(*) FILTER (WHERE category = 'PROMOTER')::int AS promoters,
            count(*) FILTER (WHERE category = 'PASSIVE')::int AS passives,
            count(*) FILTER (WHERE category = 'DETRACTOR')::int AS detractors
       FROM responses WHERE organization_id = $1 AND ${where} GROUP BY 1`,
    [org.org.id, ...params],
  );
  return new Map(rows.map((r) => [r.key, { promoters: r.promoters, passives: r.passives, detractors: r.detractors }]));
}

const countsOf = (p: Point): NpsCounts => ({ promoters: p.summary.promoters as number, passives: p.summary.passives as number, detractors: p.summary.detractors as number });
const ZERO: NpsCounts = { promoters: 0, passives: 0, detractors: 0 };

/** Every point equals the recount (0 where it has none), consecutive periods, significance from nps-core. */
function expectMatches(points: Point[], counts: Map<string, NpsCounts>) {
  points.forEach((p, i) => {
    expect(countsOf(p)).toEqual(counts.get(p.period) ?? ZERO);
    const s = summarize(counts.get(p.period) ?? ZERO);
    expect(p.summary).toMatchObject({ nps: s.nps, ciLow: s.ciLow, ciHigh: s.ciHigh, band: s.band, suppressed: false });
    if (i > 0) {
      expect(p.from! > points[i - 1].to!).toBe(true);
      const before = counts.get(points[i - 1].period) ?? ZERO;
      expect(p.significantChange).toBe(compareNps(before, counts.get(p.period) ?? ZERO).significant);
    } else {
      expect(p.significantChange).toBeNull();
    }
  });
  for (const key of counts.keys()) expect(points.map((p) => p.period)).toContain(key);
}

describe('npsTrend of identified responses', () => {
  it.each(['WEEK', 'MONTH', 'QUARTER'])('gives every %s from the first to the last with responses, each equal to a recount', async (interval) => {
    const points = await trend({}, interval);
    expectMatches(points, await recount(interval));
    expect(points[0].period).toBe({ WEEK: '2025-W01', MONTH: '2025-01', QUARTER: '2025-Q1' }[interval]);
    expect(points.at(-1)!.period).toBe({ WEEK: '2025-W27', MONTH: '2025-07', QUARTER: '2025-Q3' }[interval]);
  });

  it('runs from the filter\'s first to its last day, empty periods included', async () => {
    const points = await trend({ from: '2024-12-15', to: '2025-03-10' }, 'MONTH');
    expect(points.map((p) => [p.period, p.from, p.to])).toEqual([
      ['2024-12', '2024-12-01', '2024-12-31'],
      ['2025-01', '2025-01-01', '2025-01-31'],
      ['2025-02', '2025-02-01', '2025-02-28'],
      ['2025-03', '2025-03-01', '2025-03-31'],
    ]);
    expectMatches(points, await recount('MONTH', `submitted_at >= '2024-12-15' AND submitted_at < '2025-03-11'`));
    // ISO weeks across a year boundary: 2025-01-02 is in week 1 of 2025, which starts on 2024-12-30.
    const weeks = await trend({ from: '2024-12-28', to: '2025-01-06' }, 'WEEK');
    expect(weeks.map((p) => [p.period, p.from])).toEqual([
      ['2024-W52', '2024-12-23'],
      ['2025-W01', '2024-12-30'],
      ['2025-W02', '2025-01-06'],
    ]);
  });

  it('filters like npsSummary: one attribute through the rollup, two through a scan, the same numbers', async () => {
    expectMatches(await trend({ segments: [{ key: 'region', value: 'EU' }] }, 'MONTH'), await recount('MONTH', `segments ->> 'region' = 'EU'`));
    expectMatches(await trend({ orgUnitIds: [units.North] }, 'QUARTER'), await recount('QUARTER', `org_unit_id = $2`, [units.North]));
    expectMatches(
      await trend({ orgUnitIds: [units.South], segments: [{ key: 'region', value: 'EU' }] }, 'MONTH'),
      await recount('MONTH', `org_unit_id = $2 AND segments ->> 'region' = 'EU'`, [units.South]),
    );
  });

  it('gives waves in the order they open, named, with the change between them', async () => {
    const points = await trend({}, 'WAVE');
    expect(points.map((p) => [p.period, p.label, p.from])).toEqual([
      [waves.early, 'Winter', null],
      [waves.late, 'Spring', null],
    ]);
    const byWave = async (id: string) =>
      (await app.db.dataSource.query(
        `SELECT count(*) FILTER (WHERE category = 'PROMOTER')::int AS promoters, count(*) FILTER (WHERE category = 'PASSIVE')::int AS passives,
                count(*) FILTER (WHERE category = 'DETRACTOR')::int AS detractors FROM responses WHERE wave_id = $1`,
        [id],
      ))[0] as NpsCounts;
    const [winter, spring] = [await byWave(waves.early), await byWave(waves.late)];
    expect(points.map(countsOf)).toEqual([winter, spring]);
    expect(points[1].significantChange).toBe(compareNps(winter, spring).significant);
  });

  it('gives nothing for a filter without responses', async () => {
    expect(await trend({ audience: 'ASSOCIATE' }, 'MONTH')).toEqual([]);
    expect(await trend({ audience: 'ASSOCIATE' }, 'WAVE')).toEqual([]);
  });

  it.each([
    ['from after to', { filter: { from: '2025-03-02', to: '2025-03-01' }, interval: 'MONTH' }, 'filter.to'],
    ['an unknown wave', { filter: { waveIds: ['00000000-0000-4000-8000-000000000000'] }, interval: 'WAVE' }, 'filter.waveIds'],
  ])('refuses %s with BAD_USER_INPUT naming the argument', async (_name, variables, field) => {
    const res = await app.gql(TREND, variables, tokens.cx);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('refuses an interval that does not exist, and employee points to CX', async () => {
    expect(codeOf(await app.gql(TREND, { filter: {}, interval: 'DAY' }, tokens.cx))).toBe('BAD_USER_INPUT');
    expect(codeOf(await app.gql(TREND, { filter: { audience: 'EMPLOYEE' }, interval: 'MONTH' }, tokens.cx))).toBe('FORBIDDEN');
  });
});

describe('npsTrend of employee answers', () => {
  // The wave ran from 1 August to 30 November 2025 and is released: 14 answers (9 promoters,
  // 2 passives, 3 detractors) of 18 invited; k = 5.
  it('dates employee results by the day their wave closed: that month holds the whole release, months without a close are empty', async () => {
    const points = await trend({ from: '2025-07-01', to: '2025-12-31' }, 'MONTH', tokens.hr);
    expect(points.map((p) => p.period)).toEqual(['2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12']);
    expect(points.map((p) => p.summary.suppressed)).toEqual([false, false, false, false, false, false]);
    const s = summarize({ promoters: 9, passives: 2, detractors: 3 }, { population: 18 });
    expect(points[4].summary).toMatchObject({ responses: 14, promoters: 9, passives: 2, detractors: 3, nps: s.nps, ciLow: s.ciLow, band: s.band });
    for (const p of [...points.slice(0, 4), points[5]]) expect([p.summary.responses, p.summary.nps, p.significantChange]).toEqual([0, null, null]);
  });

  it('selects the waves that closed in a date range, for a leader too', async () => {
    expect((await trend({ audience: 'EMPLOYEE', from: '2025-05-01', to: '2025-08-31' }, 'MONTH', tokens.leader)).map((p) => p.summary.responses)).toEqual([0, 0, 0, 0]);
    expect((await trend({ audience: 'EMPLOYEE', from: '2025-08-02', to: '2025-12-31' }, 'QUARTER', tokens.leader)).map((p) => p.summary.responses)).toEqual([0, 14]);
  });

  it('gives each employee wave as a group of its own, with the finite population correction', async () => {
    const wave = await trend({ waveIds: [waves.employee] }, 'WAVE', tokens.hr);
    expect(wave).toHaveLength(1);
    expect(wave[0]).toMatchObject({ period: waves.employee, label: 'Pulse', significantChange: null });
    const s = summarize({ promoters: 9, passives: 2, detractors: 3 }, { population: 18 });
    expect(wave[0].summary).toMatchObject({ responses: 14, nps: s.nps, marginOfError: s.marginOfError, ciLow: s.ciLow, suppressed: false });
  });

  it('keeps HR to employee points, and CX away from them', async () => {
    expect(codeOf(await app.gql(TREND, { filter: { audience: 'CUSTOMER' }, interval: 'MONTH' }, tokens.hr))).toBe('FORBIDDEN');
    expect(codeOf(await app.gql(TREND, { filter: { audience: 'EMPLOYEE' }, interval: 'MONTH' }, tokens.cx))).toBe('FORBIDDEN');
  });
});
