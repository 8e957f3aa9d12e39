import type { Context } from '../../kernel/context.js';
import { forbidden } from '../../kernel/errors.js';
import { hasAnyRole, IDENTIFIED_READERS, IMPROVEMENT_EDITORS } from '../../kernel/policies.js';
import { ownScopeOf } from '../../kernel/scope.js';
import type { ImprovementEntity } from './improvement.entity.js';


/**
 * Whose identified feedback (responses, follow-ups) the caller may see and link: null for everyone's
 * (CX, ADMIN, LEADER), else the caller's own id — a MANAGER's own contacts; HR owns no contacts, so
 * HR sees and links none (HR reads employee feedback only as guarded aggregates). The same rule as
 * the responses and followUps queries.
 */
export const feedbackOwnerScope = (ctx: Context): string | null => ownScopeOf(ctx, IDENTIFIED_READERS);

/**
 * A MANAGER edits, links to and moves only the improvements they own or logged; CX, HR and ADMIN
 * any of the organization's. Refused with FORBIDDEN: the manager can see the improvement.
 */
export function assertMayEdit(ctx: Context, row: Pick<ImprovementEntity, 'ownerId' | 'createdBy'>): void {
  if (!mayEdit(ctx, row)) throw forbidden('A manager changes only the improvements they own or logged');
}

/** Whether the caller may edit, link to and move this improvement (see assertMayEdit). */
export function mayEdit(ctx: Context, row: Pick<ImprovementEntity, 'ownerId' | 'createdBy'>): boolean {
  const principal = ctx.principal;
  if (!principal || !hasAnyRole(principal, IMPROVEMENT_EDITORS)) return false;
  const own = ownScopeOf(ctx, ['ADMIN', 'CX', 'HR']);
  return !own || row.ownerId === own || row.createdBy === own;
}
