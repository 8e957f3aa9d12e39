import { describe, expect, it } from 'vitest';
import { distributionBars } from './distribution';

describe('distributionBars', () => {
  it('gives eleven bars, heights relative to the tallest, coloured by category', () => {
    const bars = distributionBars([0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 4]);
    expect(bars).toHaveLength(11);
    expect(bars.map((b) => b.height)).toEqual([0, 0, 0, 50, 0, 0, 0, 25, 0, 0, 100]);
    expect(bars.map((b) => b.category)).toEqual([
      ...Array(7).fill('detractor'),
      'passive',
      'passive',
      'promoter',
      'promoter',
    ]);
  });

  it('copes with an empty or short list', () => {
    expect(distributionBars([]).every((b) => b.count === 0 && b.height === 0)).toBe(true);
    expect(distributionBars([1]).map((b) => b.count)).toEqual([1, ...Array(10).fill(0)]);
  });
});
