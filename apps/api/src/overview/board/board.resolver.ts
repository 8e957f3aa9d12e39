import { Arg, Authorized, Ctx, Float, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../kernel/context.js';
import { AudienceEnum } from '../../survey/waves/wave.enums.js';
import type { Audience } from '../../survey/waves/wave.entity.js';
import { board } from './board.service.js';
import { AddBenchmarkInput, BenchmarkType, Board, NpsTargetType } from './board.types.js';
import { PeriodInput } from '../../reporting/base/period.input.js';
import { addBenchmark, listBenchmarks, listNpsTargets, removeBenchmark, removeNpsTarget, setNpsTarget } from './targets.service.js';
import { BOARD_READERS, TARGET_SETTERS } from '../../kernel/policies.js';

@Resolver()
export class BoardResolver {
  @Authorized(...BOARD_READERS)
  @Query(() => Board, {
    description:
      'The leadership board of a quarter (by default the current one) or a year: per readable audience NPS/eNPS with interval, band, change, response rate, target, benchmarks and trend; follow-ups; improvements',
  })
  board(@Arg('period', () => PeriodInput, { nullable: true }) period: PeriodInput | null, @Ctx() ctx: Context) {
    return board(ctx, period);
  }

  @Authorized(...BOARD_READERS)
  @Query(() => [NpsTargetType], { description: "The organization's NPS targets, of one year or all" })
  npsTargets(@Arg('year', () => Int, { nullable: true }) year: number | null, @Ctx() ctx: Context) {
    return listNpsTargets(ctx, year);
  }

  @Authorized(...BOARD_READERS)
  @Query(() => [BenchmarkType], { description: "The organization's industry benchmarks, of one audience or all" })
  benchmarks(@Arg('audience', () => AudienceEnum, { nullable: true }) audience: Audience | null, @Ctx() ctx: Context) {
    return listBenchmarks(ctx, audience);
  }

  @Authorized(...TARGET_SETTERS)
  @Mutation(() => NpsTargetType, { description: "Sets an audience's target NPS for a year or a quarter, replacing the one there was" })
  setNpsTarget(
    @Arg('audience', () => AudienceEnum) audience: Audience,
    @Arg('period', () => PeriodInput) period: PeriodInput,
    @Arg('value', () => Float, { description: '−100 to 100' }) value: number,
    @Ctx() ctx: Context,
  ) {
    return setNpsTarget(ctx, audience, period, value);
  }

  @Authorized(...TARGET_SETTERS)
  @Mutation(() => Boolean, { description: "Removes an audience's target for a year or a quarter; false when there was none" })
  removeNpsTarget(@Arg('audience', () => AudienceEnum) audience: Audience, @Arg('period', () => PeriodInput) period: PeriodInput, @Ctx() ctx: Context) {
    return removeNpsTarget(ctx, audience, period);
  }

  @Authorized(...TARGET_SETTERS)
  @Mutation(() => BenchmarkType, { description: 'Adds an industry benchmark shown beside the score of its audience' })
  addBenchmark(@Arg('input', () => AddBenchmarkInput) input: AddBenchmarkInput, @Ctx() ctx: Context) {
    return addBenchmark(ctx, input);
  }

  @Authorized(...TARGET_SETTERS)
  @Mutation(() => Boolean)
  removeBenchmark(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return removeBenchmark(ctx, id);
  }
}
