import type { Context } from '../../../kernel/context.js';
import { badInput } from '../../../kernel/errors.js';
import { NpsGroup, type BreakdownDimension } from '../../base/nps-breakdown.types.js';
import { NpsSummary } from '../../base/nps-summary.type.js';
import { markSignificance, NpsPoint, type TrendInterval } from '../../base/nps-trend.types.js';
import { isoDay, periodsBetween } from '../../base/periods.js';
import { groupKeyOf, isEmployeeSegmentKey, type EmployeeFilter } from '../employee-filter.js';
import { employeeWavesOf, type DaySpan } from '../employee-waves.js';
import { ALL_KEY, crossKey, demographicKey, unitKey } from '../release/groups.js';
import { releasesOf } from '../releases.js';
import { combine, pointCountsOf, summaryOf, type Outcome } from './combine.js';

/**
 * npsSummary, npsBreakdown and npsTrend over employee results: read from the releases of the
 * filter's waves, one group at a time (combine.ts). Nothing here counts an answer.
 */

export async function employeeSummary(ctx: Context, f: EmployeeFilter): Promise<NpsSummary> {
  return summaryOf(combine(await releasesOf(ctx, f.waveIds), groupKeyOf(f)));
}

/** The outcome of the filter's group (for callers that need its counts, like improvement effects). */
export async function employeeOutcome(ctx: Context, f: EmployeeFilter): Promise<Outcome> {
  return combine(await releasesOf(ctx, f.waveIds), groupKeyOf(f));
}

/**
 * A breakdown of a released dimension within the filter's group:
 *  - ORG_UNIT: the sub-units of the filter's unit (or the top units), as the releases have them;
 *  - SEGMENT location or tenure_band: its values — within the filter's unit, the unit's cross with
 *    it where the release has one (none otherwise);
 *  - WAVE: the group in each wave, in close order; AUDIENCE: the one EMPLOYEE group.
 * A breakdown never crosses two filters: a segment filter with an org-unit or segment breakdown is
 * bad input.
 */
export async function employeeBreakdown(ctx: Context, f: EmployeeFilter, by: BreakdownDimension, segmentKey: string | null): Promise<NpsGroup[]> {
  const releases = await releasesOf(ctx, f.waveIds);
  const group = (key: string, fallback: string) => {
    const outcome = combine(releases, key, fallback);
    return NpsGroup.of(key, outcome.label, summaryOf(outcome));
  };
  switch (by) {
    case 'AUDIENCE':
      return [NpsGroup.of('EMPLOYEE', 'EMPLOYEE', summaryOf(combine(releases, groupKeyOf(f))))];
    case 'OWNER':
      throw badInput('by', 'Employee answers have no owners: break them down by ORG_UNIT, WAVE or SEGMENT');
    case 'WAVE': {
      const waves = new Map((await employeeWavesOf(ctx, f.organizationId)).map((w) => [w.id, w.name]));
      return f.waveIds.map((id, i) => {
        const outcome = combine([releases[i]], groupKeyOf(f), waves.get(id) ?? id);
        return NpsGroup.of(id, waves.get(id) ?? id, summaryOf(outcome));
      });
    }
    case 'ORG_UNIT': {
      if (f.segment) throw badInput('filter.segments', 'A breakdown by org unit takes no segment filter: employee results are not crossed freely');
      const childrenOf = (parent: string) => {
        const children = new Map<string, string>();
        for (const r of releases) for (const row of r?.groups ?? []) if (row.dimension === 'ORG_UNIT' && row.parentKey === parent) children.set(row.key, row.label);
        return children;
      };
      let children = childrenOf(f.unitId ? unitKey(f.unitId) : ALL_KEY);
      // Under the whole wave, a single unit that holds everyone (the company) is skipped for its sub-units.
      if (!f.unitId && children.size === 1) {
        const [only] = children.keys();
        const holdsAll = releases.every((r) => !r || r.byKey.get(only)?.invited === r.byKey.get(ALL_KEY)?.invited);
        if (holdsAll) children = childrenOf(only);
      }
      return [...children].map(([key, label]) => group(key, label)).sort(byLabel);
    }
    case 'SEGMENT': {
      if (!segmentKey || !isEmployeeSegmentKey(segmentKey)) throw badInput('segmentKey', 'Employee results break down by location or tenure_band');
      if (f.segment) throw badInput('filter.segments', 'A breakdown by a segment takes no segment filter: employee results are not crossed freely');
      const dimension = f.unitId ? (segmentKey === 'location' ? 'ORG_UNIT_LOCATION' : 'ORG_UNIT_TENURE_BAND') : segmentKey === 'location' ? 'LOCATION' : 'TENURE_BAND';
      const values = new Set<string>();
      for (const r of releases) for (const row of r?.groups ?? []) if (row.dimension === dimension && (!f.unitId || row.orgUnitId === f.unitId) && row.value) values.add(row.value);
      return [...values]
        .sort()
        .map((value) => {
          const key = f.unitId ? crossKey(f.unitId, segmentKey, value) : demographicKey(segmentKey, value);
          const outcome = combine(releases, key, value);
          return NpsGroup.of(value, value, summaryOf(outcome));
        });
    }
  }
}

const byLabel = (a: NpsGroup, b: NpsGroup) => a.label.localeCompare(b.label) || a.key.localeCompare(b.key);

/**
 * The employee trend: one point per release (WAVE, in close order), or per calendar period holding
 * the waves that closed in it (WEEK, MONTH, QUARTER), from the span's first day (or the first close)
 * to its last (or today). A period without a wave is empty. Significance compares shown points.
 */
export async function employeeTrend(ctx: Context, f: EmployeeFilter, interval: TrendInterval, span: DaySpan = { from: null, to: null }): Promise<NpsPoint[]> {
  const releases = await releasesOf(ctx, f.waveIds);
  const key = groupKeyOf(f);
  const waves = new Map((await employeeWavesOf(ctx, f.organizationId)).map((w) => [w.id, w]));
  if (interval === 'WAVE') {
    const outcomes = f.waveIds.map((_, i) => combine([releases[i]], key));
    const points = f.waveIds.map((id, i) => NpsPoint.of(id, waves.get(id)?.name ?? id, null, summaryOf(outcomes[i])));
    return markSignificance(points, outcomes.map(pointCountsOf));
  }
  const closed = f.waveIds.map((id) => waves.get(id)?.closedOn ?? null);
  const days = closed.filter((d): d is string => d !== null).sort();
  const today = isoDay(ctx.app.now());
  const last = days.length ? days[days.length - 1] : today;
  const periods = periodsBetween(span.from ?? days[0] ?? today, span.to ?? (last > today ? last : today), interval);
  if (!periods) throw badInput('filter.from', `Too many ${interval.toLowerCase()}s in the range: narrow from and to`);
  const outcomes: Outcome[] = periods.map((p) => {
    const inPeriod = f.waveIds.map((_, i) => i).filter((i) => closed[i] !== null && p.from <= closed[i]! && closed[i]! <= p.to);
    return inPeriod.length ? combine(inPeriod.map((i) => releases[i]), key) : { state: 'absent', label: p.key };
  });
  const points = periods.map((p, j) => NpsPoint.of(p.key, p.key, p, summaryOf(outcomes[j])));
  return markSignificance(points, outcomes.map(pointCountsOf));
}
