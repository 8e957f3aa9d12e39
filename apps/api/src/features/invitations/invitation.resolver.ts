import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { InvitationBatch, ReminderBatch } from './invitation.types.js';
import { inviteToWave, remindWave } from './invitation.service.js';

@Resolver()
export class InvitationResolver {
  @Authorized('CX', 'ADMIN', 'MANAGER')
  @Mutation(() => InvitationBatch, {
    description:
      'Invite contacts to an OPEN customer, candidate or associate wave: contactIds, or every contact when left out ' +
      "(a manager: their own). Skips contacts already invited, unsubscribed, or invited within the throttle window.",
  })
  inviteToWave(
    @Arg('waveId', () => ID) waveId: string,
    @Arg('contactIds', () => [ID], { nullable: true }) contactIds: string[] | null,
    @Ctx() ctx: Context,
  ) {
    return inviteToWave(ctx, waveId, contactIds);
  }

  @Authorized('CX', 'ADMIN', 'MANAGER')
  @Mutation(() => ReminderBatch, {
    description:
      "Mail the wave's non-respondents again (a manager: their own contacts). Each reminder carries a new link; the earlier link stops working.",
  })
  remindWave(@Arg('waveId', () => ID) waveId: string, @Ctx() ctx: Context) {
    return remindWave(ctx, waveId);
  }
}
