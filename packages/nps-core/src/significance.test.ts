import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareNps } from './significance.js';
import { countsArb } from './test-arbitraries.js';

describe('compareNps', () => {
  it('flags a large change as significant', () => {
    // before: P=30, Pa=40, D=30 → NPS 0; n' = 103, p' = d' = 30.75/103 = 0.298544
    //   SE = sqrt(0.597087 / 103) = 0.0761378 → 7.61378 points
    // after:  P=60, Pa=30, D=10 → NPS 50; p' = 60.75/103 = 0.589806, d' = 10.75/103 = 0.104369
    //   SE = sqrt((0.694175 − 0.485437²)/103) = sqrt(0.458526/103) = 0.0667212 → 6.67212 points
    // threshold = 1.96 × sqrt(7.61378² + 6.67212²) = 1.96 × 10.1236 = 19.8422 < 50
    const r = compareNps({ promoters: 30, passives: 40, detractors: 30 }, { promoters: 60, passives: 30, detractors: 10 });
    expect(r.change).toBe(50);
    expect(r.threshold).toBeCloseTo(19.8422, 4);
    expect(r.significant).toBe(true);
  });

  it('does not flag a small change on small samples', () => {
    // n = 50 each: NPS 20 → 28, change 8, threshold ≈ 28.02
    const r = compareNps({ promoters: 20, passives: 20, detractors: 10 }, { promoters: 22, passives: 20, detractors: 8 });
    expect(r.change).toBeCloseTo(8, 10);
    expect(r.threshold).toBeCloseTo(28.0216, 4);
    expect(r.significant).toBe(false);
  });

  it('a decline can be significant too', () => {
    const r = compareNps({ promoters: 600, passives: 300, detractors: 100 }, { promoters: 400, passives: 300, detractors: 300 });
    expect(r.change).toBeCloseTo(-40, 10);
    expect(r.significant).toBe(true);
  });

  it('finite population correction can make a change significant', () => {
    const before = { promoters: 20, passives: 20, detractors: 10 };
    // 50 of 60 employees answered in both waves: NPS 20 → 40
    const after = { promoters: 25, passives: 20, detractors: 5 };
    const plain = compareNps(before, after);
    expect(plain.change).toBeCloseTo(20, 10);
    expect(plain.threshold).toBeCloseTo(27.0661, 4);
    expect(plain.significant).toBe(false);
    // SEs shrink by sqrt(10/59) = 0.411693 → threshold 27.0661 × 0.411693 = 11.1429
    const fpc = compareNps(before, after, { populationBefore: 60, populationAfter: 60 });
    expect(fpc.threshold).toBeCloseTo(11.1429, 4);
    expect(fpc.threshold).toBeLessThan(plain.threshold);
    expect(fpc.significant).toBe(true);
  });

  it('is null when either side has no responses', () => {
    const empty = { promoters: 0, passives: 0, detractors: 0 };
    const some = { promoters: 5, passives: 1, detractors: 1 };
    for (const r of [compareNps(empty, some), compareNps(some, empty), compareNps(empty, empty)]) {
      expect(r.change).toBeNull();
      expect(r.significant).toBeNull();
      expect(Number.isFinite(r.threshold)).toBe(true);
    }
  });

  it('property: symmetric — swapping periods negates the change and keeps the verdict', () => {
    fc.assert(
      fc.property(countsArb, countsArb, (a, b) => {
        const ab = compareNps(a, b);
        const ba = compareNps(b, a);
        expect(ab.significant).toBe(ba.significant);
        expect(ab.threshold).toBe(ba.threshold);
        if (ab.change === null) expect(ba.change).toBeNull();
        else expect(ab.change + ba.change!).toBe(0);
      }),
    );
  });
});
