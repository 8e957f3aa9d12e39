import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { band, type BandDefinition, DEFAULT_BAND_LABELS, DEFAULT_BANDS, validateBands } from './bands.js';

describe('band', () => {
  it.each([
    [-100, 'needs_work'],
    [-0.0001, 'needs_work'],
    [0, 'good'],
    [-0, 'good'],
    [29.99, 'good'],
    [30, 'great'],
    [49.9, 'great'],
    [50, 'excellent'],
    [100, 'excellent'],
  ])('default bands: %d → %s', (score, key) => {
    expect(band(score)).toBe(key);
  });

  it('null → null', () => {
    expect(band(null)).toBeNull();
  });

  it('rejects an NPS outside [−100, 100]', () => {
    expect(() => band(100.5)).toThrow(RangeError);
    expect(() => band(-101)).toThrow(RangeError);
    expect(() => band(NaN)).toThrow(RangeError);
  });

  it('has English labels for every default key', () => {
    expect(DEFAULT_BANDS.map((b) => b.key)).toEqual(['needs_work', 'good', 'great', 'excellent']);
    expect(DEFAULT_BANDS.map((b) => b.min)).toEqual([-100, 0, 30, 50]);
    expect(DEFAULT_BAND_LABELS).toEqual({ needs_work: 'needs work', good: 'good', great: 'great', excellent: 'excellent' });
  });

  it('supports custom bands', () => {
    const custom: BandDefinition = [
      { key: 'low', min: -100 },
      { key: 'high', min: 20 },
    ];
    expect(band(19.9, custom)).toBe('low');
    expect(band(20, custom)).toBe('high');
  });
});

describe('validateBands', () => {
  it('accepts the defaults', () => {
    expect(() => validateBands(DEFAULT_BANDS)).not.toThrow();
  });

  it.each([
    ['empty', [], /non-empty/],
    ['unsorted', [{ key: 'a', min: -100 }, { key: 'b', min: 50 }, { key: 'c', min: 10 }], /sorted by strictly increasing min/],
    ['equal mins', [{ key: 'a', min: -100 }, { key: 'b', min: 0 }, { key: 'c', min: 0 }], /strictly increasing/],
    ['duplicate keys', [{ key: 'a', min: -100 }, { key: 'a', min: 0 }], /Duplicate band key "a"/],
    ['min above 100', [{ key: 'a', min: -100 }, { key: 'b', min: 101 }], /outside \[-100, 100\]/],
    ['min below −100', [{ key: 'a', min: -200 }], /outside \[-100, 100\]/],
    ['first min not −100', [{ key: 'a', min: 0 }], /first band must start at min -100/],
    ['empty key', [{ key: '', min: -100 }], /non-empty string key/],
  ])('rejects %s', (_label, bands, message) => {
    expect(() => validateBands(bands as BandDefinition)).toThrow(RangeError);
    expect(() => validateBands(bands as BandDefinition)).toThrow(message);
    expect(() => band(10, bands as BandDefinition)).toThrow(RangeError);
  });

  it('property: every NPS in [−100, 100] gets the last band whose min ≤ it', () => {
    fc.assert(
      fc.property(fc.double({ min: -100, max: 100, noNaN: true }), (x) => {
        const expected = [...DEFAULT_BANDS].reverse().find((b) => b.min <= x)!.key;
        expect(band(x)).toBe(expected);
      }),
    );
  });
});
