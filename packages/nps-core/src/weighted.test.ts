import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { categorize, type NpsCategory } from './category.js';
import { countScores } from './counts.js';
import { nps } from './nps.js';
import { weightedNps, weightedNpsOf } from './weighted.js';

const categoryArb: fc.Arbitrary<NpsCategory> = fc.constantFrom('PROMOTER', 'PASSIVE', 'DETRACTOR');
const answerArb = fc.record({ category: categoryArb, weight: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 1e9, noNaN: true })) });

describe('weightedNps', () => {
  it('weighs each answer by its value', () => {
    // A 900 promoter, a 100 detractor: 100 × (900 − 100) / 1000 = 80, while plain NPS is 0.
    expect(weightedNps([{ category: 'PROMOTER', weight: 900 }, { category: 'DETRACTOR', weight: 100 }])).toBeCloseTo(80);
    expect(weightedNpsOf({ promoters: 0, passives: 50, detractors: 50 })).toBeCloseTo(-50);
  });

  it('is null without any weight, never 0', () => {
    expect(weightedNps([])).toBeNull();
    expect(weightedNps([{ category: 'PROMOTER', weight: 0 }])).toBeNull();
  });

  it('refuses negative, infinite or missing weights', () => {
    expect(() => weightedNps([{ category: 'PROMOTER', weight: -1 }])).toThrow(RangeError);
    expect(() => weightedNpsOf({ promoters: Infinity, passives: 0, detractors: 0 })).toThrow(RangeError);
    expect(() => weightedNpsOf({ promoters: 1, passives: 0 } as never)).toThrow(/detractors/);
  });

  it('property: equal weights give the plain NPS', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 200 }), fc.double({ min: 0.01, max: 1e6, noNaN: true }), (scores, w) => {
        const plain = nps(countScores(scores));
        const weighted = weightedNps(scores.map((s) => ({ category: categorize(s), weight: w })));
        if (plain === null) expect(weighted).toBeNull();
        else expect(weighted!).toBeCloseTo(plain, 6);
      }),
    );
  });

  it('property: scaling every weight leaves it unchanged, and it stays within [−100, 100]', () => {
    fc.assert(
      fc.property(fc.array(answerArb, { maxLength: 100 }), fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (answers, k) => {
        const a = weightedNps(answers);
        const b = weightedNps(answers.map((x) => ({ ...x, weight: x.weight * k })));
        if (a === null) return;
        expect(a).toBeGreaterThanOrEqual(-100 - 1e-9);
        expect(a).toBeLessThanOrEqual(100 + 1e-9);
        expect(b).not.toBeNull();
        expect(b!).toBeCloseTo(a, 6);
      }),
    );
  });

  it('property: the order of the answers does not matter', () => {
    fc.assert(
      fc.property(fc.array(answerArb, { maxLength: 50 }), (answers) => {
        const a = weightedNps(answers);
        const b = weightedNps([...answers].reverse());
        if (a === null) expect(b).toBeNull();
        else expect(b!).toBeCloseTo(a, 6);
      }),
    );
  });
});
