import type { Principal } from '../../graphql/context.js';

/**
 * Who may read aggregates over employee answers (always through the guard): HR, ADMIN and LEADER
 * users, and API clients with the analytics:read scope. CX and MANAGER read identified feedback
 * only; nobody reads one employee's answer.
 */
export function mayReadEmployeeResults(principal: Principal): boolean {
  if (principal.kind === 'api') return principal.scopes.includes('analytics:read');
  return principal.roles.some((r) => r === 'HR' || r === 'ADMIN' || r === 'LEADER');
}
