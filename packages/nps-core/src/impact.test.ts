import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { themeImpact, withoutCounts } from './impact.js';
import { nps } from './nps.js';
import { countsArb } from './test-arbitraries.js';

const add = (a: { promoters: number; passives: number; detractors: number }, b: typeof a) => ({
  promoters: a.promoters + b.promoters,
  passives: a.passives + b.passives,
  detractors: a.detractors + b.detractors,
});

describe('themeImpact', () => {
  it('is positive for a theme of happy respondents and negative for one of unhappy ones', () => {
    // All: 100 responses, NPS 20. Mentioners: 20 promoters → the rest (80): 20 P, 40 Pa, 20 D → NPS 0.
    const all = { promoters: 40, passives: 40, detractors: 20 };
    const lifts = themeImpact(all, { promoters: 20, passives: 0, detractors: 0 })!;
    expect(lifts.impact).toBeCloseTo(20, 10);
    expect(lifts.significant).toBe(true);
    const pulls = themeImpact(all, { promoters: 0, passives: 0, detractors: 20 })!;
    expect(pulls.impact).toBeCloseTo(-30, 10); // rest: 40 P, 40 Pa, 0 D → NPS 50; 20 − 50
    expect(pulls.low).toBeLessThan(pulls.high);
  });

  it('is null without mentioners or without anyone else, and refuses mentioners that are not part of all', () => {
    const all = { promoters: 3, passives: 2, detractors: 1 };
    expect(themeImpact(all, { promoters: 0, passives: 0, detractors: 0 })).toBeNull();
    expect(themeImpact(all, all)).toBeNull();
    expect(() => themeImpact(all, { promoters: 4, passives: 0, detractors: 0 })).toThrow(RangeError);
  });

  it('equals the share-weighted gap between mentioners and the rest, and its sign says which group is happier', () => {
    fc.assert(
      fc.property(countsArb, countsArb, (mentioners, rest) => {
        const all = add(mentioners, rest);
        const result = themeImpact(all, mentioners);
        const m = nps(mentioners);
        const r = nps(rest);
        if (m === null || r === null) return expect(result).toBeNull();
        const n = all.promoters + all.passives + all.detractors;
        const share = (mentioners.promoters + mentioners.passives + mentioners.detractors) / n;
        expect(result!.impact).toBeCloseTo(share * (m - r), 6);
        expect(result!.impact).toBeCloseTo(nps(all)! - r, 6);
        if (m > r + 1e-9) expect(result!.impact).toBeGreaterThan(0);
        if (m < r - 1e-9) expect(result!.impact).toBeLessThan(0);
        expect(result!.margin).toBeGreaterThan(0);
        expect(result!.low).toBeCloseTo(result!.impact - result!.margin, 9);
        expect(result!.significant).toBe(result!.low > 0 || result!.high < 0);
        expect(withoutCounts(all, mentioners)).toEqual(rest);
      }),
    );
  });

  it('gives each theme its own interval: a rarer theme with the same gap has a narrower one', () => {
    const rest = { promoters: 300, passives: 300, detractors: 300 };
    const rare = { promoters: 10, passives: 0, detractors: 0 };
    const common = { promoters: 100, passives: 0, detractors: 0 };
    const a = themeImpact(add(rest, rare), rare)!;
    const b = themeImpact(add(rest, common), common)!;
    expect(a.margin).not.toBeCloseTo(b.margin, 3);
    expect(a.margin).toBeLessThan(b.margin);
  });
});
