import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { releaseThemeRow, themeCellsSafe } from './theme-guard.js';

/**
 * The attack: a reader may ask for a theme's row over any set of waves (and the summary of that
 * set), and adds and subtracts what is released. Each answer has a wave and mentions the theme or
 * not. Whatever the reader combines, no group of 1..k−1 answers may come out.
 */
const WAVES = 4;
const answerArb = fc.record({ wave: fc.integer({ min: 0, max: WAVES - 1 }), mentions: fc.boolean() });
const dataArb = fc.array(answerArb, { maxLength: 60 });
const kArb = fc.integer({ min: 3, max: 7 });
const subsets = Array.from({ length: 2 ** WAVES - 1 }, (_, i) => [...Array(WAVES).keys()].filter((w) => ((i + 1) >> w) & 1));

type Answer = { wave: number; mentions: boolean };
const cellsOf = (data: Answer[]) =>
  [...Array(WAVES).keys()]
    .map((w) => ({ mentioners: data.filter((a) => a.wave === w && a.mentions).length, rest: data.filter((a) => a.wave === w && !a.mentions).length }))
    .filter((c) => c.mentioners + c.rest > 0);

/** What the reader gets for a wave set: M and R, or null when the row is hidden (the base is taken as released). */
function row(data: Answer[], waves: number[], k: number): { m: number; r: number } | null {
  const inSet = data.filter((a) => waves.includes(a.wave));
  const m = inSet.filter((a) => a.mentions).length;
  return releaseThemeRow(true, cellsOf(data), m, k) ? { m, r: inSet.length - m } : null;
}

describe('theme rows over employee waves', () => {
  it('never lets a difference of released rows single out 1..k−1 answers', () => {
    fc.assert(
      fc.property(dataArb, kArb, (data, k) => {
        const released = subsets.map((s) => ({ s, row: row(data, s, k) })).filter((x) => x.row !== null);
        for (const a of released) {
          expect(a.row!.m).toBeGreaterThanOrEqual(k);
          expect(a.row!.r === 0 || a.row!.r >= k).toBe(true);
          for (const b of released) {
            if (!b.s.every((w) => a.s.includes(w))) continue; // b ⊂ a: a − b is the waves of a not in b
            const dm = a.row!.m - b.row!.m;
            const dr = a.row!.r - b.row!.r;
            expect(dm === 0 || dm >= k).toBe(true);
            expect(dr === 0 || dr >= k).toBe(true);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('hides every row of a theme while one wave holds 1..k−1 of its mentioners or non-mentioners', () => {
    fc.assert(
      fc.property(dataArb, kArb, (data, k) => {
        const small = cellsOf(data).some((c) => (c.mentioners > 0 && c.mentioners < k) || (c.rest > 0 && c.rest < k));
        if (small) for (const s of subsets) expect(row(data, s, k)).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('hides a row when the filter has no mentioners or its group is hidden', () => {
    expect(releaseThemeRow(true, [{ mentioners: 5, rest: 5 }], 0, 5)).toBe(false);
    expect(releaseThemeRow(false, [{ mentioners: 5, rest: 5 }], 5, 5)).toBe(false);
    expect(releaseThemeRow(true, [{ mentioners: 5, rest: 0 }, { mentioners: 0, rest: 7 }], 5, 5)).toBe(true);
    expect(themeCellsSafe([{ mentioners: 5, rest: 4 }], 5)).toBe(false);
  });
});
