/**
 * npsTrend over employee answers: the periods as the groups of a guarded breakdown.
 */
import type { Context } from '../../../graphql/context.js';
import { badInput } from '../../../graphql/errors.js';
import { markSignificance, NpsPoint, type PointCounts, type TrendInterval } from '../../analytics/nps-trend.types.js';
import { isoDay, periodsBetween } from '../../analytics/periods.js';
import type { EmployeeFilter } from '../employee-filter.js';
import { guardBreakdownKnowingEmpty, type BreakdownGroup, type Verdict } from '../guard.js';
import { thresholdOf } from '../threshold.js';
import type { DaySpan } from '../wave-dates.js';
import { filtersOf, summaryOf, type GroupCounts } from './counts.js';
import { byLabel, guardedCells } from './guarded.js';

/** What a point's significance may use: the counts of a released, non-empty group. */
function pointCounts(group: GroupCounts, verdict: Verdict): PointCounts | null {
  if (!verdict.released || group.size === 0) return null;
  const population = group.population !== null && group.population >= group.size ? group.population : undefined;
  return { counts: group.counts, population };
}

/** The counts of several groups of one breakdown together. */
function sumOf(cells: GroupCounts[], wider: number): GroupCounts {
  const sum = (pick: (g: GroupCounts) => number) => cells.reduce((n, g) => n + pick(g), 0);
  return {
    size: sum((g) => g.size),
    counts: { promoters: sum((g) => g.counts.promoters), passives: sum((g) => g.counts.passives), detractors: sum((g) => g.counts.detractors) },
    withoutEachFilter: Array.from({ length: wider }, (_, i) => sum((g) => g.withoutEachFilter[i])),
    population: cells.length > 0 && cells.every((g) => g.population !== null) ? sum((g) => g.population!) : null,
  };
}

/**
 * npsTrend over employee answers, built on the guarded breakdown by wave.
 *  - WAVE: the waves in the order they opened.
 *  - WEEK, MONTH, QUARTER: each period is the set of waves that opened in it (wave-dates.ts), from
 *    the span's first day (or the first wave's opening) to its last (or today). A period shows only
 *    what the breakdown by wave shows: it may not hold a hidden wave unless it holds every wave (it
 *    is then the total) — otherwise it is hidden (OVERLAP); then the periods with waves are guarded
 *    as the groups of a breakdown (threshold, differencing, complementary), and waves opened
 *    outside the span form a remainder that is never shown. A period without waves shows as empty.
 * A hidden point has no numbers and no significantChange; significance compares only shown points.
 */
export async function employeeTrend(ctx: Context, f: EmployeeFilter, interval: TrendInterval, span: DaySpan = { from: null, to: null }): Promise<NpsPoint[]> {
  const k = await thresholdOf(ctx);
  const waves = await guardedCells(ctx, f, 'WAVE', null, k);
  const order = waves.groups.map((_, i) => i).sort((a, b) => waves.groups[a].opened!.localeCompare(waves.groups[b].opened!) || byLabel(waves.groups[a], waves.groups[b]));
  if (interval === 'WAVE') {
    const points = order.map((i) => NpsPoint.of(waves.groups[i].key, waves.groups[i].label, null, summaryOf(waves.counts[i], waves.verdicts[i])));
    return markSignificance(points, order.map((i) => pointCounts(waves.counts[i], waves.verdicts[i])));
  }
  const today = isoDay(ctx.app.now());
  const last = order.length > 0 ? waves.groups[order[order.length - 1]].opened! : today;
  const periods = periodsBetween(span.from ?? (order.length > 0 ? waves.groups[order[0]].opened! : today), span.to ?? (last > today ? last : today), interval);
  if (!periods) throw badInput('filter.from', `Too many ${interval.toLowerCase()}s in the range: narrow from and to`);
  const members: number[][] = [...periods.map(() => []), []];
  waves.groups.forEach((g, i) => {
    const at = periods.findIndex((p) => p.from <= g.opened! && g.opened! <= p.to);
    members[at === -1 ? periods.length : at].push(i);
  });
  const wider = filtersOf(f).filter((name) => name !== 'waveIds').length;
  const groups = members.map((ids) => sumOf(ids.map((i) => waves.counts[i]), wider));
  const holdsHiddenPart = (ids: number[]) => ids.some((i) => !waves.verdicts[i].released) && ids.length < waves.groups.length;
  // A period in which no wave opened holds nothing, for anyone who knows the waves: it is shown as
  // empty and is no group of the breakdown (it could hide nothing).
  const withWaves = members.map((_, j) => j).filter((j) => members[j].length > 0);
  const guarded = guardBreakdownKnowingEmpty(
    withWaves.map((j): BreakdownGroup => ({ size: groups[j].size, withoutEachFilter: groups[j].withoutEachFilter, forced: holdsHiddenPart(members[j]) ? 'OVERLAP' : undefined })),
    withWaves.map((j) => members[j].every((i) => waves.groups[i].possiblyKnownEmpty)),
    k,
    { totalHidden: waves.totalHidden },
  );
  const verdicts: Verdict[] = members.map(() => ({ released: true, reason: null }));
  withWaves.forEach((j, at) => (verdicts[j] = guarded[at]));
  const points = periods.map((p, j) => NpsPoint.of(p.key, p.key, p, summaryOf(groups[j], verdicts[j])));
  return markSignificance(points, periods.map((_, j) => pointCounts(groups[j], verdicts[j])));
}
