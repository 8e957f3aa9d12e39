import * as highsModule from 'highs';
import type { Highs, Model } from 'highs';

// highs declares a CommonJS default export; under ESM the default is the loader itself.
type Loader = () => Promise<Highs>;
const highsLoader: Loader = ((highsModule as unknown as { default?: Loader }).default ?? (highsModule as unknown as Loader));

/**
 * A small integer program over count variables, solved by HiGHS (compiled to WebAssembly, the
 * `highs` package): nonnegative variables with upper bounds, and rows that each fix or bound a sum
 * of variables (every coefficient is 1 — a released count is a sum of cell counts). The audit asks
 * it, as an attacker would, whether a sum of variables can move past its true value while every
 * row holds.
 *
 * Two persistent HiGHS models per audit, the linear relaxation and the integer program; rows can be
 * switched off (a group hidden) and on again without rebuilding them. Integer by default (the
 * exact check, the relaxation answering first where it settles the question); `integer: false`
 * keeps the relaxation alone (wider bounds, so fewer findings: for large organizations only).
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
  /** Solves the relaxation could not settle, which took the integer program. */
  integerSolves: number;
  /** Solves that hit the time limit: their answer counted as "cannot move" (the safe side). */
  timeouts: number;
}

const OPTIMAL = 7;
const INFEASIBLE = 8;
const TIME_LIMIT = 13;

export class CountSolver {
  readonly stats: SolverStats = { solves: 0, integerSolves: 0, timeouts: 0 };
  private readonly infinity: number;
  private readonly zeros: Float64Array;
  /** Which rows hold now (switched on); all do at first. */
  private readonly active: boolean[];
  /**
   * Integer solutions found while no row was switched on since: each is a world the reader cannot
   * tell from the true one, and answers every later question it goes past the bound of.
   */
  private witnesses: Float64Array[] = [];

  private constructor(
    private readonly lib: Highs,
    /** The linear relaxation, solved first. */
    private readonly lp: Model,
    /** The integer program, solved only when the relaxation's optimum is fractional; null: relaxation only. */
    private readonly mip: Model | null,
    private readonly rows: SumRow[],
    private readonly numVars: number,
  ) {
    this.infinity = lib.infinity;
    this.zeros = new Float64Array(numVars);
    this.active = rows.map(() => true);
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
    // One more row, empty and free: the question's (see beyond).
    starts.push(indices.length);
    const build = (integer: boolean): Model => {
      const model = lib.createModel({
        numCols: numVars,
        numRows: rows.length + 1,
        colCost: new Float64Array(numVars),
        colLower: new Float64Array(numVars),
        colUpper: Float64Array.from(upper),
        rowLower: [...rows.map((r) => r.lower), -lib.infinity],
        rowUpper: [...rows.map((r) => r.upper), lib.infinity],
        matrix: { format: 'csr', numRows: rows.length + 1, numCols: numVars, starts, indices, values: indices.map(() => 1) },
        integrality: new Array(numVars).fill(integer ? lib.constants.variableType.integer : lib.constants.variableType.continuous),
      });
      // Presolve costs the relaxation more than it saves, and saves the integer program more than
      // it costs (a wave of 300 in small cells: 4.0 → 1.5 s).
      model.options.set({ output_flag: false, presolve: integer ? 'on' : 'off', mip_rel_gap: 0, mip_abs_gap: 0.5, time_limit: options.timeLimitSeconds ?? 20 });
      return model;
    };
    return new CountSolver(lib, build(false), (options.integer ?? true) ? build(true) : null, rows, numVars);
  }

  /** Switches a row off (its sum is free) or back on. */
  setActive(row: number, active: boolean): void {
    if (this.active[row] === active) return;
    this.active[row] = active;
    // A row switched on may rule out the solutions found so far; one switched off keeps them all.
    if (active) this.witnesses = [];
    const r = this.rows[row];
    for (const model of this.models()) model.changeRowBounds(row, active ? r.lower : -this.infinity, active ? r.upper : this.infinity);
  }

  /**
   * Whether some solution takes the sum of `vars` past `bound`: to at least bound + 1 ('max') or at
   * most bound − 1 ('min'). False when none does, when the rows admit no solution at all, and when
   * a solve runs out of time: the caller asks whether the release keeps something unknown, so
   * "cannot tell" counts as the disclosure it checks for.
   *
   * The relaxation is solved first, and settles most questions without the integer program: its
   * optimum bounds the integer one, so a relaxation that cannot get past the bound settles "no";
   * and an integral optimal vertex is the integer optimum itself (every coefficient and bound is an
   * integer, so an integral point within the tolerances satisfies every row exactly). Only a
   * fractional vertex past the bound costs the branch and bound (tens of milliseconds here, against
   * one or two for the relaxation).
   */
  beyond(vars: readonly number[], sense: 'max' | 'min', bound: number): boolean {
    const past = (value: number) => (sense === 'max' ? value >= bound + 1 : value <= bound - 1);
    if (this.witnesses.some((w) => past(sumOf(w, vars)))) return true;
    this.stats.solves++;
    const relaxed = this.run(this.lp, vars, sense);
    if (relaxed === 'TIME_LIMIT') return this.timedOut();
    if (relaxed !== 'OPTIMAL') return false;
    const value = this.lp.getObjectiveValue();
    const vertex = this.lp.getSolution().colValue;
    const integral = isIntegral(vertex);
    if (integral) this.witnessed(vertex);
    // Relaxation only (organizations too large for the exact check): its optimum, rounded, as ever
    // (a kept integer solution past the bound answers the same: the optimum is at least its sum).
    if (!this.mip) return past(Math.round(value));
    if (!past(sense === 'max' ? value + EPSILON : value - EPSILON)) return false;
    if (integral) return past(Math.round(value));
    this.stats.integerSolves++;
    return this.feasible(vars, sense === 'max' ? [bound + 1, this.infinity] : [-this.infinity, bound - 1]);
  }

  /**
   * Whether an integer solution puts the sum of `vars` within [lower, upper]: the question's row
   * takes the sum and the range for one solve, with no objective, so the branch and bound stops at
   * the first such solution instead of proving an optimum.
   */
  private feasible(vars: readonly number[], [lower, upper]: [number, number]): boolean {
    const mip = this.mip!;
    const question = this.rows.length;
    for (const v of vars) mip.changeCoefficient(question, v, 1);
    mip.changeRowBounds(question, lower, upper);
    try {
      const status = this.run(mip, [], 'max');
      if (status === 'TIME_LIMIT') return this.timedOut();
      return status === 'OPTIMAL' && this.witnessed(mip.getSolution().colValue);
    } finally {
      for (const v of vars) mip.changeCoefficient(question, v, 0);
      mip.changeRowBounds(question, -this.infinity, this.infinity);
    }
  }

  private run(model: Model, vars: readonly number[], sense: 'max' | 'min'): 'OPTIMAL' | 'INFEASIBLE' | 'TIME_LIMIT' | 'OTHER' {
    const costs = new Float64Array(this.zeros);
    for (const v of vars) costs[v] = 1;
    model.changeColsCost({ kind: 'range', from: 0, to: this.numVars - 1 }, costs);
    model.changeObjectiveSense(sense === 'max' ? this.lib.constants.objectiveSense.maximize : this.lib.constants.objectiveSense.minimize);
    // HiGHS (before 2.0) holds time_limit against the model's run time summed over every run(), not
    // this one's (ERGO-Code/HiGHS#1331, #1477): without zeroing, once an audit's solves add up to the
    // limit every later one "times out" at once and counts as a finding, so a large wave hides
    // everything and fails its audit. The limit is per solve.
    model.zeroAllClocks();
    model.run();
    const status = model.getModelStatus();
    return status === OPTIMAL ? 'OPTIMAL' : status === INFEASIBLE ? 'INFEASIBLE' : status === TIME_LIMIT ? 'TIME_LIMIT' : 'OTHER';
  }

  /** Keeps an integer solution (the last MAX_WITNESSES) for the questions to come. */
  private witnessed(solution: Float64Array): true {
    this.witnesses.push(Float64Array.from(solution, Math.round));
    if (this.witnesses.length > MAX_WITNESSES) this.witnesses.shift();
    return true;
  }

  private timedOut(): false {
    this.stats.timeouts++;
    return false;
  }

  private models(): Model[] {
    return this.mip ? [this.lp, this.mip] : [this.lp];
  }

  dispose(): void {
    for (const model of this.models()) model.dispose();
  }
}

const MAX_WITNESSES = 64;

const sumOf = (solution: Float64Array, vars: readonly number[]): number => vars.reduce((sum, v) => sum + solution[v], 0);

/** Tolerance of the relaxation's optimum (HiGHS works to 1e-7). */
const EPSILON = 1e-6;

const isIntegral = (values: ArrayLike<number>): boolean => {
  for (let i = 0; i < values.length; i++) if (Math.abs(values[i] - Math.round(values[i])) > 1e-6) return false;
  return true;
};
