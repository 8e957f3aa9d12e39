/**
 * The board's employee figures: eNPS and response rate of a period.
 */
import type { Context } from '../../../graphql/context.js';
import { forbidden } from '../../../graphql/errors.js';
import { NpsSummary } from '../../analytics/nps-summary.type.js';
import { NpsPoint } from '../../analytics/nps-trend.types.js';
import { mayReadEmployeeResults } from '../access.js';
import type { EmployeeFilter } from '../employee-filter.js';
import { thresholdOf } from '../threshold.js';
import { employeeWavesOpenedIn, OPENING_DAY_SQL, type DaySpan } from '../wave-dates.js';
import { employeeSummary } from './guarded.js';
import { employeeTrend } from './trend.js';

/**
 * The response rate of the employee waves that ran during [from, to] (opened by its end, not
 * closed before its start): responded ÷ invited over those waves whose own rate is shown (at least
 * k invited, as on the wave), so the sum reveals nothing the waves do not; null without such a wave.
 * Counts only, from wave_response_counts.
 */
export async function employeeResponseRate(ctx: Context, organizationId: string, from: string, to: string): Promise<number | null> {
  if (!mayReadEmployeeResults(ctx.principal!)) return null;
  const [k, waves] = await Promise.all([thresholdOf(ctx), employeeWaveWindows(ctx, organizationId)]);
  return rateOver(waves, from, to, k);
}

interface WaveWindow {
  /** UTC days: opened (or planned, or created) and closed (null: still open). */
  start: string;
  end: string | null;
  invited: number;
  responded: number;
}

/** The organization's non-draft employee waves: when they ran, and their invited and responded counts. */
async function employeeWaveWindows(ctx: Context, organizationId: string): Promise<WaveWindow[]> {
  return ctx.db.query(
    `WITH counts AS (
       SELECT wave_id, sum(invited) AS invited, sum(responded) AS responded
         FROM wave_response_counts WHERE organization_id = $1 GROUP BY wave_id
     )
     SELECT ${OPENING_DAY_SQL('w')}::text AS start,
            (w.closed_at AT TIME ZONE 'UTC')::date::text AS end,
            coalesce(c.invited, 0)::int AS invited, coalesce(c.responded, 0)::int AS responded
       FROM waves w LEFT JOIN counts c ON c.wave_id = w.id
      WHERE w.organization_id = $1 AND w.audience = 'EMPLOYEE' AND w.status <> 'DRAFT'`,
    [organizationId],
  );
}

function rateOver(waves: WaveWindow[], from: string, to: string, k: number): number | null {
  const ran = waves.filter((w) => w.invited >= k && w.start <= to && (w.end === null || w.end >= from));
  const invited = ran.reduce((n, w) => n + w.invited, 0);
  return invited > 0 ? ran.reduce((n, w) => n + w.responded, 0) / invited : null;
}

export interface EmployeeBoardEntry {
  summary: NpsSummary;
  previous: NpsSummary;
  responseRate: number | null;
  trend: NpsPoint[];
}

/**
 * The board's EMPLOYEE entry: exactly what npsSummary({ audience: EMPLOYEE, from, to }) releases for
 * the period and for the previous one (the waves that opened in each), employeeResponseRate, and
 * npsTrend by MONTH over the trend's span. The guarded groups are shared through the request's memo.
 */
export async function employeeBoard(
  ctx: Context,
  organizationId: string,
  ranges: { period: { from: string; to: string }; previous: { from: string; to: string }; trendFrom: string; trendTo: string },
): Promise<EmployeeBoardEntry> {
  if (!mayReadEmployeeResults(ctx.principal!)) throw forbidden('You may not read employee results');
  const trendSpan = { from: ranges.trendFrom, to: ranges.trendTo };
  const wavesOf = (span: DaySpan) => employeeWavesOpenedIn(ctx, organizationId, span, null);
  const [inPeriod, inPrevious, inTrend] = await Promise.all([wavesOf(ranges.period), wavesOf(ranges.previous), wavesOf(trendSpan)]);
  const filter = (waveIds: string[]): EmployeeFilter => ({ organizationId, waveIds, orgUnitIds: null, segments: {} });
  const [summary, previous, responseRate, trend] = await Promise.all([
    employeeSummary(ctx, filter(inPeriod)),
    employeeSummary(ctx, filter(inPrevious)),
    employeeResponseRate(ctx, organizationId, ranges.period.from, ranges.period.to),
    employeeTrend(ctx, filter(inTrend), 'MONTH', trendSpan),
  ]);
  return { summary, previous, responseRate, trend };
}
