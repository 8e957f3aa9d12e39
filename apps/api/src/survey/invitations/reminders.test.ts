import { describe, expect, it } from 'vitest';
import { isDaytime } from './reminders.js';

describe('isDaytime', () => {
  it('reads the hour in the organization’s time zone', () => {
    const noonUtc = new Date('2026-12-06T12:00:00Z');
    expect(isDaytime(noonUtc, 'UTC')).toBe(true);
    expect(isDaytime(noonUtc, 'Europe/Warsaw')).toBe(true); // 13:00
    expect(isDaytime(noonUtc, 'Pacific/Kiritimati')).toBe(false); // 02:00 the next day
    expect(isDaytime(new Date('2026-12-06T07:59:00Z'), 'UTC')).toBe(false);
    expect(isDaytime(new Date('2026-12-06T08:00:00Z'), 'UTC')).toBe(true);
    expect(isDaytime(new Date('2026-12-06T20:00:00Z'), 'UTC')).toBe(false);
  });

  it('takes UTC for no zone or one it does not know', () => {
    expect(isDaytime(new Date('2026-12-06T12:00:00Z'), null)).toBe(true);
    expect(isDaytime(new Date('2026-12-06T23:00:00Z'), 'Mars/Olympus')).toBe(false);
  });
});
