import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../kernel/context.js';
import { PeriodInput } from '../base/period.input.js';
import { findAward, finalizeAwards, listAwardPeriods, listAwards, reopenAwards } from './award.service.js';
import { Award, AwardPeriod } from './award.types.js';
import { ADMINS, AWARD_FINALIZERS, SIGNED_IN_OR_ANALYTICS } from '../../kernel/policies.js';

@Resolver()
export class AwardResolver {
  @Authorized(...SIGNED_IN_OR_ANALYTICS)
  @Query(() => [Award], { description: 'The winners (place 1, with places 2 and 3 in runnersUp) of the finalized periods of a year, or of all' })
  awards(@Arg('year', () => Int, { nullable: true }) year: number | null, @Ctx() ctx: Context) {
    return listAwards(ctx, year);
  }

  @Authorized(...SIGNED_IN_OR_ANALYTICS)
  @Query(() => Award, { nullable: true, description: 'One award (any place), e.g. for its certificate' })
  award(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return findAward(ctx, id);
  }

  @Authorized(...SIGNED_IN_OR_ANALYTICS)
  @Query(() => [AwardPeriod], { description: 'Finalized (or reopened) periods of a year, or of all, with who finalized and reopened them' })
  awardPeriods(@Arg('year', () => Int, { nullable: true }) year: number | null, @Ctx() ctx: Context) {
    return listAwardPeriods(ctx, year);
  }

  @Authorized(...AWARD_FINALIZERS)
  @Mutation(() => [Award], { description: 'Freezes the top three eligible of every category of a period that has ended; refused when it is already finalized' })
  finalizeAwards(@Arg('input', () => PeriodInput) input: PeriodInput, @Ctx() ctx: Context) {
    return finalizeAwards(ctx, input);
  }

  @Authorized(...ADMINS)
  @Mutation(() => AwardPeriod, { description: 'Reopens a finalized period, recorded with who, when and why; the next finalize replaces its awards' })
  reopenAwards(@Arg('input', () => PeriodInput) input: PeriodInput, @Arg('note', () => String) note: string, @Ctx() ctx: Context) {
    return reopenAwards(ctx, input, note);
  }
}
