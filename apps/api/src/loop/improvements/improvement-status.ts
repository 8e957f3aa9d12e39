import type { ImprovementStatus } from './improvement.enums.js';

/**
 * The life of an improvement:
 *
 *   PROPOSED → PLANNED → IN_PROGRESS → IMPLEMENTED → VERIFIED
 *       ↘          ↘          ↘
 *                REJECTED
 *
 * One step forward at a time, or REJECTED from an open state (PROPOSED, PLANNED, IN_PROGRESS).
 * IMPLEMENTED cannot be rejected: the change has happened and its effect is being measured (and it
 * may already be on a wave's "you said, we did" page); an implemented change that did not work
 * stays IMPLEMENTED, and a new improvement is logged. VERIFIED and REJECTED are final. No move
 * goes backwards, and a move to the current status is refused too.
 */
export const NEXT_STATUSES: Record<ImprovementStatus, readonly ImprovementStatus[]> = {
  PROPOSED: ['PLANNED', 'REJECTED'],
  PLANNED: ['IN_PROGRESS', 'REJECTED'],
  IN_PROGRESS: ['IMPLEMENTED', 'REJECTED'],
  IMPLEMENTED: ['VERIFIED'],
  VERIFIED: [],
  REJECTED: [],
};

/** Not yet implemented, verified or rejected: the states whose due date still matters. */
export const OPEN_STATUSES: readonly ImprovementStatus[] = ['PROPOSED', 'PLANNED', 'IN_PROGRESS'];
/** The states that count as done on the wave's stage 4 and on the "you said, we did" page. */
export const DONE_STATUSES: readonly ImprovementStatus[] = ['IMPLEMENTED', 'VERIFIED'];

export const mayMove = (from: ImprovementStatus, to: ImprovementStatus): boolean => NEXT_STATUSES[from].includes(to);

/** Overdue: a due date that has passed (the day is over, UTC) while the improvement is still open. */
export function isOverdue(status: ImprovementStatus, dueDate: string | null, now: Date): boolean {
  return dueDate !== null && OPEN_STATUSES.includes(status) && dueDate < now.toISOString().slice(0, 10);
}
