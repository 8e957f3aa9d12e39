import {
  categoryIndexOf,
  DEMOGRAPHICS,
  type Attributes,
  type Cell,
  type Demographic,
  type Dimension,
  type GroupDef,
  type ReleaseInput,
  type Relation,
  type Unit,
} from './model.js';

/**
 * The fixed set of groups a release is made of, from the roster snapshot alone (who was invited,
 * with which unit, location and tenure band): the whole wave, every org unit with its subtree,
 * every location and every tenure band on its own, and a unit crossed with one demographic only
 * where every cell of that cross has at least k answers. Nobody chooses a group; filters over
 * employee results can only pick one of these (release-reader.ts).
 */

export const ALL_KEY = 'all';
export const unitKey = (unitId: string) => `unit:${unitId}`;
export const demographicKey = (d: Demographic, value: string) => `${d}:${value}`;
export const crossKey = (unitId: string, d: Demographic, value: string) => `${unitKey(unitId)}|${demographicKey(d, value)}`;

const valueOf = (a: Attributes, d: Demographic): string | null => (d === 'location' ? a.location : a.tenureBand);
const DIMENSION: Record<Demographic, Dimension> = { location: 'LOCATION', tenure_band: 'TENURE_BAND' };
const CROSS: Record<Demographic, Dimension> = { location: 'ORG_UNIT_LOCATION', tenure_band: 'ORG_UNIT_TENURE_BAND' };

export interface GroupModel {
  cells: Cell[];
  groups: GroupDef[];
  byKey: Map<string, GroupDef>;
  relations: Relation[];
}

const cellId = (a: Attributes) => JSON.stringify([a.unitId, a.location, a.tenureBand]);

/** Participants and answers by cell. A unit the tree does not know counts as no unit. */
export function cellsOf(input: ReleaseInput): Cell[] {
  const known = new Set(input.units.map((u) => u.id));
  const norm = (a: Attributes): Attributes => ({
    unitId: a.unitId && known.has(a.unitId) ? a.unitId : null,
    location: a.location || null,
    tenureBand: a.tenureBand || null,
  });
  const cells = new Map<string, Cell>();
  const cellFor = (a: Attributes) => {
    const attrs = norm(a);
    const id = cellId(attrs);
    let cell = cells.get(id);
    if (!cell) {
      cell = { ...attrs, invited: 0, counts: [0, 0, 0], scores: new Array<number>(11).fill(0) };
      cells.set(id, cell);
    }
    return cell;
  };
  for (const p of input.participants) cellFor(p).invited++;
  for (const a of input.answers) {
    const cell = cellFor(a);
    cell.counts[categoryIndexOf(a.score)]++;
    cell.scores[a.score]++;
  }
  // An answer always has its participation; should the data ever disagree, the cell has at least
  // as many invited as answers, so the audit's model stays consistent with the truth.
  for (const cell of cells.values()) cell.invited = Math.max(cell.invited, cell.counts[0] + cell.counts[1] + cell.counts[2]);
  return [...cells.values()].sort((a, b) => cellId(a).localeCompare(cellId(b)));
}

/** The groups and the sums between them, for a snapshot's cells. */
export function groupModel(input: ReleaseInput, cells: Cell[] = cellsOf(input)): GroupModel {
  const units = new Map(input.units.map((u) => [u.id, u]));
  const invitedIn = (indices: number[]) => indices.reduce((n, i) => n + cells[i].invited, 0);
  const groups: GroupDef[] = [];
  const relations: Relation[] = [];
  const all = cells.map((_, i) => i);
  groups.push({ key: ALL_KEY, dimension: 'ALL', unitId: null, value: null, label: 'All', parentKey: null, cells: all });

  // The org-unit tree: each unit with its subtree, for units with someone invited in it.
  const ancestry = (unitId: string): string[] => {
    const chain: string[] = [];
    for (let u: Unit | undefined = units.get(unitId); u && !chain.includes(u.id); u = u.parentId ? units.get(u.parentId) : undefined) chain.push(u.id);
    return chain;
  };
  const subtreeCells = new Map<string, number[]>();
  cells.forEach((cell, i) => {
    if (cell.unitId) for (const id of ancestry(cell.unitId)) subtreeCells.set(id, [...(subtreeCells.get(id) ?? []), i]);
  });
  const parentWithGroup = (unit: Unit): string | null => {
    for (let id = unit.parentId; id; id = units.get(id)?.parentId ?? null) if (subtreeCells.has(id)) return id;
    return null;
  };
  const children = new Map<string, string[]>();
  const unitIds = [...subtreeCells.keys()].sort((a, b) => units.get(a)!.name.localeCompare(units.get(b)!.name) || a.localeCompare(b));
  for (const id of unitIds) {
    const parent = parentWithGroup(units.get(id)!);
    const parentKey = parent ? unitKey(parent) : ALL_KEY;
    groups.push({ key: unitKey(id), dimension: 'ORG_UNIT', unitId: id, value: null, label: units.get(id)!.name, parentKey, cells: subtreeCells.get(id)! });
    children.set(parentKey, [...(children.get(parentKey) ?? []), unitKey(id)]);
  }
  for (const [parent, parts] of children) relations.push({ parent, parts });

  // Each demographic on its own.
  for (const d of DEMOGRAPHICS) {
    const byValue = new Map<string, number[]>();
    cells.forEach((cell, i) => {
      const v = valueOf(cell, d);
      if (v !== null) byValue.set(v, [...(byValue.get(v) ?? []), i]);
    });
    const values = [...byValue.keys()].sort();
    for (const v of values) groups.push({ key: demographicKey(d, v), dimension: DIMENSION[d], unitId: null, value: v, label: v, parentKey: ALL_KEY, cells: byValue.get(v)! });
    if (values.length) relations.push({ parent: ALL_KEY, parts: values.map((v) => demographicKey(d, v)) });
  }

  // A unit crossed with one demographic, only where every cell of the cross has at least k people
  // invited (and the unit's people without a value are none or at least k). Decided on the roster
  // snapshot, never on answers: whether a cross exists must not say how many of its people answered
  // (the release then hides a cross with fewer than k answers, all of its cells at once).
  for (const id of unitIds) {
    const own = subtreeCells.get(id)!;
    // A unit that holds everyone (the company at the top) would only repeat the margins.
    if (own.length === cells.length) continue;
    for (const d of DEMOGRAPHICS) {
      const byValue = new Map<string, number[]>();
      const blank: number[] = [];
      for (const i of own) {
        const v = valueOf(cells[i], d);
        if (v === null) blank.push(i);
        else byValue.set(v, [...(byValue.get(v) ?? []), i]);
      }
      if (byValue.size < 2) continue;
      const blankInvited = invitedIn(blank);
      if ([...byValue.values()].some((c) => invitedIn(c) < input.k) || (blankInvited > 0 && blankInvited < input.k)) continue;
      const values = [...byValue.keys()].sort();
      for (const v of values) {
        groups.push({
          key: crossKey(id, d, v),
          dimension: CROSS[d],
          unitId: id,
          value: v,
          label: `${units.get(id)!.name} · ${v}`,
          parentKey: unitKey(id),
          cells: byValue.get(v)!,
        });
      }
      relations.push({ parent: unitKey(id), parts: values.map((v) => crossKey(id, d, v)) });
    }
  }
  return { cells, groups, byKey: new Map(groups.map((g) => [g.key, g])), relations };
}

/** The crosses are all or nothing: the sibling cells of a cross group. */
export const crossSiblings = (model: GroupModel, key: string): string[] => {
  const group = model.byKey.get(key);
  if (!group || (group.dimension !== 'ORG_UNIT_LOCATION' && group.dimension !== 'ORG_UNIT_TENURE_BAND')) return [key];
  return model.groups.filter((g) => g.dimension === group.dimension && g.unitId === group.unitId).map((g) => g.key);
};
