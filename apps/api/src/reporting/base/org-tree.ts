import type { Context } from '../../kernel/context.js';
import { orgOf } from '../../kernel/context.js';

/**
 * The caller's org chart, read once per request in one statement: subtrees for filters and for
 * breakdowns by org unit are computed here, so their cost follows the number of units, never the
 * number of answers.
 */
export interface OrgTree {
  units: Map<string, { id: string; name: string; parentId: string | null }>;
  children: Map<string, string[]>;
  /** The given units and all their descendants (unknown ids are left out). */
  subtree(ids: readonly string[]): Set<string>;
}

const perRequest = new WeakMap<object, Promise<OrgTree>>();

export function orgTreeOf(ctx: Context): Promise<OrgTree> {
  let tree = perRequest.get(ctx.loaders);
  if (!tree) {
    tree = loadTree(ctx, orgOf(ctx));
    perRequest.set(ctx.loaders, tree);
  }
  return tree;
}

async function loadTree(ctx: Context, organizationId: string): Promise<OrgTree> {
  const rows: { id: string; name: string; parent_id: string | null }[] = await ctx.db.query(
    `SELECT id, name, parent_id FROM org_units WHERE organization_id = $1`,
    [organizationId],
  );
  const units = new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, parentId: r.parent_id }]));
  const children = new Map<string, string[]>();
  for (const r of rows) {
    if (r.parent_id && units.has(r.parent_id)) children.set(r.parent_id, [...(children.get(r.parent_id) ?? []), r.id]);
  }
  return {
    units,
    children,
    subtree(ids) {
      const out = new Set<string>();
      const stack = ids.filter((id) => units.has(id));
      while (stack.length > 0) {
        const id = stack.pop()!;
        if (out.has(id)) continue;
        out.add(id);
        stack.push(...(children.get(id) ?? []));
      }
      return out;
    },
  };
}
