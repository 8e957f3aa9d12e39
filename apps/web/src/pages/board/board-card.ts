import { round } from '@tandem/nps-core';
import type { Role } from '../../gql/graphql';

// What an audience card on the board says beside its score: the change from the previous period,
// and how far the score is from each benchmark. Numbers only; the card words them.

type Score = { nps?: number | null; suppressed: boolean } | null | undefined;

const shown = (summary: Score): number | null =>
  summary && !summary.suppressed && typeof summary.nps === 'number' && Number.isFinite(summary.nps) ? summary.nps : null;

export interface Difference {
  /** Whole points, always ≥ 0. */
  points: number;
  direction: 'up' | 'down' | 'same';
}

/** a − b in whole points (rounded as nps-core rounds), or null when either is missing. */
export function difference(a: number | null, b: number | null): Difference | null {
  if (a === null || b === null) return null;
  const delta = round(a - b, 0);
  return { points: Math.abs(delta), direction: delta > 0 ? 'up' : delta < 0 ? 'down' : 'same' };
}

/** The change from the previous period; null when either has no NPS (no answers, or hidden). */
export const changeFrom = (current: Score, previous: Score): Difference | null => difference(shown(current), shown(previous));

/** The score against a benchmark's value; null when the score is missing or hidden. */
export const againstBenchmark = (current: Score, value: number): Difference | null => difference(shown(current), value);

/** Who sets targets and benchmarks (the server's rule: setNpsTarget, addBenchmark). */
export const canManageTargets = (roles: readonly Role[]): boolean => roles.includes('ADMIN') || roles.includes('LEADER');
