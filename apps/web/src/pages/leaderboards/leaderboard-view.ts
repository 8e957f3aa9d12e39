import { formatNps, formatShare } from '../../app/format';
import type { LeaderboardEntity, LeaderboardMetric } from '../../gql/graphql';

// What the leaderboard page shows, decided without the DOM: the choice in the address
// (?period=2026-Q3&entity=TEAM&metric=NPS&audience=CUSTOMER), the podium (the server's rule for
// awards), how a value reads, and which entry is the logged-in manager's.

export const ENTITIES: readonly LeaderboardEntity[] = ['TEAM', 'MANAGER'];
export const METRICS: readonly LeaderboardMetric[] = ['NPS', 'RESPONSE_RATE', 'NPS_IMPROVEMENT', 'IMPROVEMENTS_IMPLEMENTED'];
export const AUDIENCES = ['CUSTOMER', 'CANDIDATE', 'ASSOCIATE', 'EMPLOYEE'] as const;
export type PickedAudience = (typeof AUDIENCES)[number] | null;

export interface Choice {
  entity: LeaderboardEntity;
  metric: LeaderboardMetric;
  audience: PickedAudience;
}

const one = (value: unknown): string | null => (Array.isArray(value) ? (value.length === 1 ? String(value[0]) : null) : typeof value === 'string' ? value : null);
const pickFrom = <T extends string>(list: readonly T[], value: unknown, fallback: T): T => {
  const text = one(value);
  return list.includes(text as T) ? (text as T) : fallback;
};

/**
 * The entity, metric and audience of the address; anything unknown falls back to TEAM, NPS, all
 * identified audiences. Employee surveys rank teams by response rate only, so EMPLOYEE forces both.
 */
export function parseChoice(query: Record<string, unknown>): Choice {
  const audience = pickFrom<string>(AUDIENCES, query.audience, '') || null;
  const choice: Choice = {
    entity: pickFrom(ENTITIES, query.entity, 'TEAM'),
    metric: pickFrom(METRICS, query.metric, 'NPS'),
    audience: audience as PickedAudience,
  };
  return choice.audience === 'EMPLOYEE' ? { ...choice, entity: 'TEAM', metric: 'RESPONSE_RATE' } : choice;
}

/** The metrics offered for an audience (employee surveys: response rate only). */
export const metricsFor = (audience: PickedAudience): readonly LeaderboardMetric[] => (audience === 'EMPLOYEE' ? ['RESPONSE_RATE'] : METRICS);
export const entitiesFor = (audience: PickedAudience): readonly LeaderboardEntity[] => (audience === 'EMPLOYEE' ? ['TEAM'] : ENTITIES);

interface Placed {
  eligible: boolean;
  value: number;
}

/** The podium: the first three eligible entries; most improved and improvements implemented need a value above 0 (as awards do). */
export function podiumOf<T extends Placed>(metric: LeaderboardMetric, entries: readonly T[]): T[] {
  const counts = metric === 'NPS_IMPROVEMENT' || metric === 'IMPROVEMENTS_IMPLEMENTED';
  return entries.filter((e) => e.eligible && (!counts || e.value > 0)).slice(0, 3);
}

/** A metric's value as people read it: NPS "+42", a rate "87 %", a change "+12", a count "3". */
export function formatValue(metric: LeaderboardMetric, value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined) return '–';
  if (metric === 'RESPONSE_RATE') return formatShare(value, locale);
  if (metric === 'IMPROVEMENTS_IMPLEMENTED') return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
  return formatNps(value, locale);
}

/** The interval "+31 – +89" (or "62 % – 95 %"); a dash when there is none. */
export function formatInterval(metric: LeaderboardMetric, low: number | null | undefined, high: number | null | undefined, locale: string): string {
  if (low === null || low === undefined || high === null || high === undefined) return '–';
  return `${formatValue(metric, low, locale)} – ${formatValue(metric, high, locale)}`;
}

/** Whether an entry is the logged-in user's: their org unit as a team, themselves as a manager. */
export function isMine(entity: LeaderboardEntity, entityId: string | null | undefined, me: { id: string; orgUnit?: { id: string } | null } | null): boolean {
  if (!me || !entityId) return false;
  return entity === 'TEAM' ? me.orgUnit?.id === entityId : me.id === entityId;
}

/** The last quarter that has ended: the leaderboard's default, and what awards can be finalized for. */
export function lastEndedQuarter(now: Date): { year: number; quarter: number } {
  const q = Math.floor(now.getUTCMonth() / 3);
  return q === 0 ? { year: now.getUTCFullYear() - 1, quarter: 4 } : { year: now.getUTCFullYear(), quarter: q };
}

/** Whether a period has ended (its awards can be finalized). */
export function hasEnded(period: { year: number; quarter: number | null }, now: Date): boolean {
  const endMonth = period.quarter ? period.quarter * 3 : 12;
  return Date.UTC(period.year, endMonth, 1) <= now.getTime();
}
