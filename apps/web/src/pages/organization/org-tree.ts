/** An org unit as the API lists it: flat, each pointing at its parent. */
export interface FlatOrgUnit {
  id: string;
  name: string;
  parent?: { id: string } | null;
}

export interface OrgTreeNode {
  id: string;
  name: string;
  children: OrgTreeNode[];
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/**
 * Builds the tree from the flat list: children sorted by name; a unit whose
 * parent is missing from the list (or that sits in a cycle) becomes a root.
 */
export function buildOrgTree(units: readonly FlatOrgUnit[]): OrgTreeNode[] {
  const nodes = new Map<string, OrgTreeNode>(units.map((unit) => [unit.id, { id: unit.id, name: unit.name, children: [] }]));
  const parentOf = new Map(units.map((unit) => [unit.id, unit.parent?.id ?? null]));

  const inCycle = (id: string): boolean => {
    const seen = new Set<string>([id]);
    for (let current = parentOf.get(id); current; current = parentOf.get(current)) {
      if (current === id) return true;
      if (seen.has(current) || !nodes.has(current)) return false;
      seen.add(current);
    }
    return false;
  };

  const roots: OrgTreeNode[] = [];
  for (const unit of units) {
    const node = nodes.get(unit.id)!;
    const parentId = parentOf.get(unit.id);
    const parent = parentId ? nodes.get(parentId) : undefined;
    if (parent && !inCycle(unit.id)) parent.children.push(node);
    else roots.push(node);
  }

  const sort = (list: OrgTreeNode[]) => {
    list.sort(byName);
    for (const node of list) sort(node.children);
  };
  sort(roots);
  return roots;
}

export interface OrgTreeEntry {
  id: string;
  name: string;
  depth: number;
  /** Names from the root down to this unit. */
  path: string[];
}

/** The tree in display order, each unit with its depth and path, for a parent picker. */
export function flattenOrgTree(tree: readonly OrgTreeNode[], ancestors: string[] = []): OrgTreeEntry[] {
  return tree.flatMap((node) => {
    const path = [...ancestors, node.name];
    return [{ id: node.id, name: node.name, depth: ancestors.length, path }, ...flattenOrgTree(node.children, path)];
  });
}
