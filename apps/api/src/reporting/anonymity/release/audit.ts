import type { GroupModel } from './groups.js';
import { total, type GroupDef, type Triple } from './model.js';
import { CountSolver, type SumRow } from './solver.js';

/**
 * The audit of a release before it is stored: an attacker's integer program over everything the
 * release and the wave's participation show, solved exactly (HiGHS), asking whether anything about
 * a person follows from it (the practice of statistical offices' cell suppression, tau-ARGUS).
 *
 * Unknowns: for every cell of the snapshot (people sharing unit, location and tenure band; the
 * roster tells a reader who they are) and every category, how many of its people answered so.
 * What a reader knows: each cell's size; each released group's promoters, passives and detractors;
 * each shown participation group's response count. A finding is one of:
 *
 *  - GROUP_DERIVED: a group hidden for being small (1..k−1 answers) has its three counts fixed by
 *    the released ones — the subtraction attack, in any combination;
 *  - CATEGORY_DETERMINED: everyone who answered in a cell answered in one category — unless a
 *    released group holding the cell is unanimous in it (what the group's own result says of all
 *    its members is accepted, as in every employee survey tool);
 *  - PARTICIPATION_DETERMINED: nobody in a cell answered, or everyone did — unless a released
 *    group holding it shows that of itself (100 % participation), or a shown participation group
 *    or atom does (0 % or 100 %).
 *
 * The true answers are one solution, so every check only needs to find another one (or prove there
 * is none). "Cannot tell" (a solve out of time) counts as a finding: the safe side.
 */

export type Finding =
  | { kind: 'GROUP_DERIVED'; key: string }
  | { kind: 'CATEGORY_DETERMINED'; cell: number; category: number }
  | { kind: 'PARTICIPATION_DETERMINED'; cell: number; responded: number };

export interface AuditOptions {
  /** false: the linear relaxation (wider bounds, for organizations too large for the exact check). */
  integer: boolean;
  timeLimitSeconds?: number;
}

export class ReleaseAudit {
  private readonly groupRows = new Map<string, number[]>();
  private readonly released = new Set<string>();

  private constructor(
    private readonly model: GroupModel,
    private readonly solver: CountSolver,
    private readonly k: number,
    /** Groups and atoms whose participation a reader sees: cells in one showing 0 % or 100 % are excused. */
    private readonly participationSets: { cells: number[]; invited: number; responded: number }[],
  ) {}

  get stats() {
    return this.solver.stats;
  }

  /**
   * Builds the attacker's program for a snapshot: three variables per cell, a capacity row per cell,
   * three rows per group (active while the group is released) and one row per shown participation
   * group (its response count).
   */
  static async create(
    model: GroupModel,
    k: number,
    participation: { groups: GroupDef[]; atoms: number[][] },
    options: AuditOptions,
  ): Promise<ReleaseAudit> {
    const { cells } = model;
    const v = (cell: number, category: number) => cell * 3 + category;
    const upper: number[] = [];
    const rows: SumRow[] = [];
    cells.forEach((cell) => upper.push(cell.invited, cell.invited, cell.invited));
    cells.forEach((cell, i) => rows.push({ vars: [v(i, 0), v(i, 1), v(i, 2)], lower: 0, upper: cell.invited }));
    const answered = (indices: number[]) => indices.reduce((n, c) => n + total(cells[c].counts), 0);
    for (const group of participation.groups) {
      rows.push({ vars: group.cells.flatMap((c) => [v(c, 0), v(c, 1), v(c, 2)]), lower: answered(group.cells), upper: answered(group.cells) });
    }
    const groupRows = new Map<string, number[]>();
    for (const group of model.groups) {
      const counts = countsOf(model, group);
      const indices: number[] = [];
      for (let category = 0; category < 3; category++) {
        indices.push(rows.length);
        rows.push({ vars: group.cells.map((c) => v(c, category)), lower: counts[category], upper: counts[category] });
      }
      groupRows.set(group.key, indices);
    }
    const solver = await CountSolver.create(cells.length * 3, upper, rows, { integer: options.integer, timeLimitSeconds: options.timeLimitSeconds });
    const invitedIn = (indices: number[]) => indices.reduce((n, c) => n + cells[c].invited, 0);
    const sets = [...participation.groups.map((g) => g.cells), ...participation.atoms].map((c) => ({ cells: c, invited: invitedIn(c), responded: answered(c) }));
    const audit = new ReleaseAudit(model, solver, k, sets);
    for (const [key, indices] of groupRows) {
      audit.groupRows.set(key, indices);
      for (const row of indices) solver.setActive(row, false);
    }
    return audit;
  }

  /** Shows or hides a group in the program. */
  setReleased(key: string, released: boolean): void {
    if (released === this.released.has(key)) return;
    for (const row of this.groupRows.get(key) ?? []) this.solver.setActive(row, released);
    if (released) this.released.add(key);
    else this.released.delete(key);
  }

  isReleased(key: string): boolean {
    return this.released.has(key);
  }

  /** The first finding over the current release, or null when nothing about anyone follows from it. */
  firstFinding(): Finding | null {
    for (const group of this.model.groups) {
      const finding: Finding = { kind: 'GROUP_DERIVED', key: group.key };
      if (!this.released.has(group.key) && this.applies(finding) && !this.holds(finding)) return finding;
    }
    const { cells } = this.model;
    for (let cell = 0; cell < cells.length; cell++) {
      const { counts, invited } = cells[cell];
      const n = total(counts);
      const present = [0, 1, 2].filter((c) => counts[c] > 0);
      if (present.length === 1) {
        const finding: Finding = { kind: 'CATEGORY_DETERMINED', cell, category: present[0] };
        if (this.applies(finding) && !this.holds(finding)) return finding;
      }
      if (n === 0 || n === invited) {
        const finding: Finding = { kind: 'PARTICIPATION_DETERMINED', cell, responded: n };
        if (this.applies(finding) && !this.holds(finding)) return finding;
      }
    }
    return null;
  }

  /** Every finding over the current release (the property tests and the stored report count them). */
  allFindings(): Finding[] {
    const out: Finding[] = [];
    for (const group of this.model.groups) {
      const finding: Finding = { kind: 'GROUP_DERIVED', key: group.key };
      if (!this.released.has(group.key) && this.applies(finding) && !this.holds(finding)) out.push(finding);
    }
    this.model.cells.forEach((cell, i) => {
      const n = total(cell.counts);
      const present = [0, 1, 2].filter((c) => cell.counts[c] > 0);
      const category: Finding = { kind: 'CATEGORY_DETERMINED', cell: i, category: present[0] ?? 0 };
      if (present.length === 1 && this.applies(category) && !this.holds(category)) out.push(category);
      const participation: Finding = { kind: 'PARTICIPATION_DETERMINED', cell: i, responded: n };
      if ((n === 0 || n === cell.invited) && this.applies(participation) && !this.holds(participation)) out.push(participation);
    });
    return out;
  }

  /**
   * Whether a finding still needs checking over the current release: false when what it would
   * disclose is already what a released group (or a shown participation set) says of all its members.
   */
  applies(finding: Finding): boolean {
    const { cells } = this.model;
    switch (finding.kind) {
      case 'GROUP_DERIVED': {
        const group = this.model.byKey.get(finding.key)!;
        const n = total(countsOf(this.model, group));
        if (n === 0 || n >= this.k) return false;
        return !this.releasedGroupsHolding(group.cells).some((g) => isUnanimous(countsOf(this.model, g)));
      }
      case 'CATEGORY_DETERMINED':
        return !this.releasedGroupsHolding([finding.cell]).some((g) => {
          const counts = countsOf(this.model, g);
          return counts[finding.category] === total(counts);
        });
      case 'PARTICIPATION_DETERMINED': {
        const cell = cells[finding.cell];
        const full = finding.responded === cell.invited;
        if (full && this.releasedGroupsHolding([finding.cell]).some((g) => total(countsOf(this.model, g)) === invitedOf(this.model, g))) return false;
        return !this.participationSets.some(
          (s) => s.cells.includes(finding.cell) && ((full && s.responded === s.invited) || (finding.responded === 0 && s.responded === 0)),
        );
      }
    }
  }

  /** Whether the release keeps what the finding is about unknown: another solution exists. */
  holds(finding: Finding): boolean {
    const v = (cell: number, category: number) => cell * 3 + category;
    switch (finding.kind) {
      case 'GROUP_DERIVED': {
        const group = this.model.byKey.get(finding.key)!;
        const counts = countsOf(this.model, group);
        for (let category = 0; category < 3; category++) {
          const vars = group.cells.map((c) => v(c, category));
          const truth = counts[category];
          if (this.solver.beyond(vars, 'max', truth)) return true;
          if (this.solver.beyond(vars, 'min', truth)) return true;
        }
        return false;
      }
      case 'CATEGORY_DETERMINED': {
        const others = [0, 1, 2].filter((c) => c !== finding.category).map((c) => v(finding.cell, c));
        return this.solver.beyond(others, 'max', 0);
      }
      case 'PARTICIPATION_DETERMINED': {
        const all = [0, 1, 2].map((c) => v(finding.cell, c));
        if (finding.responded === 0) return this.solver.beyond(all, 'max', 0);
        return this.solver.beyond(all, 'min', finding.responded);
      }
    }
  }

  private releasedGroupsHolding(cellIndices: number[]): GroupDef[] {
    return this.model.groups.filter((g) => this.released.has(g.key) && cellIndices.every((c) => g.cells.includes(c)));
  }

  dispose(): void {
    this.solver.dispose();
  }
}

export function countsOf(model: GroupModel, group: GroupDef): Triple {
  const out: Triple = [0, 0, 0];
  for (const c of group.cells) {
    const counts = model.cells[c].counts;
    out[0] += counts[0];
    out[1] += counts[1];
    out[2] += counts[2];
  }
  return out;
}

export const invitedOf = (model: GroupModel, group: GroupDef): number => group.cells.reduce((n, c) => n + model.cells[c].invited, 0);

const isUnanimous = (counts: Triple) => counts.filter((c) => c > 0).length === 1;
