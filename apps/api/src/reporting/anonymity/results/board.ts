import type { Context } from '../../../kernel/context.js';
import { forbidden } from '../../../kernel/errors.js';
import type { NpsSummary } from '../../base/nps-summary.type.js';
import type { NpsPoint } from '../../base/nps-trend.types.js';
import { mayReadEmployeeResults } from '../../base/policies.js';
import type { EmployeeFilter } from '../employee-filter.js';
import { employeeWavesClosedIn } from '../employee-waves.js';
import { thresholdOf } from '../../../identity/organizations/anonymity-threshold.js';
import { employeeSummary, employeeTrend } from './reports.js';

export interface EmployeeBoardEntry {
  summary: NpsSummary;
  previous: NpsSummary;
  responseRate: number | null;
  trend: NpsPoint[];
}

/**
 * The board's EMPLOYEE entry: the whole-wave groups of the releases of the waves that closed in the
 * period and in the previous one (npsSummary({ audience: EMPLOYEE, from, to }) exactly), the
 * response rate of those waves whose own rate is shown (at least k invited), and the trend by month
 * of close over the trend's span.
 */
export async function employeeBoard(
  ctx: Context,
  organizationId: string,
  ranges: { period: { from: string; to: string }; previous: { from: string; to: string }; trendFrom: string; trendTo: string },
): Promise<EmployeeBoardEntry> {
  if (!mayReadEmployeeResults(ctx.principal!)) throw forbidden('You may not read employee results');
  const trendSpan = { from: ranges.trendFrom, to: ranges.trendTo };
  const wavesIn = (span: { from: string; to: string }) => employeeWavesClosedIn(ctx, organizationId, span, null);
  const [inPeriod, inPrevious, inTrend, k] = await Promise.all([wavesIn(ranges.period), wavesIn(ranges.previous), wavesIn(trendSpan), thresholdOf(ctx)]);
  const filter = (waveIds: string[]): EmployeeFilter => ({ organizationId, waveIds, unitId: null, segment: null });
  const totals = await ctx.loaders.employeeWaveTotals.loadMany(inPeriod);
  const shown = totals.filter((t): t is { invited: number; responded: number } => !(t instanceof Error) && t.invited >= k);
  const invited = shown.reduce((n, t) => n + t.invited, 0);
  const [summary, previous, trend] = await Promise.all([
    employeeSummary(ctx, filter(inPeriod)),
    employeeSummary(ctx, filter(inPrevious)),
    employeeTrend(ctx, filter(inTrend), 'MONTH', trendSpan),
  ]);
  return { summary, previous, responseRate: invited > 0 ? shown.reduce((n, t) => n + t.responded, 0) / invited : null, trend };
}
