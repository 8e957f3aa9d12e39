/**
 * Selecting and counting employee answers: the filter as SQL predicates, and the counts of a group
 * (from the rollup, or one scan), with its sizes without each filter.
 */
import type { NpsCounts } from '@tandem/nps-core';
import type { Context } from '../../../graphql/context.js';
import { UNASSIGNED_KEY } from '../../analytics/nps-breakdown.types.js';
import { categoriesOf, employeeRollupCounts, type EmployeeCountQuery, type Grouping } from '../../analytics/nps-counts.js';
import { NpsSummary } from '../../analytics/nps-summary.type.js';
import { orgTreeOf } from '../../analytics/org-tree.js';
import { EMPLOYEE_SEGMENT_KEYS, type EmployeeFilter, type EmployeeSegmentKey } from '../employee-filter.js';
import type { Verdict } from '../guard.js';

export type FilterName = 'waveIds' | 'orgUnitIds' | EmployeeSegmentKey;
interface Predicate {
  name: FilterName;
  /** A condition over `employee_answers a` (and `subtree st` for org units). */
  sql: string;
}

export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The answers of a filter: the organization's employee answers, narrowed by one predicate per filter. */
interface Selection {
  org: string;
  with: string;
  join: string;
  predicates: Predicate[];
}

export function selectionOf(f: EmployeeFilter, params: Params): Selection {
  const org = params.add(f.organizationId);
  const predicates: Predicate[] = [];
  let withSql = '';
  let join = '';
  if (f.waveIds) predicates.push({ name: 'waveIds', sql: `a.wave_id = ANY(${params.add(f.waveIds)}::uuid[])` });
  if (f.orgUnitIds) {
    withSql = `WITH RECURSIVE subtree(id) AS (
        SELECT id FROM org_units WHERE organization_id = ${org} AND id = ANY(${params.add(f.orgUnitIds)}::uuid[])
        UNION
        SELECT u.id FROM org_units u JOIN subtree s ON u.parent_id = s.id WHERE u.organization_id = ${org})`;
    join = 'LEFT JOIN subtree st ON st.id = a.org_unit_id';
    predicates.push({ name: 'orgUnitIds', sql: 'st.id IS NOT NULL' });
  }
  // The column names are the keys themselves, from a fixed list.
  for (const key of EMPLOYEE_SEGMENT_KEYS) {
    const values = f.segments[key];
    if (values && values.length > 0) predicates.push({ name: key, sql: `a.${key} = ANY(${params.add(values)}::text[])` });
  }
  return { org, with: withSql, join, predicates };
}

export const allOf = (predicates: Predicate[]) => (predicates.length === 0 ? 'TRUE' : predicates.map((p) => `(${p.sql})`).join(' AND '));

/**
 * The counting columns: size and categories of the selection, and w0, w1, ... the size with each
 * droppable filter removed (the differencing rule's wider groups).
 */
export function countColumns(sel: Selection, droppable: (name: FilterName) => boolean): { sql: string; wider: number } {
  const all = allOf(sel.predicates);
  const dropped = sel.predicates.filter((p) => droppable(p.name));
  const columns = [
    `count(*) FILTER (WHERE ${all})::int AS size`,
    `count(*) FILTER (WHERE ${all} AND a.category = 'PROMOTER')::int AS promoters`,
    `count(*) FILTER (WHERE ${all} AND a.category = 'PASSIVE')::int AS passives`,
    `count(*) FILTER (WHERE ${all} AND a.category = 'DETRACTOR')::int AS detractors`,
    ...dropped.map((p, i) => `count(*) FILTER (WHERE ${allOf(sel.predicates.filter((q) => q !== p))})::int AS w${i}`),
  ];
  return { sql: columns.join(',\n         '), wider: dropped.length };
}

export interface CountRow {
  size: number;
  promoters: number;
  passives: number;
  detractors: number;
  [wider: `w${number}`]: number;
}

export interface GroupCounts {
  size: number;
  counts: NpsCounts;
  withoutEachFilter: number[];
  /** People invited, for the finite population correction; null when the filter does not define it. */
  population: number | null;
}

export const groupCountsOf = (row: CountRow | undefined, wider: number, population: number | null): GroupCounts => ({
  size: row?.size ?? 0,
  counts: { promoters: row?.promoters ?? 0, passives: row?.passives ?? 0, detractors: row?.detractors ?? 0 },
  withoutEachFilter: Array.from({ length: wider }, (_, i) => row?.[`w${i}`] ?? 0),
  population,
});

// Counting from the rollup

/** The filters a filter sets, in the order of selectionOf's predicates. */
export function filtersOf(f: EmployeeFilter): FilterName[] {
  const names: FilterName[] = [];
  if (f.waveIds) names.push('waveIds');
  if (f.orgUnitIds) names.push('orgUnitIds');
  for (const key of EMPLOYEE_SEGMENT_KEYS) if (f.segments[key]?.length) names.push(key);
  return names;
}

export interface RollupGrouping {
  groupBy: Grouping;
  groupDim?: string;
}

/**
 * A filter as a rollup query, or null when the rollup cannot answer it exactly: filters on two
 * attribute dimensions (org unit, location, tenure band), or a blank segment value (the rollup
 * keeps a missing and a blank value alike).
 */
export async function rollupQueryOf(ctx: Context, f: EmployeeFilter, grouping: RollupGrouping): Promise<EmployeeCountQuery | null> {
  const segments = EMPLOYEE_SEGMENT_KEYS.filter((key) => f.segments[key]?.length);
  if (segments.some((key) => f.segments[key]!.includes(''))) return null;
  if (segments.length + Number(f.orgUnitIds !== null) > 1) return null;
  let attribute: EmployeeCountQuery['attribute'] = null;
  if (f.orgUnitIds) attribute = { dim: 'org_unit', values: [...(await orgTreeOf(ctx)).subtree(f.orgUnitIds)] };
  else if (segments.length === 1) attribute = { dim: `seg:${segments[0]}`, values: f.segments[segments[0]]! };
  return { organizationId: f.organizationId, waveIds: f.waveIds, from: null, to: null, attribute, ...grouping };
}

/**
 * The counting rows of a filter per group key, as the scans below return them (size, categories,
 * and w0, w1, ... the sizes without each of `dropped`), from the rollup: one statement for the
 * filter and one per dropped filter, each grouped the same way. `keyOf` maps the rollup's key (an
 * org unit id, a wave id, a segment value or a period; '' for none) to the group's key, or null
 * for the remainder. Null when the rollup cannot serve the filter.
 */
export async function rollupRows(
  ctx: Context,
  f: EmployeeFilter,
  grouping: RollupGrouping,
  keyOf: (rawKey: string) => string | null,
  dropped: readonly FilterName[],
): Promise<Map<string, CountRow> | null> {
  const queries: (EmployeeCountQuery | null)[] = [];
  for (const filter of [f, ...dropped.map((name) => without(f, name))]) queries.push(await rollupQueryOf(ctx, filter, grouping));
  if (queries.some((q) => q === null)) return null;
  const results = await Promise.all(queries.map((q) => employeeRollupCounts(ctx.db, q!)));
  if (results.some((r) => r === null)) return null;
  const rows = new Map<string, CountRow>();
  results.forEach((groups, i) => {
    for (const g of groups!) {
      const key = keyOf(g.key) ?? UNASSIGNED_KEY;
      let row = rows.get(key);
      if (!row) {
        row = { size: 0, promoters: 0, passives: 0, detractors: 0 };
        dropped.forEach((_, j) => (row![`w${j}`] = 0));
        rows.set(key, row);
      }
      const n = g.scores.reduce((sum, c) => sum + c, 0);
      if (i === 0) {
        const c = categoriesOf(g.scores);
        row.size += n;
        row.promoters += c.promoters;
        row.passives += c.passives;
        row.detractors += c.detractors;
      } else {
        row[`w${i - 1}`] += n;
      }
    }
  });
  return rows;
}

/**
 * People invited to the given employee waves (all of them when null), from the per-wave counts
 * that triggers keep (wave_response_counts, summed over its shards): the population of the finite
 * population correction.
 */
async function invitedTo(ctx: Context, organizationId: string, waveIds: string[] | null): Promise<number> {
  const [row]: { invited: number }[] = await ctx.db.query(
    `SELECT coalesce(sum(c.invited), 0)::int AS invited
       FROM wave_response_counts c
       JOIN waves w ON w.id = c.wave_id AND w.organization_id = c.organization_id
      WHERE c.organization_id = $1 AND w.audience = 'EMPLOYEE' AND ($2::uuid[] IS NULL OR c.wave_id = ANY($2::uuid[]))`,
    [organizationId, waveIds],
  );
  return row?.invited ?? 0;
}

/** What a verdict lets out: nps-core's numbers (FPC when the population is known), or nothing. */
export function summaryOf(group: GroupCounts, verdict: Verdict): NpsSummary {
  if (!verdict.released) return NpsSummary.suppressed();
  // A population smaller than the answers (a roster changed under a wave) cannot correct anything.
  const population = group.population !== null && group.population >= group.size ? group.population : undefined;
  return NpsSummary.of(group.counts, population === undefined ? {} : { population });
}

/**
 * The group of a filter with its differencing sizes, in one statement. The population (invited
 * participations) is known exactly only when the filter is by waves alone: participations keep
 * neither the answer date nor the employee's org unit, location or tenure band at the time — the
 * roster's current values are not history — so any other filter skips the finite population
 * correction rather than guess it.
 */
export async function countGroup(ctx: Context, f: EmployeeFilter): Promise<GroupCounts> {
  const names = filtersOf(f);
  const byWavesOnly = names.every((name) => name === 'waveIds');
  const fast = await rollupRows(ctx, f, { groupBy: 'none' }, () => '', names);
  if (fast) return groupCountsOf(fast.get(''), names.length, byWavesOnly ? await invitedTo(ctx, f.organizationId, f.waveIds) : null);

  // Beyond the rollup: one scan of the answers.
  const params = new Params();
  const sel = selectionOf(f, params);
  const columns = countColumns(sel, () => true);
  const population = byWavesOnly
    ? `, (SELECT count(*) FROM employee_participations p
           WHERE p.organization_id = ${sel.org}${f.waveIds ? ` AND p.wave_id = ANY(${params.add(f.waveIds)}::uuid[])` : ''})::int AS population`
    : '';
  const [row]: (CountRow & { population?: number })[] = await ctx.db.query(
    `${sel.with}
     SELECT ${columns.sql}${population}
       FROM employee_answers a ${sel.join}
      WHERE a.organization_id = ${sel.org}`,
    params.values,
  );
  return groupCountsOf(row, columns.wider, byWavesOnly ? (row?.population ?? 0) : null);
}

/** The filter without one of its filters. */
export function without(f: EmployeeFilter, name: FilterName): EmployeeFilter {
  if (name === 'waveIds') return { ...f, waveIds: null };
  if (name === 'orgUnitIds') return { ...f, orgUnitIds: null };
  const segments = { ...f.segments };
  delete segments[name];
  return { ...f, segments };
}
