import { bandKey } from '../../app/format';

// What the charts draw from an NpsSummary, and in which state a chart is. Pure: the option
// builders (trend-option.ts, breakdown-option.ts) and the chart components share it.

/** The part of an NpsSummary a chart uses. */
export interface ChartSummary {
  nps?: number | null;
  ciLow?: number | null;
  ciHigh?: number | null;
  responses?: number | null;
  band?: string | null;
  suppressed: boolean;
}

/** A point or bar as drawn: null numbers are gaps, never 0. */
export interface ChartValue {
  /** The NPS; null when suppressed or without answers. */
  nps: number | null;
  /** The 95 % interval; null like nps, or when the server sent none. */
  low: number | null;
  high: number | null;
  band: string | null;
  responses: number | null;
  /** Hidden by the anonymity guard: no number of it is drawn or written. */
  hidden: boolean;
}

const finite = (value: number | null | undefined): value is number => typeof value === 'number' && Number.isFinite(value);

/** A summary as drawn: a suppressed one carries no number at all, a missing NPS stays null. */
export function chartValue(summary: ChartSummary | null | undefined): ChartValue {
  if (!summary || summary.suppressed) return { nps: null, low: null, high: null, band: null, responses: null, hidden: !!summary?.suppressed };
  const nps = finite(summary.nps) ? summary.nps : null;
  const withInterval = nps !== null && finite(summary.ciLow) && finite(summary.ciHigh);
  return {
    nps,
    low: withInterval ? summary.ciLow! : null,
    high: withInterval ? summary.ciHigh! : null,
    band: nps === null ? null : bandKey(nps, summary.band),
    responses: finite(summary.responses) ? summary.responses : null,
    hidden: false,
  };
}

/**
 * What a chart shows: the chart, "no answers in this period", or "hidden to protect anonymity".
 * Hidden when the summary over everything shown is suppressed, or when nothing can be drawn and
 * at least one point or group was suppressed; empty when nothing has answers.
 */
export type ChartState = 'chart' | 'empty' | 'hidden';

export function chartState(values: readonly ChartValue[], summary?: ChartSummary | null): ChartState {
  if (summary?.suppressed) return 'hidden';
  if (values.some((value) => value.nps !== null)) return 'chart';
  return values.some((value) => value.hidden) ? 'hidden' : 'empty';
}

/** Bar colours per band: the hues of the band pills (components.css .band-*), strong enough for a bar. */
export const BAND_COLORS: Readonly<Record<string, string>> = Object.freeze({
  needs_work: '#b8323a',
  good: '#b7791f',
  great: '#2c6bb3',
  excellent: '#2f7d4a',
});
/** For a band the web app does not know (an organization's own band keys). */
export const UNKNOWN_BAND_COLOR = '#6b7b86';

export const bandColor = (band: string | null | undefined): string => (band && BAND_COLORS[band]) || UNKNOWN_BAND_COLOR;

/** The line and interval colours of a trend (the app's primary colour). */
export const TREND_COLOR = '#1d5e70';
export const TREND_BAND_FILL = 'rgba(29, 94, 112, 0.16)';
export const WHISKER_COLOR = '#17232b';

/**
 * The value axis: from −100 to 100 in steps of 25, narrowed to what the numbers and their
 * intervals (and any reference lines: targets, benchmarks) need, never less than 50 points wide.
 */
export function axisBounds(values: readonly ChartValue[], references: readonly number[] = []): { min: number; max: number } {
  const numbers = [
    ...values.flatMap((value) => [value.nps, value.low, value.high]).filter(finite),
    ...references.filter(finite),
  ];
  if (numbers.length === 0) return { min: -100, max: 100 };
  let min = Math.max(-100, Math.floor(Math.min(...numbers) / 25) * 25);
  let max = Math.min(100, Math.ceil(Math.max(...numbers) / 25) * 25);
  if (min === max || max - min < 50) {
    const middle = (min + max) / 2;
    min = Math.max(-100, Math.floor((middle - 25) / 25) * 25);
    max = Math.min(100, min + 50);
    if (max - min < 50) min = max - 50;
  }
  return { min, max };
}
