import type { Context } from '../../kernel/context.js';
import { orgOf } from '../../kernel/context.js';
import { badInput } from '../../kernel/errors.js';
import { NpsSummary } from '../../reporting/analytics/nps-summary.type.js';
import { employeeWaveResults } from '../../reporting/anonymity/index.js';
import { analysisProgress } from '../themes/theme.loader.js';
import { commentOwnerRestriction, isAnonymousAudience } from './wave-access.js';
import type { InvitationStats } from './wave.loader.js';
import { WaveComment, WaveQuestionType, WaveStages, type WaveType } from './wave.type.js';

/**
 * The results of one wave, for the Wave field resolvers. Each goes through a request loader, so a
 * page of waves costs one grouped query per kind of result, never one per wave.
 *
 * Employee waves report through the anonymity guard: their numbers come from
 * reporting/anonymity/employee-results/ (employeeWaveResults), which applies the threshold
 * and differencing rules of PRODUCT.md section 5 — invited always, responded and the response rate
 * only from k invited, the summary and score distribution only when the guard releases them. They
 * never list comments here, and have no first reaction (anonymous answers get no follow-ups).
 * Nothing in this file ever reads an employee answer.
 */

const MAX_COMMENTS = 50;

export async function waveQuestions(ctx: Context, wave: WaveType): Promise<WaveQuestionType[]> {
  return (await ctx.loaders.waveQuestions.load(wave.id)).map(WaveQuestionType.from);
}

export async function invitationStats(ctx: Context, wave: WaveType): Promise<InvitationStats> {
  if (isAnonymousAudience(wave.audience)) {
    const { invited, responded } = await employeeWaveResults(ctx, wave.id);
    return { invited, responded };
  }
  return ctx.loaders.waveInvitationStats.load(wave.id);
}

/** Responded ÷ invited, 0..1; null before anyone is invited (employee waves: before k are invited). */
export async function responseRate(ctx: Context, wave: WaveType): Promise<number | null> {
  if (isAnonymousAudience(wave.audience)) return (await employeeWaveResults(ctx, wave.id)).responseRate;
  const { invited, responded } = await invitationStats(ctx, wave);
  return invited === 0 ? null : responded / invited;
}

/** The wave's NPS with its interval and band (nps-core, default bands). */
export async function waveSummary(ctx: Context, wave: WaveType): Promise<NpsSummary> {
  if (isAnonymousAudience(wave.audience)) return (await employeeWaveResults(ctx, wave.id)).summary;
  return NpsSummary.of(await ctx.loaders.waveNpsCounts.load(wave.id));
}

/** Responses per score 0..10 (11 counts); for employee waves only when the guard releases the summary, else []. */
export async function scoreDistribution(ctx: Context, wave: WaveType): Promise<number[]> {
  if (isAnonymousAudience(wave.audience)) return (await employeeWaveResults(ctx, wave.id)).scoreDistribution;
  return ctx.loaders.waveScoreDistribution.load(wave.id);
}

/**
 * The four stages' progress. Survey: the response rate (0 before anyone is invited). First
 * reaction: detractors reached within the SLA ÷ detractors, null without detractors (always null
 * for employee waves: anonymous answers get no follow-ups). Improvements: how many linked to the wave
 * were implemented (improvements feature, doneByWave).
 */
export async function waveStages(ctx: Context, wave: WaveType): Promise<WaveStages> {
  const stages: WaveStages = Object.assign(new WaveStages(), { survey: 0, firstReaction: null, analysis: null, improvements: 0 });
  // Stage 4: improvements linked to the wave (as a wave, or through its responses or follow-ups)
  // that reached IMPLEMENTED or VERIFIED — one grouped statement for a page of waves.
  stages.improvements = await ctx.loaders.improvements.doneByWave.load(wave.id);
  if (isAnonymousAudience(wave.audience)) {
    stages.survey = (await employeeWaveResults(ctx, wave.id)).responseRate ?? 0;
    return stages;
  }
  const [rate, reaction] = await Promise.all([responseRate(ctx, wave), ctx.loaders.waveFirstReaction.load(wave.id)]);
  stages.survey = rate ?? 0;
  stages.firstReaction = reaction.detractors === 0 ? null : reaction.reachedInTime / reaction.detractors;
  // Stage 3: commented responses with an accepted theme (employee waves: null, nobody tags them).
  stages.analysis = analysisProgress(await ctx.loaders.waveAnalysis.load(wave.id));
  return stages;
}

/**
 * The newest commented responses of an identified wave, newest first. A manager reads only the
 * responses of their own contacts; employee waves never list comments here.
 */
export async function latestComments(ctx: Context, wave: WaveType, limit: number): Promise<WaveComment[]> {
  orgOf(ctx);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_COMMENTS) throw badInput('limit', `limit must be from 1 to ${MAX_COMMENTS}`);
  if (isAnonymousAudience(wave.audience)) return [];
  const rows = await ctx.loaders.waveComments.load({ waveId: wave.id, limit, ownerId: commentOwnerRestriction(ctx.principal!) });
  return rows.map((row) => Object.assign(new WaveComment(), row));
}
