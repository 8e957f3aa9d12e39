import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { InvitationTargetCount, InvitationTargetInput, requireExplicitTarget } from './invitation-target.js';
import type { Context } from '../../kernel/context.js';
import { InvitationBatch, ReminderBatch } from './invitation.types.js';
import { invitationTargetCount, inviteToWave, remindWave } from './invitation.service.js';
import { INVITERS } from '../../kernel/policies.js';

@Resolver()
export class InvitationResolver {
  @Authorized(...INVITERS)
  @Mutation(() => InvitationBatch, {
    description:
      'Invite contacts to an OPEN customer, candidate or associate wave (CX, managers, admins): contactIds, or a target ' +
      '(contacts, org units, owners, a segment, or all: true; a manager reaches only their own contacts). Neither is everyone ' +
      '(as all: true) for a signed-in user; an API client (waves:write) gives one or the other (BAD_USER_INPUT on target). Skips contacts already invited, unsubscribed, or invited within the throttle window. ' +
      'An OPEN employee wave (HR, admins) invites every active employee on the roster not yet invited, each with an anonymous link; ' +
      'it takes no target or target: { all: true }, nothing else (BAD_USER_INPUT), and the answer gives counts only.',
  })
  inviteToWave(
    @Arg('waveId', () => ID) waveId: string,
    @Arg('contactIds', () => [ID], { nullable: true }) contactIds: string[] | null,
    @Arg('target', () => InvitationTargetInput, { nullable: true }) target: InvitationTargetInput | null,
    @Ctx() ctx: Context,
  ) {
    requireExplicitTarget(ctx.principal, contactIds, target);
    return inviteToWave(ctx, waveId, contactIds, target);
  }

  @Authorized(...INVITERS)
  @Query(() => InvitationTargetCount, {
    description: 'How many contacts inviteToWave with these arguments would name and reach now, writing nothing. Same rules and errors as inviteToWave.',
  })
  invitationTargetCount(
    @Arg('waveId', () => ID) waveId: string,
    @Arg('contactIds', () => [ID], { nullable: true }) contactIds: string[] | null,
    @Arg('target', () => InvitationTargetInput, { nullable: true }) target: InvitationTargetInput | null,
    @Ctx() ctx: Context,
  ) {
    requireExplicitTarget(ctx.principal, contactIds, target);
    return invitationTargetCount(ctx, waveId, contactIds, target);
  }

  @Authorized(...INVITERS)
  @Mutation(() => ReminderBatch, {
    description:
      "Mail the wave's non-respondents again (a manager: their own contacts), as a mail batch (mailBatch(batchId) follows it). Each reminder carries the link the person already has. " +
      'Employee waves (HR, admins): every employee who has not answered, at most once a day per wave; the answer is a count, never who.',
  })
  remindWave(@Arg('waveId', () => ID) waveId: string, @Ctx() ctx: Context) {
    return remindWave(ctx, waveId);
  }
}
