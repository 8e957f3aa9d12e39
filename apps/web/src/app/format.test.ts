import { describe, expect, it } from 'vitest';
import { bandKey, formatCount, formatNps, formatRelative, formatShare, localInputToIso, sharePercent } from './format';

describe('formatNps', () => {
  it('shows a whole number with its sign, rounded half away from zero', () => {
    expect(formatNps(-100, 'en')).toBe('-100');
    expect(formatNps(42.5, 'en')).toBe('+43');
    expect(formatNps(-2.5, 'en')).toBe('-3');
    expect(formatNps(0, 'en')).toBe('0');
    expect(formatNps(-0.4, 'en')).toBe('0');
    expect(formatNps(null, 'en')).toBe('–');
  });
});

describe('formatShare and sharePercent', () => {
  it('shows a share as a whole percentage in the language’s style', () => {
    expect(formatShare(0.5, 'en')).toBe('50%');
    expect(formatShare(1 / 3, 'en')).toBe('33%');
    expect(formatShare(0.125, 'en')).toBe('13%');
    expect(formatShare(0.5, 'da').replace(/\s/g, ' ')).toBe('50 %');
    expect(formatShare(null, 'en')).toBe('–');
    expect(sharePercent(0.666)).toBe(67);
    expect(sharePercent(null)).toBe(0);
    expect(sharePercent(1.5)).toBe(100);
  });

  it('counts in the language’s style', () => {
    expect(formatCount(1234, 'en')).toBe('1,234');
    expect(formatCount(undefined, 'en')).toBe('–');
  });
});

describe('bandKey', () => {
  it('prefers the server’s band, else the default bands', () => {
    expect(bandKey(-100, 'needs_work')).toBe('needs_work');
    expect(bandKey(10, 'great')).toBe('great');
    expect(bandKey(-1)).toBe('needs_work');
    expect(bandKey(0)).toBe('good');
    expect(bandKey(30)).toBe('great');
    expect(bandKey(50)).toBe('excellent');
    expect(bandKey(null)).toBeNull();
  });
});

describe('dates', () => {
  it('says how far a time is from now', () => {
    const now = Date.parse('2026-11-23T12:00:00Z');
    expect(formatRelative('2026-11-25T12:00:00Z', 'en', now)).toBe('in 2 days');
    expect(formatRelative('2026-11-23T09:00:00Z', 'en', now)).toBe('3 hours ago');
    expect(formatRelative('2026-11-23T12:00:20Z', 'en', now)).toBe('now');
    expect(formatRelative(null, 'en', now)).toBe('–');
  });

  it('reads a datetime-local value as local time', () => {
    expect(localInputToIso('')).toBeNull();
    expect(localInputToIso('nonsense')).toBeNull();
    expect(localInputToIso('2026-12-01T09:30')).toBe(new Date(2026, 11, 1, 9, 30).toISOString());
  });
});
