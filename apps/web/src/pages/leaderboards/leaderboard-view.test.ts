import { describe, expect, it } from 'vitest';
import { formatInterval, formatValue, hasEnded, isMine, lastEndedQuarter, parseChoice, podiumOf } from './leaderboard-view';

describe('leaderboard view', () => {
  it('reads the choice from the address, with safe fallbacks and employee surveys on response rate of teams', () => {
    expect(parseChoice({})).toEqual({ entity: 'TEAM', metric: 'NPS', audience: null });
    expect(parseChoice({ entity: 'MANAGER', metric: 'NPS_IMPROVEMENT', audience: 'CUSTOMER' })).toEqual({ entity: 'MANAGER', metric: 'NPS_IMPROVEMENT', audience: 'CUSTOMER' });
    expect(parseChoice({ entity: 'BOSS', metric: ['NPS', 'x'], audience: 'ALIENS' })).toEqual({ entity: 'TEAM', metric: 'NPS', audience: null });
    expect(parseChoice({ entity: 'MANAGER', metric: 'NPS', audience: 'EMPLOYEE' })).toEqual({ entity: 'TEAM', metric: 'RESPONSE_RATE', audience: 'EMPLOYEE' });
  });

  it('puts the first three eligible entries on the podium; improvements need a value above 0', () => {
    const e = (value: number, eligible = true) => ({ value, eligible });
    expect(podiumOf('NPS', [e(50), e(90, false), e(40), e(-5), e(-10)])).toEqual([e(50), e(40), e(-5)]);
    expect(podiumOf('NPS_IMPROVEMENT', [e(10), e(0), e(-3)])).toEqual([e(10)]);
    expect(podiumOf('IMPROVEMENTS_IMPLEMENTED', [e(0)])).toEqual([]);
  });

  it('formats each metric and its interval', () => {
    expect(formatValue('NPS', 41.6, 'en')).toBe('+42');
    expect(formatValue('RESPONSE_RATE', 0.875, 'en')).toBe('88%');
    expect(formatValue('IMPROVEMENTS_IMPLEMENTED', 3, 'en')).toBe('3');
    expect(formatInterval('NPS', -5.7, 57.9, 'en')).toBe('-6 – +58');
    expect(formatInterval('NPS', null, null, 'en')).toBe('–');
  });

  it("finds the logged-in manager's team and themselves", () => {
    const me = { id: 'u1', orgUnit: { id: 'ou1' } };
    expect(isMine('TEAM', 'ou1', me)).toBe(true);
    expect(isMine('MANAGER', 'u1', me)).toBe(true);
    expect(isMine('MANAGER', 'ou1', me)).toBe(false);
    expect(isMine('TEAM', null, me)).toBe(false);
  });

  it('knows the last quarter that has ended', () => {
    expect(lastEndedQuarter(new Date('2026-11-23T00:00:00Z'))).toEqual({ year: 2026, quarter: 3 });
    expect(lastEndedQuarter(new Date('2026-02-01T00:00:00Z'))).toEqual({ year: 2025, quarter: 4 });
    expect(hasEnded({ year: 2026, quarter: 3 }, new Date('2026-10-01T00:00:00Z'))).toBe(true);
    expect(hasEnded({ year: 2026, quarter: 4 }, new Date('2026-12-31T23:00:00Z'))).toBe(false);
    expect(hasEnded({ year: 2026, quarter: null }, new Date('2026-11-23T00:00:00Z'))).toBe(false);
  });
});
