import { describe, expect, it } from 'vitest';
import { homeSections, landsOnBoard, quarterSoFar } from './home-role';

describe('home per role', () => {
  it('gives each role its section, in a fixed order', () => {
    expect(homeSections(['MANAGER'])).toEqual(['manager']);
    expect(homeSections(['ADMIN', 'HR', 'CX'])).toEqual(['cx', 'hr', 'admin']);
    expect(homeSections(['LEADER'])).toEqual([]);
  });

  it('sends a leader to the board, unless another role gives them a home', () => {
    expect(landsOnBoard(['LEADER'])).toBe(true);
    expect(landsOnBoard(['LEADER', 'MANAGER'])).toBe(false);
    expect(landsOnBoard(['CX'])).toBe(false);
  });

  it('reads the quarter so far from the local date', () => {
    expect(quarterSoFar(new Date(2026, 11, 6))).toEqual({ from: '2026-10-01', to: '2026-12-06', year: 2026, quarter: 4 });
    expect(quarterSoFar(new Date(2026, 0, 1))).toEqual({ from: '2026-01-01', to: '2026-01-01', year: 2026, quarter: 1 });
    expect(quarterSoFar(new Date(2026, 5, 30))).toMatchObject({ from: '2026-04-01', quarter: 2 });
  });
});
