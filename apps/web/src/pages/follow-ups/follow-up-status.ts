import type { FollowUpStatus } from '../../gql/graphql';

/** A follow-up's steps, in order; it only moves forward (OPEN → RESOLVED directly too). */
export const FOLLOW_UP_STEPS: readonly FollowUpStatus[] = ['OPEN', 'CONTACTED', 'RESOLVED'];

/** Where a follow-up can go from its status. */
export function nextStatuses(status: FollowUpStatus): FollowUpStatus[] {
  return FOLLOW_UP_STEPS.slice(FOLLOW_UP_STEPS.indexOf(status) + 1);
}
