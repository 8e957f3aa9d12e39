/**
 * Net Promoter Score = 100 × (promoters − detractors) / responses, in [−100, 100].
 * With no responses there is no score: the result is `null`, never 0
 * (0 would read as "as many promoters as detractors").
 */

import { type NpsCounts, totalOf } from './counts.js';

/** The plain NPS of the counts, or null when there are no responses. */
export function nps(counts: NpsCounts): number | null {
  const n = totalOf(counts);
  if (n === 0) return null;
  return (100 * (counts.promoters - counts.detractors)) / n;
}
