import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kernel/context.js';
import { closeWave, createWave, findWave, listWaves, openWave, setQuestionText, setWavePublicTitles, updateWave } from './wave.service.js';
import { CreateWaveInput, LocalizedTextInput, UpdateWaveInput, WaveFilter } from './wave.inputs.js';
import { WaveConnection, WaveQuestionType, WaveType } from './wave.type.js';
import { WAVE_READERS, WAVE_RUNNERS } from '../../kernel/policies.js';

@Resolver(() => WaveType)
export class WaveResolver {
  @Authorized(...WAVE_READERS)
  @Query(() => WaveConnection, { description: 'Waves the caller may read, newest first' })
  waves(
    @Arg('filter', () => WaveFilter, { nullable: true }) filter: WaveFilter | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    return listWaves(ctx, filter ?? {}, { first, after });
  }

  @Authorized(...WAVE_READERS)
  @Query(() => WaveType, { nullable: true, description: 'NOT_FOUND (id) for an unknown wave or one the caller may not read' })
  wave(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return findWave(ctx, id);
  }

  @Authorized(...WAVE_RUNNERS)
  @Mutation(() => WaveType, { description: 'A DRAFT wave with the standard questions in each of its languages' })
  createWave(@Arg('input', () => CreateWaveInput) input: CreateWaveInput, @Ctx() ctx: Context) {
    return createWave(ctx, input);
  }

  @Authorized(...WAVE_RUNNERS)
  @Mutation(() => WaveType, { description: "Change a wave's name, dates (re-scheduling its opening and closing) or reminder rule" })
  updateWave(@Arg('id', () => ID) id: string, @Arg('input', () => UpdateWaveInput) input: UpdateWaveInput, @Ctx() ctx: Context) {
    return updateWave(ctx, id, input);
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
  async questions(@Root() wave: WaveType, @Ctx() ctx: Context) {
    return (await ctx.loaders.waveQuestions.load(wave.id)).map(WaveQuestionType.from);
  }
}
