import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { OrgTree } from '../base/org-tree.js';
import { defaultLevel, rankableLevels } from './levels.js';

/** A tree from parent indexes: unit i's parent is parents[i] (< i) or null. */
function treeOf(parents: (number | null)[]): OrgTree {
  const units = new Map(parents.map((p, i) => [`u${String(i).padStart(3, '0')}`, { id: `u${String(i).padStart(3, '0')}`, name: `Unit ${i}`, parentId: p === null ? null : `u${String(p).padStart(3, '0')}` }]));
  const children = new Map<string, string[]>();
  for (const u of units.values()) if (u.parentId) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
  return { units, children, subtree: () => new Set() };
}

const ancestors = (tree: OrgTree, id: string) => {
  const out: string[] = [];
  for (let at = tree.units.get(id)?.parentId ?? null; at; at = tree.units.get(at)?.parentId ?? null) out.push(at);
  return out;
};

describe('leaderboard levels', () => {
  it('ranks the demo chart by its widest level, never the company, never Sales beside Sales EU', () => {
    // 0 Company; 1 Sales, 2 Sales EU, 3 Sales US, 4 Customer Service, 5 Recruitment, 6 Operations, 7 People & Culture
    const tree = treeOf([null, 0, 1, 1, 0, 0, 0, 0]);
    const levels = rankableLevels(tree);
    expect(levels.map((l) => [l.level, l.unitIds.length])).toEqual([
      [1, 5],
      [2, 2],
    ]);
    expect(defaultLevel(levels)).toBe(1);
  });

  it('keeps a tree of several roots whole, and a lone unit rankable', () => {
    expect(rankableLevels(treeOf([null, null, 0])).map((l) => l.level)).toEqual([0, 1]);
    expect(rankableLevels(treeOf([null])).map((l) => l.level)).toEqual([0]);
    expect(defaultLevel([])).toBeNull();
  });

  it('never puts a unit beside one of its ancestors, nor the sole root on a board', () => {
    const parents = fc.array(fc.nat(), { minLength: 1, maxLength: 30 }).map((xs) => xs.map((x, i) => (i === 0 || x % 4 === 0 ? null : x % i)));
    fc.assert(
      fc.property(parents, (ps) => {
        const tree = treeOf(ps);
        const levels = rankableLevels(tree);
        const roots = [...tree.units.values()].filter((u) => u.parentId === null);
        for (const level of levels) {
          const set = new Set(level.unitIds);
          for (const id of level.unitIds) expect(ancestors(tree, id).some((a) => set.has(a))).toBe(false);
          if (roots.length === 1 && tree.units.size > 1) expect(set.has(roots[0].id)).toBe(false);
        }
        // Every unit is on exactly one level, unless it is the company.
        const listed = levels.flatMap((l) => l.unitIds);
        expect(new Set(listed).size).toBe(listed.length);
        const d = defaultLevel(levels);
        if (levels.length) expect(levels.find((l) => l.level === d)!.unitIds.length).toBe(Math.max(...levels.map((l) => l.unitIds.length)));
      }),
    );
  });
});
