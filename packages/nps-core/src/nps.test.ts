import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { categorize, InvalidScoreError } from './category.js';
import { countScores, totalOf, validateCounts } from './counts.js';
import { nps } from './nps.js';
import { countsArb } from './test-arbitraries.js';

describe('countScores / totalOf', () => {
  it('tallies scores by category', () => {
    expect(countScores([10, 9, 8, 7, 6, 0, 10])).toEqual({ promoters: 3, passives: 2, detractors: 2 });
    expect(countScores([])).toEqual({ promoters: 0, passives: 0, detractors: 0 });
    expect(countScores(new Set([3, 9]))).toEqual({ promoters: 1, passives: 0, detractors: 1 });
  });

  it('throws InvalidScoreError on an invalid score', () => {
    expect(() => countScores([9, '9'])).toThrow(InvalidScoreError);
  });

  it('totals the counts', () => {
    expect(totalOf({ promoters: 6, passives: 2, detractors: 2 })).toBe(10);
  });

  it.each([
    [{ promoters: -1, passives: 0, detractors: 0 }, /promoters must be a non-negative integer, got -1/],
    [{ promoters: 0, passives: 1.5, detractors: 0 }, /passives must be a non-negative integer, got 1.5/],
    [{ promoters: 0, passives: 0, detractors: NaN }, /detractors must be a non-negative integer, got NaN/],
    [{ promoters: 0, passives: 0 }, /detractors must be a non-negative integer, got undefined/],
  ])('rejects invalid counts %j with a RangeError', (counts, message) => {
    expect(() => validateCounts(counts as never)).toThrow(RangeError);
    expect(() => totalOf(counts as never)).toThrow(message);
    expect(() => nps(counts as never)).toThrow(RangeError);
  });

  it('property: counts sum to the number of scores and agree with categorize', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 300 }), (scores) => {
        const counts = countScores(scores);
        expect(totalOf(counts)).toBe(scores.length);
        expect(counts.promoters).toBe(scores.filter((s) => categorize(s) === 'PROMOTER').length);
        expect(counts.passives).toBe(scores.filter((s) => categorize(s) === 'PASSIVE').length);
        expect(counts.detractors).toBe(scores.filter((s) => categorize(s) === 'DETRACTOR').length);
      }),
    );
  });
});

describe('nps', () => {
  it('computes 100 × (P − D) / n', () => {
    // (6 − 2) / 10 = 0.4 → 40
    expect(nps({ promoters: 6, passives: 2, detractors: 2 })).toBe(40);
    // (170 − 10) / 200 = 0.8 → 80
    expect(nps({ promoters: 170, passives: 20, detractors: 10 })).toBe(80);
    expect(nps({ promoters: 0, passives: 0, detractors: 3 })).toBe(-100);
    expect(nps({ promoters: 2, passives: 0, detractors: 0 })).toBe(100);
    expect(nps({ promoters: 0, passives: 5, detractors: 0 })).toBe(0);
  });

  it('is null, not 0, without responses', () => {
    expect(nps({ promoters: 0, passives: 0, detractors: 0 })).toBeNull();
  });

  it('property: within [−100, 100] and equal to the formula', () => {
    fc.assert(
      fc.property(countsArb.filter((c) => totalOf(c) > 0), (c) => {
        const value = nps(c)!;
        expect(value).toBeGreaterThanOrEqual(-100);
        expect(value).toBeLessThanOrEqual(100);
        const n = c.promoters + c.passives + c.detractors;
        expect(value).toBeCloseTo((100 * (c.promoters - c.detractors)) / n, 10);
      }),
    );
  });

  it('property: swapping promoters and detractors negates the score', () => {
    fc.assert(
      fc.property(countsArb.filter((c) => totalOf(c) > 0), (c) => {
        const swapped = { promoters: c.detractors, passives: c.passives, detractors: c.promoters };
        expect(nps(swapped)! + nps(c)!).toBe(0);
      }),
    );
  });
});
