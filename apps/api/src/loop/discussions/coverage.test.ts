import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarize } from './coverage.js';

const row = fc.record({
  orgUnitId: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
  held: fc.boolean(),
  actions: fc.nat(20),
  done: fc.nat(20),
  overdue: fc.nat(20),
});

describe('discussion coverage arithmetic', () => {
  it('counts each team once and gives the share of those that held their discussion', () => {
    expect(summarize([])).toEqual({ teams: 0, held: 0, share: null, actions: 0, actionsDone: 0, actionsOverdue: 0 });
    expect(
      summarize([
        { orgUnitId: 'a', held: true, actions: 2, done: 1, overdue: 1 },
        { orgUnitId: 'b', held: false, actions: 0, done: 0, overdue: 0 },
        { orgUnitId: 'c', held: false, actions: 0, done: 0, overdue: 0 },
        { orgUnitId: 'd', held: true, actions: 3, done: 0, overdue: 2 },
      ]),
    ).toEqual({ teams: 4, held: 2, share: 0.5, actions: 5, actionsDone: 1, actionsOverdue: 3 });
  });

  it('keeps 0 ≤ held ≤ teams, share = held / teams, and done + overdue ≤ agreed, whatever the rows', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), (rows) => {
        const s = summarize(rows);
        expect(s.teams).toBe(new Set(rows.map((r) => r.orgUnitId)).size);
        expect(s.held).toBe(new Set(rows.filter((r) => r.held).map((r) => r.orgUnitId)).size);
        expect(s.held).toBeLessThanOrEqual(s.teams);
        if (s.teams === 0) expect(s.share).toBeNull();
        else expect(s.share).toBeCloseTo(s.held / s.teams, 12);
        expect(s.actionsDone + s.actionsOverdue).toBeLessThanOrEqual(s.actions);
        expect(s.actions).toBe(rows.reduce((n, r) => n + r.actions, 0));
      }),
    );
  });

  it('does not depend on the order of the rows', () => {
    fc.assert(fc.property(fc.array(row, { maxLength: 20 }), (rows) => {
      expect(summarize([...rows].reverse())).toEqual(summarize(rows));
    }));
  });
});
