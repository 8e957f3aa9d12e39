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
        expect(solver.extreme([3 * (solves % cells)], solves % 2 ? 'max' : 'min', -1)).not.toBe(-1);
        solves++;
      }
      expect(solver.stats.timeouts).toBe(0);
    } finally {
      solver.dispose();
    }
  });
});
