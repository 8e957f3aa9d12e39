import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { EntityManager } from 'typeorm';
import { categorize } from '@tandem/nps-core';
import { closeEmployeeWave, insertTeam } from './support/employee-data.js';
import { createOrganization } from './support/fixtures.js';
import { scansOfAnswers, statementsOf } from './support/statements.js';
import { codeOf, fieldOf, startTestApp, type TestApp } from './support/test-app.js';

/**
 * criterionResults and keyDrivers over an organization of its own: known ratings, with every
 * expected number (mean, t-interval, Pearson r, Fisher-z interval) recomputed here in TypeScript.
 */
const CRITERIA = `query($filter: NpsFilter!) { criterionResults(filter: $filter) {
  criterion n mean ciLow ciHigh distribution lowSample suppressed hiddenReason previousN previousMean } }`;
const DRIVERS = `query($filter: NpsFilter!) { keyDrivers(filter: $filter) { criterion rank n correlation ciLow ciHigh lowSample } }`;
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

interface Row {
  score: number;
  ratings: Record<string, number>;
  ownerId?: string | null;
  submittedAt?: Date;
}

let app: TestApp;
let org: Awaited<ReturnType<typeof createOrganization>>;
const tokens: Record<'admin' | 'cx' | 'hr' | 'manager' | 'demoCx', string> = {} as never;
const waves: Record<'a' | 'b' | 'employee', string> = {} as never;
let managerId: string;
const rowsA: Row[] = [];
const rowsB: Row[] = [];

/** Responses with ratings written straight into the table (one statement). */
async function insertRated(db: EntityManager, waveId: string, rows: Row[]) {
  const [wave] = await db.query(`SELECT organization_id, audience FROM waves WHERE id = $1`, [waveId]);
  await db.query(
    `INSERT INTO responses (organization_id, wave_id, audience, score, category, language, owner_id, segments, ratings, submitted_at)
     SELECT $1, $2, $3, t.score, t.category, 'en', t.owner_id, '{}'::jsonb, t.ratings, t.submitted_at
       FROM jsonb_to_recordset($4::jsonb) AS t(score int, category text, owner_id uuid, ratings jsonb, submitted_at timestamptz)`,
    [
      wave.organization_id,
      waveId,
      wave.audience,
      JSON.stringify(
        rows.map((r) => ({
          score: r.score,
          category: categorize(r.score),
          owner_id: r.ownerId ?? null,
          ratings: Object.entries(r.ratings).map(([criterion, value]) => ({ criterion, value })),
          submitted_at: (r.submittedAt ?? new Date('2025-06-15T12:00:00Z')).toISOString(),
        })),
      ),
    ],
  );
}

// ── independent recomputation ──
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
function sd(xs: number[]) {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
}
function pearson(xs: number[], ys: number[]): number | null {
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}
function pairs(rows: Row[], criterion: string) {
  const rated = rows.filter((r) => r.ratings[criterion] !== undefined);
  return { scores: rated.map((r) => r.score), values: rated.map((r) => r.ratings[criterion]) };
}
const fisher = (r: number, n: number) => [Math.tanh(Math.atanh(r) - 1.959964 / Math.sqrt(n - 3)), Math.tanh(Math.atanh(r) + 1.959964 / Math.sqrt(n - 3))];

async function ok(query: string, filter: Record<string, unknown>, token = tokens.cx) {
  const res = await app.gql(query, { filter }, token);
  expect(res.errors).toBeUndefined();
  return res.data[query.includes('keyDrivers') ? 'keyDrivers' : 'criterionResults'];
}

beforeAll(async () => {
  app = await startTestApp();
  const db = app.db.dataSource.manager;
  org = await createOrganization(db, 'drivers', ['ADMIN', 'CX', 'HR', 'MANAGER']);
  for (const role of ['admin', 'cx', 'hr', 'manager'] as const) tokens[role] = await app.login(org.users[role.toUpperCase()], org.password);
  tokens.demoCx = await app.login('cx@demo.test');
  [{ id: managerId }] = await db.query(`SELECT id FROM users WHERE email = $1`, [org.users.MANAGER]);

  const create = async (name: string, audience: string, token: string) =>
    (await app.gql(`mutation($input: CreateWaveInput!) { createWave(input: $input) { id } }`, { input: { name, audience } }, token)).data.createWave.id;
  waves.a = await create('Customers A', 'CUSTOMER', tokens.cx);
  waves.b = await create('Customers B', 'CUSTOMER', tokens.cx);
  waves.employee = await create('Employees', 'EMPLOYEE', tokens.hr);

  // Wave A: 40 answers in June 2025. service follows the score closely, price loosely (30 rated), speed on 29.
  for (let i = 0; i < 40; i++) {
    const score = (i * 7) % 11;
    const ratings: Record<string, number> = { zz_service: Math.min(5, 1 + Math.floor(score / 2.5)) };
    if (i < 30) ratings.zz_price = 1 + ((i * 3 + score) % 5);
    if (i >= 11) ratings.zz_speed = 1 + ((score + (i % 3)) % 5);
    rowsA.push({ score, ratings, ownerId: i % 4 === 0 ? managerId : null, submittedAt: new Date(Date.UTC(2025, 5, 1 + (i % 30), 10)) });
  }
  // Wave B: 6 answers in May 2025 (the previous period of June).
  for (const [score, service] of [[10, 5], [9, 4], [3, 2], [7, 3], [0, 1], [8, 4]]) {
    rowsB.push({ score, ratings: { zz_service: service }, submittedAt: new Date('2025-05-10T10:00:00Z') });
  }
  await insertRated(db, waves.a, rowsA);
  await insertRated(db, waves.b, rowsB);
});
afterAll(() => app?.close());

describe('criterionResults', () => {
  it('gives each criterion its n, mean, 95 % t-interval and 1–5 counts, recomputed here', async () => {
    const results = await ok(CRITERIA, { waveIds: [waves.a] });
    expect(results.map((r: { criterion: string }) => r.criterion)).toEqual(['zz_price', 'zz_service', 'zz_speed']);
    const service = results.find((r: { criterion: string }) => r.criterion === 'zz_service');
    const { values } = pairs(rowsA, 'zz_service');
    expect(service.n).toBe(40);
    expect(service.mean).toBeCloseTo(mean(values), 4);
    // t(0.975, 39) = 2.0227
    const half = (2.0227 * sd(values)) / Math.sqrt(40);
    expect(service.ciLow).toBeCloseTo(mean(values) - half, 3);
    expect(service.ciHigh).toBeCloseTo(mean(values) + half, 3);
    expect(service.ciLow).toBeLessThan(service.mean);
    expect(service.ciHigh).toBeGreaterThan(service.mean);
    expect(service.distribution).toEqual([1, 2, 3, 4, 5].map((v) => values.filter((x) => x === v).length));
    expect(service.distribution.reduce((a: number, b: number) => a + b, 0)).toBe(40);
    expect(service.previousN).toBeNull();
  });

  it('marks fewer than 30 ratings lowSample (29 yes, 30 no)', async () => {
    const results = await ok(CRITERIA, { waveIds: [waves.a] });
    const by = Object.fromEntries(results.map((r: { criterion: string }) => [r.criterion, r]));
    expect([by.zz_price.n, by.zz_price.lowSample]).toEqual([30, false]);
    expect([by.zz_speed.n, by.zz_speed.lowSample]).toEqual([29, true]);
  });

  it('filters by wave and dates, and compares with the previous period of the same length', async () => {
    const b = await ok(CRITERIA, { waveIds: [waves.b] });
    expect(b).toHaveLength(1);
    expect(b[0]).toMatchObject({ criterion: 'zz_service', n: 6, lowSample: true });
    expect(b[0].mean).toBeCloseTo(mean(rowsB.map((r) => r.ratings.zz_service)), 4);
    // Six ratings: the t-interval (t(0.975, 5) = 2.571) is clipped to the 1–5 scale where it leaves it.
    const bValues = rowsB.map((r) => r.ratings.zz_service);
    const bHalf = (2.571 * sd(bValues)) / Math.sqrt(6);
    expect(b[0].ciLow).toBeCloseTo(Math.max(1, mean(bValues) - bHalf), 3);
    expect(b[0].ciHigh).toBeCloseTo(Math.min(5, mean(bValues) + bHalf), 3);

    // June (30 days): the previous period is 2 May – 31 May, which holds wave B.
    const june = await ok(CRITERIA, { from: '2025-06-01', to: '2025-06-30' });
    const service = june.find((r: { criterion: string }) => r.criterion === 'zz_service');
    expect(service.n).toBe(40);
    expect(service.previousN).toBe(6);
    expect(service.previousMean).toBeCloseTo(mean(rowsB.map((r) => r.ratings.zz_service)), 4);
    expect(june.find((r: { criterion: string }) => r.criterion === 'zz_price')).toMatchObject({ previousN: 0, previousMean: null });
  });

  it("covers a manager's own contacts only", async () => {
    const own = rowsA.filter((r) => r.ownerId === managerId);
    const results = await ok(CRITERIA, {}, tokens.manager);
    const service = results.find((r: { criterion: string }) => r.criterion === 'zz_service');
    expect(service.n).toBe(own.length);
    expect(service.mean).toBeCloseTo(mean(own.map((r) => r.ratings.zz_service)), 4);
  });

  it('costs one grouped statement over the answers, whatever their number', async () => {
    const statements = await statementsOf(app, () => app.gql(CRITERIA, { filter: { waveIds: [waves.a] } }, tokens.cx));
    expect(scansOfAnswers(statements)).toHaveLength(1);
    expect(scansOfAnswers(statements)[0]).toMatch(/GROUP BY e\.criterion/);
  });

});

describe('employee criteria: only from the releases of closed waves', () => {
  // k = 5 (the default): care has 12 ratings (≥ 2k: mean, interval and counts), voice 7 (≥ k: the
  // mean alone), tools 4 (< k: hidden).
  const care = [5, 4, 4, 3, 5, 2, 4, 5, 3, 4, 1, 4];
  let closed: string;
  let running: string;

  beforeAll(async () => {
    const db = app.db.dataSource.manager;
    closed = waves.employee;
    running = await (async () =>
      (await app.gql(`mutation($input: CreateWaveInput!) { createWave(input: $input) { id } }`, { input: { name: 'Employees 2', audience: 'EMPLOYEE' } }, tokens.hr)).data.createWave.id)();
    const answers = care.map((value, i) => ({
      score: (value * 2 + i) % 11,
      ratings: [
        { criterion: 'zz_care', value },
        ...(i < 7 ? [{ criterion: 'zz_voice', value: 1 + (i % 5) }] : []),
        ...(i < 4 ? [{ criterion: 'zz_tools', value: 5 }] : []),
      ],
    }));
    await insertTeam(db, closed, { orgUnitId: org.unit.id, invited: 14, answers });
    await insertTeam(db, running, { orgUnitId: org.unit.id, invited: 6, answers: answers.slice(0, 6) });
    await closeEmployeeWave(db, closed);
  });

  it('reads the whole wave from its release: mean with interval and counts from 2k ratings, the mean alone from k, hidden below k', async () => {
    const results = await ok(CRITERIA, { waveIds: [closed] }, tokens.hr);
    const by = Object.fromEntries(results.map((r: { criterion: string }) => [r.criterion, r]));
    expect(Object.keys(by)).toEqual(['zz_care', 'zz_tools', 'zz_voice']);
    expect(by.zz_care).toMatchObject({ n: 12, suppressed: false, hiddenReason: null, lowSample: true, distribution: [1, 1, 2, 5, 3] });
    expect(by.zz_care.mean).toBeCloseTo(mean(care), 4);
    // t(0.975, 11) = 2.201
    expect(by.zz_care.ciHigh - by.zz_care.mean).toBeCloseTo((2.201 * sd(care)) / Math.sqrt(12), 3);
    expect(by.zz_voice).toMatchObject({ n: 7, suppressed: false, ciLow: null, ciHigh: null, distribution: null });
    expect(by.zz_voice.mean).toBeCloseTo(mean([1, 2, 3, 4, 5, 1, 2]), 4);
    expect(by.zz_tools).toMatchObject({ n: null, mean: null, distribution: null, suppressed: true, hiddenReason: 'THRESHOLD' });
    // The answers themselves are gone: the release is all that is left of the wave.
    const [{ n }] = await app.db.dataSource.manager.query(`SELECT count(*)::int AS n FROM employee_answers WHERE wave_id = $1`, [closed]);
    expect(n).toBe(0);
  });

  it('hides every criterion while a selected wave still runs', async () => {
    const results = await ok(CRITERIA, { waveIds: [closed, running] }, tokens.admin);
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(r).toMatchObject({ suppressed: true, hiddenReason: 'NOT_RELEASED', n: null, mean: null });
  });

  it('refuses groups finer than the wave, naming the field (a manager reads their own unit)', async () => {
    const unit = await app.gql(CRITERIA, { filter: { audience: 'EMPLOYEE', orgUnitIds: [org.unit.id] } }, tokens.hr);
    expect([codeOf(unit), fieldOf(unit)]).toEqual(['BAD_USER_INPUT', 'filter.orgUnitIds']);
    const segment = await app.gql(CRITERIA, { filter: { audience: 'EMPLOYEE', segments: [{ key: 'location', value: 'Oslo' }] } }, tokens.hr);
    expect([codeOf(segment), fieldOf(segment)]).toEqual(['BAD_USER_INPUT', 'filter.segments']);
  });
});

describe('keyDrivers', () => {
  it('ranks criteria by Pearson r with the score, with Fisher-z intervals recomputed here', async () => {
    const drivers = await ok(DRIVERS, { waveIds: [waves.a] });
    const expected = ['zz_price', 'zz_service', 'zz_speed']
      .map((criterion) => {
        const { scores, values } = pairs(rowsA, criterion);
        return { criterion, n: scores.length, r: pearson(values, scores)! };
      })
      .sort((x, y) => y.r - x.r);
    expect(drivers.map((d: { criterion: string }) => d.criterion)).toEqual(expected.map((e) => e.criterion));
    expect(drivers.map((d: { rank: number }) => d.rank)).toEqual([1, 2, 3]);
    expect(drivers[0].criterion).toBe('zz_service');
    for (const [i, e] of expected.entries()) {
      const d = drivers[i];
      expect(d.n).toBe(e.n);
      expect(d.correlation).toBeCloseTo(e.r, 4);
      const [low, high] = fisher(e.r, e.n);
      expect(d.ciLow).toBeCloseTo(low, 3);
      expect(d.ciHigh).toBeCloseTo(high, 3);
      expect(d.ciLow).toBeLessThanOrEqual(d.correlation);
      expect(d.ciHigh).toBeGreaterThanOrEqual(d.correlation);
      expect(d.ciLow).toBeGreaterThanOrEqual(-1);
      expect(d.ciHigh).toBeLessThanOrEqual(1);
      expect(d.lowSample).toBe(e.n < 30);
    }
  });

  it('follows the filter: one wave, and a manager sees their own contacts only', async () => {
    const b = await ok(DRIVERS, { waveIds: [waves.b] });
    const { scores, values } = pairs(rowsB, 'zz_service');
    expect(b).toEqual([expect.objectContaining({ criterion: 'zz_service', n: 6, lowSample: true })]);
    expect(b[0].correlation).toBeCloseTo(pearson(values, scores)!, 4);

    const own = rowsA.filter((r) => r.ownerId === managerId);
    const mine = await ok(DRIVERS, {}, tokens.manager);
    const service = mine.find((d: { criterion: string }) => d.criterion === 'zz_service');
    expect(service.n).toBe(own.length);
    expect(service.correlation).toBeCloseTo(pearson(own.map((r) => r.ratings.zz_service), own.map((r) => r.score))!, 4);
  });

  it('refuses employee key drivers with a typed error naming the field', async () => {
    for (const [filter, token, field] of [
      [{ audience: 'EMPLOYEE' }, tokens.admin, 'filter.audience'],
      [{ waveIds: [waves.employee] }, tokens.admin, 'filter.waveIds'],
      [{}, tokens.hr, 'filter.audience'],
    ] as const) {
      const res = await app.gql(DRIVERS, { filter }, token);
      expect([codeOf(res), fieldOf(res), res.errors?.[0]?.extensions?.reason]).toEqual(['BAD_USER_INPUT', field, 'EMPLOYEE_KEY_DRIVERS']);
    }
  });

  it("keeps organizations apart: another organization's wave answers like an unknown one, and its criteria never show", async () => {
    for (const query of [DRIVERS, CRITERIA]) {
      const foreign = await app.gql(query, { filter: { waveIds: [waves.a] } }, tokens.demoCx);
      const unknown = await app.gql(query, { filter: { waveIds: [UNKNOWN_ID] } }, tokens.demoCx);
      expect([codeOf(foreign), fieldOf(foreign)]).toEqual([codeOf(unknown), fieldOf(unknown)]);
      expect(codeOf(foreign)).toBe('BAD_USER_INPUT');
      const demo = await app.gql(query, { filter: {} }, tokens.demoCx);
      expect(demo.errors).toBeUndefined();
      const rows = demo.data[query === DRIVERS ? 'keyDrivers' : 'criterionResults'] as { criterion: string }[];
      expect(rows.filter((r) => r.criterion.startsWith('zz_'))).toEqual([]);
    }
  });

  it('needs a login', async () => {
    expect(codeOf(await app.gql(DRIVERS, { filter: {} }))).toBe('UNAUTHENTICATED');
  });
});

describe('property: the API equals a recompute in TypeScript', () => {
  it('for random ratings, the mean of each criterion and its correlation with the score', async () => {
    const db = app.db.dataSource.manager;
    const rowArb = fc.record({
      score: fc.integer({ min: 0, max: 10 }),
      x: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
      y: fc.integer({ min: 1, max: 5 }),
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { minLength: 1, maxLength: 60 }), async (generated) => {
        const waveId = (
          await app.gql(`mutation($input: CreateWaveInput!) { createWave(input: $input) { id } }`, { input: { name: `Property ${run++}`, audience: 'CUSTOMER' } }, tokens.cx)
        ).data.createWave.id;
        const rows: Row[] = generated.map((g) => ({ score: g.score, ratings: g.x === undefined ? { y: g.y } : ({ x: g.x, y: g.y } as Record<string, number>) }));
        await insertRated(db, waveId, rows);
        const criteria = await ok(CRITERIA, { waveIds: [waveId] });
        const drivers = await ok(DRIVERS, { waveIds: [waveId] });
        for (const criterion of ['x', 'y']) {
          const { scores, values } = pairs(rows, criterion);
          const c = criteria.find((r: { criterion: string }) => r.criterion === criterion);
          const d = drivers.find((r: { criterion: string }) => r.criterion === criterion);
          if (values.length === 0) {
            expect(c).toBeUndefined();
            expect(d).toBeUndefined();
            continue;
          }
          expect(c.n).toBe(values.length);
          expect(c.mean).toBeCloseTo(mean(values), 4);
          expect(d.n).toBe(values.length);
          const r = values.length < 2 ? null : pearson(values, scores);
          if (r === null) expect(d.correlation).toBeNull();
          else expect(d.correlation).toBeCloseTo(r, 4);
        }
      }),
      { numRuns: 20, seed: 19 },
    );
  });
});
