import type { Audience } from '../../survey/waves/wave.entity.js';
import type { LeaderboardEntity, LeaderboardMetric } from '../leaderboards/leaderboard.types.js';
import type { Ranked } from '../leaderboards/ranking.js';

/** One award category: a leaderboard whose podium is frozen. */
export interface Category {
  entity: LeaderboardEntity;
  metric: LeaderboardMetric;
  /** Null: every identified audience together. */
  audience: Audience | null;
}

const METRICS: LeaderboardMetric[] = ['NPS', 'RESPONSE_RATE', 'NPS_IMPROVEMENT', 'IMPROVEMENTS_IMPLEMENTED'];

/** Teams and managers in every metric over the identified audiences together, and teams by employee response rate. */
export const CATEGORIES: Category[] = [
  ...(['TEAM', 'MANAGER'] as const).flatMap((entity) => METRICS.map((metric) => ({ entity, metric, audience: null }))),
  { entity: 'TEAM', metric: 'RESPONSE_RATE', audience: 'EMPLOYEE' },
];

/** "TEAM · NPS", "TEAM · RESPONSE_RATE · EMPLOYEE". */
export const categoryLabel = (c: Category) => [c.entity, c.metric, c.audience].filter(Boolean).join(' · ');

/**
 * The podium of a leaderboard: its first three eligible entries. Most improved and most
 * improvements implemented need something to show: a change above 0 or at least one improvement.
 */
export function podiumOf(c: Pick<Category, 'metric'>, entries: readonly Ranked[]): Ranked[] {
  const counts = c.metric === 'NPS_IMPROVEMENT' || c.metric === 'IMPROVEMENTS_IMPLEMENTED';
  return entries.filter((e) => e.eligible && (!counts || e.value > 0)).slice(0, 3);
}
