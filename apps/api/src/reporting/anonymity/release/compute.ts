import { ReleaseAudit, countsOf, invitedOf, type Finding } from './audit.js';
import { atomsOf, laminarFamily } from './families.js';
import { ALL_KEY, crossSiblings, groupModel, type GroupModel } from './groups.js';
import { total, type Answer, type CriterionRelease, type GroupDef, type GroupResult, type HiddenReason, type ReleaseInput } from './model.js';

/**
 * Computes an employee wave's release once, when the wave closes (PRODUCT.md section 5):
 *
 *  1. the fixed groups of the snapshot (groups.ts);
 *  2. primary suppression: a group with fewer than k answers is hidden;
 *  3. secondary suppression along every known sum (a unit is its sub-units plus its own people;
 *     the wave is its locations plus the people without one; ...): the part of a released sum not
 *     covered by released groups is 0 or at least k answers, else its smallest released group is
 *     hidden too;
 *  4. the audit (audit.ts): the attacker's integer program over everything shown; while it finds
 *     something, one more group is hidden — the smallest whose hiding settles the finding — and
 *     the audit runs again. Hiding only removes knowledge, so this ends (at worst with the wave's
 *     total alone, which discloses nothing beyond itself);
 *  5. laminar families for what can be intersected or is finer than counts (families.ts):
 *     comments per group, score distributions (2k), and the participation shown while the wave ran.
 *
 * Everything here is decided from the snapshot and the answers, so the same input always gives the
 * same release; nothing about a hidden group's size leaves here but "hidden" and why.
 */

export interface ReleaseOptions {
  /** Above this many cells the audit solves the linear relaxation instead of the integer program. */
  exactCellLimit?: number;
  /** Shuffles comments; Math.random in production, a seeded generator in tests. */
  random?: () => number;
  /** Themes of a comment's texts (the catalogue frozen when the wave opened). */
  themesOf?: (answer: Answer) => string[];
  /** Told of each finding of the audit and the group hidden for it (tests and diagnostics). */
  onFinding?: (finding: Finding, hidden: string, about: string) => void;
}

export interface AuditReport {
  method: 'MIP' | 'LP';
  cells: number;
  groups: number;
  released: number;
  hiddenBelowThreshold: number;
  hiddenToProtect: number;
  solves: number;
  /** Solves the relaxation could not settle (solver.ts). */
  integerSolves: number;
  timeouts: number;
  /** Findings settled by hiding more groups while the release was made. */
  findingsSettled: number;
  /** Findings left in the stored release: 0, or the release is not stored. */
  findingsLeft: number;
}

export interface ComputedRelease {
  k: number;
  groups: GroupResult[];
  /** Comments (reasons and suggestions) per released comment group, shuffled, undated. */
  comments: Map<string, string[]>;
  /** Mentions per theme per released comment group. */
  themeMentions: Map<string, Map<string, number>>;
  /** The criteria ratings of the whole wave (model.ts CriterionRelease), by criterion. */
  criteria: CriterionRelease[];
  audit: AuditReport;
}

export const DEFAULT_EXACT_CELL_LIMIT = 400;

export async function computeRelease(input: ReleaseInput, options: ReleaseOptions = {}): Promise<ComputedRelease> {
  const { k } = input;
  const model = groupModel(input);
  const size = (key: string) => total(countsOf(model, model.byKey.get(key)!));
  const released = new Set<string>();
  for (const g of model.groups) if (size(g.key) >= k) released.add(g.key);
  if (!released.has(ALL_KEY)) for (const g of model.groups) hide(g.key);
  // A unit's crosses with a demographic are all shown or all hidden.
  for (const g of model.groups) if (!released.has(g.key)) hide(g.key);

  function hide(key: string): boolean {
    let hid = false;
    for (const sibling of crossSiblings(model, key)) if (released.delete(sibling)) hid = true;
    return hid;
  }

  /** Step 3: every remainder of a released sum is 0 or at least k answers. */
  const settleSums = () => {
    for (let changed = true; changed; ) {
      changed = false;
      for (const relation of model.relations) {
        if (!released.has(relation.parent)) continue;
        const shown = relation.parts.filter((p) => released.has(p));
        const remainder = size(relation.parent) - shown.reduce((n, p) => n + size(p), 0);
        if (remainder > 0 && remainder < k && shown.length > 0) {
          hide(smallestOf(shown, size));
          changed = true;
        }
      }
    }
  };
  settleSums();

  const participation = participationFamily(model, k);
  const participationGroups = [...participation].map((key) => model.byKey.get(key)!);
  const integer = model.cells.length <= (options.exactCellLimit ?? DEFAULT_EXACT_CELL_LIMIT);
  const audit = await ReleaseAudit.create(model, k, { groups: participationGroups, atoms: atomsOf(model, participation) }, { integer });
  let findingsSettled = 0;
  let findingsLeft = 0;
  try {
    const sync = () => model.groups.forEach((g) => audit.setReleased(g.key, released.has(g.key)));
    sync();
    for (let finding = audit.firstFinding(); finding; finding = audit.firstFinding()) {
      const victim = settling(audit, model, finding, [...released].filter((key) => key !== ALL_KEY), size);
      options.onFinding?.(finding, victim, 'cell' in finding ? JSON.stringify(model.cells[finding.cell]) : finding.key);
      if (!hide(victim)) {
        // Nothing left to hide: cannot happen with the exceptions above, but never store it quietly.
        findingsLeft = audit.allFindings().length;
        break;
      }
      findingsSettled++;
      settleSums();
      sync();
    }
    // Why a group is hidden says only what the roster and the shown participation already say:
    // THRESHOLD when fewer than k were invited, or the group's shown participation has fewer than k
    // answers; PROTECTS_SMALLER otherwise — also for a group with fewer than k answers that nobody
    // can count, since "fewer than k answered" would be news about who answered.
    const publicReason = (g: GroupDef): HiddenReason =>
      invitedOf(model, g) < k || (participation.has(g.key) && size(g.key) < k) ? 'THRESHOLD' : 'PROTECTS_SMALLER';
    const comments = laminarFamily(model, (g) => size(g.key), k, (g) => released.has(g.key));
    const distributions = laminarFamily(model, (g) => size(g.key), 2 * k, (g) => released.has(g.key));
    const groups: GroupResult[] = model.groups.map((g) => {
      const counts = countsOf(model, g);
      return {
        ...g,
        invited: invitedOf(model, g),
        responses: total(counts),
        counts,
        released: released.has(g.key),
        hiddenReason: released.has(g.key) ? null : publicReason(g),
        distribution: distributions.has(g.key) ? g.cells.reduce((sum, c) => sum.map((n, s) => n + model.cells[c].scores[s]), new Array<number>(11).fill(0)) : null,
        comments: comments.has(g.key),
        participation: participation.has(g.key),
      };
    });
    const texts = commentsOf(model, input.answers, comments, options);
    return {
      k,
      groups,
      comments: texts.comments,
      themeMentions: texts.themeMentions,
      criteria: criteriaOf(input.answers, k, released.has(ALL_KEY)),
      audit: {
        method: integer ? 'MIP' : 'LP',
        cells: model.cells.length,
        groups: model.groups.length,
        released: released.size,
        hiddenBelowThreshold: groups.filter((g) => g.hiddenReason === 'THRESHOLD').length,
        hiddenToProtect: groups.filter((g) => g.hiddenReason === 'PROTECTS_SMALLER').length,
        solves: audit.stats.solves, integerSolves: audit.stats.integerSolves,
        timeouts: audit.stats.timeouts,
        findingsSettled,
        findingsLeft,
      },
    };
  } finally {
    audit.dispose();
  }
}

/**
 * The wave's criteria (step 6): every criterion rated in it, released with at least k ratings when
 * the wave's total is released; sd and the counts of 1..5 only with at least 2k.
 */
export function criteriaOf(answers: readonly Answer[], k: number, totalReleased: boolean): CriterionRelease[] {
  const values = new Map<string, number[]>();
  for (const a of answers) {
    for (const r of a.ratings ?? []) {
      if (!Number.isInteger(r.value) || r.value < 1 || r.value > 5) continue;
      const list = values.get(r.criterion) ?? [];
      list.push(r.value);
      values.set(r.criterion, list);
    }
  }
  return [...values.keys()].sort().map((criterion) => {
    const xs = values.get(criterion)!;
    const n = xs.length;
    if (!totalReleased || n < k) return { criterion, released: false, ratings: null, mean: null, sd: null, distribution: null };
    const mean = xs.reduce((a, b) => a + b, 0) / n;
    const wide = n >= 2 * k && n >= 2;
    const sd = wide ? Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1)) : null;
    const distribution = wide ? [1, 2, 3, 4, 5].map((v) => xs.filter((x) => x === v).length) : null;
    return { criterion, released: true, ratings: n, mean, sd, distribution };
  });
}

/** The participation shown while the wave runs: the org-unit tree by people invited, atoms of at least k. */
export const participationFamily = (model: GroupModel, k: number): Set<string> => laminarFamily(model, (g) => invitedOf(model, g), k, () => true);

function smallestOf(keys: string[], size: (key: string) => number): string {
  return keys.reduce((best, key) => (size(key) < size(best) || (size(key) === size(best) && key < best) ? key : best));
}

/** How many groups are tried one by one for a finding before the smallest is hidden anyway. */
const MAX_TRIALS = 40;

/**
 * The group to hide for a finding: the smallest released group whose hiding settles it (tried in
 * order of size), or, when no single one does, the smallest — the audit runs again after it.
 */
function settling(audit: ReleaseAudit, model: GroupModel, finding: Finding, candidates: string[], size: (key: string) => number): string {
  if (candidates.length === 0) return ALL_KEY;
  const ordered = [...candidates].sort((a, b) => size(a) - size(b) || a.localeCompare(b));
  for (const key of ordered.slice(0, MAX_TRIALS)) {
    const siblings = crossSiblings(model, key).filter((s) => audit.isReleased(s));
    siblings.forEach((s) => audit.setReleased(s, false));
    const settled = !audit.applies(finding) || audit.holds(finding);
    siblings.forEach((s) => audit.setReleased(s, true));
    if (settled) return key;
  }
  return ordered[0];
}

/** Each comment group's texts, shuffled, and its theme mentions. */
function commentsOf(model: GroupModel, answers: readonly Answer[], family: Set<string>, options: ReleaseOptions) {
  const random = options.random ?? Math.random;
  const cellIndex = new Map(model.cells.map((c, i) => [JSON.stringify([c.unitId, c.location, c.tenureBand]), i]));
  const known = new Set(model.groups.filter((g) => g.unitId).map((g) => g.unitId));
  const byCell = new Map<number, Answer[]>();
  for (const a of answers) {
    const i = cellIndex.get(JSON.stringify([a.unitId && known.has(a.unitId) ? a.unitId : null, a.location || null, a.tenureBand || null]));
    if (i !== undefined) byCell.set(i, [...(byCell.get(i) ?? []), a]);
  }
  const comments = new Map<string, string[]>();
  const themeMentions = new Map<string, Map<string, number>>();
  for (const key of family) {
    const group = model.byKey.get(key)!;
    const texts: string[] = [];
    const mentions = new Map<string, number>();
    for (const c of group.cells) {
      for (const a of byCell.get(c) ?? []) {
        for (const t of [a.reason, a.suggestion]) if (t && t.trim()) texts.push(t.trim());
        for (const theme of new Set(options.themesOf?.(a) ?? [])) mentions.set(theme, (mentions.get(theme) ?? 0) + 1);
      }
    }
    comments.set(key, shuffle(texts, random));
    themeMentions.set(key, mentions);
  }
  return { comments, themeMentions };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
