import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectiveThreshold, guardBreakdown, guardBreakdownKnowingEmpty, guardGroup } from './guard.js';

/**
 * The guard against the attacks it exists for. A random workforce of answers with coarse
 * attributes; an attacker may read any filtered result and any breakdown the guard releases,
 * and subtracts them from each other.
 */
const DIMENSIONS = { unit: ['A', 'B', 'C', 'D', 'E'], location: ['X', 'Y', 'Z'], tenure: ['<1', '1-3', '3+'] } as const;
type Dim = keyof typeof DIMENSIONS;
type Answer = Record<Dim, string>;
type Filters = Partial<Record<Dim, string>>;
const DIMS = Object.keys(DIMENSIONS) as Dim[];

const answerArb = fc.record({
  unit: fc.constantFrom(...DIMENSIONS.unit),
  location: fc.constantFrom(...DIMENSIONS.location),
  tenure: fc.constantFrom(...DIMENSIONS.tenure),
}) as fc.Arbitrary<Answer>;

// Skewed sizes: small teams are where anonymity breaks.
const workforceArb = fc.array(answerArb, { minLength: 0, maxLength: 60 });
const filtersArb = fc.record(
  { unit: fc.constantFrom(...DIMENSIONS.unit), location: fc.constantFrom(...DIMENSIONS.location), tenure: fc.constantFrom(...DIMENSIONS.tenure) },
  { requiredKeys: [] },
) as fc.Arbitrary<Filters>;
const kArb = fc.integer({ min: 3, max: 8 });

const count = (data: Answer[], filters: Filters) =>
  data.filter((a) => (Object.entries(filters) as [Dim, string][]).every(([d, v]) => a[d] === v)).length;

const without = (filters: Filters, dim: Dim): Filters => {
  const rest = { ...filters };
  delete rest[dim];
  return rest;
};

/** What a summary query returns: the count, or null when the guard withholds it. */
function summary(data: Answer[], filters: Filters, k: number): number | null {
  const n = count(data, filters);
  const wider = (Object.keys(filters) as Dim[]).map((d) => count(data, without(filters, d)));
  return guardGroup(n, wider, k).released ? n : null;
}

/** What a breakdown returns: per value of dim, the count or null. */
function breakdown(data: Answer[], filters: Filters, dim: Dim, k: number): (number | null)[] {
  const base = without(filters, dim);
  const groups = DIMENSIONS[dim].map((value) => {
    const cell = { ...base, [dim]: value };
    return { size: count(data, cell), withoutEachFilter: (Object.keys(base) as Dim[]).map((d) => count(data, without(cell, d))) };
  });
  return guardBreakdown(groups, k).map((v, i) => (v.released ? groups[i].size : null));
}

describe('anonymity guard', () => {
  it('never releases fewer than k answers', () => {
    fc.assert(
      fc.property(workforceArb, filtersArb, kArb, (data, filters, k) => {
        const n = summary(data, filters, k);
        expect(n === null || n >= k).toBe(true);
        for (const dim of DIMS) for (const cell of breakdown(data, filters, dim, k)) expect(cell === null || cell >= k).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('never lets a filtered result and its one-filter-less result differ by 1 to k-1', () => {
    fc.assert(
      fc.property(workforceArb, filtersArb, kArb, (data, filters, k) => {
        const narrow = summary(data, filters, k);
        if (narrow === null) return;
        for (const dim of Object.keys(filters) as Dim[]) {
          const wide = summary(data, without(filters, dim), k);
          if (wide === null) continue;
          const difference = wide - narrow;
          expect(difference === 0 || difference >= k).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never lets a suppressed breakdown group be recovered from the total and the visible groups', () => {
    fc.assert(
      fc.property(workforceArb, filtersArb, kArb, fc.constantFrom(...DIMS), (data, filters, k, dim) => {
        const base = without(filters, dim);
        const total = summary(data, base, k);
        if (total === null) return;
        const cells = breakdown(data, base, dim, k);
        // The reader sees every group of the dimension; total minus the visible ones is the sum of
        // the hidden ones, which isolates a group exactly when one group alone is hidden.
        const hidden = cells.filter((c) => c === null).length;
        expect(hidden).not.toBe(1);
      }),
      { numRuns: 500 },
    );
  });

  it('never lets the hidden groups of a breakdown hold fewer than k answers together', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 8 }), kArb, (sizes, k) => {
        const verdicts = guardBreakdown(sizes.map((size) => ({ size })), k);
        const hidden = sizes.filter((_, i) => !verdicts[i].released);
        if (hidden.length === 0 || hidden.length === sizes.length) return;
        expect(hidden.length).toBeGreaterThanOrEqual(2);
        expect(hidden.reduce((n, size) => n + size, 0)).toBeGreaterThanOrEqual(k);
      }),
      { numRuns: 1000 },
    );
  });

  it('never lets a breakdown cell be recovered from the same cell without one filter', () => {
    fc.assert(
      fc.property(workforceArb, filtersArb, kArb, fc.constantFrom(...DIMS), (data, filters, k, dim) => {
        const base = without(filters, dim);
        const narrow = breakdown(data, base, dim, k);
        for (const d of Object.keys(base) as Dim[]) {
          const wide = breakdown(data, without(base, d), dim, k);
          narrow.forEach((cell, i) => {
            if (cell === null || wide[i] === null) return;
            const difference = wide[i]! - cell;
            expect(difference === 0 || difference >= k).toBe(true);
          });
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('guard examples', () => {
  it('hides two teams of 8 and 4 answers in a breakdown and shows their total of 12 (k = 5)', () => {
    expect(guardBreakdown([{ size: 8 }, { size: 4 }], 5).map((v) => v.released)).toEqual([false, false]);
    expect(guardBreakdown([{ size: 8 }, { size: 4 }], 5).map((v) => v.reason)).toEqual(['COMPLEMENTARY', 'BELOW_THRESHOLD']);
    expect(guardGroup(12, [], 5).released).toBe(true);
  });

  it('hides the team of 8 by filter because the company total differs by 4', () => {
    expect(guardGroup(8, [12], 5)).toEqual({ released: false, reason: 'DIFFERENCING' });
    expect(guardGroup(4, [12], 5)).toEqual({ released: false, reason: 'BELOW_THRESHOLD' });
  });

  it('counts an empty group as hidden, so it needs a partner like any other', () => {
    expect(guardBreakdown([{ size: 0 }, { size: 20 }, { size: 30 }], 5).map((v) => v.released)).toEqual([false, false, true]);
  });

  it('hides more groups until the hidden ones hold k answers together', () => {
    // 0 + 2 hidden would let total − 30 = 2 out: two answers, even if spread over two teams.
    expect(guardBreakdown([{ size: 0 }, { size: 2 }, { size: 30 }, { size: 40 }], 5).map((v) => v.released)).toEqual([false, false, false, true]);
    expect(guardBreakdown([{ size: 1 }, { size: 2 }, { size: 1 }, { size: 9 }, { size: 9 }], 5).map((v) => v.released)).toEqual([false, false, false, false, true]);
  });

  it('keeps one group hidden when the breakdown\'s own total is withheld, and honours forced groups', () => {
    expect(guardBreakdown([{ size: 10 }, { size: 12 }, { size: 20 }], 5, { totalHidden: true }).map((v) => v.released)).toEqual([false, false, true]);
    expect(guardBreakdown([{ size: 10 }, { size: 12 }, { size: 20 }], 5).map((v) => v.released)).toEqual([true, true, true]);
    expect(guardBreakdown([{ size: 30, forced: 'OVERLAP' }, { size: 12 }, { size: 20 }], 5).map((v) => v.reason)).toEqual(['OVERLAP', 'COMPLEMENTARY', null]);
  });

  it('keeps k at 3 or above and defaults to 5', () => {
    expect(effectiveThreshold(1)).toBe(3);
    expect(effectiveThreshold(undefined)).toBe(5);
    expect(effectiveThreshold(7)).toBe(7);
  });
});

describe('a reader who knows some groups are empty', () => {
  it('keeps teams of 8 and 4 hidden beside an empty "unassigned" remainder (k = 5)', () => {
    // The empty remainder is a second hidden group, but it holds nothing: 4 answers hidden are too
    // few, so the 8 are hidden too (total 12 − 8 would give the team of 4 to anyone who knows nobody
    // lacks an org unit).
    expect(guardBreakdown([{ size: 8 }, { size: 4 }, { size: 0 }], 5).map((v) => v.released)).toEqual([false, false, false]);
    expect(guardBreakdownKnowingEmpty([{ size: 8 }, { size: 4 }, { size: 0 }], [false, false, true], 5).map((v) => v.released)).toEqual([false, false, false]);
  });

  it('decides the same whatever the possibly-empty groups hold below k', () => {
    for (const remainder of [0, 1, 2, 3, 4]) {
      expect(guardBreakdownKnowingEmpty([{ size: 8 }, { size: 4 }, { size: remainder }], [false, false, true], 5).map((v) => v.released)).toEqual([false, false, false]);
      expect(guardBreakdownKnowingEmpty([{ size: 8 }, { size: 9 }, { size: remainder }], [false, false, true], 5).map((v) => v.released)).toEqual([false, true, false]);
    }
  });

  const cellsArb = fc.array(fc.record({ size: fc.integer({ min: 0, max: 20 }), knownEmpty: fc.boolean() }), { minLength: 1, maxLength: 8 });

  it('never lets one hidden group with fewer than k answers be the only unknown, even to a reader who knows which flagged groups are empty', () => {
    fc.assert(
      fc.property(cellsArb, kArb, (cells, k) => {
        const verdicts = guardBreakdownKnowingEmpty(cells, cells.map((c) => c.knownEmpty), k);
        verdicts.forEach((v, i) => expect(!v.released || cells[i].size >= k).toBe(true));
        if (verdicts.every((v) => !v.released)) return;
        // Total minus the visible groups is the sum of the hidden ones the reader cannot rule out.
        const unknown = cells.filter((c, i) => !verdicts[i].released && !(c.knownEmpty && c.size === 0));
        if (unknown.length === 1) expect(unknown[0].size).toBeGreaterThanOrEqual(k);
      }),
      { numRuns: 1000 },
    );
  });

  it('decides nothing from how many answers a hidden possibly-empty group holds', () => {
    fc.assert(
      fc.property(cellsArb, kArb, fc.nat(), fc.nat(), (cells, k, which, other) => {
        const flaggedSmall = cells.map((c, i) => i).filter((i) => cells[i].knownEmpty && cells[i].size < k);
        if (flaggedSmall.length === 0) return;
        const i = flaggedSmall[which % flaggedSmall.length];
        const changed = cells.map((c, j) => (j === i ? { ...c, size: other % k } : c));
        const flags = cells.map((c) => c.knownEmpty);
        expect(guardBreakdownKnowingEmpty(changed, flags, k)).toEqual(guardBreakdownKnowingEmpty(cells, flags, k));
      }),
      { numRuns: 1000 },
    );
  });
});
