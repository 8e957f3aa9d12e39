import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldRates, unitsShownAsSilent, type UnitCount } from './rate-fold.js';

const unit = (key: string, invited: number, responded = 0): UnitCount => ({ key, label: key, orgUnitId: key, invited, responded });

describe('response rates per org unit', () => {
  it('shows units of at least k invited and merges the smaller ones into one row of at least k', () => {
    const fold = foldRates([unit('A', 10, 7), unit('B', 3, 1), unit('C', 2, 2), unit('D', 6, 0)], 5);
    expect(fold.shown.map((u) => u.key)).toEqual(['D', 'A']);
    expect(fold.other).toEqual({ members: [unit('C', 2, 2), unit('B', 3, 1)], invited: 5, responded: 3 });
  });

  it('adds the smallest shown unit to a merged row that would be under k, so the wave total cannot give it away', () => {
    const fold = foldRates([unit('A', 10, 7), unit('B', 2, 1), unit('D', 6, 0)], 5);
    expect(fold.shown.map((u) => u.key)).toEqual(['A']);
    expect(fold.other?.members.map((u) => u.key)).toEqual(['B', 'D']);
    expect(fold.other?.invited).toBe(8);
  });

  it('shows nothing when the whole wave has fewer than k invited', () => {
    expect(foldRates([unit('A', 2), unit('B', 2)], 5)).toEqual({ shown: [], other: null, omitted: [unit('A', 2), unit('B', 2)] });
  });

  it('tells which units the shown rows reveal as silent', () => {
    const fold = foldRates([unit('A', 10, 0), unit('B', 3, 0), unit('C', 2, 0), unit('D', 6, 1)], 5);
    expect([...unitsShownAsSilent(fold)].sort()).toEqual(['A', 'B', 'C']);
  });

  it('never shows a row under k, and the rows shown always add up to the wave, or nothing is shown', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 15 }), { maxLength: 10 }), fc.integer({ min: 3, max: 8 }), (sizes, k) => {
        const fold = foldRates(sizes.map((n, i) => unit(`u${i}`, n)), k);
        const rows = [...fold.shown.map((u) => u.invited), ...(fold.other ? [fold.other.invited] : [])];
        rows.forEach((n) => expect(n).toBeGreaterThanOrEqual(k));
        const total = sizes.reduce((a, b) => a + b, 0);
        if (rows.length > 0 || total >= k) expect(rows.reduce((a, b) => a + b, 0)).toBe(total);
      }),
      { numRuns: 300 },
    );
  });
});
