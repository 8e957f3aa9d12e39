import type { Role } from '../../gql/graphql';

/** The sections of the home page a user sees, in order: one per role that has work waiting. */
export type HomeSection = 'manager' | 'cx' | 'hr' | 'admin';

export function homeSections(roles: readonly Role[]): HomeSection[] {
  const out: HomeSection[] = [];
  if (roles.includes('MANAGER')) out.push('manager');
  if (roles.includes('CX')) out.push('cx');
  if (roles.includes('HR')) out.push('hr');
  if (roles.includes('ADMIN')) out.push('admin');
  return out;
}

/** A leader with no role that has a home of its own starts on the board. */
export const landsOnBoard = (roles: readonly Role[]): boolean => roles.includes('LEADER') && homeSections(roles).length === 0;

/** The current quarter, as the Date strings an NpsFilter takes: its first day and today. */
export function quarterSoFar(now: Date = new Date()): { from: string; to: string; year: number; quarter: number } {
  const year = now.getFullYear();
  const quarter = Math.floor(now.getMonth() / 3) + 1;
  const pad = (n: number) => String(n).padStart(2, '0');
  const from = `${year}-${pad((quarter - 1) * 3 + 1)}-01`;
  const to = `${year}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return { from, to, year, quarter };
}
