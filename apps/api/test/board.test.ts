import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareNps, summarize, type NpsCounts } from '@tandem/nps-core';
import { hashSecret } from '../src/kernel/passwords.js';
import { progress } from '../src/overview/board/board.service.js';
import { createOrganization } from './support/fixtures.js';
import { codeOf, startTestApp, type TestApp } from './support/test-app.js';

/**
 * The leadership board over the seeded demo organization (identified responses over the last
 * months, two employee waves), with every number checked against a plain recount of the tables;
 * then targets and benchmarks, who sees what, and bad input.
 */
const SUMMARY = 'responses promoters passives detractors nps marginOfError ciLow ciHigh band suppressed';
const BOARD = `query($period: PeriodInput) { board(period: $period) {
  period previousPeriod from to followUpsOpen followUpsOverdue improvementsByStatus { status count }
  audiences { audience summary { ${SUMMARY} } previous { ${SUMMARY} } significantChange responseRate
    target targetReached targetProgress benchmarks { id name value source }
    trend { period label from to summary { ${SUMMARY} } significantChange } } } }`;
const SET_TARGET = `mutation($audience: Audience!, $period: PeriodInput!, $value: Float!) {
  setNpsTarget(audience: $audience, period: $period, value: $value) { id audience year quarter period value } }`;
const REMOVE_TARGET = `mutation($audience: Audience!, $period: PeriodInput!) { removeNpsTarget(audience: $audience, period: $period) }`;
const ADD_BENCHMARK = `mutation($input: AddBenchmarkInput!) { addBenchmark(input: $input) { id audience name value source createdAt } }`;
const REMOVE_BENCHMARK = `mutation($id: ID!) { removeBenchmark(id: $id) }`;

let app: TestApp;
let org: string;
const tokens: Record<'admin' | 'leader' | 'cx' | 'hr' | 'manager' | 'api', string> = {} as never;

beforeAll(async () => {
  app = await startTestApp();
  [{ id: org }] = await app.db.dataSource.query(`SELECT id FROM organizations WHERE slug = 'demo'`);
  for (const role of ['admin', 'leader', 'cx', 'hr', 'manager'] as const) tokens[role] = await app.login(`${role}@demo.test`);
  await app.db.dataSource.query(`INSERT INTO api_clients (organization_id, name, client_id, secret_hash, scopes) VALUES ($1, 'BI', 'board-bi', $2, $3)`, [
    org,
    await hashSecret('board-bi-secret-secret'),
    ['analytics:read'],
  ]);
  tokens.api = (await app.gql(`mutation { issueApiToken(clientId: "board-bi", clientSecret: "board-bi-secret-secret") { accessToken } }`)).data.issueApiToken
    .accessToken;
});
afterAll(() => app?.close());

const today = () => new Date().toISOString().slice(0, 10);
function currentQuarter() {
  const now = new Date();
  const quarter = Math.floor(now.getUTCMonth() / 3) + 1;
  return { year: now.getUTCFullYear(), quarter };
}
function quarterRange(year: number, quarter: number) {
  const from = new Date(Date.UTC(year, (quarter - 1) * 3, 1));
  const to = new Date(Date.UTC(year, quarter * 3, 0));
  return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
}
const previousQuarter = ({ year, quarter }: { year: number; quarter: number }) => (quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: quarter - 1 });

async function board(period: Record<string, unknown> | null, token = tokens.leader) {
  const res = await app.gql(BOARD, { period }, token);
  expect(res.errors).toBeUndefined();
  return res.data.board;
}

/** The whole-wave groups of the releases of the employee waves that closed in [$2, $3]: employee results are dated by their wave. */
const RELEASED_IN = `FROM employee_release_groups g JOIN waves w ON w.id = g.wave_id
  WHERE g.organization_id = $1 AND g.key = 'all' AND g.released AND (coalesce(w.closed_at, w.closes_at) AT TIME ZONE 'UTC')::date BETWEEN $2::date AND $3::date`;

/**
 * A recount of one audience over a range of days, straight from the tables: identified responses
 * by the day they came in; employees as the releases of the waves that closed in the range (the
 * answers themselves are gone once released).
 */
async function recount(audience: string, from: string, to: string): Promise<NpsCounts> {
  if (audience === 'EMPLOYEE') {
    const [row] = await app.db.dataSource.query(
      `SELECT coalesce(sum(promoters), 0)::int AS promoters, coalesce(sum(passives), 0)::int AS passives, coalesce(sum(detractors), 0)::int AS detractors ${RELEASED_IN}`,
      [org, from, to],
    );
    return row;
  }
  const rows: { category: string; n: number }[] = await app.db.dataSource.query(
    `SELECT category, count(*)::int AS n FROM responses WHERE organization_id = $1 AND audience = $2
      AND (submitted_at AT TIME ZONE 'UTC')::date BETWEEN $3::date AND $4::date GROUP BY 1`,
    [org, audience, from, to],
  );
  const n = (c: string) => rows.find((r) => r.category === c)?.n ?? 0;
  return { promoters: n('PROMOTER'), passives: n('PASSIVE'), detractors: n('DETRACTOR') };
}

/** The people invited to the employee waves released in the range: the finite population. */
async function invitedTo(from: string, to: string): Promise<number> {
  const [row] = await app.db.dataSource.query(`SELECT coalesce(sum(g.invited), 0)::int AS n ${RELEASED_IN}`, [org, from, to]);
  return row.n;
}

const countsOf = (s: { promoters: number; passives: number; detractors: number }): NpsCounts => ({ promoters: s.promoters, passives: s.passives, detractors: s.detractors });

describe('board', () => {
  it('shows the current quarter by default, every audience to a leader, each number equal to a recount', async () => {
    const q = currentQuarter();
    const { from, to } = quarterRange(q.year, q.quarter);
    const before = previousQuarter(q);
    const b = await board(null);
    expect(b.period).toBe(`${q.year}-Q${q.quarter}`);
    expect(b.previousPeriod).toBe(`${before.year}-Q${before.quarter}`);
    expect([b.from, b.to]).toEqual([from, to]);
    expect(b.audiences.map((a: { audience: string }) => a.audience)).toEqual(['CUSTOMER', 'CANDIDATE', 'ASSOCIATE', 'EMPLOYEE']);
    let shown = 0;
    for (const a of b.audiences) {
      const range = quarterRange(before.year, before.quarter);
      for (const [summary, f, t] of [
        [a.summary, from, to],
        [a.previous, range.from, range.to],
      ] as const) {
        if (summary.suppressed) continue;
        shown++;
        const counts = await recount(a.audience, f, t);
        expect(countsOf(summary)).toEqual(counts);
        const s = summarize(counts, a.audience === 'EMPLOYEE' ? { population: await invitedTo(f, t) } : {});
        expect(summary).toMatchObject({ responses: s.responses, nps: s.nps, ciLow: s.ciLow, ciHigh: s.ciHigh, band: s.band });
      }
      const both = !a.summary.suppressed && !a.previous.suppressed && a.summary.responses > 0 && a.previous.responses > 0;
      expect(a.significantChange).toBe(both ? compareNps(countsOf(a.previous), countsOf(a.summary)).significant : null);
    }
    expect(shown).toBeGreaterThan(2);
    // Improvements per status, as the table holds them (the demo seeds one or more in most statuses).
    const byStatus: { status: string; n: number }[] = await app.db.dataSource.query(`SELECT status, count(*)::int AS n FROM improvements GROUP BY status`);
    expect(b.improvementsByStatus).toEqual(
      ['PROPOSED', 'PLANNED', 'IN_PROGRESS', 'IMPLEMENTED', 'VERIFIED', 'REJECTED'].map((status) => ({ status, count: byStatus.find((r) => r.status === status)?.n ?? 0 })),
    );
  });

  it('gives each audience exactly what npsSummary and npsTrend give for the same ranges, employees included', async () => {
    const q = currentQuarter();
    const { from, to } = quarterRange(q.year, q.quarter);
    const before = quarterRange(previousQuarter(q).year, previousQuarter(q).quarter);
    for (const token of [tokens.leader, tokens.hr]) {
      const b = await board(null, token);
      for (const a of b.audiences) {
        const ask = async (query: string, variables: Record<string, unknown>) => {
          const res = await app.gql(query, variables, token);
          expect(res.errors).toBeUndefined();
          return res.data;
        };
        const summaryOf = async (f: string, t: string) =>
          (await ask(`query($filter: NpsFilter!) { npsSummary(filter: $filter) { ${SUMMARY} } }`, { filter: { audience: a.audience, from: f, to: t } })).npsSummary;
        expect(a.summary).toEqual(await summaryOf(from, to));
        expect(a.previous).toEqual(await summaryOf(before.from, before.to));
        const trend = (
          await ask(`query($filter: NpsFilter!) { npsTrend(filter: $filter, interval: MONTH) { period label from to summary { ${SUMMARY} } significantChange } }`, {
            filter: { audience: a.audience, from: a.trend[0].from, to: a.trend.at(-1).to },
          })
        ).npsTrend;
        expect(a.trend).toEqual(trend);
      }
    }
  });

  it('trends by month over the 12 months up to this month, each shown point equal to a recount', async () => {
    const b = await board(null);
    const customer = b.audiences.find((a: { audience: string }) => a.audience === 'CUSTOMER');
    expect(customer.trend).toHaveLength(12);
    expect(customer.trend.at(-1).period).toBe(today().slice(0, 7));
    for (const point of customer.trend) {
      expect(countsOf(point.summary)).toEqual(await recount('CUSTOMER', point.from, point.to));
      expect(point.label).toBe(point.period);
    }
    expect(customer.trend[0].significantChange).toBeNull();
    const employee = b.audiences.find((a: { audience: string }) => a.audience === 'EMPLOYEE');
    expect(employee.trend).toHaveLength(12);
    for (const point of employee.trend) {
      if (point.summary.suppressed) expect(point.summary.responses).toBeNull();
      else expect(countsOf(point.summary)).toEqual(await recount('EMPLOYEE', point.from, point.to));
    }
  });

  it('gives response rates over the waves that ran in the period, and follow-ups open and overdue now', async () => {
    const q = currentQuarter();
    const { from, to } = quarterRange(q.year, q.quarter);
    const b = await board(null);
    const rows: { audience: string; invited: number; responded: number }[] = await app.db.dataSource.query(
      `SELECT w.audience, count(i.id)::int AS invited, count(i.id) FILTER (WHERE i.status = 'RESPONDED')::int AS responded
         FROM waves w JOIN invitations i ON i.wave_id = w.id
        WHERE w.organization_id = $1 AND w.status <> 'DRAFT'
          AND (coalesce(w.opened_at, w.opens_at, w.created_at) AT TIME ZONE 'UTC')::date <= $3::date
          AND (w.closed_at IS NULL OR (w.closed_at AT TIME ZONE 'UTC')::date >= $2::date)
        GROUP BY 1`,
      [org, from, to],
    );
    for (const a of b.audiences.filter((x: { audience: string }) => x.audience !== 'EMPLOYEE')) {
      const row = rows.find((r) => r.audience === a.audience);
      expect(a.responseRate).toBe(row && row.invited > 0 ? row.responded / row.invited : null);
    }
    const [f] = await app.db.dataSource.query(
      `SELECT count(*)::int AS open, count(*) FILTER (WHERE due_at < now())::int AS overdue FROM follow_ups WHERE organization_id = $1 AND status <> 'RESOLVED'`,
      [org],
    );
    expect({ open: b.followUpsOpen, overdue: b.followUpsOverdue }).toEqual(f);
    expect(b.followUpsOpen).toBeGreaterThan(0);
  });

  it('keeps each reader to what they may read: HR the employees, CX the identified audiences, no managers', async () => {
    expect((await board(null, tokens.hr)).audiences.map((a: { audience: string }) => a.audience)).toEqual(['EMPLOYEE']);
    expect((await board(null, tokens.hr)).followUpsOpen).toBe(0);
    expect((await board(null, tokens.cx)).audiences.map((a: { audience: string }) => a.audience)).toEqual(['CUSTOMER', 'CANDIDATE', 'ASSOCIATE']);
    expect((await board(null, tokens.admin)).audiences).toHaveLength(4);
    expect((await board(null, tokens.api)).audiences).toHaveLength(4);
    expect(codeOf(await app.gql(BOARD, {}, tokens.manager))).toBe('FORBIDDEN');
    expect(codeOf(await app.gql(BOARD, {}))).toBe('UNAUTHENTICATED');
  });

  it('shows a whole year against the year before', async () => {
    const year = new Date().getUTCFullYear() - 1;
    const b = await board({ year });
    expect([b.period, b.previousPeriod, b.from, b.to]).toEqual([String(year), String(year - 1), `${year}-01-01`, `${year}-12-31`]);
    const customer = b.audiences.find((a: { audience: string }) => a.audience === 'CUSTOMER');
    expect(countsOf(customer.summary)).toEqual(await recount('CUSTOMER', `${year}-01-01`, `${year}-12-31`));
    expect(customer.trend.map((p: { period: string }) => p.period)).toEqual(Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`));
  });

  it.each([
    ['a year before 2000', { year: 1999 }, 'period.year'],
    ['a year after 2100', { year: 2101, quarter: 1 }, 'period.year'],
    ['quarter 0', { year: 2025, quarter: 0 }, 'period.quarter'],
    ['quarter 5', { year: 2025, quarter: 5 }, 'period.quarter'],
    ['a period entirely in the future', { year: new Date().getUTCFullYear() + 1 }, 'period'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_name, period, field) => {
    const res = await app.gql(BOARD, { period }, tokens.leader);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});

describe('targets', () => {
  it('has the seeded demo targets and benchmarks on the board', async () => {
    const b = await board(null);
    const customer = b.audiences.find((a: { audience: string }) => a.audience === 'CUSTOMER');
    expect(customer.target).toBe(45); // the quarter's target beats the year's 40
    expect(customer.benchmarks.map((x: { name: string }) => x.name)).toEqual(['B2B software, industry average', 'Top quartile of peers']);
    expect(b.audiences.find((a: { audience: string }) => a.audience === 'EMPLOYEE').target).toBe(20);
  });

  it('sets, replaces and removes a target; the quarter target wins over the year target', async () => {
    const { year, quarter } = currentQuarter();
    const set = await app.gql(SET_TARGET, { audience: 'ASSOCIATE', period: { year }, value: 10 }, tokens.admin);
    expect(set.data.setNpsTarget).toMatchObject({ audience: 'ASSOCIATE', year, quarter: null, period: String(year), value: 10 });
    const again = await app.gql(SET_TARGET, { audience: 'ASSOCIATE', period: { year }, value: 12.5 }, tokens.leader);
    expect(again.data.setNpsTarget).toMatchObject({ id: set.data.setNpsTarget.id, value: 12.5 });
    const entry = async () => (await board(null)).audiences.find((a: { audience: string }) => a.audience === 'ASSOCIATE');
    expect((await entry()).target).toBe(12.5);
    await app.gql(SET_TARGET, { audience: 'ASSOCIATE', period: { year, quarter }, value: -20 }, tokens.admin);
    const a = await entry();
    expect(a.target).toBe(-20);
    expect(a.targetReached).toBe(a.summary.nps === null ? null : a.summary.nps >= -20);
    expect(a.targetProgress).toBe(a.summary.nps === null ? null : progress(a.summary.nps, -20));
    expect((await app.gql(REMOVE_TARGET, { audience: 'ASSOCIATE', period: { year, quarter } }, tokens.admin)).data.removeNpsTarget).toBe(true);
    expect((await app.gql(REMOVE_TARGET, { audience: 'ASSOCIATE', period: { year, quarter } }, tokens.admin)).data.removeNpsTarget).toBe(false);
    expect((await entry()).target).toBe(12.5);
    const listed = await app.gql(`query($year: Int) { npsTargets(year: $year) { audience quarter value } }`, { year }, tokens.cx);
    expect(listed.data.npsTargets).toContainEqual({ audience: 'ASSOCIATE', quarter: null, value: 12.5 });
  });

  it('marks a target reached, with progress along the scale from −100', () => {
    expect(progress(50, 40)).toBe(1);
    expect(progress(0, 100)).toBe(0.5);
    expect(progress(-100, 0)).toBe(0);
    expect(progress(-50, -100)).toBe(1);
  });

  it.each([
    ['a value above 100', { audience: 'CUSTOMER', period: { year: 2025 }, value: 100.5 }, 'value'],
    ['a value below -100', { audience: 'CUSTOMER', period: { year: 2025 }, value: -101 }, 'value'],
    ['a year out of range', { audience: 'CUSTOMER', period: { year: 1990 }, value: 10 }, 'period.year'],
    ['a quarter out of range', { audience: 'CUSTOMER', period: { year: 2025, quarter: 7 }, value: 10 }, 'period.quarter'],
  ])('refuses %s with BAD_USER_INPUT naming the field, changing nothing', async (_name, variables, field) => {
    const [{ n: before }] = await app.db.dataSource.query(`SELECT count(*)::int AS n FROM nps_targets`);
    const res = await app.gql(SET_TARGET, variables, tokens.admin);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    const [{ n: after }] = await app.db.dataSource.query(`SELECT count(*)::int AS n FROM nps_targets`);
    expect(after).toBe(before);
  });

  it('lets only ADMIN and LEADER set targets', async () => {
    for (const token of [tokens.cx, tokens.hr, tokens.manager, tokens.api]) {
      expect(codeOf(await app.gql(SET_TARGET, { audience: 'CUSTOMER', period: { year: 2025 }, value: 10 }, token))).toBe('FORBIDDEN');
    }
  });
});

describe('benchmarks', () => {
  it('adds a benchmark shown beside its audience, and removes it', async () => {
    const added = await app.gql(ADD_BENCHMARK, { input: { audience: 'CANDIDATE', name: '  Peers  ', value: 33.5, source: '  Survey 2025 ' } }, tokens.leader);
    expect(added.data.addBenchmark).toMatchObject({ audience: 'CANDIDATE', name: 'Peers', value: 33.5, source: 'Survey 2025' });
    const id = added.data.addBenchmark.id;
    const candidate = async () => (await board(null)).audiences.find((a: { audience: string }) => a.audience === 'CANDIDATE');
    expect((await candidate()).benchmarks).toContainEqual({ id, name: 'Peers', value: 33.5, source: 'Survey 2025' });
    expect((await app.gql(REMOVE_BENCHMARK, { id }, tokens.admin)).data.removeBenchmark).toBe(true);
    expect((await candidate()).benchmarks.map((b: { id: string }) => b.id)).not.toContain(id);
    expect((await app.gql(REMOVE_BENCHMARK, { id }, tokens.admin)).errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });

  it.each([
    ['an empty name', { audience: 'CUSTOMER', name: '   ', value: 10 }, 'input.name'],
    ['a name of 201 characters', { audience: 'CUSTOMER', name: 'x'.repeat(201), value: 10 }, 'input.name'],
    ['a value out of range', { audience: 'CUSTOMER', name: 'Peers', value: 150 }, 'input.value'],
    ['a source of 501 characters', { audience: 'CUSTOMER', name: 'Peers', value: 10, source: 'y'.repeat(501) }, 'input.source'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_name, input, field) => {
    const res = await app.gql(ADD_BENCHMARK, { input }, tokens.admin);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it("answers another organization's benchmark id exactly like an unknown one", async () => {
    const other = await createOrganization(app.db.dataSource.manager, 'boardother', ['ADMIN']);
    const otherAdmin = await app.login(other.users.ADMIN, other.password);
    const [{ id }] = await app.db.dataSource.query(`SELECT id FROM nps_benchmarks WHERE organization_id = $1 LIMIT 1`, [org]);
    const theirs = await app.gql(REMOVE_BENCHMARK, { id }, otherAdmin);
    const unknown = await app.gql(REMOVE_BENCHMARK, { id: '00000000-0000-4000-8000-000000000000' }, otherAdmin);
    const garbage = await app.gql(REMOVE_BENCHMARK, { id: 'nope' }, otherAdmin);
    expect(theirs.errors).toEqual(unknown.errors);
    expect(garbage.errors).toEqual(unknown.errors);
    expect(theirs.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const [{ n }] = await app.db.dataSource.query(`SELECT count(*)::int AS n FROM nps_benchmarks WHERE id = $1`, [id]);
    expect(n).toBe(1);
    // Nor does its board show the demo's targets or benchmarks.
    const theirBoard = (await app.gql(BOARD, {}, otherAdmin)).data.board;
    for (const a of theirBoard.audiences) expect([a.target, a.benchmarks]).toEqual([null, []]);
  });
});
