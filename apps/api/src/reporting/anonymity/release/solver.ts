import * as highsModule from 'highs';
import type { Highs, Model } from 'highs';

// highs declares a CommonJS default export; under ESM the default is the loader itself.
type Loader = () => Promise<Highs>;
const highsLoader: Loader = ((highsModule as unknown as { default?: Loader }).default ?? (highsModule as unknown as Loader));

/**
 * A small integer program over count variables, solved by HiGHS (compiled to WebAssembly, the
 * `highs` package): nonnegative variables with upper bounds, and rows that each fix or bound a sum
 * of variables (every coefficient is 1 — a released count is a sum of cell counts). The audit asks
 * it, as an attacker would, how far a sum of variables can move while every row holds.
 *
 * One persistent HiGHS model per audit; rows can be switched off (a group hidden) and on again
 * without rebuilding it. Integer by default (the exact check); `integer: false` solves the linear
 * relaxation instead (wider bounds, so fewer findings: for large organizations only).
 */

let loading: Promise<Highs> | null = null;
const highs = (): Promise<Highs> => (loading ??= highsLoader());

export interface SumRow {
  vars: number[];
  lower: number;
  upper: number;
}

export interface SolverStats {
  solves: number;
  /** Solves that hit the time limit: their answer counted as "cannot move" (the safe side). */
  timeouts: number;
}

const OPTIMAL = 7;
const INFEASIBLE = 8;
const TIME_LIMIT = 13;

export class CountSolver {
  readonly stats: SolverStats = { solves: 0, timeouts: 0 };
  private readonly infinity: number;
  private readonly zeros: Float64Array;

  private constructor(
    private readonly lib: Highs,
    private readonly model: Model,
    private readonly rows: SumRow[],
    private readonly numVars: number,
  ) {
    this.infinity = lib.infinity;
    this.zeros = new Float64Array(numVars);
  }

  static async create(numVars: number, upper: readonly number[], rows: SumRow[], options: { integer?: boolean; timeLimitSeconds?: number } = {}): Promise<CountSolver> {
    const lib = await highs();
    const starts: number[] = [0];
    const indices: number[] = [];
    for (const row of rows) {
      const vars = [...new Set(row.vars)].sort((a, b) => a - b);
      indices.push(...vars);
      starts.push(indices.length);
    }
    const integer = options.integer ?? true;
    const model = lib.createModel({
      numCols: numVars,
      numRows: rows.length,
      colCost: new Float64Array(numVars),
      colLower: new Float64Array(numVars),
      colUpper: Float64Array.from(upper),
      rowLower: rows.map((r) => r.lower),
      rowUpper: rows.map((r) => r.upper),
      matrix: { format: 'csr', numRows: rows.length, numCols: numVars, starts, indices, values: indices.map(() => 1) },
      integrality: new Array(numVars).fill(integer ? lib.constants.variableType.integer : lib.constants.variableType.continuous),
    });
    model.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0.5, time_limit: options.timeLimitSeconds ?? 20 });
    return new CountSolver(lib, model, rows, numVars);
  }

  /** Switches a row off (its sum is free) or back on. */
  setActive(row: number, active: boolean): void {
    const r = this.rows[row];
    this.model.changeRowBounds(row, active ? r.lower : -this.infinity, active ? r.upper : this.infinity);
  }

  /**
   * The largest (or smallest) value the sum of `vars` takes over every solution; null when the rows
   * admit none. A solve that runs out of time answers `fallback`, which the caller picks so that
   * "unknown" counts as the disclosure it was checking for.
   */
  extreme(vars: readonly number[], sense: 'max' | 'min', fallback: number): number | null {
    const costs = new Float64Array(this.zeros);
    for (const v of vars) costs[v] = 1;
    this.model.changeColsCost({ kind: 'range', from: 0, to: this.numVars - 1 }, costs);
    this.model.changeObjectiveSense(sense === 'max' ? this.lib.constants.objectiveSense.maximize : this.lib.constants.objectiveSense.minimize);
    // HiGHS (before 2.0) holds time_limit against the model's run time summed over every run(), not
    // this one's (ERGO-Code/HiGHS#1331, #1477): without zeroing, once an audit's solves add up to the
    // limit every later one "times out" at once and counts as a finding, so a large wave hides
    // everything and fails its audit. The limit is per solve.
    this.model.zeroAllClocks();
    this.model.run();
    this.stats.solves++;
    const status = this.model.getModelStatus();
    if (status === OPTIMAL) return Math.round(this.model.getObjectiveValue());
    if (status === INFEASIBLE) return null;
    if (status === TIME_LIMIT) this.stats.timeouts++;
    return fallback;
  }

  dispose(): void {
    this.model.dispose();
  }
}
