import { ALL_KEY, type GroupModel } from './groups.js';
import type { GroupDef } from './model.js';

/**
 * Laminar families along the org-unit tree: a group, and below it only sub-units, chosen so that
 * every atom (a chosen group minus its chosen sub-units) holds 0 or at least `min` of what is
 * measured. Any set a reader can form from a laminar family's sets — intersections, differences,
 * unions — is a union of atoms, so nothing smaller than `min` can be singled out, whatever they
 * combine. That is how comments (sets of texts, which can be intersected), score distributions and
 * participation are released: a proof by construction instead of an audit.
 *
 *  - participation: measured by people invited (the snapshot), min k — shown while the wave runs;
 *  - comments: answers, min k, among released groups;
 *  - distributions: answers, min 2k, among released groups.
 *
 * Children are taken largest first while the remainder stays 0 or at least `min`.
 */
export function laminarFamily(model: GroupModel, size: (g: GroupDef) => number, min: number, eligible: (g: GroupDef) => boolean): Set<string> {
  const chosen = new Set<string>();
  const root = model.byKey.get(ALL_KEY)!;
  if (!eligible(root) || size(root) < min) return chosen;
  const children = new Map<string, GroupDef[]>();
  for (const g of model.groups) {
    if (g.dimension !== 'ORG_UNIT' || !g.parentKey) continue;
    children.set(g.parentKey, [...(children.get(g.parentKey) ?? []), g]);
  }
  const bySize = (a: GroupDef, b: GroupDef) => size(b) - size(a) || a.key.localeCompare(b.key);
  const visit = (group: GroupDef) => {
    chosen.add(group.key);
    let remainder = size(group);
    // Sub-units largest first; one that cannot be taken lets its own sub-units be tried in its place.
    const candidates = [...(children.get(group.key) ?? [])].sort(bySize);
    while (candidates.length) {
      const child = candidates.shift()!;
      const left = remainder - size(child);
      if (eligible(child) && size(child) >= min && (left === 0 || left >= min)) {
        remainder = left;
        visit(child);
      } else {
        candidates.push(...(children.get(child.key) ?? []));
        candidates.sort(bySize);
      }
    }
  };
  visit(root);
  return chosen;
}

/** The atoms of a laminar family: each chosen group's cells minus those of the chosen groups inside it. */
export function atomsOf(model: GroupModel, family: Set<string>): number[][] {
  const groups = [...family].map((key) => model.byKey.get(key)!);
  const atoms: number[][] = [];
  for (const group of groups) {
    const own = new Set(group.cells);
    for (const other of groups) {
      if (other === group || other.cells.length >= group.cells.length || !other.cells.every((c) => own.has(c))) continue;
      other.cells.forEach((c) => own.delete(c));
    }
    if (own.size) atoms.push([...own]);
  }
  return atoms;
}
