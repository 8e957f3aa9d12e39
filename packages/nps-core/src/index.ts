/**
 * @tandem/nps-core — the NPS arithmetic shared by the API server and the web app.
 * Pure functions, no dependencies, no I/O; full precision (round only for display).
 */

export { Z_95 } from './constants.js';
export { categorize, InvalidScoreError, isValidScore, type NpsCategory, SCORE_MAX, SCORE_MIN } from './category.js';
export { countScores, type NpsCounts, totalOf, validateCounts } from './counts.js';
export { nps } from './nps.js';
export { type NpsAmounts, sumWeights, validateAmounts, weightedNps, weightedNpsOf } from './weighted.js';
export { finitePopulationFactor, interval, type IntervalOptions, type NpsInterval } from './interval.js';
export { compareNps, type CompareOptions, type NpsComparison } from './significance.js';
export { themeImpact, type ThemeImpact, withoutCounts } from './impact.js';
export { type Band, band, type BandDefinition, DEFAULT_BAND_LABELS, DEFAULT_BANDS, validateBands } from './bands.js';
export { type NpsSummary, summarize, type SummaryOptions } from './summary.js';
export { round } from './round.js';
export { wilson, type WilsonInterval } from './wilson.js';
export {
  DEFAULT_MIN_INVITED,
  DEFAULT_MIN_RESPONSES,
  type NpsEntry,
  rankByLowerBound,
  rankByRateLowerBound,
  type RankedEntry,
  type RankedRateEntry,
  type RankOptions,
  type RateEntry,
  type RateRankOptions,
} from './ranking.js';
