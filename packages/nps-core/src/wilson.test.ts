import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wilson } from './wilson.js';

describe('wilson', () => {
  it('8/10 → [0.4902, 0.9433]', () => {
    // p̂ = 0.8, z² = 3.8416, 1 + z²/n = 1.38416
    // center = (0.8 + 0.19208) / 1.38416 = 0.716738
    // half = 1.96/1.38416 × sqrt(0.016 + 0.009604) = 1.416021 × 0.160012 = 0.226581
    const ci = wilson(8, 10)!;
    expect(ci.center).toBeCloseTo(0.716738, 6);
    expect(ci.low).toBeCloseTo(0.4902, 4);
    expect(ci.high).toBeCloseTo(0.9433, 4);
  });

  it('0/n starts at exactly 0, n/n ends at exactly 1', () => {
    // 0/10: high = 2 × (z²/20)/(1 + z²/10) = 0.38416/1.38416 = 0.277540
    const none = wilson(0, 10)!;
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.27754, 5);
    const all = wilson(10, 10)!;
    expect(all.high).toBe(1);
    expect(all.low).toBeCloseTo(0.72246, 5);
  });

  it('null for 0 trials; validates input', () => {
    expect(wilson(0, 0)).toBeNull();
    expect(() => wilson(11, 10)).toThrow(RangeError);
    expect(() => wilson(-1, 10)).toThrow(RangeError);
    expect(() => wilson(1.5, 10)).toThrow(RangeError);
    expect(() => wilson(1, 10.5)).toThrow(RangeError);
    expect(() => wilson(1, 10, 0)).toThrow(RangeError);
  });

  it('a wider z gives a wider interval', () => {
    const narrow = wilson(30, 100)!;
    const wide = wilson(30, 100, 2.576)!;
    expect(wide.low).toBeLessThan(narrow.low);
    expect(wide.high).toBeGreaterThan(narrow.high);
  });

  it('property: 0 ≤ low ≤ p̂ ≤ high ≤ 1', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        ([s, n]) => {
          const ci = wilson(s, n)!;
          const p = s / n;
          expect(ci.low).toBeGreaterThanOrEqual(0);
          expect(ci.low).toBeLessThanOrEqual(p);
          expect(ci.high).toBeGreaterThanOrEqual(p);
          expect(ci.high).toBeLessThanOrEqual(1);
          expect(ci.center).toBeGreaterThanOrEqual(ci.low);
          expect(ci.center).toBeLessThanOrEqual(ci.high);
        },
      ),
    );
  });
});
