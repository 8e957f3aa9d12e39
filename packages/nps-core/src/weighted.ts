/**
 * Value-weighted NPS (account value, as CustomerGauge shows it): each answer counts with a weight,
 * the annual value of the account that gave it, instead of 1.
 * 100 × (value of promoters − value of detractors) / value of all answers, in [−100, 100].
 * With no weight at all there is no score: null, never 0 (as with nps()).
 */

import type { NpsCategory } from './category.js';

/** The weights summed per category: the value held by promoters, passives and detractors. */
export type NpsAmounts = { promoters: number; passives: number; detractors: number };

/** Throws a RangeError unless every amount is a finite non-negative number. */
export function validateAmounts(amounts: NpsAmounts): void {
  for (const field of ['promoters', 'passives', 'detractors'] as const) {
    const value: unknown = amounts?.[field];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new RangeError(`NPS amounts: ${field} must be a finite non-negative number, got ${String(value)}`);
    }
  }
}

/** The NPS of amounts summed per category (the server sums them in SQL); null when they sum to 0. */
export function weightedNpsOf(amounts: NpsAmounts): number | null {
  validateAmounts(amounts);
  const total = amounts.promoters + amounts.passives + amounts.detractors;
  if (total === 0) return null;
  return (100 * (amounts.promoters - amounts.detractors)) / total;
}

/** Sums answers' weights per category. */
export function sumWeights(answers: Iterable<{ category: NpsCategory; weight: number }>): NpsAmounts {
  const sums: NpsAmounts = { promoters: 0, passives: 0, detractors: 0 };
  for (const { category, weight } of answers) {
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) throw new RangeError(`A weight must be a finite non-negative number, got ${String(weight)}`);
    if (category === 'PROMOTER') sums.promoters += weight;
    else if (category === 'PASSIVE') sums.passives += weight;
    else sums.detractors += weight;
  }
  return sums;
}

/** The value-weighted NPS of answers, each with its category and weight; null when no weight. */
export function weightedNps(answers: Iterable<{ category: NpsCategory; weight: number }>): number | null {
  return weightedNpsOf(sumWeights(answers));
}
