import type { Context } from '../../../kernel/context.js';
import { NpsSummary } from '../../base/nps-summary.type.js';
import { mayReadEmployeeResults } from '../../base/policies.js';
import { ALL_KEY } from '../release/groups.js';
import { releaseOf } from '../releases.js';
import { thresholdOf } from '../../../identity/organizations/anonymity-threshold.js';
import { combine, NOT_RELEASED, summaryOf } from './combine.js';

/** An employee wave's fields (Wave.invited, responded, responseRate, summary, scoreDistribution). */
export interface EmployeeWaveResults {
  invited: number;
  /** 0 unless at least k were invited. */
  responded: number;
  /** Null unless at least k were invited. */
  responseRate: number | null;
  /** The release's whole-wave group; suppressed (NOT_RELEASED) while the wave runs. */
  summary: NpsSummary;
  /** Answers per score 0..10 when the release holds the whole wave's distribution (at least 2k answers); [] otherwise. */
  scoreDistribution: number[];
}

const WITHHELD = (): EmployeeWaveResults => ({ invited: 0, responded: 0, responseRate: null, summary: NpsSummary.suppressed(), scoreDistribution: [] });

/**
 * While the wave runs: participation only (invited always; responded and the rate from k invited).
 * Once closed: the whole-wave group of its release. Callers who may not read employee results
 * (CX, MANAGER, API clients without analytics:read) get all of it withheld.
 */
export async function employeeWaveResults(ctx: Context, waveId: string): Promise<EmployeeWaveResults> {
  if (!mayReadEmployeeResults(ctx.principal!)) return WITHHELD();
  const [k, totals, release] = await Promise.all([thresholdOf(ctx), ctx.loaders.employeeWaveTotals.load(waveId), releaseOf(ctx, waveId)]);
  const rateShown = totals.invited >= k;
  return {
    invited: totals.invited,
    responded: rateShown ? totals.responded : 0,
    responseRate: rateShown ? totals.responded / totals.invited : null,
    summary: release ? summaryOf(combine([release], ALL_KEY)) : NpsSummary.suppressed(NOT_RELEASED),
    scoreDistribution: release?.byKey.get(ALL_KEY)?.distribution ?? [],
  };
}
