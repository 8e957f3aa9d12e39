/**
 * A theme's impact on the NPS: how many points the responses mentioning it add to the NPS of all
 * responses, compared with the NPS of the others alone.
 *
 *   impact = NPS(all) − NPS(all without the mentioners)
 *
 * Positive: the theme lifts the NPS (its mentioners are happier than the rest); negative: it pulls
 * the NPS down. With m mentioners of n responses, NPS(all) = (m·NPS_m + (n − m)·NPS_rest)/n, so
 *
 *   impact = (m / n) · (NPS_m − NPS_rest)
 *
 * — the gap between the two groups, weighted by the theme's share. The mentioners and the rest
 * are disjoint samples, so SE(impact) = (m / n) · √(SE_m² + SE_rest²) with the adjusted-Wald SEs,
 * and the 95 % interval is impact ± 1.96 · SE(impact): each theme its own width, narrow for a
 * rare theme (it cannot move the NPS much), wide for a common one with few responses.
 * Null when nobody mentions the theme or nobody is left without it.
 */

import { Z_95 } from './constants.js';
import { type NpsCounts, totalOf, validateCounts } from './counts.js';
import { interval } from './interval.js';
import { nps } from './nps.js';

export type ThemeImpact = {
  /** NPS(all) − NPS(rest), in NPS points; positive = the theme lifts the NPS. */
  impact: number;
  /** Half-width of the 95 % interval, in NPS points. */
  margin: number;
  low: number;
  high: number;
  /** The interval excludes 0. */
  significant: boolean;
};

/** The rest of the responses: all minus the mentioners. Throws RangeError when the mentioners are not part of all. */
export function withoutCounts(all: NpsCounts, part: NpsCounts): NpsCounts {
  validateCounts(all);
  validateCounts(part);
  const rest = { promoters: all.promoters - part.promoters, passives: all.passives - part.passives, detractors: all.detractors - part.detractors };
  if (rest.promoters < 0 || rest.passives < 0 || rest.detractors < 0) throw new RangeError('the mentioners must be part of all responses');
  return rest;
}

export function themeImpact(all: NpsCounts, mentioners: NpsCounts): ThemeImpact | null {
  const rest = withoutCounts(all, mentioners);
  const npsAll = nps(all);
  const npsM = nps(mentioners);
  const npsRest = nps(rest);
  if (npsAll === null || npsM === null || npsRest === null) return null;
  const weight = totalOf(mentioners) / totalOf(all);
  const seM = interval(mentioners).standardError;
  const seRest = interval(rest).standardError;
  const margin = Z_95 * weight * Math.sqrt(seM * seM + seRest * seRest);
  const impact = npsAll - npsRest;
  return { impact, margin, low: impact - margin, high: impact + margin, significant: Math.abs(impact) > margin };
}
