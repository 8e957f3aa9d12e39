import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { criteriaOf } from './compute.js';
import type { Answer } from './model.js';

const answer = (ratings: { criterion: string; value: number }[]): Answer => ({
  unitId: null,
  location: null,
  tenureBand: null,
  score: 8,
  reason: null,
  suggestion: null,
  language: 'en',
  ratings,
});

describe('criteriaOf: criteria in a release', () => {
  it('releases a criterion with k ratings, its spread and counts only from 2k, nothing when the wave total is hidden', () => {
    const answers = Array.from({ length: 10 }, (_, i) => answer([{ criterion: 'a', value: 1 + (i % 5) }, ...(i < 4 ? [{ criterion: 'b', value: 3 }] : [])]));
    expect(criteriaOf(answers, 5, true)).toEqual([
      { criterion: 'a', released: true, ratings: 10, mean: 3, sd: Math.sqrt(20 / 9), distribution: [2, 2, 2, 2, 2] },
      { criterion: 'b', released: false, ratings: null, mean: null, sd: null, distribution: null },
    ]);
    expect(criteriaOf(answers.slice(0, 7), 5, true)[0]).toMatchObject({ released: true, ratings: 7, sd: null, distribution: null });
    expect(criteriaOf(answers, 5, false).every((c) => !c.released && c.ratings === null)).toBe(true);
  });

  it('never shows fewer than k ratings, nor a spread or counts under 2k (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.record({ criterion: fc.constantFrom('x', 'y', 'z'), value: fc.integer({ min: 1, max: 5 }) }), { maxLength: 3 }), { maxLength: 40 }), fc.integer({ min: 2, max: 8 }), (rows, k) => {
        const answers = rows.map((r) => answer([...new Map(r.map((x) => [x.criterion, x])).values()]));
        for (const c of criteriaOf(answers, k, true)) {
          const values = answers.flatMap((a) => (a.ratings ?? []).filter((r) => r.criterion === c.criterion).map((r) => r.value));
          expect(c.released).toBe(values.length >= k);
          if (c.released) expect(c.mean).toBeCloseTo(values.reduce((s, v) => s + v, 0) / values.length, 9);
          expect(c.sd !== null || c.distribution !== null).toBe(c.released && values.length >= 2 * k);
        }
      }),
      { seed: 19 },
    );
  });
});
