/**
 * Wilson score interval for a proportion (e.g. a response rate, successes/trials):
 *
 *   p̂ = s/n,  center = (p̂ + z²/2n) / (1 + z²/n)
 *   half = z / (1 + z²/n) · sqrt( p̂(1 − p̂)/n + z²/4n² )
 *   interval = center ± half
 *
 * Unlike the plain Wald interval it stays inside [0, 1] and is sensible at p̂ = 0 or 1.
 * The ends are pinned to exactly 0 (s = 0) and 1 (s = n) and clamped against rounding.
 */

import { Z_95 } from './constants.js';

export type WilsonInterval = { low: number; high: number; center: number };

/** Wilson interval of successes/trials; null when trials = 0. Throws RangeError on invalid input. */
export function wilson(successes: number, trials: number, z: number = Z_95): WilsonInterval | null {
  if (typeof trials !== 'number' || !Number.isSafeInteger(trials) || trials < 0) {
    throw new RangeError(`trials must be a non-negative integer, got ${String(trials)}`);
  }
  if (typeof successes !== 'number' || !Number.isSafeInteger(successes) || successes < 0 || successes > trials) {
    throw new RangeError(`successes must be an integer from 0 to trials (${trials}), got ${String(successes)}`);
  }
  if (typeof z !== 'number' || !Number.isFinite(z) || z <= 0) {
    throw new RangeError(`z must be a positive finite number, got ${String(z)}`);
  }
  if (trials === 0) return null;

  const n = trials;
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return {
    low: successes === 0 ? 0 : Math.min(p, Math.max(0, center - half)),
    high: successes === trials ? 1 : Math.max(p, Math.min(1, center + half)),
    center,
  };
}
