import { categorize, type NpsCategory } from '@tandem/nps-core';

export interface DistributionBar {
  score: number;
  count: number;
  /** Bar height, percent of the tallest. */
  height: number;
  category: 'promoter' | 'passive' | 'detractor';
}

const CATEGORY: Record<NpsCategory, DistributionBar['category']> = { PROMOTER: 'promoter', PASSIVE: 'passive', DETRACTOR: 'detractor' };

/** The 0–10 bars of a score distribution (11 counts; missing counts are 0). */
export function distributionBars(counts: readonly number[]): DistributionBar[] {
  const values = Array.from({ length: 11 }, (_, score) => Math.max(0, counts[score] ?? 0));
  const tallest = Math.max(...values);
  return values.map((count, score) => ({
    score,
    count,
    height: tallest === 0 ? 0 : Math.round((count / tallest) * 100),
    category: CATEGORY[categorize(score)],
  }));
}
