/** A moment's calendar parts in a time zone. */
export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  /** YYYY-MM-DD */
  date: string;
  hour: number;
  /** Mon, Tue, ... */
  weekday: string;
  /** Milliseconds since local midnight. */
  sinceMidnightMs: number;
}

const PARTS: Intl.DateTimeFormatOptions = {
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', weekday: 'short', hourCycle: 'h23',
};

/** A moment's calendar date, hour and weekday in a time zone (UTC when the zone is unknown): the schedules' sense of "07:00 on a Monday". */
export function zoned(at: Date, timeZone: string): ZonedParts {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-GB', { ...PARTS, timeZone });
  } catch {
    format = new Intl.DateTimeFormat('en-GB', { ...PARTS, timeZone: 'UTC' });
  }
  const p = Object.fromEntries(format.formatToParts(at).map((x) => [x.type, x.value]));
  const hour = Number(p.hour);
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    date: `${p.year}-${p.month}-${p.day}`,
    hour,
    weekday: p.weekday,
    sinceMidnightMs: ((hour * 60 + Number(p.minute)) * 60 + Number(p.second)) * 1000 + at.getUTCMilliseconds(),
  };
}
