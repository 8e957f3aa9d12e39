/**
 * Guarded groups and breakdowns: what the guard (guard.ts) releases of a filtered group and of every
 * group of a breakdown, and the sibling rule that keeps the two consistent.
 */
import type { Context } from '../../../graphql/context.js';
import { badInput } from '../../../graphql/errors.js';
import { NpsGroup, UNASSIGNED_KEY, type BreakdownDimension } from '../../analytics/nps-breakdown.types.js';
import { employeeRollupCounts } from '../../analytics/nps-counts.js';
import type { NpsSummary } from '../../analytics/nps-summary.type.js';
import { orgTreeOf } from '../../analytics/org-tree.js';
import { EMPLOYEE_SEGMENT_KEYS, isEmployeeSegmentKey, type EmployeeFilter, type EmployeeSegmentKey } from '../employee-filter.js';
import { guardBreakdownKnowingEmpty, guardGroup, type BreakdownGroup, type SuppressionReason, type Verdict } from '../guard.js';
import { foldRates, unitsShownAsSilent } from '../rate-fold.js';
import { unitCountsOfWaves } from '../response-rates.js';
import { thresholdOf } from '../threshold.js';
import { OPENING_DAY_SQL } from '../wave-dates.js';
import { allOf, countColumns, countGroup, filtersOf, groupCountsOf, Params, rollupQueryOf, rollupRows, selectionOf, summaryOf, without, type CountRow, type FilterName, type GroupCounts, type RollupGrouping } from './counts.js';

/**
 * A filtered group is released when guardGroup releases it (threshold, differencing) AND, for each
 * of its filters on a dimension that has breakdowns (waves, org units, location, tenure band), the
 * breakdown by that dimension without that filter releases every group the filter covers. Without
 * the second rule, the summaries of sibling groups would undo a breakdown's complementary
 * suppression: total − Oslo − Warsaw would be the hidden third location.
 */
export async function guardedGroup(ctx: Context, f: EmployeeFilter): Promise<{ group: GroupCounts; verdict: Verdict }> {
  return memo(ctx, ['group', f], async () => {
    const [k, group] = await Promise.all([thresholdOf(ctx), countGroup(ctx, f)]);
    const verdict = guardGroup(group.size, group.withoutEachFilter, k);
    if (!verdict.released) return { group, verdict };
    return { group, verdict: (await coveredCellsReleased(ctx, f, k)) ? verdict : { released: false, reason: 'COMPLEMENTARY' } };
  });
}

/**
 * One request asks for the same guarded groups and breakdowns many times over (a summary checks the
 * breakdowns of its filters, which check their own totals, ...): each is computed once per request.
 */
const memos = new WeakMap<Context, Map<string, Promise<unknown>>>();
function memo<T>(ctx: Context, key: unknown[], compute: () => Promise<T>): Promise<T> {
  let cache = memos.get(ctx);
  if (!cache) memos.set(ctx, (cache = new Map()));
  const id = JSON.stringify(key);
  let hit = cache.get(id) as Promise<T> | undefined;
  if (!hit) cache.set(id, (hit = compute()));
  return hit;
}

/**
 * The sibling rule of guardedGroup, per filtered dimension, over the breakdown by that dimension
 * without the filter (its "cells": the listed groups and the "unassigned" remainder):
 *  - a filter covering every listed cell is fine: the group is then the total without that filter
 *    minus part of the remainder, which guardGroup's differencing already checks;
 *  - otherwise every covered cell must be released, and so must the remainder when the group holds
 *    answers of it (a unit or value not listed) — the group would otherwise be the sum of visible
 *    cells plus a hidden part.
 */
async function coveredCellsReleased(ctx: Context, f: EmployeeFilter, k: number): Promise<boolean> {
  const released = (cells: GuardedCells, key: string) => cells.verdicts[cells.groups.findIndex((g) => g.key === key)]?.released === true;
  const listedOf = (cells: GuardedCells) => cells.groups.map((g) => g.key).filter((key) => key !== UNASSIGNED_KEY);
  if (f.waveIds) {
    const cells = await guardedCells(ctx, without(f, 'waveIds'), 'WAVE', null, k);
    const listed = listedOf(cells);
    // A wave that is not listed is a draft: nobody can have answered it.
    if (!listed.every((id) => f.waveIds!.includes(id)) && !listed.every((id) => !f.waveIds!.includes(id) || released(cells, id))) return false;
  }
  if (f.orgUnitIds) {
    const [cells, subtree] = await Promise.all([guardedCells(ctx, without(f, 'orgUnitIds'), 'ORG_UNIT', null, k), subtreeIds(ctx, f.organizationId, f.orgUnitIds)]);
    const listed = listedOf(cells);
    if (!listed.every((id) => subtree.has(id))) {
      if (!listed.every((id) => !subtree.has(id) || released(cells, id))) return false;
      if (!released(cells, UNASSIGNED_KEY) && (await strays(ctx, f, 'org_unit_id', 'uuid', listed)) > 0) return false;
    }
  }
  for (const key of EMPLOYEE_SEGMENT_KEYS) {
    const values = f.segments[key];
    if (!values || values.length === 0) continue;
    const cells = await guardedCells(ctx, without(f, key), 'SEGMENT', key, k);
    const listed = listedOf(cells);
    if (!listed.every((v) => values.includes(v))) {
      if (!listed.every((v) => !values.includes(v) || released(cells, v))) return false;
      if (!released(cells, UNASSIGNED_KEY) && !values.every((v) => listed.includes(v)) && (await strays(ctx, f, key, 'text', listed)) > 0) return false;
    }
  }
  return true;
}

/**
 * How many answers of the group have a value of the column outside the listed groups (they are in
 * the breakdown's remainder). Asked only when the remainder is hidden: then the group is released
 * only without such answers. (The decision shows whether such answers exist — answers kept by a
 * unit nobody invited is in now, or a value nobody invited has now — never how many or whose.)
 */
async function strays(ctx: Context, f: EmployeeFilter, column: 'org_unit_id' | EmployeeSegmentKey, type: 'uuid' | 'text', listed: string[]): Promise<number> {
  const q = await rollupQueryOf(ctx, f, { groupBy: 'attribute', groupDim: column === 'org_unit_id' ? 'org_unit' : `seg:${column}` });
  const groups = q ? await employeeRollupCounts(ctx.db, q) : null;
  if (groups) {
    const known = new Set(listed);
    return groups.filter((g) => !known.has(g.key)).reduce((n, g) => n + g.scores.reduce((sum, c) => sum + c, 0), 0);
  }
  const params = new Params();
  const sel = selectionOf(f, params);
  const [row]: { n: number }[] = await ctx.db.query(
    `${sel.with}
     SELECT count(*)::int AS n
       FROM employee_answers a ${sel.join}
      WHERE a.organization_id = ${sel.org} AND ${allOf(sel.predicates)}
        AND NOT coalesce(a.${column} = ANY(${params.add(listed)}::${type}[]), false)`,
    params.values,
  );
  return row?.n ?? 0;
}

async function subtreeIds(ctx: Context, organizationId: string, orgUnitIds: string[]): Promise<Set<string>> {
  // The request's org chart is the caller's organization's: the filter's.
  if (organizationId !== ctx.principal?.organizationId) throw new Error('subtreeIds of another organization');
  return (await orgTreeOf(ctx)).subtree(orgUnitIds);
}

// Breakdowns

interface ListedGroup {
  key: string;
  label: string;
  /** Its emptiness may follow from numbers already released (see guardBreakdownKnowingEmpty). */
  possiblyKnownEmpty: boolean;
  population: number | null;
  /** A wave's opening day, YYYY-MM-DD (waves only). */
  opened?: string;
}

interface Dimension {
  /** Every group of the dimension, in display order; the remainder (if any) last. */
  groups: ListedGroup[];
  /** The group key of an answer: one of the listed keys, or NULL for the remainder. */
  keySql: (params: Params) => string;
  /** The same from the rollup: how it groups, and the group key of its key (null: the remainder). */
  rollup: RollupGrouping & { keyOf: (rawKey: string) => string | null };
  /** The filter on this dimension itself: it chooses the groups, so it is not dropped per group. */
  own: FilterName | null;
}

/** A rollup key → one of the listed keys, or null (the remainder). */
const listedKey = (keys: readonly string[]) => {
  const set = new Set(keys);
  return (raw: string) => (set.has(raw) ? raw : null);
};

export const byLabel = (a: ListedGroup, b: ListedGroup) => a.label.localeCompare(b.label) || a.key.localeCompare(b.key);
const remainder = (label: string): ListedGroup => ({ key: UNASSIGNED_KEY, label, possiblyKnownEmpty: true, population: null });

/**
 * By org unit, each unit's own answers (direct membership as at answer time), so the groups are
 * disjoint: every org unit with at least one invited participation in the filtered waves (by the
 * employee's current unit; within the filter's subtrees), empty ones included, and a remainder of
 * answers without a unit or from units nobody invited belongs to now. Listing follows invitations,
 * never answers, so the list itself says nothing about who answered.
 */
async function orgUnitDimension(ctx: Context, f: EmployeeFilter, k: number): Promise<Dimension> {
  const [byWave, inScope] = await Promise.all([
    unitCountsOfWaves(ctx, f.waveIds),
    f.orgUnitIds ? subtreeIds(ctx, f.organizationId, f.orgUnitIds) : Promise.resolve(null),
  ]);
  // A unit is possibly known to be empty when, in every filtered wave it was invited to, the
  // response rates shown for that wave say that nobody in it responded.
  const units = new Map<string, { label: string; silentEverywhere: boolean }>();
  for (const counts of byWave.values()) {
    const silent = unitsShownAsSilent(foldRates(counts, k));
    for (const unit of counts) {
      if (!unit.orgUnitId || (inScope && !inScope.has(unit.orgUnitId))) continue;
      const seen = units.get(unit.orgUnitId);
      units.set(unit.orgUnitId, { label: unit.label, silentEverywhere: (seen?.silentEverywhere ?? true) && silent.has(unit.key) });
    }
  }
  const listed = [...units].map(([id, u]) => ({ key: id, label: u.label, possiblyKnownEmpty: u.silentEverywhere, population: null })).sort(byLabel);
  return {
    groups: [...listed, remainder('Unassigned or other units')],
    keySql: (params) => `CASE WHEN a.org_unit_id = ANY(${params.add(listed.map((g) => g.key))}::uuid[]) THEN a.org_unit_id::text END`,
    rollup: { groupBy: 'attribute', groupDim: 'org_unit', keyOf: listedKey(listed.map((g) => g.key)) },
    own: 'orgUnitIds',
  };
}

/**
 * By wave: the filter's waves, or every employee wave of the organization, but not drafts (nobody
 * can have answered a draft: it is no group at all). A wave whose shown counts say nobody is
 * invited, or nobody responded, is possibly known to be empty.
 */
async function waveDimension(ctx: Context, f: EmployeeFilter, k: number, wavesOnly: boolean): Promise<Dimension> {
  // Invited and responded per wave from the counters the triggers keep (summed over their shards),
  // not from the participations: a board asks this of every wave, at any number of answers.
  const rows: { id: string; name: string; opened: string; invited: number; responded: number }[] = await ctx.db.query(
    `SELECT w.id, w.name, ${OPENING_DAY_SQL('w')}::text AS opened,
            coalesce(sum(c.invited), 0)::int AS invited, coalesce(sum(c.responded), 0)::int AS responded
       FROM waves w
       LEFT JOIN wave_response_counts c ON c.wave_id = w.id AND c.organization_id = w.organization_id
      WHERE w.organization_id = $1 AND w.audience = 'EMPLOYEE' AND w.status <> 'DRAFT' AND ($2::uuid[] IS NULL OR w.id = ANY($2::uuid[]))
      GROUP BY w.id, w.name, w.created_at
      ORDER BY w.created_at, w.name, w.id`,
    [f.organizationId, f.waveIds],
  );
  return {
    groups: rows.map((w) => ({
      key: w.id,
      label: w.name,
      possiblyKnownEmpty: w.invited === 0 || (w.invited >= k && w.responded === 0),
      population: wavesOnly ? w.invited : null,
      opened: w.opened,
    })),
    keySql: (params) => `CASE WHEN a.wave_id = ANY(${params.add(rows.map((w) => w.id))}::uuid[]) THEN a.wave_id::text END`,
    rollup: { groupBy: 'wave', keyOf: listedKey(rows.map((w) => w.id)) },
    own: 'waveIds',
  };
}

/**
 * By location or tenure band: the filter's values of that key when it has some; otherwise every
 * value on the roster of the employees invited to the filtered waves, and a remainder of answers
 * without a value or with one nobody invited has now.
 */
async function segmentDimension(ctx: Context, f: EmployeeFilter, key: EmployeeSegmentKey): Promise<Dimension> {
  const chosen = f.segments[key];
  if (chosen && chosen.length > 0) {
    return {
      groups: [...chosen].map((v) => ({ key: v, label: v, possiblyKnownEmpty: false, population: null })).sort(byLabel),
      keySql: () => `a.${key}`,
      // The filter's values are never blank here (rollupQueryOf declines those): every key is a value.
      rollup: { groupBy: 'attribute', groupDim: `seg:${key}`, keyOf: (raw) => (raw === '' ? null : raw) },
      own: key,
    };
  }
  const rows: { value: string }[] = await ctx.db.query(
    `SELECT DISTINCT e.${key} AS value
       FROM employee_participations p
       JOIN employees e ON e.id = p.employee_id AND e.organization_id = p.organization_id
      WHERE p.organization_id = $1 AND ($2::uuid[] IS NULL OR p.wave_id = ANY($2::uuid[])) AND nullif(btrim(e.${key}), '') IS NOT NULL`,
    [f.organizationId, f.waveIds],
  );
  // A roster value spelled "unassigned" joins the remainder of that name.
  const listed = rows
    .filter((r) => r.value !== UNASSIGNED_KEY)
    .map((r) => ({ key: r.value, label: r.value, possiblyKnownEmpty: false, population: null }))
    .sort(byLabel);
  return {
    groups: [...listed, remainder('Unassigned')],
    keySql: (params) => `CASE WHEN a.${key} = ANY(${params.add(listed.map((g) => g.key))}::text[]) THEN a.${key} END`,
    rollup: { groupBy: 'attribute', groupDim: `seg:${key}`, keyOf: listedKey(listed.map((g) => g.key)) },
    own: null,
  };
}

interface GuardedCells {
  groups: ListedGroup[];
  counts: GroupCounts[];
  verdicts: Verdict[];
  /** The filter's own total is hidden. */
  totalHidden: boolean;
}

/**
 * Every group of a dimension with its counts and verdict: the groups' sizes and their sizes
 * without each of the filter's filters (except the dimension's own) in one grouped statement, then
 * guardBreakdownKnowingEmpty — told whether the filter's own total is hidden (then the groups may
 * not all show, or they would add up to it), and, when the filter chooses some of the dimension's
 * groups itself (some waves, units or values), with every group hidden that the breakdown without
 * that choice hides: a group is the same group whichever others are listed beside it, so it shows
 * only where it shows in the full breakdown.
 */
export function guardedCells(ctx: Context, f: EmployeeFilter, by: CellDimension, segmentKey: EmployeeSegmentKey | null, k: number): Promise<GuardedCells> {
  return memo(ctx, ['cells', f, by, segmentKey], async () => {
    const wavesOnly = filtersOf(f).every((name) => name === 'waveIds');
    const dimension =
      by === 'ORG_UNIT' ? await orgUnitDimension(ctx, f, k) : by === 'WAVE' ? await waveDimension(ctx, f, k, wavesOnly) : await segmentDimension(ctx, f, segmentKey!);
    const own = dimension.own;
    const [total, full] = await Promise.all([
      guardedGroup(ctx, f),
      own && filtersOf(f).includes(own) ? guardedCells(ctx, without(f, own), by, segmentKey, k) : Promise.resolve(null),
    ]);
    const shownInFull = (key: string) => {
      if (!full || key === UNASSIGNED_KEY) return full === null;
      const at = full.groups.findIndex((g) => g.key === key);
      return at !== -1 && full.verdicts[at].released;
    };
    return guardDimension(ctx, f, dimension, k, {
      totalHidden: !total.verdict.released,
      forced: dimension.groups.map((g) => (shownInFull(g.key) ? undefined : 'OVERLAP')),
    });
  });
}

type CellDimension = 'ORG_UNIT' | 'WAVE' | 'SEGMENT';

/** The counts of every group of a dimension (rollup, or one grouped scan), then the guard's verdicts. */
async function guardDimension(
  ctx: Context,
  f: EmployeeFilter,
  dimension: Dimension,
  k: number,
  decided: { totalHidden: boolean; forced: (SuppressionReason | undefined)[] },
): Promise<GuardedCells> {
  const dropped = filtersOf(f).filter((name) => name !== dimension.own);
  let byKey = await rollupRows(ctx, f, dimension.rollup, dimension.rollup.keyOf, dropped);
  if (!byKey) {
    const params = new Params();
    const sel = selectionOf(f, params);
    const columns = countColumns(sel, (name) => name !== dimension.own);
    const rows: (CountRow & { key: string | null })[] = await ctx.db.query(
      `${sel.with}
       SELECT ${dimension.keySql(params)} AS key,
           ${columns.sql}
         FROM employee_answers a ${sel.join}
        WHERE a.organization_id = ${sel.org}
        GROUP BY 1`,
      params.values,
    );
    byKey = new Map(rows.map((r) => [r.key ?? UNASSIGNED_KEY, r]));
  }
  const counts = dimension.groups.map((g) => groupCountsOf(byKey.get(g.key), dropped.length, g.population));
  const verdicts = guardBreakdownKnowingEmpty(
    counts.map((g, i): BreakdownGroup => ({ size: g.size, withoutEachFilter: g.withoutEachFilter, forced: decided.forced[i] })),
    dimension.groups.map((g) => g.possiblyKnownEmpty),
    k,
    { totalHidden: decided.totalHidden },
  );
  return { groups: dimension.groups, counts, verdicts, totalHidden: decided.totalHidden };
}

/**
 * npsBreakdown over employee answers. Dimensions: ORG_UNIT, WAVE, SEGMENT (location,
 * tenure_band) and AUDIENCE (one group, EMPLOYEE, guarded like npsSummary); there are no owners.
 */
export async function employeeBreakdown(ctx: Context, f: EmployeeFilter, by: BreakdownDimension, segmentKey: string | null): Promise<NpsGroup[]> {
  if (by === 'OWNER') throw badInput('by', 'Employee answers have no owners: break down by ORG_UNIT, WAVE, SEGMENT or AUDIENCE');
  if (by === 'SEGMENT' && (!segmentKey || !isEmployeeSegmentKey(segmentKey))) {
    throw badInput('segmentKey', `Unknown segment key "${segmentKey ?? ''}" for employee results: use ${EMPLOYEE_SEGMENT_KEYS.join(' or ')}`);
  }
  if (by === 'AUDIENCE') return [NpsGroup.of('EMPLOYEE', 'Employees', await employeeSummary(ctx, f))];
  const k = await thresholdOf(ctx);
  const cells = await guardedCells(ctx, f, by, by === 'SEGMENT' ? (segmentKey as EmployeeSegmentKey) : null, k);
  return cells.groups.map((g, i) => NpsGroup.of(g.key, g.label, summaryOf(cells.counts[i], cells.verdicts[i])));
}

/** npsSummary over employee answers: released by guardGroup, or suppressed. */
export async function employeeSummary(ctx: Context, f: EmployeeFilter): Promise<NpsSummary> {
  const { group, verdict } = await guardedGroup(ctx, f);
  return summaryOf(group, verdict);
}
