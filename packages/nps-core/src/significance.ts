/**
 * Is the change between two periods real?
 *
 * The two periods are independent samples, so the standard error of the difference is
 * sqrt(SE₁² + SE₂²). The change is significant (two-sided, 95 %) when
 *
 *   |NPS_after − NPS_before| > 1.96 × sqrt(SE_before² + SE_after²)
 *
 * with SE the adjusted-Wald standard errors in NPS points (with the finite population
 * correction when a population is given). The threshold is always computed from the
 * formula; change and significant are null when either period has no responses.
 */

import { Z_95 } from './constants.js';
import type { NpsCounts } from './counts.js';
import { interval } from './interval.js';
import { nps } from './nps.js';

export type CompareOptions = {
  /** Population of the earlier period (finite population correction). */
  populationBefore?: number;
  /** Population of the later period (finite population correction). */
  populationAfter?: number;
};

export type NpsComparison = {
  /** nps(after) − nps(before), in NPS points; null if either side has no responses. */
  change: number | null;
  /** The smallest |change| that counts as significant, in NPS points. */
  threshold: number;
  /** |change| > threshold; null if either side has no responses. */
  significant: boolean | null;
};

export function compareNps(before: NpsCounts, after: NpsCounts, options: CompareOptions = {}): NpsComparison {
  const seBefore = interval(before, withPopulation(options.populationBefore)).standardError;
  const seAfter = interval(after, withPopulation(options.populationAfter)).standardError;
  const threshold = Z_95 * Math.sqrt(seBefore * seBefore + seAfter * seAfter);

  const npsBefore = nps(before);
  const npsAfter = nps(after);
  if (npsBefore === null || npsAfter === null) return { change: null, threshold, significant: null };
  const change = npsAfter - npsBefore;
  return { change, threshold, significant: Math.abs(change) > threshold };
}

function withPopulation(population: number | undefined): { population?: number } {
  return population === undefined ? {} : { population };
}
