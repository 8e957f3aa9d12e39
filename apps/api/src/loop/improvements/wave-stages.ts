import type { Context } from '../../kernel/context.js';
import { employeeWaveResults } from '../../reporting/anonymity/index.js';
import { responseRate } from '../../reporting/wave-results/wave-results.service.js';
import { analysisProgress } from '../../survey/themes/theme.loader.js';
import { isAnonymousAudience } from '../../survey/waves/wave-access.js';
import { WaveStages, type WaveType } from '../../survey/waves/wave.type.js';

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

