import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CountSolver, type SumRow } from './solver.js';

describe('CountSolver', () => {
  it('holds its time limit against each solve, not against every solve of the audit added up', async () => {
    // 200 cells of 3 categories, each cell's total fixed, plus a few sums across cells: each solve
    // takes a fraction of a millisecond, so the limit below is never reached by one solve, but the
    // solves together pass it many times over (HiGHS before 2.0 keeps one clock across run()).
    const cells = 200;
    const rows: SumRow[] = [];
    for (let c = 0; c < cells; c++) rows.push({ vars: [3 * c, 3 * c + 1, 3 * c + 2], lower: 4, upper: 4 });
    for (let g = 0; g < 10; g++) {
      const vars = Array.from({ length: 20 }, (_, i) => 3 * (g * 20 + i));
      rows.push({ vars, lower: 30, upper: 30 });
    }
    const limit = 0.25;
    const solver = await CountSolver.create(cells * 3, new Array(cells * 3).fill(4), rows, { integer: false, timeLimitSeconds: limit });
    try {
      const started = performance.now();
      let solves = 0;
      while (performance.now() - started < 4 * limit * 1000 || solves < 50) {
        // Each variable can be anything from 0 to 4 while its cell holds 4.
        expect(solver.beyond([3 * (solves % cells)], solves % 2 ? 'max' : 'min', 2)).toBe(true);
        solves++;
      }
      expect(solver.stats.timeouts).toBe(0);
    } finally {
      solver.dispose();
    }
  });

  it('answers by the integer program where the relaxation\'s optimum is fractional, and by the relaxation where it settles the question', async () => {
    // Two odd cycles of five: neighbours sum to at most 1. The relaxation's optimum puts 1/2
    // everywhere (5 in all); an integer solution takes at most 2 of each cycle (4 in all).
    const rows: SumRow[] = [];
    for (const offset of [0, 5]) for (let i = 0; i < 5; i++) rows.push({ vars: [offset + i, offset + ((i + 1) % 5)], lower: 0, upper: 1 });
    const all = Array.from({ length: 10 }, (_, i) => i);
    const exact = await CountSolver.create(10, new Array(10).fill(1), rows);
    const relaxed = await CountSolver.create(10, new Array(10).fill(1), rows, { integer: false });
    try {
      expect(exact.beyond(all, 'max', 4)).toBe(false);
      expect(exact.stats.integerSolves).toBe(1);
      expect(exact.beyond(all, 'max', 3)).toBe(true);
      // The relaxation's 5 is not past 5: settled without the integer program.
      expect(exact.beyond(all, 'max', 5)).toBe(false);
      expect(exact.beyond(all, 'min', 1)).toBe(true);
      expect(exact.stats.integerSolves).toBe(2);
      // The relaxation alone (large organizations) takes the fractional 5 for a solution.
      expect(relaxed.beyond(all, 'max', 4)).toBe(true);
    } finally {
      exact.dispose();
      relaxed.dispose();
    }
  });

  it('answers every question as counting all integer solutions does, through rows switched off and on again', async () => {
    // Small programs around a true point (as the audit's are), a sequence of rows switched and
    // questions asked, each answered by enumerating every integer point: the relaxation's
    // shortcuts and the solutions kept from earlier questions must never change an answer.
    const program = fc
      .array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 6 })
      .chain((upper) => {
        const n = upper.length;
        const subset = fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 1, maxLength: n });
        return fc.record({
          upper: fc.constant(upper),
          truth: fc.tuple(...upper.map((u) => fc.integer({ min: 0, max: u }))),
          rows: fc.array(fc.record({ vars: subset, slack: fc.tuple(fc.constantFrom(0, 0, 1), fc.constantFrom(0, 0, 1)) }), { minLength: 1, maxLength: 5 }),
          steps: fc.array(
            fc.oneof(
              fc.record({ toggle: fc.nat(), on: fc.boolean() }),
              fc.record({ vars: subset, sense: fc.constantFrom<'max' | 'min'>('max', 'min'), shift: fc.integer({ min: -1, max: 1 }) }),
            ),
            { minLength: 1, maxLength: 12 },
          ),
        });
      });
    await fc.assert(
      fc.asyncProperty(program, async ({ upper, truth, rows: specs, steps }) => {
        const sum = (x: readonly number[], vars: readonly number[]) => vars.reduce((s, v) => s + x[v], 0);
        const rows: SumRow[] = specs.map((r) => ({ vars: r.vars, lower: sum(truth, r.vars) - r.slack[0], upper: sum(truth, r.vars) + r.slack[1] }));
        const points: number[][] = [[]];
        for (const u of upper) points.splice(0, points.length, ...points.flatMap((p) => Array.from({ length: u + 1 }, (_, value) => [...p, value])));
        const active = rows.map(() => true);
        const solver = await CountSolver.create(upper.length, upper, rows);
        try {
          for (const step of steps) {
            if ('toggle' in step) {
              const row = step.toggle % rows.length;
              active[row] = step.on;
              solver.setActive(row, step.on);
              continue;
            }
            const bound = sum(truth, step.vars) + step.shift;
            const feasible = points.filter((x) => rows.every((r, i) => !active[i] || (sum(x, r.vars) >= r.lower && sum(x, r.vars) <= r.upper)));
            const expected = feasible.some((x) => (step.sense === 'max' ? sum(x, step.vars) >= bound + 1 : sum(x, step.vars) <= bound - 1));
            expect(solver.beyond(step.vars, step.sense, bound)).toBe(expected);
          }
        } finally {
          solver.dispose();
        }
      }),
      { numRuns: 2000 },
    );
  }, 120_000);
});
