/**
 * Calendar periods of trends and boards, in UTC days (YYYY-MM-DD). Period keys are those the
 * rollup groups by (nps-counts.ts): ISO weeks "2026-W05", months "2026-03", quarters "2026-Q1".
 */

export type CalendarInterval = 'WEEK' | 'MONTH' | 'QUARTER';

export interface Period {
  key: string;
  /** First and last day, inclusive. */
  from: string;
  to: string;
}

const DAY_MS = 24 * 3600 * 1000;
const pad2 = (n: number) => String(n).padStart(2, '0');
const utc = (day: string) => new Date(`${day}T00:00:00Z`);
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);
export const addDays = (day: string, days: number) => isoDay(new Date(utc(day).getTime() + days * DAY_MS));

/** The first day of a month, `months` months after the month of `day` (negative: before). */
export function addMonths(day: string, months: number): string {
  const d = utc(day);
  return isoDay(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1)));
}

/** The ISO week (Monday to Sunday) of a day: its key as PostgreSQL's to_char(…, 'IYYY-"W"IW'). */
function isoWeek(day: string): Period {
  const d = utc(day);
  const monday = new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY_MS);
  const thursday = new Date(monday.getTime() + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const jan4 = Date.UTC(year, 0, 4);
  const firstMonday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
  const week = 1 + Math.round((monday.getTime() - firstMonday) / (7 * DAY_MS));
  return { key: `${year}-W${pad2(week)}`, from: isoDay(monday), to: isoDay(new Date(monday.getTime() + 6 * DAY_MS)) };
}

/** The period of an interval that holds a day. */
export function periodOf(day: string, interval: CalendarInterval): Period {
  if (interval === 'WEEK') return isoWeek(day);
  const d = utc(day);
  const year = d.getUTCFullYear();
  if (interval === 'MONTH') {
    const from = isoDay(new Date(Date.UTC(year, d.getUTCMonth(), 1)));
    return { key: from.slice(0, 7), from, to: addDays(addMonths(from, 1), -1) };
  }
  const quarter = Math.floor(d.getUTCMonth() / 3) + 1;
  const from = isoDay(new Date(Date.UTC(year, (quarter - 1) * 3, 1)));
  return { key: `${year}-Q${quarter}`, from, to: addDays(addMonths(from, 3), -1) };
}

/** Every period from the one holding `from` to the one holding `to`, in order; at most `max`, or null when there would be more. */
export function periodsBetween(from: string, to: string, interval: CalendarInterval, max = 2000): Period[] | null {
  const out: Period[] = [];
  if (from > to) return out;
  let current = periodOf(from, interval);
  for (;;) {
    out.push(current);
    if (out.length > max) return null;
    if (current.to >= to) return out;
    current = periodOf(addDays(current.to, 1), interval);
  }
}
