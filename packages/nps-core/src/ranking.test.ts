import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NpsCounts } from './counts.js';
import { type NpsEntry, rankByLowerBound, rankByRateLowerBound, type RateEntry } from './ranking.js';

const c = (promoters: number, passives: number, detractors: number): NpsCounts => ({ promoters, passives, detractors });

describe('rankByLowerBound', () => {
  it('200 responses at 80 beat 2 responses at 100, even when both are eligible', () => {
    // n=2, all promoters: lower bound 40 − 64.41 = −24.41; n=200 at 80 (P=170, Pa=20, D=10): lower bound 71.63
    const ranked = rankByLowerBound(
      [
        { item: 'tiny', name: 'Tiny', counts: c(2, 0, 0) },
        { item: 'big', name: 'Big', counts: c(170, 20, 10) },
      ],
      { minResponses: 1 },
    );
    expect(ranked.map((r) => [r.item, r.rank, r.value])).toEqual([
      ['big', 1, 80],
      ['tiny', 2, 100],
    ]);
    expect(ranked[0]!.lowerBound).toBeCloseTo(71.6318, 4);
    expect(ranked[1]!.lowerBound).toBeCloseTo(-24.4122, 4);
    expect(ranked.every((r) => r.eligible && r.note === null)).toBe(true);
  });

  it('puts entries below the minimum (default 10) after eligible ones, with a note', () => {
    const ranked = rankByLowerBound([
      { item: 1, name: 'Few', counts: c(3, 0, 0) },
      { item: 2, name: 'Poor', counts: c(5, 5, 30) },
      { item: 3, name: 'None', counts: c(0, 0, 0) },
      { item: 4, name: 'One', counts: c(1, 0, 0) },
    ]);
    expect(ranked.map((r) => [r.name, r.rank, r.eligible])).toEqual([
      ['Poor', 1, true],
      ['Few', 2, false],
      ['One', 3, false],
      ['None', 4, false],
    ]);
    expect(ranked[1]!.note).toBe('needs at least 10 responses, has 3');
    expect(ranked[3]!.note).toBe('needs at least 10 responses, has 0');
    expect(ranked[3]!.value).toBeNull();
    expect(ranked[3]!.lowerBound).toBeNull();
    expect(ranked[3]!.summary.nps).toBeNull();
    expect(ranked[0]!.summary.responses).toBe(40);
  });

  it('an entry without responses is never eligible', () => {
    const [r] = rankByLowerBound([{ item: 0, name: 'x', counts: c(0, 0, 0) }], { minResponses: 0 });
    expect(r!.eligible).toBe(false);
    expect(r!.note).toBe('needs at least 1 response, has 0');
  });

  it('breaks ties by more responses, then by name', () => {
    const ranked = rankByLowerBound(
      [
        { item: 'b', name: 'bravo', counts: c(0, 0, 10) },
        { item: 'a', name: 'Alpha', counts: c(0, 0, 10) },
        { item: 'z', name: 'zulu', counts: c(0, 0, 50) },
      ],
      { minResponses: 1 },
    );
    // all clip to a lower bound of −100
    expect(ranked.map((r) => r.lowerBound)).toEqual([-100, -100, -100]);
    expect(ranked.map((r) => r.item)).toEqual(['z', 'a', 'b']);
  });

  it('passes bands to the summaries and validates options', () => {
    const [r] = rankByLowerBound([{ item: 0, name: 'x', counts: c(10, 0, 0) }], {
      bands: [
        { key: 'all', min: -100 },
        { key: 'top', min: 90 },
      ],
    });
    expect(r!.summary.band).toBe('top');
    expect(() => rankByLowerBound([], { minResponses: -1 })).toThrow(RangeError);
    expect(rankByLowerBound([])).toEqual([]);
  });

  // few names and often identical counts, so that ties in lower bound, responses and name actually occur
  // ('é' and 'e\u0301' are equal under localeCompare and only differ by code units)
  const names = fc.constantFrom('Alpha', 'alpha', 'Ärger', 'Zeta', 'é', 'e\u0301', '');
  const small = fc.nat({ max: 15 });
  const countsArb = fc.oneof(
    fc.constantFrom(c(1, 0, 0), c(0, 0, 3), c(5, 3, 2), c(12, 0, 0), c(0, 0, 0)),
    fc.record({ promoters: small, passives: small, detractors: small }),
  );
  const entriesArb = fc.array(fc.record({ name: names, counts: countsArb }), { maxLength: 30 });
  const project = (r: { name: string; rank: number; eligible: boolean; lowerBound: number | null; summary: object }) => [
    r.rank,
    r.name,
    r.eligible,
    r.lowerBound,
    r.summary,
  ];

  it('property: a deterministic permutation with ranks 1..n, eligible first, lower bounds non-increasing', () => {
    fc.assert(
      fc.property(entriesArb, fc.nat({ max: 20 }), fc.array(fc.nat(), { minLength: 30, maxLength: 30 }), (raw, minResponses, keys) => {
        const entries: NpsEntry<number>[] = raw.map((e, i) => ({ item: i, ...e }));
        const ranked = rankByLowerBound(entries, { minResponses });

        expect(ranked.map((r) => r.item).sort((a, b) => a - b)).toEqual(entries.map((e) => e.item));
        expect(ranked.map((r) => r.rank)).toEqual(entries.map((_, i) => i + 1));

        const firstIneligible = ranked.findIndex((r) => !r.eligible);
        if (firstIneligible >= 0) expect(ranked.slice(firstIneligible).every((r) => !r.eligible)).toBe(true);
        const eligible = ranked.filter((r) => r.eligible);
        for (let i = 1; i < eligible.length; i++) {
          expect(eligible[i]!.lowerBound!).toBeLessThanOrEqual(eligible[i - 1]!.lowerBound!);
        }
        for (const r of ranked) {
          expect(r.eligible).toBe(r.responses >= Math.max(1, minResponses));
          expect(r.note === null).toBe(r.eligible);
          expect(r.item).toBe(entries[r.item]!.item);
          expect(r.name).toBe(entries[r.item]!.name);
          expect(r.summary.responses).toBe(r.responses);
        }

        // shuffle with a sort by random keys: same order of data
        const shuffled = entries
          .map((e, i) => ({ e, k: keys[i]!, i }))
          .sort((a, b) => a.k - b.k || b.i - a.i)
          .map((x) => x.e);
        expect(rankByLowerBound(shuffled, { minResponses }).map(project)).toEqual(ranked.map(project));
      }),
    );
  });
});

describe('rankByRateLowerBound', () => {
  it('ranks by the Wilson lower bound, not the raw rate', () => {
    // 2/2 = 100 %: Wilson low ≈ 0.342; 160/200 = 80 %: Wilson low ≈ 0.739
    const ranked = rankByRateLowerBound(
      [
        { item: 'tiny', name: 'Tiny', responded: 2, invited: 2 },
        { item: 'big', name: 'Big', responded: 160, invited: 200 },
      ],
      { minInvited: 1 },
    );
    expect(ranked.map((r) => [r.item, r.rank, r.value])).toEqual([
      ['big', 1, 0.8],
      ['tiny', 2, 1],
    ]);
    expect(ranked[0]!.lowerBound).toBeCloseTo(0.7391, 4);
    expect(ranked[1]!.lowerBound).toBeCloseTo(0.3424, 4);
  });

  it('requires minInvited (default 10) invitations', () => {
    const ranked = rankByRateLowerBound([
      { item: 1, name: 'Small', responded: 3, invited: 3 },
      { item: 2, name: 'Empty', responded: 0, invited: 0 },
      { item: 3, name: 'Large', responded: 5, invited: 50 },
    ]);
    expect(ranked.map((r) => [r.name, r.rank, r.eligible])).toEqual([
      ['Large', 1, true],
      ['Small', 2, false],
      ['Empty', 3, false],
    ]);
    expect(ranked[1]!.note).toBe('needs at least 10 invited, has 3');
    expect(ranked[2]!.value).toBeNull();
    expect(ranked[2]!.interval).toBeNull();
    expect(() => rankByRateLowerBound([{ item: 0, name: 'x', responded: 4, invited: 3 }])).toThrow(RangeError);
  });

  it('property: a deterministic permutation, eligible first, lower bounds non-increasing', () => {
    const entryArb = fc
      .record({ name: fc.constantFrom('a', 'B', 'c', 'Ä'), invited: fc.nat({ max: 30 }) })
      .chain((e) => fc.record({ name: fc.constant(e.name), invited: fc.constant(e.invited), responded: fc.nat({ max: e.invited }) }));
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 25 }), fc.nat({ max: 15 }), (raw, minInvited) => {
        const entries: RateEntry<number>[] = raw.map((e, i) => ({ item: i, ...e }));
        const ranked = rankByRateLowerBound(entries, { minInvited });
        expect(ranked.map((r) => r.item).sort((a, b) => a - b)).toEqual(entries.map((e) => e.item));
        expect(ranked.map((r) => r.rank)).toEqual(entries.map((_, i) => i + 1));
        const firstIneligible = ranked.findIndex((r) => !r.eligible);
        if (firstIneligible >= 0) expect(ranked.slice(firstIneligible).every((r) => !r.eligible)).toBe(true);
        const eligible = ranked.filter((r) => r.eligible);
        for (let i = 1; i < eligible.length; i++) {
          expect(eligible[i]!.lowerBound!).toBeLessThanOrEqual(eligible[i - 1]!.lowerBound!);
        }
        const proj = (r: (typeof ranked)[number]) => [r.rank, r.name, r.responded, r.invited, r.eligible];
        expect(rankByRateLowerBound([...entries].reverse(), { minInvited }).map(proj)).toEqual(ranked.map(proj));
      }),
    );
  });
});
