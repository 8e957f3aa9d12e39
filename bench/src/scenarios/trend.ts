/** npsTrend by month, beside a scan grouped by month of submission. */
import { COUNTS_SQL, monthOf, sameCounts, type Counts, type Scenario, type Summary } from './scenario.js';

export const trendByMonth: Scenario = {
  name: 'npsTrend by MONTH',
  field: 'npsTrend',
  args: { filter: {}, interval: 'MONTH' },
  sql: `SELECT to_char(r.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM') AS key, ${COUNTS_SQL}
          FROM responses r WHERE r.organization_id = $1 GROUP BY 1 ORDER BY 1`,
  compare(data, rows) {
    const points = (data as { period: string; summary?: Summary }[] | undefined)?.filter((p) => p.summary && !p.summary.suppressed && p.summary.responses);
    if (!Array.isArray(points) || points.length === 0) return { exact: null, note: 'no points' };
    const byMonth = new Map(rows.map((r) => [String(r.key), r as unknown as Counts]));
    const labelled = points.every((p) => monthOf(p.period));
    // Periods like "2026-03" are matched by month; otherwise the non-empty points in order.
    const wrong = labelled
      ? points.filter((p) => !sameCounts(p.summary, byMonth.get(monthOf(p.period)!))).map((p) => p.period)
      : points.filter((p, i) => !sameCounts(p.summary, rows.slice(-points.length)[i] as unknown as Counts)).map((p) => p.period);
    return wrong.length ? { exact: false, note: `differs for ${wrong.slice(0, 3).join(', ')}` } : { exact: true };
  },
};
