import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { totalOf } from './counts.js';
import { interval } from './interval.js';
import { nps } from './nps.js';
import { summarize } from './summary.js';
import { countsArb } from './test-arbitraries.js';

describe('summarize', () => {
  it('P=6, Pa=2, D=2 at full precision', () => {
    // see interval.test.ts for the hand computation
    const s = summarize({ promoters: 6, passives: 2, detractors: 2 });
    expect(s.responses).toBe(10);
    expect(s.promoters).toBe(6);
    expect(s.passives).toBe(2);
    expect(s.detractors).toBe(2);
    expect(s.nps).toBe(40);
    expect(s.standardError).toBeCloseTo(22.120207860968925, 12);
    expect(s.marginOfError).toBeCloseTo(43.35560740749909, 12);
    expect(s.ciLow).toBeCloseTo(-12.586376638268323, 12);
    expect(s.ciHigh).toBeCloseTo(74.12483817672987, 12);
    expect(s.band).toBe('great');
  });

  it('n = 0 → null everywhere except the counts', () => {
    expect(summarize({ promoters: 0, passives: 0, detractors: 0 })).toEqual({
      responses: 0,
      promoters: 0,
      passives: 0,
      detractors: 0,
      nps: null,
      marginOfError: null,
      ciLow: null,
      ciHigh: null,
      standardError: null,
      band: null,
    });
    expect(summarize({ promoters: 0, passives: 0, detractors: 0 }, { population: 40 }).nps).toBeNull();
  });

  it('uses the population and the bands', () => {
    const counts = { promoters: 6, passives: 2, detractors: 2 };
    expect(summarize(counts, { population: 10 }).marginOfError).toBe(0);
    expect(
      summarize(counts, {
        bands: [
          { key: 'meh', min: -100 },
          { key: 'wow', min: 40 },
        ],
      }).band,
    ).toBe('wow');
    expect(() => summarize(counts, { population: 9 })).toThrow(RangeError);
    expect(() => summarize({ promoters: -1, passives: 0, detractors: 0 })).toThrow(RangeError);
  });

  it('property: consistent with nps and interval', () => {
    fc.assert(
      fc.property(countsArb.filter((c) => totalOf(c) > 0), (c) => {
        const s = summarize(c);
        const ci = interval(c);
        expect(s.nps).toBe(nps(c));
        expect(s.ciLow).toBe(ci.low);
        expect(s.ciHigh).toBe(ci.high);
        expect(s.ciLow!).toBeLessThanOrEqual(s.ciHigh!);
        expect(s.ciLow!).toBeGreaterThanOrEqual(-100);
        expect(s.ciHigh!).toBeLessThanOrEqual(100);
        expect(s.marginOfError!).toBeGreaterThan(0);
        expect(s.band).not.toBeNull();
      }),
    );
  });
});
