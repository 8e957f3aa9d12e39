import type { FlatOrgUnit } from './org-tree';

/** A unit and every unit below it: the parents a unit cannot move under. */
export function unitsBelow(units: readonly FlatOrgUnit[], id: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const unit of units) {
    const parent = unit.parent?.id;
    if (parent) children.set(parent, [...(children.get(parent) ?? []), unit.id]);
  }
  const out = new Set<string>();
  const stack = [id];
  while (stack.length) {
    const next = stack.pop()!;
    if (out.has(next)) continue;
    out.add(next);
    stack.push(...(children.get(next) ?? []));
  }
  return out;
}
