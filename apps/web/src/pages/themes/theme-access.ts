import type { Audience, Role } from '../../gql/graphql';
import { canReadEmployeeResults, readableAudiences } from '../../app/permissions';

// Who sees what on the themes page; the server decides (themes feature), these pick the tabs.

export type ThemeTab = 'queue' | 'results' | 'catalogue';

const has = (roles: readonly Role[], ...wanted: Role[]) => roles.some((role) => wanted.includes(role));

/** CX, ADMIN and managers tag; CX, HR and ADMIN edit the catalogue; everyone on the page reads results. */
export const canTag = (roles: readonly Role[]): boolean => has(roles, 'ADMIN', 'CX', 'MANAGER');
export const canEditThemes = (roles: readonly Role[]): boolean => has(roles, 'ADMIN', 'CX', 'HR');

export function themeTabsFor(roles: readonly Role[]): ThemeTab[] {
  return [...(canTag(roles) ? (['queue'] as const) : []), 'results', 'catalogue'];
}

/** Audiences whose theme results the user may read: employees only with the right to employee results. */
export function resultAudiences(roles: readonly Role[]): Audience[] {
  return readableAudiences(roles).filter((a) => a !== 'EMPLOYEE' || canReadEmployeeResults(roles));
}
