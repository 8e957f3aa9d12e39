import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertTeam } from './support/employee-data.js';
import { createOrganization } from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Dates and trends cannot undo the suppression of employee waves (docs/anonymity.md, "Dates").
 * k = 5. Four employee waves, answered within days of opening:
 *
 *   W0 opened 10 Jan: 30 answers (team A)      W2 opened  5 Feb: 20 answers (team B)
 *   W1 opened 20 Jan:  3 answers (a pilot)     W3 opened  3 Mar: 50 answers (teams A and B)
 *
 * The breakdown by wave hides the pilot and, to protect it, W2. Dated by the answers, February
 * would be W2 alone and the pilot would be total − W0 − February − W3 = 3 answers. Employee results
 * are dated by their wave instead, and a date range or a period may hold a hidden wave only if it
 * holds every wave — so every number shown is a sum of shown waves, or the total.
 */

const SUMMARY = 'responses promoters passives detractors nps suppressed';
const SUMMARY_Q = `query($filter: NpsFilter!) { npsSummary(filter: $filter) { ${SUMMARY} } }`;
const BREAKDOWN_Q = `query($filter: NpsFilter!, $by: BreakdownDimension!) { npsBreakdown(filter: $filter, by: $by) { key label summary { ${SUMMARY} } } }`;
const TREND_Q = `query($filter: NpsFilter!, $interval: TrendInterval!) { npsTrend(filter: $filter, interval: $interval) { period summary { ${SUMMARY} } } }`;
const COMMENTS_Q = `query($filter: NpsFilter!) { employeeComments(filter: $filter) { suppressed comments } }`;

type Summary = { responses: number | null; suppressed: boolean };

let app: TestApp;
let hr: string;
const units: Record<'A' | 'B', string> = {} as never;
const waves: Record<'W0' | 'W1' | 'W2' | 'W3', string> = {} as never;
const SIZES = { W0: 30, W1: 3, W2: 20, W3: 50 };
const TOTAL = 103;

beforeAll(async () => {
  app = await startTestApp();
  const db = app.db.dataSource.manager;
  const org = await createOrganization(db, 'dated', ['HR']);
  hr = await app.login(org.users.HR, org.password);
  for (const name of ['A', 'B'] as const) {
    [{ id: units[name] }] = await db.query(`INSERT INTO org_units (organization_id, parent_id, name) VALUES ($1, $2, $3) RETURNING id`, [org.org.id, org.unit.id, `Team ${name}`]);
  }
  const plan: [keyof typeof waves, string, [('A' | 'B'), number][]][] = [
    ['W0', '2025-01-10', [['A', 30]]],
    ['W1', '2025-01-20', [['A', 3]]],
    ['W2', '2025-02-05', [['B', 20]]],
    ['W3', '2025-03-03', [['A', 25], ['B', 25]]],
  ];
  for (const [name, opened, teams] of plan) {
    const created = await app.gql(`mutation($input: CreateWaveInput!) { createWave(input: $input) { id } }`, { input: { name, audience: 'EMPLOYEE' } }, hr);
    waves[name] = created.data.createWave.id;
    await db.query(`UPDATE waves SET status = 'CLOSED', opened_at = $2::timestamptz, closed_at = $2::timestamptz + interval '14 days' WHERE id = $1`, [waves[name], `${opened}T08:00:00Z`]);
    const answeredOn = new Date(Date.parse(`${opened}T00:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10);
    for (const [team, n] of teams) {
      await insertTeam(db, waves[name], {
        orgUnitId: units[team],
        invited: n + 1,
        answers: Array.from({ length: n }, (_, i) => ({ score: [10, 9, 8, 6, 3][i % 5], reason: `${name} reason ${i}`, answeredOn })),
      });
    }
  }
});
afterAll(() => app?.close());

async function query<T>(q: string, variables: Record<string, unknown>): Promise<T> {
  const res = await app.gql(q, variables, hr);
  expect(res.errors).toBeUndefined();
  return Object.values(res.data)[0] as T;
}
const summary = (filter: Record<string, unknown>) => query<Summary>(SUMMARY_Q, { filter: { audience: 'EMPLOYEE', ...filter } });

describe('employee results over dates', () => {
  it('hides the pilot wave and its partner in the breakdown by wave', async () => {
    const groups = await query<{ key: string; summary: Summary }[]>(BREAKDOWN_Q, { filter: { audience: 'EMPLOYEE' }, by: 'WAVE' });
    const shown = Object.fromEntries(groups.map((g) => [g.key, g.summary.responses]));
    expect(shown).toEqual({ [waves.W0]: 30, [waves.W1]: null, [waves.W2]: null, [waves.W3]: 50 });
  });

  it('hides every month that holds a hidden wave, so no month gives the partner wave away', async () => {
    const points = await query<{ period: string; summary: Summary }[]>(TREND_Q, { filter: { audience: 'EMPLOYEE', from: '2025-01-01', to: '2025-03-31' }, interval: 'MONTH' });
    expect(points.map((p) => [p.period, p.summary.responses])).toEqual([
      ['2025-01', null],
      ['2025-02', null],
      ['2025-03', 50],
    ]);
    // The quarter holds every wave: it is the total, which is shown anyway.
    const quarters = await query<{ period: string; summary: Summary }[]>(TREND_Q, { filter: { audience: 'EMPLOYEE', from: '2025-01-01', to: '2025-03-31' }, interval: 'QUARTER' });
    expect(quarters.map((p) => p.summary.responses)).toEqual([TOTAL]);
  });

  it('hides a summary over the dates of a hidden wave (the gap of the last session)', async () => {
    expect((await summary({ from: '2025-02-01', to: '2025-02-28' })).suppressed).toBe(true);
    expect((await summary({ from: '2025-01-15', to: '2025-01-31' })).suppressed).toBe(true);
    expect((await query<{ suppressed: boolean }>(COMMENTS_Q, { filter: { from: '2025-02-01', to: '2025-02-28' } })).suppressed).toBe(true);
  });

  it('shows, for any date range, only sums of shown waves or the total', async () => {
    const shownSums = new Set([0, SIZES.W0, SIZES.W3, SIZES.W0 + SIZES.W3, TOTAL]);
    const days: string[] = [];
    for (let t = Date.parse('2024-12-31T00:00:00Z'); t <= Date.parse('2025-03-31T00:00:00Z'); t += 6 * 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));
    days.push('2025-01-10', '2025-01-19', '2025-01-20', '2025-02-04', '2025-02-05', '2025-03-02', '2025-03-03');
    let shown = 0;
    for (const from of days) {
      for (const to of days) {
        if (to < from) continue;
        const s = await summary({ from, to });
        if (s.suppressed) continue;
        shown++;
        expect(shownSums.has(s.responses!), `${from}..${to} showed ${s.responses}`).toBe(true);
      }
    }
    expect(shown).toBeGreaterThan(10);
  });

  it('keeps at least one group hidden when a breakdown adds up to a hidden summary', async () => {
    // February is W2 alone (hidden); its teams would add up to it.
    const byUnit = await query<{ summary: Summary }[]>(BREAKDOWN_Q, { filter: { audience: 'EMPLOYEE', from: '2025-02-01', to: '2025-02-28' }, by: 'ORG_UNIT' });
    expect(byUnit.some((g) => g.summary.suppressed)).toBe(true);
    expect(byUnit.filter((g) => !g.summary.suppressed).reduce((n, g) => n + g.summary.responses!, 0)).toBeLessThan(SIZES.W2);
  });

  it('shows a wave among chosen waves only where the breakdown of all waves shows it', async () => {
    // January is W0 and the pilot: W0 is shown in the full breakdown, but beside the hidden pilot
    // alone it would give the pilot away (January's total is hidden, and W0 + pilot = January).
    const january = await query<{ key: string; summary: Summary }[]>(BREAKDOWN_Q, { filter: { audience: 'EMPLOYEE', from: '2025-01-01', to: '2025-01-31' }, by: 'WAVE' });
    expect(january.map((g) => g.summary.suppressed)).toEqual([true, true]);
    // Chosen by id, the partner stays hidden beside W3, as in the full breakdown.
    const chosen = await query<{ key: string; summary: Summary }[]>(BREAKDOWN_Q, { filter: { waveIds: [waves.W2, waves.W3] }, by: 'WAVE' });
    expect(Object.fromEntries(chosen.map((g) => [g.key, g.summary.responses]))[waves.W2]).toBeNull();
  });
});
