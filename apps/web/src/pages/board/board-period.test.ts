import { describe, expect, it } from 'vitest';
import { formatPeriod, isFuture, parsePeriod, pickableYears, quarterOf } from './board-period';

describe('board period in the address', () => {
  it('reads a quarter or a year', () => {
    expect(parsePeriod('2026-Q4')).toEqual({ year: 2026, quarter: 4 });
    expect(parsePeriod('2025')).toEqual({ year: 2025, quarter: null });
    expect(parsePeriod([' 2024-Q1 '])).toEqual({ year: 2024, quarter: 1 });
  });

  it('ignores anything else', () => {
    for (const garbage of [undefined, null, '', 'abc', '2026-Q5', '2026-Q0', '2026-q1', '26', '1999', '2101', '2026-Q1x', ['2026', '2025'], 2026, {}, '<script>']) {
      expect(parsePeriod(garbage), String(garbage)).toBeNull();
    }
  });

  it('writes what it reads', () => {
    for (const text of ['2026-Q4', '2025', '2000-Q1']) expect(formatPeriod(parsePeriod(text)!)).toBe(text);
  });

  it('knows the current quarter and what lies ahead of it (UTC)', () => {
    const now = new Date('2026-11-23T12:00:00Z');
    expect(quarterOf(now)).toEqual({ year: 2026, quarter: 4 });
    expect(quarterOf(new Date('2026-03-31T23:59:59Z'))).toEqual({ year: 2026, quarter: 1 });
    const may = new Date('2026-05-02T00:00:00Z');
    expect(isFuture({ year: 2026, quarter: 3 }, may)).toBe(true);
    expect(isFuture({ year: 2026, quarter: 2 }, may)).toBe(false);
    expect(isFuture({ year: 2026, quarter: null }, may)).toBe(false);
    expect(isFuture({ year: 2027, quarter: null }, may)).toBe(true);
    expect(isFuture({ year: 2025, quarter: 4 }, may)).toBe(false);
    expect(pickableYears(may)).toEqual([2026, 2025, 2024, 2023, 2022, 2021]);
  });
});
