/**
 * 95 % confidence interval for NPS: the adjusted-Wald interval
 * (Rocks, "Interval Estimation for the Net Promoter Score",
 * The American Statistician 70(4), 2016).
 *
 * NPS is a difference of two proportions from one multinomial sample. The plain
 * Wald interval is too narrow for small n and collapses to width 0 when every
 * answer is in one category; adding 3/4 to promoters and to detractors (3 to n,
 * i.e. 3/4 also to the passives' side implicitly) fixes both:
 *
 *   n' = n + 3,   p' = (P + 3/4) / n',   d' = (D + 3/4) / n'
 *   SE = sqrt( (p' + d' − (p' − d')²) / n' )
 *   95 % interval = 100 × ( (p' − d') ± 1.96 · SE ), clipped to [−100, 100]
 *
 * The interval is centred on 100·(p' − d'), not on the plain NPS, and the plain
 * NPS is still what we report as the point estimate — so the plain NPS is not
 * guaranteed to sit inside the interval for tiny samples.
 *
 * Finite population correction (employee waves, headcount N known):
 * SE is multiplied by sqrt((N − n)/(N − 1)); when everyone answered (n = N) the
 * SE is 0 — there is nothing left to estimate, and the interval is the plain NPS itself (the
 * adjusted centre would otherwise pin a zero-width interval beside the true value).
 *
 * With n = 0 the formula is still defined (n' = 3, p' = d' = 1/4 → about [−80.02, 80.02]) and
 * `interval` returns it; `summarize` reports null for every derived field instead.
 */

import { Z_95 } from './constants.js';
import { type NpsCounts, totalOf } from './counts.js';

export type IntervalOptions = {
  /** Size of the surveyed population (e.g. employees invited to a wave), for the finite population correction. */
  population?: number;
};

/** All values in NPS points (−100..100 scale). */
export type NpsInterval = {
  /** Lower end, max(−100, center − marginOfError). */
  low: number;
  /** Upper end, min(100, center + marginOfError). */
  high: number;
  /** Half-width before clipping: 1.96 · standardError. */
  marginOfError: number;
  /** 100 · SE (after the finite population correction, if any). */
  standardError: number;
  /** 100 · (p' − d'), the adjusted centre of the interval. */
  center: number;
};

/**
 * The finite population correction factor sqrt((N − n)/(N − 1)) for n responses out of
 * a population of N. Throws RangeError unless N is an integer with N ≥ n.
 *  - n = 0: 1 (no sample, nothing to correct);
 *  - N = 1 (so n = 1): 0 — the whole population answered (guards the 0/0);
 *  - n = N: 0.
 */
export function finitePopulationFactor(responses: number, population: number): number {
  if (typeof population !== 'number' || !Number.isSafeInteger(population) || population < 0) {
    throw new RangeError(`population must be a non-negative integer, got ${String(population)}`);
  }
  if (population < responses) {
    throw new RangeError(`population (${population}) must be at least the number of responses (${responses})`);
  }
  if (responses === 0) return 1;
  if (population <= 1) return 0;
  return Math.sqrt((population - responses) / (population - 1));
}

/** The adjusted-Wald 95 % interval of the counts (see the module comment), optionally with FPC. */
export function interval(counts: NpsCounts, options: IntervalOptions = {}): NpsInterval {
  const n = totalOf(counts);
  const nAdj = n + 3;
  const pAdj = (counts.promoters + 0.75) / nAdj;
  const dAdj = (counts.detractors + 0.75) / nAdj;
  const diff = pAdj - dAdj;
  let se = Math.sqrt((pAdj + dAdj - diff * diff) / nAdj);
  if (options.population !== undefined) se *= finitePopulationFactor(n, options.population);

  // When everyone answered (n = N > 0) there is nothing left to estimate: the interval is the NPS itself.
  const census = options.population !== undefined && n > 0 && n === options.population;
  const center = census ? (100 * (counts.promoters - counts.detractors)) / n : 100 * diff;
  const standardError = 100 * se;
  const marginOfError = Z_95 * standardError;
  return {
    low: Math.max(-100, center - marginOfError),
    high: Math.min(100, center + marginOfError),
    marginOfError,
    standardError,
    center,
  };
}
