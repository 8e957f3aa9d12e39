import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import { isUuid } from '../../kernel/batch.js';
import type { Principal } from '../../kernel/context.js';
import { badInput, notFound } from '../../kernel/errors.js';

/**
 * Who an invitation goes to. Nothing is "everyone" by default: a caller names contacts, org units,
 * owners or a segment (combined: a contact must match every criterion given), or asks for
 * everyone with an explicit `all: true`. An employee wave has one possible target, its whole
 * active roster, and still says so with `all: true`.
 */

export const INVITATION_SEGMENTS = ['NEVER_INVITED', 'DETRACTORS'] as const;
export type InvitationSegment = (typeof INVITATION_SEGMENTS)[number];
export const InvitationSegmentEnum = Object.fromEntries(INVITATION_SEGMENTS.map((s) => [s, s])) as { [S in InvitationSegment]: S };
registerEnumType(InvitationSegmentEnum, {
  name: 'InvitationSegment',
  description: 'NEVER_INVITED: contacts never invited to any wave. DETRACTORS: contacts whose latest answer scored 0–6.',
});

@InputType('InvitationTargetInput', {
  description:
    'Who to invite. Give contactIds, orgUnitIds (units and everything below them), ownerIds and/or segment — a contact must match each one given — ' +
    'or all: true for every contact (a manager: every contact they own). Nothing given is BAD_USER_INPUT: there is no implicit "everyone".',
})
export class InvitationTargetInput {
  @Field(() => [ID], { nullable: true })
  contactIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  orgUnitIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  ownerIds?: string[] | null;

  @Field(() => InvitationSegmentEnum, { nullable: true })
  segment?: InvitationSegment | null;

  @Field(() => Boolean, { nullable: true, description: 'Every contact; cannot be combined with another criterion' })
  all?: boolean | null;
}

@ObjectType('InvitationTargetCount', { description: 'How many contacts a target names, and how many of them an invitation would reach now' })
export class InvitationTargetCount {
  @Field(() => Int, { description: 'Contacts (or active employees) the target names' })
  total: number;

  @Field(() => Int, { description: 'Would be invited now: total minus the three below' })
  eligible: number;

  @Field(() => Int)
  alreadyInvited: number;

  @Field(() => Int)
  throttled: number;

  @Field(() => Int)
  unsubscribed: number;
}

/** A checked target: ids valid for the organization, org units expanded to their subtrees. */
export interface ContactSelection {
  all: boolean;
  contactIds: string[] | null;
  orgUnitIds: string[] | null;
  ownerIds: string[] | null;
  segment: InvitationSegment | null;
}

const MAX_IDS = 10_000;

function ids(list: string[] | null | undefined, field: string, what: string): string[] | null {
  if (list === null || list === undefined) return null;
  if (list.length === 0) throw badInput(field, `Name at least one ${what}, or leave ${field} out`);
  const unique = [...new Set(list.map((id) => id.toLowerCase()))];
  if (unique.length > MAX_IDS) throw badInput(field, `At most ${MAX_IDS} at a time`);
  if (!unique.every(isUuid)) throw notFound(what, field);
  return unique;
}

/**
 * The target of inviteToWave (or invitationTargetCount) from its two inputs: the contract's
 * contactIds, or the target. Neither is everyone, as the contract has always had it (scripts and the
 * README's first steps rely on it; the web app always names its target and asks first). Both, an
 * empty target or all: true with another criterion is BAD_USER_INPUT naming the field; an org unit or owner that is not the organization's is NOT_FOUND
 * (contacts are checked when they are read). Reads only.
 */
/**
 * An API client's batch job names whom it invites: contactIds, or a target (all: true for every
 * contact). Without either, a signed-in user invites everyone as always; a token is refused, so a
 * job with a missing list never mails the whole organization.
 */
export function requireExplicitTarget(
  principal: Principal | null,
  contactIds: string[] | null | undefined,
  target: InvitationTargetInput | null | undefined,
): void {
  if (principal?.kind === 'api' && contactIds == null && target == null) {
    throw badInput('target', 'An API client names whom to invite: give contactIds, or a target (target: { all: true } for every contact)');
  }
}

export async function checkTarget(
  db: EntityManager,
  organizationId: string,
  contactIds: string[] | null | undefined,
  target: InvitationTargetInput | null | undefined,
): Promise<ContactSelection> {
  if (contactIds != null && target != null) throw badInput('target', 'Give contactIds or target, not both');
  if (contactIds != null) return { all: false, contactIds: ids(contactIds, 'contactIds', 'Contact'), orgUnitIds: null, ownerIds: null, segment: null };
  if (target == null) return { all: true, contactIds: null, orgUnitIds: null, ownerIds: null, segment: null };
  const criteria = [target.contactIds, target.orgUnitIds, target.ownerIds, target.segment].filter((c) => c != null).length;
  if (target.all === true) {
    if (criteria > 0) throw badInput('target.all', 'all: true invites everyone; leave the other criteria out');
    return { all: true, contactIds: null, orgUnitIds: null, ownerIds: null, segment: null };
  }
  if (criteria === 0) throw badInput('target', 'The target names nobody: give contactIds, orgUnitIds, ownerIds, a segment, or all: true');
  const selection: ContactSelection = {
    all: false,
    contactIds: ids(target.contactIds, 'target.contactIds', 'Contact'),
    orgUnitIds: ids(target.orgUnitIds, 'target.orgUnitIds', 'Org unit'),
    ownerIds: ids(target.ownerIds, 'target.ownerIds', 'Owner'),
    segment: target.segment ?? null,
  };
  if (selection.orgUnitIds) {
    const rows: { id: string; named: boolean }[] = await db.query(
      `WITH RECURSIVE tree AS (
         SELECT id, true AS named FROM org_units WHERE organization_id = $1 AND id = ANY($2::uuid[])
         UNION
         SELECT u.id, false FROM org_units u JOIN tree t ON u.parent_id = t.id WHERE u.organization_id = $1
       )
       SELECT id, bool_or(named) AS named FROM tree GROUP BY id`,
      [organizationId, selection.orgUnitIds],
    );
    if (rows.filter((r) => r.named).length !== selection.orgUnitIds.length) throw notFound('Org unit', 'target.orgUnitIds');
    selection.orgUnitIds = rows.map((r) => r.id);
  }
  if (selection.ownerIds) {
    const [{ count }]: { count: number }[] = await db.query(`SELECT count(*)::int AS count FROM users WHERE organization_id = $1 AND id = ANY($2::uuid[])`, [
      organizationId,
      selection.ownerIds,
    ]);
    if (count !== selection.ownerIds.length) throw notFound('Owner', 'target.ownerIds');
  }
  return selection;
}

/**
 * The SQL condition on contacts `c` for a selection, with its parameters numbered from `from`.
 * `ownerScope` (a manager) limits it to their own contacts whatever the target says.
 */
export function selectionWhere(selection: ContactSelection, ownerScope: string | null, from: number): { sql: string; params: unknown[] } {
  const params: unknown[] = [selection.contactIds, selection.orgUnitIds, selection.ownerIds, ownerScope];
  const n = (i: number) => `$${from + i}`;
  const parts = [
    `(${n(0)}::uuid[] IS NULL OR c.id = ANY(${n(0)}::uuid[]))`,
    `(${n(1)}::uuid[] IS NULL OR c.org_unit_id = ANY(${n(1)}::uuid[]))`,
    `(${n(2)}::uuid[] IS NULL OR c.owner_id = ANY(${n(2)}::uuid[]))`,
    `(${n(3)}::uuid IS NULL OR c.owner_id = ${n(3)}::uuid)`,
  ];
  if (selection.segment === 'NEVER_INVITED') {
    parts.push(`c.last_invited_at IS NULL AND NOT EXISTS (SELECT 1 FROM invitations i0 WHERE i0.contact_id = c.id)`);
  } else if (selection.segment === 'DETRACTORS') {
    parts.push(`(SELECT r.score FROM responses r WHERE r.contact_id = c.id ORDER BY r.submitted_at DESC, r.id DESC LIMIT 1) <= 6`);
  }
  return { sql: parts.join(' AND '), params };
}
