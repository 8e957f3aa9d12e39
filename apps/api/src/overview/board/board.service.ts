import { compareNps, type NpsCounts } from '@tandem/nps-core';
import type { Context, Principal } from '../../kernel/context.js';
import { orgOf } from '../../kernel/context.js';
import { badInput } from '../../kernel/errors.js';
import { IMPROVEMENT_STATUSES, type ImprovementStatus } from '../../loop/improvements/improvement.enums.js';
import { mayReadEmployeeResults } from '../../reporting/base/policies.js';
import { employeeBoard } from '../../reporting/anonymity/index.js';
import { categoriesOf, IDENTIFIED_ROLLUP_AUDIENCES, rollupCounts, type IdentifiedAudience } from '../../reporting/base/nps-counts.js';
import { resolveNpsScope } from '../../reporting/analytics/nps-scope.js';
import { identifiedSummaryCounts } from '../../reporting/analytics/nps-summary.service.js';
import { NpsSummary } from '../../reporting/base/nps-summary.type.js';
import { identifiedTrend } from '../../reporting/analytics/nps-trend.service.js';
import { addMonths, isoDay, periodOf, periodsBetween, type Period } from '../../reporting/base/periods.js';
import { addScores, emptyScores, totalOfScores } from '../../reporting/base/identified-counts.js';
import { markSignificance, NpsPoint } from '../../reporting/base/nps-trend.types.js';
import type { Audience } from '../../survey/waves/wave.entity.js';
import { Board, BoardAudience, StatusCount, type BenchmarkType } from './board.types.js';
import { type PeriodInput } from '../../reporting/base/period.input.js';
import { calendarPeriod, previousPeriod, quarterOf, type CalendarPeriod } from '../../reporting/base/calendar-period.js';
import { listBenchmarks, targetsFor } from './targets.service.js';
import { emptySla, followUpSla } from './follow-up-sla.js';
import { IDENTIFIED_READERS, hasAnyRole } from '../../kernel/policies.js';

/**
 * The combined leadership board of one period (a quarter, by default the current one, or a year).
 * Per audience the caller may read — identified audiences for ADMIN, CX, LEADER and analytics:read
 * clients, EMPLOYEE for HR, ADMIN, LEADER and analytics:read clients (through the anonymity guard) —
 * the period's NPS with interval and band, the previous period and whether the change is
 * significant, the response rate, the target with progress, the benchmarks and a 12-month trend.
 * Audiences the caller may not read are left out rather than shown suppressed: "suppressed" means
 * "too few answers to show", which would be false. Then the follow-ups open and overdue now, and
 * improvements per status.
 *
 * Cost: eight small statements whatever the number of answers, run side by side — every
 * identified audience's period, previous period and trend from one rollup statement grouped by
 * audience and month; the employee entry from one rollup statement by month plus the waves
 * (employeeBoard, through the guard) and the threshold; response rates from the per-wave counters;
 * follow-ups from one statement over the partial index of unresolved ones; the share closed within
 * the SLA (in all, per wave, per owner) from one grouped statement; targets; benchmarks.
 */
export async function board(ctx: Context, periodInput: PeriodInput | null | undefined): Promise<Board> {
  const organizationId = orgOf(ctx);
  const principal = ctx.principal!;
  const today = isoDay(ctx.app.now());
  const period = periodInput ? calendarPeriod(periodInput) : quarterOf(today);
  if (period.from > today) throw badInput('period', `${period.label} has not started yet`);
  const previous = previousPeriod(period);
  // The trend: by month, the 12 whole months up to the period's last month (at most this month).
  const trendTo = periodOf(period.to < today ? period.to : today, 'MONTH').to;
  const trendFrom = addMonths(trendTo, -11);
  const months = periodsBetween(trendFrom, trendTo, 'MONTH')!;

  const identified = readsIdentified(principal);
  const employee = mayReadEmployeeResults(principal);
  // Everything at once: identified counts in one rollup statement, the employee entry in two plus
  // the threshold (employeeBoard), the rest one each.
  const [targets, benchmarks, rates, followUps, improvements, identifiedParts, employeeParts, sla] = await Promise.all([
    targetsFor(ctx, organizationId, period.year, period.quarter),
    listBenchmarks(ctx, null),
    identified ? identifiedResponseRates(ctx, organizationId, period) : Promise.resolve(new Map<string, number>()),
    identified ? followUpCounts(ctx, organizationId) : Promise.resolve({ open: 0, overdue: 0 }),
    improvementCounts(ctx, organizationId),
    identified ? identifiedEntries(ctx, organizationId, period, previous, months) : Promise.resolve(null),
    employee ? employeeBoard(ctx, organizationId, { period, previous, trendFrom, trendTo }) : Promise.resolve(null),
    identified ? followUpSla(ctx, organizationId, period) : Promise.resolve(emptySla()),
  ]);

  const entry = (audience: Audience, summary: NpsSummary, before: NpsSummary | null, responseRate: number | null, trend: BoardAudience['trend']) => {
    const target = targets.get(audience) ?? null;
    const nps = summary.nps;
    return Object.assign(new BoardAudience(), {
      audience,
      summary,
      previous: before,
      significantChange: significance(before, summary),
      responseRate,
      target,
      targetReached: target === null || nps === null ? null : nps >= target,
      targetProgress: target === null || nps === null ? null : progress(nps, target),
      benchmarks: benchmarks.filter((b: BenchmarkType) => b.audience === audience),
      trend,
    });
  };

  const audiences: BoardAudience[] = [];
  for (const [audience, parts] of identifiedParts ?? []) audiences.push(entry(audience, parts.summary, parts.previous, rates.get(audience) ?? null, parts.trend));
  if (employeeParts) audiences.push(entry('EMPLOYEE', employeeParts.summary, employeeParts.previous, employeeParts.responseRate, employeeParts.trend));

  return Object.assign(new Board(), {
    period: period.label,
    previousPeriod: previous.label,
    from: new Date(`${period.from}T00:00:00Z`),
    to: new Date(`${period.to}T00:00:00Z`),
    audiences,
    followUpsOpen: followUps.open,
    followUpsOverdue: followUps.overdue,
    followUpSla: sla,
    improvementsByStatus: IMPROVEMENT_STATUSES.map((status) => Object.assign(new StatusCount(), { status, count: improvements.get(status) ?? 0 })),
  });
}

/** ADMIN, CX and LEADER users and analytics:read clients read identified results on the board. */
export function readsIdentified(principal: Principal): boolean {
  if (principal.kind === 'api') return principal.scopes.includes('analytics:read');
  return hasAnyRole(principal, IDENTIFIED_READERS);
}

interface IdentifiedParts {
  summary: NpsSummary;
  previous: NpsSummary;
  trend: NpsPoint[];
}

/**
 * Every identified audience's period, previous period and monthly trend from ONE rollup statement
 * grouped by audience and month (the ranges are whole months). Should the rollup decline, each
 * audience is counted the way npsSummary and npsTrend count it.
 */
async function identifiedEntries(
  ctx: Context,
  organizationId: string,
  period: CalendarPeriod,
  previous: CalendarPeriod,
  months: Period[],
): Promise<Map<IdentifiedAudience, IdentifiedParts>> {
  const from = [previous.from, months[0].from].sort()[0];
  const to = [period.to, months.at(-1)!.to].sort().at(-1)!;
  const grouped = await rollupCounts(ctx.db, { organizationId, audiences: IDENTIFIED_ROLLUP_AUDIENCES, waveIds: null, from, to, attribute: null, groupBy: 'audience-month' });
  const out = new Map<IdentifiedAudience, IdentifiedParts>();
  for (const audience of IDENTIFIED_ROLLUP_AUDIENCES) {
    if (!grouped) {
      const scopeOf = (f: string, t: string) => identifiedScope(ctx, audience, f, t);
      const [summary, before, trend] = await Promise.all([
        scopeOf(period.from, period.to).then((scope) => identifiedSummaryCounts(ctx, scope)),
        scopeOf(previous.from, previous.to).then((scope) => identifiedSummaryCounts(ctx, scope)),
        scopeOf(months[0].from, months.at(-1)!.to).then((scope) => identifiedTrend(ctx, scope, 'MONTH')),
      ]);
      out.set(audience, { summary: NpsSummary.of(summary), previous: NpsSummary.of(before), trend });
      continue;
    }
    const byMonth = new Map(grouped.filter((g) => g.key.startsWith(`${audience}|`)).map((g) => [g.key.slice(audience.length + 1), g.scores]));
    const countsIn = (f: string, t: string) => {
      const sum = emptyScores();
      for (const [month, scores] of byMonth) if (month >= f.slice(0, 7) && month <= t.slice(0, 7)) addScores(sum, scores);
      return categoriesOf(sum);
    };
    const points = months.map((p) => (byMonth.has(p.key) && totalOfScores(byMonth.get(p.key)!) > 0 ? { counts: categoriesOf(byMonth.get(p.key)!) } : null));
    out.set(audience, {
      summary: NpsSummary.of(countsIn(period.from, period.to)),
      previous: NpsSummary.of(countsIn(previous.from, previous.to)),
      trend: markSignificance(
        months.map((p, i) => NpsPoint.of(p.key, p.key, p, NpsSummary.of(points[i]?.counts ?? { promoters: 0, passives: 0, detractors: 0 }))),
        points,
      ),
    });
  }
  return out;
}

/** The identified scope of one audience over a range of days (the same checks as npsSummary's filter). */
async function identifiedScope(ctx: Context, audience: IdentifiedAudience, from: string, to: string) {
  const scope = await resolveNpsScope(ctx, { audience, from: new Date(`${from}T00:00:00Z`), to: new Date(`${to}T00:00:00Z`) });
  if (scope.kind !== 'identified') throw new Error(`the board's ${audience} scope must be identified`);
  return scope;
}

const countsOf = (s: NpsSummary): NpsCounts | null =>
  s.suppressed || !s.responses ? null : { promoters: s.promoters ?? 0, passives: s.passives ?? 0, detractors: s.detractors ?? 0 };

/** compareNps between two shown, non-empty summaries; null otherwise. */
function significance(before: NpsSummary | null, after: NpsSummary): boolean | null {
  const a = before ? countsOf(before) : null;
  const b = countsOf(after);
  return a && b ? compareNps(a, b).significant : null;
}

/** (nps + 100) ÷ (target + 100) clipped to 0..1: how far along the scale from −100 to the target. */
export function progress(nps: number, target: number): number {
  if (nps >= target) return 1;
  return Math.min(1, Math.max(0, (nps + 100) / (target + 100)));
}

/**
 * Responded ÷ invited per identified audience over the waves that ran during the period (opened by
 * its end and not closed before its start), from the per-wave counters (wave_response_counts).
 */
async function identifiedResponseRates(ctx: Context, organizationId: string, period: CalendarPeriod): Promise<Map<string, number>> {
  const rows: { audience: string; invited: number; responded: number }[] = await ctx.db.query(
    `SELECT w.audience, sum(c.invited)::int AS invited, sum(c.responded)::int AS responded
       FROM waves w
       JOIN wave_response_counts c ON c.wave_id = w.id AND c.organization_id = w.organization_id
      WHERE w.organization_id = $1 AND w.audience <> 'EMPLOYEE' AND w.status <> 'DRAFT'
        AND (coalesce(w.opened_at, w.opens_at, w.created_at) AT TIME ZONE 'UTC')::date <= $3::date
        AND (w.closed_at IS NULL OR (w.closed_at AT TIME ZONE 'UTC')::date >= $2::date)
      GROUP BY w.audience`,
    [organizationId, period.from, period.to],
  );
  return new Map(rows.filter((r) => r.invited > 0).map((r) => [r.audience, r.responded / r.invited]));
}

/** Follow-ups not resolved, and of them those past due, now: one statement over the partial index. */
async function followUpCounts(ctx: Context, organizationId: string): Promise<{ open: number; overdue: number }> {
  const [row]: { open: number; overdue: number }[] = await ctx.db.query(
    `SELECT count(*)::int AS open, count(*) FILTER (WHERE due_at < $2)::int AS overdue
       FROM follow_ups WHERE organization_id = $1 AND status <> 'RESOLVED'`,
    [organizationId, ctx.app.now()],
  );
  return { open: row?.open ?? 0, overdue: row?.overdue ?? 0 };
}

/** Improvements per status: one statement grouped by status. */
async function improvementCounts(ctx: Context, organizationId: string): Promise<Map<ImprovementStatus, number>> {
  const rows: { status: ImprovementStatus; n: number }[] = await ctx.db.query(
    `SELECT status, count(*)::int AS n FROM improvements WHERE organization_id = $1 GROUP BY status`,
    [organizationId],
  );
  return new Map(rows.map((r) => [r.status, r.n]));
}
