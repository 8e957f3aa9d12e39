import type { ImprovementStatus, Role } from '../../gql/graphql';

/** The board's columns, in the order an improvement lives through them. */
export const IMPROVEMENT_STATUSES: readonly ImprovementStatus[] = ['PROPOSED', 'PLANNED', 'IN_PROGRESS', 'IMPLEMENTED', 'VERIFIED', 'REJECTED'];

const has = (roles: readonly Role[], ...wanted: Role[]) => roles.some((r) => wanted.includes(r));

/** Who may log improvements: CX, HR, MANAGER, ADMIN (LEADER reads). */
export const canLogImprovements = (roles: readonly Role[]): boolean => has(roles, 'ADMIN', 'CX', 'HR', 'MANAGER');

/** A calendar day ('2026-11-23', or an instant) in the interface language, read in UTC so it never shifts a day. */
export function formatDay(day: string | null | undefined, locale: string): string {
  if (!day) return '–';
  const date = new Date(day.length === 10 ? `${day}T00:00:00Z` : day);
  return Number.isNaN(date.getTime()) ? '–' : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}
