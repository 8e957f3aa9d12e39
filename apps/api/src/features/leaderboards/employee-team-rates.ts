/**
 * Which teams an employee response-rate leaderboard may list (pure; PRODUCT.md 5, docs/anonymity.md).
 *
 * A team is an org unit with its subtree, so its counts are sums: invited and responded of the
 * people whose current unit is in the subtree (participations only, never who). What a reader can
 * already know: the organization's totals (a wave shows its counts from k invited) and the units a
 * wave page shows on their own (foldRates, per wave: a unit is "known" for the period when every
 * wave of it shows the unit). Every other unit's people are an unknown piece. A team is listed
 * only when
 *  1. its subtree has at least k invited, and
 *  2. the unknown pieces of its subtree not covered by a listed team below it add up to none or to
 *     at least k — otherwise the team minus what is known (its listed teams below, the known
 *     units) would single out fewer than k people.
 * The same holds at the top, for the organization's totals: while the unknown pieces not covered
 * by any listed team (people without a unit among them) are 1 to k − 1, the smallest listed
 * top-most team that covers an unknown piece is left out too, as foldRates does with its merged
 * row. Leaving a team out only adds to the unknown part of the team above it, so the rules are
 * applied until nothing changes.
 */

export interface UnitCounts {
  invited: number;
  responded: number;
}

export interface TreeShape {
  units: ReadonlyMap<string, { id: string; name: string; parentId: string | null }>;
  children: ReadonlyMap<string, readonly string[]>;
}

/**
 * @param direct invited/responded per unit id of the people whose own unit it is; any other key
 *   (e.g. "unassigned") counts toward the organization's total only.
 * @param known the keys whose own counts a reader may already know (shown on every wave page).
 * @returns the listed teams with their subtree counts.
 */
export function listableTeams(tree: TreeShape, direct: ReadonlyMap<string, UnitCounts>, k: number, known: ReadonlySet<string> = new Set()): Map<string, UnitCounts> {
  const ids = [...tree.units.keys()];
  const parentOf = (id: string) => {
    const p = tree.units.get(id)!.parentId;
    return p !== null && tree.units.has(p) ? p : null;
  };
  const roots = ids.filter((id) => parentOf(id) === null);
  const own = (id: string) => direct.get(id) ?? { invited: 0, responded: 0 };

  // Subtree sums, children before parents.
  const subtree = new Map<string, UnitCounts>();
  const visit = (id: string): UnitCounts => {
    const sum = { ...own(id) };
    for (const c of tree.children.get(id) ?? []) {
      const s = visit(c);
      sum.invited += s.invited;
      sum.responded += s.responded;
    }
    subtree.set(id, sum);
    return sum;
  };
  roots.forEach(visit);

  const piece = (key: string) => (known.has(key) ? 0 : (direct.get(key)?.invited ?? 0));
  const listed = new Set(ids.filter((id) => subtree.get(id)!.invited >= k));
  /** Unknown pieces in the subtree of `id` not covered by a listed team strictly below it. */
  const unknown = (id: string): number => piece(id) + (tree.children.get(id) ?? []).reduce((n, c) => n + (listed.has(c) ? 0 : unknown(c)), 0);
  /** Every unknown piece in the subtree of `id`. */
  const held = (id: string): number => piece(id) + (tree.children.get(id) ?? []).reduce((n, c) => n + held(c), 0);
  const frontier = (id: string): string[] => (tree.children.get(id) ?? []).flatMap((c) => (listed.has(c) ? [c] : frontier(c)));

  let unassigned = 0;
  for (const key of direct.keys()) if (!tree.units.has(key)) unassigned += piece(key);

  for (let changed = true; changed; ) {
    changed = false;
    for (const id of ids) {
      if (!listed.has(id)) continue;
      const u = unknown(id);
      if (u > 0 && u < k) {
        listed.delete(id);
        changed = true;
      }
    }
    const top = roots.flatMap((r) => (listed.has(r) ? [r] : frontier(r)));
    const rootUnknown = unassigned + roots.reduce((n, r) => n + (listed.has(r) ? 0 : unknown(r)), 0);
    // Only a team holding unknown pieces (itself or through listed teams below it) can help; one of known pieces only stays.
    const covering = top.filter((id) => held(id) > 0);
    if (rootUnknown > 0 && rootUnknown < k && covering.length > 0) {
      const smallest = covering.sort((a, b) => subtree.get(a)!.invited - subtree.get(b)!.invited || a.localeCompare(b))[0];
      listed.delete(smallest);
      changed = true;
    }
  }
  return new Map([...listed].map((id) => [id, subtree.get(id)!]));
}
