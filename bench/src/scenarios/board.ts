/** The leadership board for the current quarter, beside a scan per audience and month (the period, the previous one and the trends). */
import { COUNTS_SQL, sameCounts, type Counts, type Scenario, type Summary } from './scenario.js';

/** The calendar quarter `back` quarters before the one of `now` (UTC): its number and its months as [from, to). */
export function quarterBounds(now: Date, back: number): { year: number; quarter: number; from: string; to: string } {
  const first = Math.floor(now.getUTCMonth() / 3) * 3 - back * 3;
  const start = new Date(Date.UTC(now.getUTCFullYear(), first, 1));
  const end = new Date(Date.UTC(now.getUTCFullYear(), first + 3, 1));
  const month = (d: Date) => d.toISOString().slice(0, 7);
  return { year: start.getUTCFullYear(), quarter: Math.floor(start.getUTCMonth() / 3) + 1, from: month(start), to: month(end) };
}

/**
 * Per audience and month over everything: the period, the previous one and the trends. Identified
 * answers by the month of submission. Employee results exist only as releases (an employee wave's
 * answers are deleted once its release is stored; docs/anonymity.md), dated by the day their wave
 * closed: so the employee rows are each release's whole-wave group, by the month of the close, and
 * a hidden whole wave counts nothing here (the board then shows the period suppressed, which is not
 * compared). The seed checks each release against a recount of the answers it was made from
 * (releases.ts), so answers → release → board is checked end to end.
 */
export const BOARD_SQL = `
  SELECT audience, to_char(submitted_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, ${COUNTS_SQL}
    FROM responses WHERE organization_id = $1
   GROUP BY 1, 2
  UNION ALL
  SELECT 'EMPLOYEE', to_char(coalesce(w.closed_at, w.closes_at, w.created_at) AT TIME ZONE 'UTC', 'YYYY-MM'),
         sum(g.responses)::int, sum(g.promoters)::int, sum(g.passives)::int, sum(g.detractors)::int
    FROM employee_release_groups g JOIN waves w ON w.id = g.wave_id
   WHERE g.organization_id = $1 AND g.key = 'all' AND g.released
   GROUP BY 1, 2`;

export function board(now: Date): Scenario {
  const current = quarterBounds(now, 0);
  const previous = quarterBounds(now, 1);
  const inQuarter = (rows: Record<string, unknown>[], audience: string, q: { from: string; to: string }): Counts =>
    rows
      .filter((r) => r.audience === audience && String(r.month) >= q.from && String(r.month) < q.to)
      .reduce<Counts>(
        (a, r) => ({ responses: a.responses + Number(r.responses), promoters: a.promoters + Number(r.promoters), passives: a.passives + Number(r.passives), detractors: a.detractors + Number(r.detractors) }),
        { responses: 0, promoters: 0, passives: 0, detractors: 0 },
      );
  return {
    name: 'board',
    field: 'board',
    args: { period: { year: current.year, quarter: current.quarter } },
    sql: BOARD_SQL,
    compare(data, rows) {
      const audiences = (data as { audiences?: { audience: string; summary?: Summary; previous?: Summary | null }[] })?.audiences;
      if (!Array.isArray(audiences)) return { exact: null, note: 'no audiences field' };
      let compared = 0;
      const wrong: string[] = [];
      for (const a of audiences) {
        for (const [summary, q] of [[a.summary, current], [a.previous, previous]] as const) {
          if (!summary || summary.suppressed || summary.responses === undefined) continue;
          compared++;
          if (!sameCounts(summary, inQuarter(rows, a.audience, q))) wrong.push(`${a.audience} ${q === current ? 'period' : 'previous'}`);
        }
      }
      if (compared === 0) return { exact: null, note: 'nothing to compare' };
      return wrong.length
        ? { exact: false, note: `differs for ${wrong.join(', ')} (period: the calendar quarter of submission, or of an employee wave's close)` }
        : { exact: true };
    },
  };
}
