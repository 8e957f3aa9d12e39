import type { InvitationSegment, InvitationTargetInput } from '../gql/graphql';

/** How the user chose who to invite. Nothing is chosen at first: there is no default "everyone". */
export type InviteWho = '' | 'chosen' | 'units' | 'owners' | 'segment' | 'all';

export interface InviteChoice {
  who: InviteWho;
  contactIds: readonly string[];
  orgUnitIds: readonly string[];
  ownerIds: readonly string[];
  segment: InvitationSegment | '';
}

/** The API's target for a choice, or null while the choice names nobody yet. */
export function targetOf(choice: InviteChoice): InvitationTargetInput | null {
  switch (choice.who) {
    case 'chosen':
      return choice.contactIds.length ? { contactIds: [...choice.contactIds] } : null;
    case 'units':
      return choice.orgUnitIds.length ? { orgUnitIds: [...choice.orgUnitIds] } : null;
    case 'owners':
      return choice.ownerIds.length ? { ownerIds: [...choice.ownerIds] } : null;
    case 'segment':
      return choice.segment ? { segment: choice.segment } : null;
    case 'all':
      return { all: true };
    default:
      return null;
  }
}
