import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { totalOf } from './counts.js';
import { finitePopulationFactor, interval } from './interval.js';
import { nps } from './nps.js';
import { countsArb } from './test-arbitraries.js';

describe('interval (adjusted Wald)', () => {
  it('matches a hand computation for P=6, Pa=2, D=2', () => {
    // n = 10, n' = 13
    // p' = (6 + 0.75)/13 = 6.75/13 = 0.519231,  d' = (2 + 0.75)/13 = 2.75/13 = 0.211538
    // p' − d' = 4/13 = 0.307692 → center 30.7692
    // p' + d' − (p' − d')² = 9.5/13 − 16/169 = 107.5/169 = 0.636095
    // SE = sqrt(0.636095 / 13) = sqrt(0.0489304) = 0.221202 → 22.1202 points
    // margin = 1.96 × 22.1202 = 43.3556
    // interval = 30.7692 ± 43.3556 = [−12.5864, 74.1248]
    const ci = interval({ promoters: 6, passives: 2, detractors: 2 });
    expect(ci.center).toBeCloseTo(30.7692, 4);
    expect(ci.standardError).toBeCloseTo(22.1202, 4);
    expect(ci.marginOfError).toBeCloseTo(43.3556, 4);
    expect(ci.low).toBeCloseTo(-12.5864, 4);
    expect(ci.high).toBeCloseTo(74.1248, 4);
  });

  it('clips to [−100, 100] but reports the unclipped margin', () => {
    // P=2: n' = 5, p' = 2.75/5 = 0.55, d' = 0.15, diff 0.4
    // SE = sqrt((0.7 − 0.16)/5) = sqrt(0.108) = 0.328634 → margin 64.4122
    // 40 + 64.41 = 104.41 → clipped to 100; 40 − 64.41 = −24.4122
    const ci = interval({ promoters: 2, passives: 0, detractors: 0 });
    expect(ci.center).toBeCloseTo(40, 10);
    expect(ci.marginOfError).toBeCloseTo(64.4122, 4);
    expect(ci.high).toBe(100);
    expect(ci.low).toBeCloseTo(-24.4122, 4);
  });

  it('is still defined by the formula for n = 0', () => {
    // n' = 3, p' = d' = 0.25, SE = sqrt(0.5/3) = 0.408248 → margin 80.0167
    const ci = interval({ promoters: 0, passives: 0, detractors: 0 });
    expect(ci.center).toBe(0);
    expect(ci.standardError).toBeCloseTo(40.8248, 4);
    expect(ci.low).toBeCloseTo(-80.0167, 4);
    expect(ci.high).toBeCloseTo(80.0167, 4);
  });

  describe('finite population correction', () => {
    it('n = N → the interval is the NPS itself', () => {
      const all = interval({ promoters: 7, passives: 3, detractors: 2 }, { population: 12 });
      expect(all.low).toBeCloseTo(41.667, 3);
      expect(all.high).toBeCloseTo(41.667, 3);
    });

    it('n = N → margin 0', () => {
      const ci = interval({ promoters: 6, passives: 2, detractors: 2 }, { population: 10 });
      expect(ci.marginOfError).toBe(0);
      expect(ci.standardError).toBe(0);
      expect(ci.low).toBeCloseTo(ci.center, 12);
      expect(ci.high).toBeCloseTo(ci.center, 12);
    });

    it('N = 100, n = 10 → smaller margin, by sqrt(90/99)', () => {
      const counts = { promoters: 6, passives: 2, detractors: 2 };
      const plain = interval(counts);
      const fpc = interval(counts, { population: 100 });
      expect(fpc.marginOfError).toBeLessThan(plain.marginOfError);
      // 43.3556 × sqrt(90/99) = 43.3556 × 0.953463 = 41.3379
      expect(fpc.marginOfError).toBeCloseTo(41.3379, 4);
    });

    it('n = 1, N = 1 → SE 0 (no division by zero)', () => {
      expect(finitePopulationFactor(1, 1)).toBe(0);
      expect(interval({ promoters: 1, passives: 0, detractors: 0 }, { population: 1 }).standardError).toBe(0);
    });

    it('n = 0 → no correction', () => {
      expect(finitePopulationFactor(0, 50)).toBe(1);
    });

    it.each([
      [10, 9, /at least the number of responses/],
      [10, 5.5, /non-negative integer/],
      [10, -1, /non-negative integer/],
      [10, NaN, /non-negative integer/],
    ])('rejects n = %d with population %d', (n, population, message) => {
      expect(() => finitePopulationFactor(n, population)).toThrow(RangeError);
      expect(() => interval({ promoters: n, passives: 0, detractors: 0 }, { population })).toThrow(message);
    });
  });

  const nonEmpty = countsArb.filter((c) => totalOf(c) > 0);

  it('property: low ≤ center ≤ high, all within [−100, 100]', () => {
    fc.assert(
      fc.property(countsArb, (c) => {
        const ci = interval(c);
        expect(ci.low).toBeLessThanOrEqual(ci.high);
        expect(ci.low).toBeGreaterThanOrEqual(-100);
        expect(ci.high).toBeLessThanOrEqual(100);
        expect(ci.center).toBeGreaterThanOrEqual(ci.low);
        expect(ci.center).toBeLessThanOrEqual(ci.high);
        const n = totalOf(c) + 3;
        expect(ci.center).toBeCloseTo((100 * (c.promoters + 0.75 - (c.detractors + 0.75))) / n, 8);
      }),
    );
  });

  it('property: margin > 0 for n > 0 without FPC', () => {
    fc.assert(
      fc.property(nonEmpty, (c) => {
        expect(interval(c).marginOfError).toBeGreaterThan(0);
      }),
    );
  });

  it('property: FPC never increases the margin and is 0 at n = N', () => {
    fc.assert(
      fc.property(nonEmpty, fc.nat({ max: 100_000 }), (c, extra) => {
        const n = totalOf(c);
        const plain = interval(c);
        const fpc = interval(c, { population: n + extra });
        expect(fpc.marginOfError).toBeLessThanOrEqual(plain.marginOfError);
        if (extra > 0) expect(fpc.center).toBe(plain.center);
        const census = interval(c, { population: n });
        expect(census.marginOfError).toBe(0);
        expect(census.low).toBeCloseTo(nps(c)!, 9);
        expect(census.high).toBeCloseTo(nps(c)!, 9);
      }),
    );
  });

  it('property: swapping promoters and detractors mirrors the interval', () => {
    fc.assert(
      fc.property(countsArb, (c) => {
        const a = interval(c);
        const b = interval({ promoters: c.detractors, passives: c.passives, detractors: c.promoters });
        expect(b.center).toBeCloseTo(-a.center, 10);
        expect(b.low).toBeCloseTo(-a.high, 10);
        expect(b.high).toBeCloseTo(-a.low, 10);
        expect(b.standardError).toBeCloseTo(a.standardError, 10);
      }),
    );
  });
});
