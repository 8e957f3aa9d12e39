import { DEFAULT_BANDS, band as bandOf, round } from '@tandem/nps-core';

// Numbers and dates for display, in the interface language. NPS arithmetic is nps-core's; this
// only rounds (with nps-core's `round`) and formats.

/** Band keys with an i18n label (`bands.<key>`). */
export const BAND_KEYS = DEFAULT_BANDS.map((b) => b.key);

/** An NPS as a whole number with its sign ("+42", "-100", "0"); a dash for null. */
export function formatNps(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined) return '–';
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(round(value, 0));
}

/** A whole number in the language's style ("1,234" / "1 234"). */
export function formatCount(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined) return '–';
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/** A share 0..1 as a whole percentage ("33 %" or "33%", as the language writes it); a dash for null. */
export function formatShare(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined) return '–';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(round(value * 100, 0) / 100);
}

/** A share 0..1 as a whole percentage for a progress bar's width and aria-valuenow. */
export const sharePercent = (value: number | null | undefined): number =>
  value === null || value === undefined ? 0 : Math.min(100, Math.max(0, round(value * 100, 0)));

/** The band of an NPS: the server's when it sent one, else the default bands'. */
export function bandKey(nps: number | null | undefined, serverBand?: string | null): string | null {
  if (serverBand) return serverBand;
  return nps === null || nps === undefined ? null : bandOf(nps);
}

const parse = (iso: string | null | undefined): Date | null => {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
};

export function formatDateTime(iso: string | null | undefined, locale: string): string {
  const date = parse(iso);
  return date ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date) : '–';
}

export function formatDate(iso: string | null | undefined, locale: string): string {
  const date = parse(iso);
  return date ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date) : '–';
}

/** The value of an <input type="datetime-local"> (local time) as an ISO instant, or null when empty or invalid. */
export function localInputToIso(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "in 2 days", "3 hours ago", "now": the distance from `now`, in the largest whole unit. */
export function formatRelative(iso: string | null | undefined, locale: string, now: number = Date.now()): string {
  const date = parse(iso);
  if (!date) return '–';
  const diff = date.getTime() - now;
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of RELATIVE_UNITS) {
    if (Math.abs(diff) >= size) return format.format(Math.trunc(diff / size), unit);
  }
  return format.format(0, 'second');
}
