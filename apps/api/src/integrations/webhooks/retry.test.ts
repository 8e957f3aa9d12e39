import { describe, expect, it } from 'vitest';
import { JITTER, MAX_ATTEMPTS, retryDelayMs } from './retry.js';

const total = (random: number) => {
  let sum = 0;
  for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) sum += retryDelayMs(attempt, random)!;
  return sum;
};

describe('the webhook retry schedule', () => {
  it('grows from 30 s, four times each try, capped at 8 hours, and stops after the tenth try', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => retryDelayMs(n, 0.5))).toEqual([30_000, 120_000, 480_000, 1_920_000, 7_680_000, 28_800_000, 28_800_000, 28_800_000, 28_800_000]);
    expect(retryDelayMs(MAX_ATTEMPTS, 0.5)).toBeNull();
  });

  it('jitters each wait by up to 20 % either way', () => {
    expect(retryDelayMs(1, 0)).toBe(30_000 * (1 - JITTER));
    expect(retryDelayMs(1, 0.999999)).toBeCloseTo(30_000 * (1 + JITTER), -1);
  });

  it('keeps trying for at least 24 hours, whatever the jitter', () => {
    expect(total(0)).toBeGreaterThanOrEqual(24 * 3600_000);
    expect(total(0.5) / 3600_000).toBeCloseTo(34.84, 1);
    expect(total(0.999999)).toBeLessThan(48 * 3600_000);
  });
});
