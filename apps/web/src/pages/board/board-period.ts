// The board's period in the address: ?period=2026-Q4 for a quarter, ?period=2026 for a year;
// without it (or with anything else) the server's default, the current quarter.

export interface BoardPeriod {
  year: number;
  /** 1–4; null for the whole year. */
  quarter: number | null;
}

/** The years the picker offers: this one and the ones before it. */
export const YEARS_BACK = 5;
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

/** "2026-Q4" or "2026" as a period; anything else (garbage, several values, out of range) is null. */
export function parsePeriod(value: unknown): BoardPeriod | null {
  const text = Array.isArray(value) ? (value.length === 1 ? value[0] : null) : value;
  if (typeof text !== 'string') return null;
  const match = /^(\d{4})(?:-Q([1-4]))?$/.exec(text.trim());
  if (!match) return null;
  const year = Number(match[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  return { year, quarter: match[2] ? Number(match[2]) : null };
}

export const formatPeriod = (period: BoardPeriod): string => (period.quarter ? `${period.year}-Q${period.quarter}` : String(period.year));

/** The quarter a date falls in (UTC, as the server counts). */
export const quarterOf = (now: Date): BoardPeriod => ({ year: now.getUTCFullYear(), quarter: Math.floor(now.getUTCMonth() / 3) + 1 });

/** A period that has not started yet (the server refuses it). */
export function isFuture(period: BoardPeriod, now: Date): boolean {
  const current = quarterOf(now);
  if (period.year !== current.year) return period.year > current.year;
  return period.quarter !== null && period.quarter > current.quarter!;
}

/** The years to pick from, newest first. */
export const pickableYears = (now: Date): number[] => Array.from({ length: YEARS_BACK + 1 }, (_, i) => now.getUTCFullYear() - i);
