/**
 * Bands: a qualitative reading of an NPS, configurable per organization.
 *
 * A band definition is a list of { key, min } sorted by strictly increasing min, starting
 * at −100; a score belongs to the last band whose min is ≤ the score. Default:
 *   below 0 → needs_work, 0 to <30 → good, 30 to <50 → great, 50 and above → excellent.
 * Keys are stable identifiers; display labels are the web app's i18n job
 * (DEFAULT_BAND_LABELS holds English fallbacks).
 */

export type Band = { key: string; min: number };
export type BandDefinition = readonly Band[];

export const DEFAULT_BANDS: BandDefinition = Object.freeze([
  Object.freeze({ key: 'needs_work', min: -100 }),
  Object.freeze({ key: 'good', min: 0 }),
  Object.freeze({ key: 'great', min: 30 }),
  Object.freeze({ key: 'excellent', min: 50 }),
]);

export const DEFAULT_BAND_LABELS: Readonly<Record<'needs_work' | 'good' | 'great' | 'excellent', string>> = Object.freeze({
  needs_work: 'needs work',
  good: 'good',
  great: 'great',
  excellent: 'excellent',
});

/**
 * Throws RangeError naming the problem unless the bands are: a non-empty array; keys
 * non-empty and unique; mins finite, within [−100, 100] and strictly increasing; the
 * first min exactly −100 (so every score has a band).
 */
export function validateBands(bands: BandDefinition): void {
  if (!Array.isArray(bands) || bands.length === 0) {
    throw new RangeError('Bands must be a non-empty array of { key, min }');
  }
  const seen = new Set<string>();
  bands.forEach((b: Band, i: number) => {
    if (typeof b !== 'object' || b === null) throw new RangeError(`Band #${i} must be an object { key, min }`);
    if (typeof b.key !== 'string' || b.key === '') throw new RangeError(`Band #${i} must have a non-empty string key`);
    if (seen.has(b.key)) throw new RangeError(`Duplicate band key "${b.key}"`);
    seen.add(b.key);
    if (typeof b.min !== 'number' || !Number.isFinite(b.min) || b.min < -100 || b.min > 100) {
      throw new RangeError(`Band "${b.key}" has min ${String(b.min)} outside [-100, 100]`);
    }
    const prev = bands[i - 1];
    if (i > 0 && prev !== undefined && !(b.min > prev.min)) {
      throw new RangeError(
        `Bands must be sorted by strictly increasing min: "${b.key}" (min ${b.min}) follows "${prev.key}" (min ${prev.min})`,
      );
    }
  });
  const first = bands[0];
  if (first !== undefined && first.min !== -100) {
    throw new RangeError(`The first band must start at min -100, but "${first.key}" starts at ${first.min}`);
  }
}

/**
 * The key of the band an NPS falls in, or null for a null NPS. Throws RangeError for an
 * NPS outside [−100, 100] or invalid bands.
 */
export function band(nps: number | null, bands: BandDefinition = DEFAULT_BANDS): string | null {
  validateBands(bands);
  if (nps === null) return null;
  if (typeof nps !== 'number' || !(nps >= -100 && nps <= 100)) {
    throw new RangeError(`NPS must be a number from -100 to 100, got ${String(nps)}`);
  }
  let key = bands[0]!.key;
  for (const b of bands) {
    if (b.min <= nps) key = b.key;
    else break;
  }
  return key;
}
