/**
 * Display rounding. The core never rounds; views call this.
 *
 * Rounds half away from zero on the decimal representation, so round(1.005, 2) = 1.01
 * and round(-2.5) = -3 (unlike Math.round and toFixed). Never returns −0.
 * null passes through; NaN and ±Infinity are returned unchanged.
 */
export function round(x: number, digits?: number): number;
export function round(x: number | null, digits?: number): number | null;
export function round(x: number | null, digits = 0): number | null {
  if (!Number.isInteger(digits) || digits < 0 || digits > 15) {
    throw new RangeError(`digits must be an integer from 0 to 15, got ${String(digits)}`);
  }
  if (x === null) return null;
  if (!Number.isFinite(x)) return x;
  const sign = x < 0 ? -1 : 1;
  const scaled = Math.round(shift(Math.abs(x), digits));
  const result = sign * shift(scaled, -digits);
  return result === 0 ? 0 : result;
}

/** x · 10^k computed on the decimal string, avoiding binary multiplication error. */
function shift(x: number, k: number): number {
  const [mantissa, exponent = '0'] = String(x).split('e');
  return Number(`${mantissa}e${Number(exponent) + k}`);
}
