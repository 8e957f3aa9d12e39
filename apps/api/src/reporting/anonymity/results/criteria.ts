import type { Context } from '../../../kernel/context.js';
import { badInput } from '../../../kernel/errors.js';
import { KEY_DRIVER_MIN_N, ratingMeanInterval, rounded } from '../../base/criteria.stats.js';
import { CriterionResult } from '../../base/criteria.types.js';
import type { EmployeeFilter } from '../employee-filter.js';
import { releasesOf } from '../releases.js';
import { NOT_RELEASED } from './combine.js';

/**
 * criterionResults over employee results: read from the releases of the filter's waves, which hold
 * each criterion for the whole wave only (release/compute.ts criteriaOf). Over several waves the
 * released numbers are summed (ratings, rating totals and sums of squares, counts of 1..5), so
 * nothing is shown that the releases do not show one by one; a criterion hidden in any wave, or a
 * wave not released, hides the sum (as combine.ts does for NPS). Nothing here reads an answer.
 */
export async function employeeCriteria(ctx: Context, f: EmployeeFilter): Promise<CriterionResult[]> {
  if (f.segment) throw badInput('filter.segments', 'Employee criteria are released for whole waves only: leave segments out');
  if (f.unitId) throw badInput('filter.orgUnitIds', 'Employee criteria are released for whole waves only, never per org unit');
  const releases = await releasesOf(ctx, f.waveIds);
  const criteria = [...new Set(releases.flatMap((r) => [...(r?.criteria.keys() ?? [])]))].sort();
  const unreleasedWave = releases.some((r) => r === null);
  return criteria.map((criterion) => {
    let hidden: string | null = unreleasedWave ? NOT_RELEASED : null;
    let n = 0;
    let sum = 0;
    let sumSq: number | null = 0;
    let distribution: number[] | null = [0, 0, 0, 0, 0];
    for (const release of releases) {
      const c = release?.criteria.get(criterion);
      if (!c) continue;
      if (!c.released || c.ratings === null || c.mean === null) {
        hidden ??= 'THRESHOLD';
        continue;
      }
      n += c.ratings;
      sum += c.ratings * c.mean;
      sumSq = sumSq !== null && c.sd !== null ? sumSq + (c.ratings - 1) * c.sd ** 2 + c.ratings * c.mean ** 2 : null;
      distribution = distribution && c.distribution ? distribution.map((x, i) => x + c.distribution![i]) : null;
    }
    const result = Object.assign(new CriterionResult(), {
      criterion,
      n: null,
      mean: null,
      ciLow: null,
      ciHigh: null,
      distribution: null,
      lowSample: false,
      suppressed: true,
      hiddenReason: hidden,
      previousN: null,
      previousMean: null,
    });
    if (hidden || n === 0) return hidden ? result : Object.assign(result, { suppressed: false, hiddenReason: null, n: 0, lowSample: true });
    const mean = sum / n;
    const sd = sumSq !== null && n > 1 ? Math.sqrt(Math.max(0, (sumSq - n * mean ** 2) / (n - 1))) : null;
    const ci = sd === null ? null : ratingMeanInterval(mean, sd, n);
    return Object.assign(result, {
      n,
      mean: rounded(mean),
      ciLow: rounded(ci?.low),
      ciHigh: rounded(ci?.high),
      distribution,
      lowSample: n < KEY_DRIVER_MIN_N,
      suppressed: false,
      hiddenReason: null,
    });
  });
}
