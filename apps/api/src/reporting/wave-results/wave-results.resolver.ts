import { Arg, Authorized, Ctx, FieldResolver, Float, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kernel/context.js';
import { COMMENT_READERS } from '../../kernel/policies.js';
import { WaveComment, WaveType } from '../../survey/waves/wave.type.js';
import { NpsSummary } from '../base/nps-summary.type.js';
import * as results from './wave-results.service.js';

/** A wave's results: its counts, NPS and comments (employee waves through the anonymity guard). */
@Resolver(() => WaveType)
export class WaveResultsResolver {
  @FieldResolver(() => Int, { description: 'Contacts invited; for EMPLOYEE waves the employees invited (0 for callers who may not read employee results)' })
  async invited(@Root() wave: WaveType, @Ctx() ctx: Context) {
    return (await results.invitationStats(ctx, wave)).invited;
  }

  @FieldResolver(() => Int, { description: 'Invitations answered; for EMPLOYEE waves 0 until at least k (the anonymity threshold) were invited' })
  async responded(@Root() wave: WaveType, @Ctx() ctx: Context) {
    return (await results.invitationStats(ctx, wave)).responded;
  }

  @FieldResolver(() => Float, { nullable: true, description: 'responded ÷ invited, 0..1; null before anyone is invited (EMPLOYEE waves: before k were invited)' })
  responseRate(@Root() wave: WaveType, @Ctx() ctx: Context) {
    return results.responseRate(ctx, wave);
  }

  @FieldResolver(() => NpsSummary, { description: 'For EMPLOYEE waves released only by the anonymity guard (threshold and differencing), with the finite population correction' })
  summary(@Root() wave: WaveType, @Ctx() ctx: Context) {
    return results.waveSummary(ctx, wave);
  }

  @FieldResolver(() => [Int], { description: 'Responses per score 0..10 (11 counts); for EMPLOYEE waves empty unless the summary is released' })
  scoreDistribution(@Root() wave: WaveType, @Ctx() ctx: Context) {
    return results.scoreDistribution(ctx, wave);
  }

  @Authorized(...COMMENT_READERS)
  @FieldResolver(() => [WaveComment], {
    description: 'The newest commented responses, newest first: identified waves only (a manager sees their own contacts)',
  })
  latestComments(
    @Root() wave: WaveType,
    @Arg('limit', () => Int, { nullable: true, defaultValue: 10, description: '1 to 50' }) limit: number | null,
    @Ctx() ctx: Context,
  ) {
    return results.latestComments(ctx, wave, limit ?? 10);
  }
}
