import { Arg, Authorized, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kernel/context.js';
import { NpsSummary } from '../../reporting/analytics/nps-summary.type.js';
import * as results from './wave-results.service.js';
import { closeWave, createWave, findWave, listWaves, openWave, setQuestionText, setWavePublicTitles } from './wave.service.js';
import { CreateWaveInput, LocalizedTextInput, WaveFilter } from './wave.inputs.js';
import { WaveComment, WaveConnection, WaveQuestionType, WaveStages, WaveType } from './wave.type.js';
import { COMMENT_READERS, SURVEY_READERS, WAVE_RUNNERS } from '../../kernel/policies.js';

@Resolver(() => WaveType)
export class WaveResolver {
  @Authorized(...SURVEY_READERS)
  @Query(() => WaveConnection, { description: 'Waves the caller may read, newest first' })
  waves(
    @Arg('filter', () => WaveFilter, { nullable: true }) filter: WaveFilter | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    return listWaves(ctx, filter ?? {}, { first, after });
  }

  @Authorized(...SURVEY_READERS)
  @Query(() => WaveType, { nullable: true, description: 'Null for an unknown wave or one the caller may not read' })
  wave(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return findWave(ctx, id);
  }

  @Authorized(...WAVE_RUNNERS)
  @Mutation(() => WaveType, { description: 'A DRAFT wave with the standard questions in each of its languages' })
  createWave(@Arg('input', () => CreateWaveInput) input: CreateWaveInput, @Ctx() ctx: Context) {
    return createWave(ctx, input);
  }

  @Authorized(...WAVE_RUNNERS)
  @Mutation(() => WaveType, { description: 'DRAFT → OPEN' })
  openWave(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return openWave(ctx, id);
  }

  @Authorized(...WAVE_RUNNERS)
  @Mutation(() => WaveType, { description: 'OPEN → CLOSED' })
  closeWave(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return closeWave(ctx, id);
  }

  @Authorized(...WAVE_RUNNERS)
  @Mutation(() => WaveType, { description: "Replace the survey title respondents see, per language (any status); languages left out use a neutral default" })
  setWavePublicTitles(
    @Arg('waveId', () => ID) waveId: string,
    @Arg('titles', () => [LocalizedTextInput]) titles: LocalizedTextInput[],
    @Ctx() ctx: Context,
  ) {
    return setWavePublicTitles(ctx, waveId, titles);
  }

  @Authorized(...WAVE_RUNNERS)
  @Mutation(() => WaveQuestionType, { description: "Change a question's text in one of the wave's languages, while the wave is a draft" })
  setQuestionText(
    @Arg('waveId', () => ID) waveId: string,
    @Arg('questionId', () => ID) questionId: string,
    @Arg('language', () => String) language: string,
    @Arg('text', () => String) text: string,
    @Ctx() ctx: Context,
  ) {
    return setQuestionText(ctx, waveId, questionId, language, text);
  }

  @FieldResolver(() => [WaveQuestionType])
  questions(@Root() wave: WaveType, @Ctx() ctx: Context) {
    return results.waveQuestions(ctx, wave);
  }

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

  @FieldResolver(() => WaveStages)
  stages(@Root() wave: WaveType, @Ctx() ctx: Context) {
    return results.waveStages(ctx, wave);
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
