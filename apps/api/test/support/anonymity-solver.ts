/**
 * The attacker's solver for the anonymity attack tests, written apart from the release module (it
 * imports nothing from src/reporting/anonymity): everything HR read is turned into integer
 * equations over the people of each wave's snapshot, and an exact search asks, for every set of
 * people who look alike on the roster (same team, location and tenure band: a "cell"), what every
 * solution agrees on.
 *
 * Unknowns: per wave and cell, how many of its people answered as promoters, passives and
 * detractors (the rest did not answer). An equation says that a sum of such unknowns lies in
 * [lo, hi]: a released count (lo = hi), a participation count, or a hidden group's reason
 * (THRESHOLD: fewer than k answers). The search is a depth-first walk over the cells with every
 * equation's running sum bounded, memoised on the open sums (dynamic programming), so it is exact
 * and fast for rosters of this size.
 */

export type Category = 0 | 1 | 2;
export const ANY = [0, 1, 2] as const;

export interface Var {
  wave: string;
  cell: string;
  size: number;
}

export interface Term {
  v: number;
  cats: readonly Category[];
}

export interface Equation {
  terms: Term[];
  lo: number;
  hi: number;
  /** Where it comes from, for messages. */
  source: string;
}

export type Tuple = [number, number, number];

const tuplesOf = (n: number): Tuple[] => {
  const out: Tuple[] = [];
  for (let p = 0; p <= n; p++) for (let q = 0; p + q <= n; q++) for (let d = 0; p + q + d <= n; d++) out.push([p, q, d]);
  return out;
};

export class CountSystem {
  readonly vars: Var[] = [];
  readonly equations: Equation[] = [];
  private readonly index = new Map<string, number>();

  variable(wave: string, cell: string, size: number): number {
    const id = `${wave}|${cell}`;
    const known = this.index.get(id);
    if (known !== undefined) return known;
    this.vars.push({ wave, cell, size });
    this.index.set(id, this.vars.length - 1);
    return this.vars.length - 1;
  }

  add(eq: Equation): void {
    this.equations.push(eq);
  }

  /** Whether every equation holds for an assignment (the truth must: the reading of the answers is right). */
  violated(assignment: Tuple[]): Equation[] {
    return this.equations.filter((eq) => {
      const sum = eq.terms.reduce((n, t) => n + t.cats.reduce<number>((m, c) => m + assignment[t.v][c], 0), 0);
      return sum < eq.lo || sum > eq.hi;
    });
  }

  /** Whether some assignment satisfies every equation and the extra ones. */
  feasible(extra: Equation[] = []): boolean {
    const eqs = [...this.equations, ...extra];
    const n = this.vars.length;
    const byVar: { eq: number; cats: readonly Category[] }[][] = this.vars.map(() => []);
    const last = eqs.map(() => -1);
    eqs.forEach((eq, e) =>
      eq.terms.forEach((t) => {
        byVar[t.v].push({ eq: e, cats: t.cats });
        last[e] = Math.max(last[e], t.v);
      }),
    );
    // The most an equation can still gain from variables i.. on.
    const rest = eqs.map((eq) => {
      const r = new Array<number>(n + 1).fill(0);
      for (const t of eq.terms) r[t.v] += this.vars[t.v].size;
      for (let i = n - 1; i >= 0; i--) r[i] += r[i + 1];
      return r;
    });
    for (let e = 0; e < eqs.length; e++) if (rest[e][0] < eqs[e].lo || eqs[e].hi < 0) return false;
    const domains = this.vars.map((v) => tuplesOf(v.size));
    const partial = new Array<number>(eqs.length).fill(0);
    const failed = new Set<string>();
    const open = (i: number) => eqs.map((_, e) => e).filter((e) => last[e] >= i && eqs[e].terms.some((t) => t.v < i));
    const openAt = Array.from({ length: n + 1 }, (_, i) => open(i));
    const dfs = (i: number): boolean => {
      if (i === n) return true;
      const key = `${i}:${openAt[i].map((e) => partial[e]).join(',')}`;
      if (failed.has(key)) return false;
      for (const tuple of domains[i]) {
        let ok = true;
        for (const { eq, cats } of byVar[i]) {
          for (const c of cats) partial[eq] += tuple[c];
        }
        for (const { eq } of byVar[i]) {
          if (partial[eq] > eqs[eq].hi || partial[eq] + rest[eq][i + 1] < eqs[eq].lo) ok = false;
        }
        if (ok && dfs(i + 1)) {
          for (const { eq, cats } of byVar[i]) for (const c of cats) partial[eq] -= tuple[c];
          return true;
        }
        for (const { eq, cats } of byVar[i]) for (const c of cats) partial[eq] -= tuple[c];
      }
      failed.add(key);
      return false;
    };
    return dfs(0);
  }

  /**
   * What every solution says of one cell: the categories its answerers can have, and whether it can
   * have fewer than all or more than none answering.
   */
  cell(v: number): { categories: Category[]; canMiss: boolean; canAnswer: boolean } {
    const size = this.vars[v].size;
    const categories = ([0, 1, 2] as Category[]).filter((c) => this.feasible([{ terms: [{ v, cats: [c] }], lo: 1, hi: size, source: 'probe' }]));
    const canMiss = this.feasible([{ terms: [{ v, cats: ANY }], lo: 0, hi: size - 1, source: 'probe' }]);
    const canAnswer = this.feasible([{ terms: [{ v, cats: ANY }], lo: 1, hi: size, source: 'probe' }]);
    return { categories, canMiss, canAnswer };
  }

  /** Whether a sum of unknowns can take another value than `truth`. */
  canDiffer(terms: Term[], truth: number): boolean {
    return this.feasible([{ terms, lo: 0, hi: truth - 1, source: 'probe' }]) || this.feasible([{ terms, lo: truth + 1, hi: 1e9, source: 'probe' }]);
  }
}
