import type { OrgTree } from '../base/org-tree.js';

/**
 * Leaderboards compare like with like: the teams of ONE level of the org tree, each with its
 * subtree. Never the whole company (a single root stands for the company), and never a parent
 * beside its own sub-teams: two units of the same depth are never one inside the other.
 */

export interface OrgLevel {
  /** Depth in the tree: 0 for the roots, 1 for their children, ... */
  level: number;
  /** The units of that depth, in id order. */
  unitIds: string[];
}

/** Every depth of the tree with its units. */
function depths(tree: OrgTree): OrgLevel[] {
  const out: string[][] = [];
  const visit = (id: string, depth: number, seen: Set<string>) => {
    if (seen.has(id)) return;
    seen.add(id);
    (out[depth] ??= []).push(id);
    for (const child of tree.children.get(id) ?? []) visit(child, depth + 1, seen);
  };
  const seen = new Set<string>();
  for (const [id, unit] of tree.units) if (unit.parentId === null || !tree.units.has(unit.parentId)) visit(id, 0, seen);
  return out.map((unitIds, level) => ({ level, unitIds: [...unitIds].sort() }));
}

/**
 * The levels a leaderboard may rank: every depth of the tree, except the top one when it is a
 * single unit (the company itself) and there is anything below it.
 */
export function rankableLevels(tree: OrgTree): OrgLevel[] {
  const all = depths(tree);
  return all.length > 1 && all[0].unitIds.length === 1 ? all.slice(1) : all;
}

/** The level shown when the page names none: the one with the most units (the shallower on a tie). */
export function defaultLevel(levels: readonly OrgLevel[]): number | null {
  let best: OrgLevel | null = null;
  for (const level of levels) if (!best || level.unitIds.length > best.unitIds.length) best = level;
  return best?.level ?? null;
}
