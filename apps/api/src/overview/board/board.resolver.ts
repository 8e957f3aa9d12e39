import { Arg, Authorized, Ctx, Float, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../kernel/context.js';
import { AudienceEnum } from '../../graphql/enums.js';
import type { Audience } from '../../survey/waves/wave.entity.js';
import { board } from './board.service.js';
import { AddBenchmarkInput, BenchmarkType, Board, NpsTargetType, PeriodInput } from './board.types.js';
import { addBenchmark, listBenchmarks, listNpsTargets, removeBenchmark, removeNpsTarget, setNpsTarget } from './targets.service.js';

@Resolver()
export class BoardResolver {
  @Authorized('LEADER', 'ADMIN', 'CX', 'HR', 'analytics:read')
  @Query(() => Board, {
    description:
      'The leadership board of a quarter (by default the current one) or a year: per readable audience NPS/eNPS with interval, band, change, response rate, target, benchmarks and trend; follow-ups; improvements',
  })
  board(@Arg('period', () => PeriodInput, { nullable: true }) period: PeriodInput | null, @Ctx() ctx: Context) {
    return board(ctx, period);
  }

  @Authorized('LEADER', 'ADMIN', 'CX', 'HR', 'analytics:read')
  @Query(() => [NpsTargetType], { description: "The organization's NPS targets, of one year or all" })
  npsTargets(@Arg('year', () => Int, { nullable: true }) year: number | null, @Ctx() ctx: Context) {
    return listNpsTargets(ctx, year);
  }

  @Authorized('LEADER', 'ADMIN', 'CX', 'HR', 'analytics:read')
  @Query(() => [BenchmarkType], { description: "The organization's industry benchmarks, of one audience or all" })
  benchmarks(@Arg('audience', () => AudienceEnum, { nullable: true }) audience: Audience | null, @Ctx() ctx: Context) {
    return listBenchmarks(ctx, audience);
  }

  @Authorized('ADMIN', 'LEADER')
  @Mutation(() => NpsTargetType, { description: "Sets an audience's target NPS for a year or a quarter, replacing the one there was" })
  setNpsTarget(
    @Arg('audience', () => AudienceEnum) audience: Audience,
    @Arg('period', () => PeriodInput) period: PeriodInput,
    @Arg('value', () => Float, { description: '−100 to 100' }) value: number,
    @Ctx() ctx: Context,
  ) {
    return setNpsTarget(ctx, audience, period, value);
  }

  @Authorized('ADMIN', 'LEADER')
  @Mutation(() => Boolean, { description: "Removes an audience's target for a year or a quarter; false when there was none" })
  removeNpsTarget(@Arg('audience', () => AudienceEnum) audience: Audience, @Arg('period', () => PeriodInput) period: PeriodInput, @Ctx() ctx: Context) {
    return removeNpsTarget(ctx, audience, period);
  }

  @Authorized('ADMIN', 'LEADER')
  @Mutation(() => BenchmarkType, { description: 'Adds an industry benchmark shown beside the score of its audience' })
  addBenchmark(@Arg('input', () => AddBenchmarkInput) input: AddBenchmarkInput, @Ctx() ctx: Context) {
    return addBenchmark(ctx, input);
  }

  @Authorized('ADMIN', 'LEADER')
  @Mutation(() => Boolean)
  removeBenchmark(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return removeBenchmark(ctx, id);
  }
}
