import { badInput } from '../../kernel/errors.js';
import { addDays, addMonths } from './periods.js';

/** A board or target period: a calendar year, or a quarter of it (UTC days). */
export interface CalendarPeriod {
  year: number;
  quarter: number | null;
  /** "2026-Q4" or "2026". */
  label: string;
  from: string;
  to: string;
}

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

/** Checks year (2000–2100) and quarter (1–4, or none: the whole year); bad input names `${field}.year` / `${field}.quarter`. */
export function calendarPeriod(input: { year: number; quarter?: number | null }, field = 'period'): CalendarPeriod {
  const { year } = input;
  const quarter = input.quarter ?? null;
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) throw badInput(`${field}.year`, `year must be from ${MIN_YEAR} to ${MAX_YEAR}`);
  if (quarter !== null && (!Number.isInteger(quarter) || quarter < 1 || quarter > 4)) throw badInput(`${field}.quarter`, 'quarter must be from 1 to 4, or left out for the whole year');
  return periodOf(year, quarter);
}

function periodOf(year: number, quarter: number | null): CalendarPeriod {
  const from = `${year}-${String(quarter === null ? 1 : (quarter - 1) * 3 + 1).padStart(2, '0')}-01`;
  const to = addDays(addMonths(from, quarter === null ? 12 : 3), -1);
  return { year, quarter, label: quarter === null ? String(year) : `${year}-Q${quarter}`, from, to };
}

/** The quarter holding a day. */
export function quarterOf(day: string): CalendarPeriod {
  const month = Number(day.slice(5, 7));
  return periodOf(Number(day.slice(0, 4)), Math.floor((month - 1) / 3) + 1);
}

/** The period of the same length just before: the previous quarter, or the previous year. */
export function previousPeriod(p: CalendarPeriod): CalendarPeriod {
  if (p.quarter === null) return periodOf(p.year - 1, null);
  return p.quarter === 1 ? periodOf(p.year - 1, 4) : periodOf(p.year, p.quarter - 1);
}
