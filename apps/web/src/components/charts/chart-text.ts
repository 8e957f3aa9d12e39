import type { ChartValue } from './chart-data';

// The words and number formats a chart option needs, passed in so that the builders stay pure
// (the components fill this from vue-i18n and app/format.ts).

export interface ChartText {
  /** "+42", "−7", "–" for null. */
  nps(value: number | null): string;
  /** "NPS" or "eNPS": the line's or the bars' name. */
  seriesName: string;
  /** "95 % interval". */
  intervalName: string;
  /** "−12 to +30". */
  interval(low: number, high: number): string;
  /** "Answers: 16". */
  answers(n: number): string;
  /** The band's name ("Good"). */
  band(key: string): string;
  /** "Significant change from the previous point". */
  significant: string;
  /** "In progress: the answers so far". */
  inProgress: string;
  /** Short: "Hidden (anonymity)". */
  hidden: string;
  /** Short: "No answers". */
  noAnswers: string;
}

/** One line of text for a point or group, for tooltips and the text alternative. */
export function valueText(value: ChartValue, text: ChartText): string {
  if (value.hidden) return text.hidden;
  if (value.nps === null) return text.noAnswers;
  const parts = [`${text.seriesName} ${text.nps(value.nps)}`];
  if (value.band) parts.push(text.band(value.band));
  if (value.low !== null && value.high !== null) parts.push(`${text.intervalName} ${text.interval(value.low, value.high)}`);
  if (value.responses !== null) parts.push(text.answers(value.responses));
  return parts.join(' · ');
}

const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A tooltip's HTML: the title and the value's text, escaped (labels come from the organization's data). */
export function tooltipHtml(title: string, lines: readonly string[]): string {
  return [`<strong>${escapeHtml(title)}</strong>`, ...lines.map(escapeHtml)].join('<br>');
}

/**
 * A name cut to `max` characters with an ellipsis, for axis labels (tooltips and the text
 * alternative keep the whole name). In the middle for names that differ at the end ("Pulse Q3 2026").
 */
export const shorten = (name: string, max: number, where: 'end' | 'middle' = 'end'): string => {
  const chars = [...name];
  if (chars.length <= max) return name;
  if (where === 'end') return `${chars.slice(0, max - 1).join('').trimEnd()}…`;
  // More of the end: that is where such names differ.
  const tail = Math.ceil((max - 1) * 0.6);
  const head = max - 1 - tail;
  return `${chars.slice(0, head).join('').trimEnd()}…${chars.slice(chars.length - tail).join('').trimStart()}`;
};
