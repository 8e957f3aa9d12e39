/**
 * Response counts per category — the only input the rest of the arithmetic needs.
 */

import { categorize } from './category.js';

export type NpsCounts = { promoters: number; passives: number; detractors: number };

/** Tallies scores into counts; throws InvalidScoreError on the first invalid score. */
export function countScores(scores: Iterable<unknown>): NpsCounts {
  const counts: NpsCounts = { promoters: 0, passives: 0, detractors: 0 };
  for (const score of scores) {
    switch (categorize(score)) {
      case 'PROMOTER':
        counts.promoters++;
        break;
      case 'PASSIVE':
        counts.passives++;
        break;
      case 'DETRACTOR':
        counts.detractors++;
        break;
    }
  }
  return counts;
}

/**
 * Throws a RangeError unless promoters, passives and detractors are all non-negative
 * integers. Every function that takes counts calls this.
 */
export function validateCounts(counts: NpsCounts): void {
  if (typeof counts !== 'object' || counts === null) {
    throw new RangeError(`NPS counts must be an object { promoters, passives, detractors }, got ${String(counts)}`);
  }
  for (const field of ['promoters', 'passives', 'detractors'] as const) {
    const value: unknown = counts[field];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      throw new RangeError(`NPS counts: ${field} must be a non-negative integer, got ${String(value)}`);
    }
  }
}

/** Number of responses: promoters + passives + detractors (validates the counts). */
export function totalOf(counts: NpsCounts): number {
  validateCounts(counts);
  return counts.promoters + counts.passives + counts.detractors;
}
