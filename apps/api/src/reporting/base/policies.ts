import type { Context, Principal } from '../../kernel/context.js';
import { EMPLOYEE_RESULT_READERS, hasAnyRole } from '../../kernel/policies.js';

/**
 * Who reads released employee results (never an answer: only releases, PRODUCT.md section 5):
 *  - the whole organization's releases: HR, ADMIN and LEADER users, API clients with analytics:read;
 *  - a manager: the released groups of their own org unit and its sub-units (Culture Amp's report
 *    sharing), nothing else;
 *  - CX and everyone else: none.
 */
export function mayReadEmployeeResults(principal: Principal): boolean {
  if (principal.kind === 'api') return principal.scopes.includes('analytics:read');
  return hasAnyRole(principal, EMPLOYEE_RESULT_READERS);
}

export type EmployeeReadScope = { kind: 'all' } | { kind: 'unit'; unitId: string } | null;

export async function employeeReadScope(ctx: Context): Promise<EmployeeReadScope> {
  const principal = ctx.principal!;
  if (mayReadEmployeeResults(principal)) return { kind: 'all' };
  if (principal.kind !== 'user' || !principal.roles.includes('MANAGER')) return null;
  const user = await ctx.loaders.user.load(principal.id);
  return user?.orgUnitId ? { kind: 'unit', unitId: user.orgUnitId } : null;
}
