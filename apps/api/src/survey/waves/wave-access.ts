import type { Principal } from '../../kernel/context.js';
import { AUDIENCES, type Audience } from './wave.entity.js';
import { IDENTIFIED_READERS, hasAnyRole } from '../../kernel/policies.js';

export const IDENTIFIED_AUDIENCES: readonly Audience[] = ['CUSTOMER', 'CANDIDATE', 'ASSOCIATE'];
const EMPLOYEE_ONLY: readonly Audience[] = ['EMPLOYEE'];

/** EMPLOYEE waves are always anonymous; the other audiences link an answer to its contact. */
export const isAnonymousAudience = (audience: Audience): boolean => audience === 'EMPLOYEE';

/**
 * Which waves a caller may read, by audience:
 * ADMIN, CX, LEADER and the analytics:read / responses:read scopes all of them; MANAGER the
 * identified ones; HR the employee ones. A caller who may manage an audience may also read it.
 */
export function readableAudiences(principal: Principal): Set<Audience> {
  const audiences = new Set<Audience>(manageableAudiences(principal));
  const add = (list: readonly Audience[]) => list.forEach((a) => audiences.add(a));
  if (principal.kind === 'user') {
    if (hasAnyRole(principal, IDENTIFIED_READERS)) add(AUDIENCES);
    if (principal.roles.includes('MANAGER')) add(IDENTIFIED_AUDIENCES);
    if (principal.roles.includes('HR')) add(EMPLOYEE_ONLY);
  } else if (principal.scopes.some((s) => s === 'analytics:read' || s === 'responses:read')) {
    add(AUDIENCES);
  }
  return audiences;
}

/**
 * Which waves a caller may create, open, close and edit, by audience: ADMIN all; CX the identified
 * ones; HR the employee ones; an API client with waves:write the identified ones.
 */
export function manageableAudiences(principal: Principal): Set<Audience> {
  const audiences = new Set<Audience>();
  const add = (list: readonly Audience[]) => list.forEach((a) => audiences.add(a));
  if (principal.kind === 'user') {
    if (principal.roles.includes('ADMIN')) add(AUDIENCES);
    if (principal.roles.includes('CX')) add(IDENTIFIED_AUDIENCES);
    if (principal.roles.includes('HR')) add(EMPLOYEE_ONLY);
  } else if (principal.scopes.includes('waves:write')) {
    add(IDENTIFIED_AUDIENCES);
  }
  return audiences;
}

/**
 * Whose identified comments a caller reads: everyone's, or only the responses of their own contacts
 * (a manager without a wider role sees their own slice).
 */
export function commentOwnerRestriction(principal: Principal): string | null {
  if (principal.kind !== 'user') return null;
  const wide = hasAnyRole(principal, IDENTIFIED_READERS);
  return !wide && principal.roles.includes('MANAGER') ? principal.id : null;
}
