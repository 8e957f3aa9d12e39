import { describe, expect, it } from 'vitest';
import { percentile, stats, timeLoop } from './measure.js';

describe('percentile (nearest rank)', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted on purpose

  it('takes the value at rank ⌈p·n⌉ of the sorted samples', () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile([3, 1, 2], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4], 95)).toBe(4);
  });

  it('is the only value of one sample, NaN of none', () => {
    expect(percentile([7], 50)).toBe(7);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('does not reorder its input', () => {
    const samples = [5, 1, 4];
    percentile(samples, 50);
    expect(samples).toEqual([5, 1, 4]);
  });

  it('rejects a percentile outside (0, 100]', () => {
    expect(() => percentile([1], 0)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });

  it('summarizes samples', () => {
    expect(stats([4, 1, 3, 2])).toEqual({ n: 4, p50: 2, p95: 4, min: 1, max: 4, mean: 2.5 });
  });
});

describe('timeLoop', () => {
  it('warms up untimed, then times each call', async () => {
    let calls = 0;
    const { samples, last } = await timeLoop(async () => ++calls, { warmup: 3, iterations: 5, minIterations: 1, budgetMs: 60_000 });
    expect(calls).toBe(8);
    expect(samples).toHaveLength(5);
    expect(last).toBe(8);
  });

  it('stops at the time budget once it has the minimum of samples, and warms up at least twice', async () => {
    let calls = 0;
    const { samples } = await timeLoop(async () => ++calls, { warmup: 20, iterations: 1000, minIterations: 4, budgetMs: 0 });
    expect(samples).toHaveLength(4);
    expect(calls).toBe(6);
  });
});
