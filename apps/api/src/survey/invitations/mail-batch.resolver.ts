import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kernel/context.js';
import { notFound } from '../../kernel/errors.js';
import { FEEDBACK_OWNERS_OF_ALL, INVITERS } from '../../kernel/policies.js';
import { ownScopeOf } from '../../kernel/scope.js';
import { WaveType } from '../waves/wave.type.js';
import { MailBatch, MailFailure, RetryBatch } from './invitation.types.js';
import { retryFailedMail } from './invitation.service.js';
import { badInput } from '../../kernel/errors.js';

/** Wave mail batches (mail-batches.ts): their progress, failures and retry. */
@Resolver(() => MailBatch)
export class MailBatchResolver {
  @Authorized(...INVITERS)
  @Query(() => MailBatch, { description: "A wave's mail batch (from inviteToWave, remindWave or retryFailedMail) with its progress; NOT_FOUND when unknown" })
  async mailBatch(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<MailBatch> {
    const progress = await ctx.loaders.mailBatch.load(id);
    if (!progress) throw notFound('Mail batch', 'id');
    return MailBatch.from(progress);
  }

  @FieldResolver(() => [MailFailure], { description: 'Its failed mails (a manager: to their own contacts), by address; at most `first` (default 20, up to 200)' })
  failures(@Root() batch: MailBatch, @Arg('first', () => Int, { nullable: true }) first: number | null, @Ctx() ctx: Context): Promise<MailFailure[]> {
    const limit = first ?? 20;
    if (!Number.isInteger(limit) || limit < 0 || limit > 200) throw badInput('first', 'Give a number from 0 to 200');
    return ctx.loaders.mailFailures.load({ batchId: batch.id, limit, owner: ownScopeOf(ctx, FEEDBACK_OWNERS_OF_ALL) });
  }

  @Authorized(...INVITERS)
  @Mutation(() => RetryBatch, {
    description: "Queue again the wave's mails that failed for good (a manager: to their own contacts), as a new batch; each goes out as the same mail with the same link",
  })
  retryFailedMail(@Arg('waveId', () => ID) waveId: string, @Ctx() ctx: Context): Promise<RetryBatch> {
    return retryFailedMail(ctx, waveId);
  }
}

/** Wave.mailing: the wave's latest mail batch, for its page's progress bar. */
@Resolver(() => WaveType)
export class WaveMailingResolver {
  @FieldResolver(() => MailBatch, { nullable: true, description: 'The latest mail batch of an identified wave (null: none yet, and always for employee waves)' })
  async mailing(@Root() wave: WaveType, @Ctx() ctx: Context): Promise<MailBatch | null> {
    const id = await ctx.loaders.latestMailBatch.load(wave.id);
    const progress = id ? await ctx.loaders.mailBatch.load(id) : null;
    return progress ? MailBatch.from(progress) : null;
  }
}
