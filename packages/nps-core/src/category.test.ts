import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { categorize, InvalidScoreError, isValidScore, SCORE_MAX, SCORE_MIN } from './category.js';

describe('categorize', () => {
  it('maps 0–6 to DETRACTOR, 7–8 to PASSIVE, 9–10 to PROMOTER', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(categorize)).toEqual([
      ...Array<string>(7).fill('DETRACTOR'),
      'PASSIVE',
      'PASSIVE',
      'PROMOTER',
      'PROMOTER',
    ]);
    expect(SCORE_MIN).toBe(0);
    expect(SCORE_MAX).toBe(10);
  });

  const invalid: [unknown, string][] = [
    [11, '11'],
    [-1, '-1'],
    [7.5, '7.5'],
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    ['7', '7'],
    [null, 'null'],
    [undefined, 'undefined'],
    [{}, '{}'],
  ];
  it.each(invalid)('rejects %s with InvalidScoreError naming the value', (value, shown) => {
    let error: unknown;
    try {
      categorize(value);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidScoreError);
    expect(error).toBeInstanceOf(Error);
    const e = error as InvalidScoreError;
    expect(e.name).toBe('InvalidScoreError');
    expect(e.message).toContain(`"${shown}"`);
    expect(e.message).toContain('whole number from 0 to 10');
    expect(Object.is(e.score, value)).toBe(true);
    expect(isValidScore(value)).toBe(false);
  });

  it('uses the documented message for 7.5', () => {
    expect(() => categorize(7.5)).toThrow('Invalid NPS score "7.5": a score must be a whole number from 0 to 10');
  });

  it('property: rejects every non-integer or out-of-range number', () => {
    fc.assert(
      fc.property(
        fc.double().filter((x) => !(Number.isInteger(x) && x >= 0 && x <= 10)),
        (x) => {
          expect(() => categorize(x)).toThrow(InvalidScoreError);
          expect(isValidScore(x)).toBe(false);
        },
      ),
    );
  });

  it('property: accepts every integer 0..10', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 }), (x) => {
        expect(isValidScore(x)).toBe(true);
        expect(['PROMOTER', 'PASSIVE', 'DETRACTOR']).toContain(categorize(x));
      }),
    );
  });
});
