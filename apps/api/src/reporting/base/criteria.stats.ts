/**
 * The statistics of criteria ratings (1–5) and key drivers, as pure functions: a mean's 95 %
 * t-interval and a Pearson correlation's 95 % Fisher-z interval. The sums come from SQL (avg,
 * stddev_samp, corr, regr_count); these turn them into intervals.
 */

/** Below this many paired ratings a key driver (and a criterion's mean) is marked lowSample. */
export const KEY_DRIVER_MIN_N = 30;

/** The 97.5 % quantile of Student's t for 1..30 degrees of freedom (the usual table). */
const T_975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074,
  2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];
const Z_975 = 1.959964;

/**
 * t(0.975, df): the table up to 30, above it the Cornish–Fisher expansion around the normal
 * quantile (its error there is below 1e-5).
 */
export function tQuantile975(df: number): number {
  if (!Number.isFinite(df) || df < 1) throw new Error(`degrees of freedom must be at least 1, not ${df}`);
  if (df <= 30 && Number.isInteger(df)) return T_975[df - 1];
  const z = Z_975;
  const z3 = z ** 3, z5 = z ** 5, z7 = z ** 7, z9 = z ** 9;
  return (
    z +
    (z3 + z) / (4 * df) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3) +
    (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * df ** 4)
  );
}

export interface Interval {
  low: number;
  high: number;
}

/** The 95 % t-interval of a mean of n values with sample standard deviation sd; null below 2 values. */
export function meanInterval(mean: number, sd: number, n: number): Interval | null {
  if (n < 2 || !Number.isFinite(sd)) return null;
  const half = (tQuantile975(n - 1) * sd) / Math.sqrt(n);
  return { low: mean - half, high: mean + half };
}

/** The 1–5 scale of a criterion rating. */
export const RATING_SCALE = { min: 1, max: 5 } as const;

/** A mean rating's t-interval clipped to the rating scale (a mean of 1–5 ratings lies within it). */
export function ratingMeanInterval(mean: number, sd: number, n: number): Interval | null {
  const ci = meanInterval(mean, sd, n);
  return ci && { low: Math.max(RATING_SCALE.min, ci.low), high: Math.min(RATING_SCALE.max, ci.high) };
}

/**
 * The 95 % interval of a Pearson correlation r over n pairs by Fisher's z: tanh(atanh(r) ± 1.96 /
 * √(n − 3)); null below 4 pairs. A perfect correlation (|r| = 1) has the point as its interval.
 */
export function correlationInterval(r: number, n: number): Interval | null {
  if (n < 4 || !Number.isFinite(r)) return null;
  if (Math.abs(r) >= 1) return { low: r, high: r };
  const z = Math.atanh(r);
  const half = Z_975 / Math.sqrt(n - 3);
  return { low: Math.tanh(z - half), high: Math.tanh(z + half) };
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;
/** Rounds a statistic for the API (4 decimals), keeping null. */
export const rounded = (x: number | null | undefined): number | null => (x === null || x === undefined || !Number.isFinite(x) ? null : round4(x));
