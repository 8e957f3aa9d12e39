import { describe, expect, it } from 'vitest';
import { againstBenchmark, canManageTargets, changeFrom, difference } from './board-card';

describe('board card figures', () => {
  it('the change from the previous period, in whole points', () => {
    expect(changeFrom({ nps: -6.25, suppressed: false }, { nps: 11.76, suppressed: false })).toEqual({ points: 18, direction: 'down' });
    expect(changeFrom({ nps: 37.5, suppressed: false }, { nps: 7.5, suppressed: false })).toEqual({ points: 30, direction: 'up' });
    expect(changeFrom({ nps: 10.2, suppressed: false }, { nps: 10.4, suppressed: false })).toEqual({ points: 0, direction: 'same' });
  });

  it('no change without two numbers: no answers, hidden, or no previous period', () => {
    expect(changeFrom({ nps: 10, suppressed: false }, null)).toBeNull();
    expect(changeFrom({ nps: 10, suppressed: false }, { nps: null, suppressed: false })).toBeNull();
    // A suppressed summary never contributes a number, even if one slipped through.
    expect(changeFrom({ nps: 10, suppressed: false }, { nps: 3, suppressed: true })).toBeNull();
    expect(changeFrom({ nps: 10, suppressed: true }, { nps: 3, suppressed: false })).toBeNull();
    expect(changeFrom({ nps: Number.NaN, suppressed: false }, { nps: 3, suppressed: false })).toBeNull();
  });

  it('against a benchmark', () => {
    expect(againstBenchmark({ nps: -6.25, suppressed: false }, 38)).toEqual({ points: 44, direction: 'down' });
    expect(againstBenchmark({ nps: 37.5, suppressed: false }, 12)).toEqual({ points: 26, direction: 'up' });
    expect(againstBenchmark({ nps: null, suppressed: false }, 12)).toBeNull();
    expect(difference(0, 0)).toEqual({ points: 0, direction: 'same' });
  });

  it('targets and benchmarks are set by leaders and admins', () => {
    expect(canManageTargets(['LEADER'])).toBe(true);
    expect(canManageTargets(['ADMIN'])).toBe(true);
    expect(canManageTargets(['CX', 'HR', 'MANAGER'])).toBe(false);
  });
});
