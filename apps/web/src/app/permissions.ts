import type { Audience, Role } from '../gql/graphql';

// What the signed-in user may do, as the server decides it (apps/api: wave-access.ts,
// contact, invitation and follow-up resolvers). The server is the authority; these only decide
// which buttons and forms the pages show.

const has = (roles: readonly Role[], ...wanted: Role[]) => roles.some((role) => wanted.includes(role));

export const IDENTIFIED_AUDIENCES: readonly Audience[] = ['CUSTOMER', 'CANDIDATE', 'ASSOCIATE'];
export const ALL_AUDIENCES: readonly Audience[] = [...IDENTIFIED_AUDIENCES, 'EMPLOYEE'];

/** Audiences whose waves the user may create, open, close and edit: CX the identified ones, HR employees, ADMIN all. */
export function manageableAudiences(roles: readonly Role[]): Audience[] {
  return ALL_AUDIENCES.filter((audience) =>
    audience === 'EMPLOYEE' ? has(roles, 'ADMIN', 'HR') : has(roles, 'ADMIN', 'CX'),
  );
}

/** Audiences whose waves the user may read. */
export function readableAudiences(roles: readonly Role[]): Audience[] {
  if (has(roles, 'ADMIN', 'CX', 'LEADER')) return [...ALL_AUDIENCES];
  return ALL_AUDIENCES.filter((audience) => (audience === 'EMPLOYEE' ? has(roles, 'HR') : has(roles, 'MANAGER')));
}

export const canManageWave = (roles: readonly Role[], audience: Audience): boolean => manageableAudiences(roles).includes(audience);

/**
 * Invitations and reminders: to identified waves CX, ADMIN, and a manager for their own contacts;
 * to employee waves HR and ADMIN (the whole active roster, each with an anonymous link).
 */
export const canInvite = (roles: readonly Role[], audience: Audience): boolean =>
  audience === 'EMPLOYEE' ? has(roles, 'ADMIN', 'HR') : has(roles, 'ADMIN', 'CX', 'MANAGER');

/**
 * Aggregates over anonymous employee answers, always through the server's anonymity guard: HR,
 * ADMIN and LEADER. Nobody reads one employee's answer.
 */
export const canReadEmployeeResults = (roles: readonly Role[]): boolean => has(roles, 'ADMIN', 'HR', 'LEADER');

/** The employee roster (list and CSV import): HR and ADMIN. */
export const canManageRoster = (roles: readonly Role[]): boolean => has(roles, 'ADMIN', 'HR');

/** A follow-up's owner, CX or ADMIN may add notes and move it on; a leader only reads. */
export const canWorkFollowUps = (roles: readonly Role[]): boolean => has(roles, 'ADMIN', 'CX', 'MANAGER');

/** A manager without a wider role sees only their own follow-ups: their inbox. */
export const hasOwnInboxOnly = (roles: readonly Role[]): boolean => has(roles, 'MANAGER') && !has(roles, 'ADMIN', 'CX', 'LEADER');

/** CX and ADMIN work on every contact; a manager only on those they own, and is always the owner. */
export const ownsOnlyOwnContacts = (roles: readonly Role[]): boolean => has(roles, 'MANAGER') && !has(roles, 'ADMIN', 'CX');
