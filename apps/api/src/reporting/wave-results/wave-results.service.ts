import type { Context } from '../../kernel/context.js';
import { orgOf } from '../../kernel/context.js';
import { badInput } from '../../kernel/errors.js';
import { NpsSummary } from '../base/nps-summary.type.js';
import { employeeWaveResults } from '../anonymity/index.js';
import { commentOwnerRestriction, isAnonymousAudience } from '../../survey/waves/wave-access.js';
import type { InvitationStats } from './wave-results.loader.js';
import { WaveComment, type WaveType } from '../../survey/waves/wave.type.js';

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
