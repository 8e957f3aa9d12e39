import { randomInt } from 'node:crypto';
import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { NpsCounts } from '@tandem/nps-core';
import type { Context } from '../../graphql/context.js';
import { badInput, forbidden } from '../../graphql/errors.js';
import { isUuid } from '../../graphql/batch.js';
import { NpsGroup, UNASSIGNED_KEY, type BreakdownDimension } from '../analytics/nps-breakdown.types.js';
import { categoriesOf, employeeRollupCounts, type EmployeeCountQuery, type Grouping } from '../analytics/nps-counts.js';
import type { NpsFilter } from '../analytics/nps-filter.input.js';
import { resolveNpsScope } from '../analytics/nps-scope.js';
import { NpsSummary } from '../analytics/nps-summary.type.js';
import { markSignificance, NpsPoint, type PointCounts, type TrendInterval } from '../analytics/nps-trend.types.js';
import { orgTreeOf } from '../analytics/org-tree.js';
import { isoDay, periodsBetween } from '../analytics/periods.js';
import { mayReadEmployeeResults } from './access.js';
import { EMPLOYEE_SEGMENT_KEYS, isEmployeeSegmentKey, type EmployeeFilter, type EmployeeSegmentKey } from './employee-filter.js';
import { CommentsResult } from './employee-results.types.js';
import { guardBreakdownKnowingEmpty, guardGroup, type BreakdownGroup, type SuppressionReason, type Verdict } from './guard.js';
import { foldRates, unitsShownAsSilent } from './rate-fold.js';
import { unitCountsOfWaves } from './response-rates.js';
import { releaseThemeRow } from './theme-guard.js';
import { thresholdOf } from './threshold.js';
import { employeeWavesOpenedIn, OPENING_DAY_SQL, type DaySpan } from './wave-dates.js';

/**
 * Reporting over anonymous employee answers: THE ONLY module that reads `employee_answers` for
 * reporting (a test scans src/ to keep it so). Every number it returns was released by the guard
 * (guard.ts); what was not released is returned as suppressed, with no numbers.
 *
 *  - npsBreakdown: every group of the dimension (empty ones and an "unassigned" remainder included,
 *    so the groups are disjoint and make the total), each with its sizes without each filter, in
 *    one grouped statement; guardBreakdownKnowingEmpty decides.
 *  - npsSummary and employeeComments: the group and, for the differencing rule, the same group with
 *    each of its filters removed, counted in one statement; guardGroup decides — and the group must
 *    agree with the breakdowns: each of its filters on a breakdown dimension may cover only cells
 *    that breakdown releases (see guardedGroup), so sibling summaries cannot undo a breakdown's
 *    complementary suppression.
 *  - Wave fields: the group "this wave", exactly as npsSummary({ waveIds: [id] }) releases it.
 *
 *  - npsTrend: the periods (or waves) as the groups of a breakdown, guarded alike.
 *
 * Answers are selected by what they kept: the wave, the answer date, the org unit, location and
 * tenure band at answer time. Nothing here returns an answer's id, its date, or one answer's text
 * with anything that could place it.
 *
 * The counts come from the rollup's employee rows (employeeRollupCounts, nps-counts.ts: a few rows
 * per wave, day or month and attribute value) — the group, and the group with each filter removed,
 * each one rollup statement, or one grouped statement for all the groups of a breakdown. A filter
 * on two attribute dimensions at once (org unit AND location, say) or on a blank segment value is
 * beyond the rollup: then the same numbers come from one scan of employee_answers, as before.
 */

type FilterName = 'waveIds' | 'orgUnitIds' | EmployeeSegmentKey;
interface Predicate {
  name: FilterName;
  /** A condition over `employee_answers a` (and `subtree st` for org units). */
  sql: string;
}

class Params {
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

function selectionOf(f: EmployeeFilter, params: Params): Selection {
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

const allOf = (predicates: Predicate[]) => (predicates.length === 0 ? 'TRUE' : predicates.map((p) => `(${p.sql})`).join(' AND '));

/**
 * The counting columns: size and categories of the selection, and w0, w1, ... the size with each
 * droppable filter removed (the differencing rule's wider groups).
 */
function countColumns(sel: Selection, droppable: (name: FilterName) => boolean): { sql: string; wider: number } {
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

interface CountRow {
  size: number;
  promoters: number;
  passives: number;
  detractors: number;
  [wider: `w${number}`]: number;
}

interface GroupCounts {
  size: number;
  counts: NpsCounts;
  withoutEachFilter: number[];
  /** People invited, for the finite population correction; null when the filter does not define it. */
  population: number | null;
}

const groupCountsOf = (row: CountRow | undefined, wider: number, population: number | null): GroupCounts => ({
  size: row?.size ?? 0,
  counts: { promoters: row?.promoters ?? 0, passives: row?.passives ?? 0, detractors: row?.detractors ?? 0 },
  withoutEachFilter: Array.from({ length: wider }, (_, i) => row?.[`w${i}`] ?? 0),
  population,
});

// ---------------------------------------------------------------------------------------------
// Counting from the rollup

/** The filters a filter sets, in the order of selectionOf's predicates. */
function filtersOf(f: EmployeeFilter): FilterName[] {
  const names: FilterName[] = [];
  if (f.waveIds) names.push('waveIds');
  if (f.orgUnitIds) names.push('orgUnitIds');
  for (const key of EMPLOYEE_SEGMENT_KEYS) if (f.segments[key]?.length) names.push(key);
  return names;
}

interface RollupGrouping {
  groupBy: Grouping;
  groupDim?: string;
}

/**
 * A filter as a rollup query, or null when the rollup cannot answer it exactly: filters on two
 * attribute dimensions (org unit, location, tenure band), or a blank segment value (the rollup
 * keeps a missing and a blank value alike).
 */
async function rollupQueryOf(ctx: Context, f: EmployeeFilter, grouping: RollupGrouping): Promise<EmployeeCountQuery | null> {
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
async function rollupRows(
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
function summaryOf(group: GroupCounts, verdict: Verdict): NpsSummary {
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
async function countGroup(ctx: Context, f: EmployeeFilter): Promise<GroupCounts> {
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

/**
 * A filtered group is released when guardGroup releases it (threshold, differencing) AND, for each
 * of its filters on a dimension that has breakdowns (waves, org units, location, tenure band), the
 * breakdown by that dimension without that filter releases every group the filter covers. Without
 * the second rule, the summaries of sibling groups would undo a breakdown's complementary
 * suppression: total − Oslo − Warsaw would be the hidden third location.
 */
async function guardedGroup(ctx: Context, f: EmployeeFilter): Promise<{ group: GroupCounts; verdict: Verdict }> {
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

/** The filter without one of its filters. */
function without(f: EmployeeFilter, name: FilterName): EmployeeFilter {
  if (name === 'waveIds') return { ...f, waveIds: null };
  if (name === 'orgUnitIds') return { ...f, orgUnitIds: null };
  const segments = { ...f.segments };
  delete segments[name];
  return { ...f, segments };
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

/** npsSummary over employee answers: released by guardGroup, or suppressed. */
export async function employeeSummary(ctx: Context, f: EmployeeFilter): Promise<NpsSummary> {
  const { group, verdict } = await guardedGroup(ctx, f);
  return summaryOf(group, verdict);
}

/** Fisher–Yates with a cryptographic generator: the order says nothing about who wrote what, or when. */
function shuffled<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * The reasons and suggestions of a group of employee answers, only when the group passes the same
 * guard as its npsSummary: each text on its own (a reason is not paired with its suggestion),
 * blank ones left out, shuffled, without score, date or attribute.
 */
export async function employeeComments(ctx: Context, filter: NpsFilter): Promise<CommentsResult> {
  const scope = await resolveNpsScope(ctx, filter, { employeeOnly: true });
  if (scope.kind !== 'employee') throw new Error('employeeOnly scope must be an employee scope');
  const { verdict } = await guardedGroup(ctx, scope.filter);
  if (!verdict.released) return Object.assign(new CommentsResult(), { suppressed: true, comments: [] });
  const params = new Params();
  const sel = selectionOf(scope.filter, params);
  const rows: { text: string }[] = await ctx.db.query(
    `${sel.with}
     SELECT btrim(t.text) AS text
       FROM employee_answers a ${sel.join}
      CROSS JOIN LATERAL (VALUES (a.reason), (a.suggestion)) AS t(text)
      WHERE a.organization_id = ${sel.org} AND ${allOf(sel.predicates)} AND nullif(btrim(t.text), '') IS NOT NULL`,
    params.values,
  );
  return Object.assign(new CommentsResult(), { suppressed: false, comments: shuffled(rows.map((r) => r.text)) });
}

// ---------------------------------------------------------------------------------------------
// Themes

/** A theme's mentioners among a filter's employee answers, when theme-guard.ts releases them. */
export interface GuardedThemeCounts {
  /** The filter's answers (released by the summary guard), or null: then every theme is hidden. */
  total: NpsCounts | null;
  /** Per theme id asked: the mentioners' counts, or null when hidden. */
  themes: Map<string, NpsCounts | null>;
}

interface ThemeCellRow {
  theme_id: string | null;
  wave_id: string;
  promoters: number;
  passives: number;
  detractors: number;
}

/**
 * Per-theme counts over employee answers (the themes the matcher found, employee_answer_themes),
 * by waves only: org unit and segment filters are refused (BAD_USER_INPUT), since the cells of
 * theme-guard.ts would be too small to show anything. The filter's group must be released exactly
 * as npsSummary releases it; each theme is released by releaseThemeRow over its per-wave cells.
 * One grouped statement counts every (theme, wave) cell and every wave's answers.
 */
export async function employeeThemeCounts(ctx: Context, f: EmployeeFilter, themeIds: readonly string[]): Promise<GuardedThemeCounts> {
  if (f.orgUnitIds) throw badInput('filter.orgUnitIds', 'Employee theme results are by wave only: leave orgUnitIds out');
  if (Object.values(f.segments).some((v) => v && v.length > 0)) throw badInput('filter.segments', 'Employee theme results are by wave only: leave segments out');
  const hidden = (): GuardedThemeCounts => ({ total: null, themes: new Map(themeIds.map((id) => [id, null])) });
  const [k, { group, verdict }] = await Promise.all([thresholdOf(ctx), guardedGroup(ctx, f)]);
  if (!verdict.released) return hidden();
  // Every wave's answers from the rollup; the theme cells from the theme rows (as many as there are
  // matched answers), each joined to its answer for the wave and category.
  const [perWave, cells]: [{ key: string; scores: number[] }[] | null, ThemeCellRow[]] = await Promise.all([
    employeeRollupCounts(ctx.db, { organizationId: f.organizationId, waveIds: null, from: null, to: null, attribute: null, groupBy: 'wave' }),
    ctx.db.query(
      `SELECT eat.theme_id, a.wave_id,
              count(*) FILTER (WHERE a.category = 'PROMOTER')::int AS promoters,
              count(*) FILTER (WHERE a.category = 'PASSIVE')::int AS passives,
              count(*) FILTER (WHERE a.category = 'DETRACTOR')::int AS detractors
         FROM employee_answer_themes eat
         JOIN employee_answers a ON a.id = eat.answer_id AND a.organization_id = eat.organization_id
        WHERE eat.organization_id = $1
        GROUP BY eat.theme_id, a.wave_id`,
      [f.organizationId],
    ),
  ]);
  if (!perWave) throw new Error('the rollup declined a plain count per wave');
  const rows: ThemeCellRow[] = [...perWave.map((w) => ({ theme_id: null, wave_id: w.key, ...categoriesOf(w.scores) })), ...cells];
  const size = (r: ThemeCellRow | undefined) => (r ? r.promoters + r.passives + r.detractors : 0);
  const waves = rows.filter((r) => r.theme_id === null);
  const inFilter = (waveId: string) => f.waveIds === null || f.waveIds.includes(waveId);
  const themes = new Map<string, NpsCounts | null>();
  for (const id of themeIds) {
    const cells = new Map(rows.filter((r) => r.theme_id === id).map((r) => [r.wave_id, r]));
    const shape = waves.map((w) => ({ mentioners: size(cells.get(w.wave_id)), rest: size(w) - size(cells.get(w.wave_id)) }));
    const counts: NpsCounts = { promoters: 0, passives: 0, detractors: 0 };
    for (const [waveId, cell] of cells) {
      if (!inFilter(waveId)) continue;
      counts.promoters += cell.promoters;
      counts.passives += cell.passives;
      counts.detractors += cell.detractors;
    }
    const released = releaseThemeRow(true, shape, counts.promoters + counts.passives + counts.detractors, k);
    themes.set(id, released ? counts : null);
  }
  return { total: group.counts, themes };
}

// ---------------------------------------------------------------------------------------------
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

const byLabel = (a: ListedGroup, b: ListedGroup) => a.label.localeCompare(b.label) || a.key.localeCompare(b.key);
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
function guardedCells(ctx: Context, f: EmployeeFilter, by: CellDimension, segmentKey: EmployeeSegmentKey | null, k: number): Promise<GuardedCells> {
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

// ---------------------------------------------------------------------------------------------
// Trends

/** What a point's significance may use: the counts of a released, non-empty group. */
function pointCounts(group: GroupCounts, verdict: Verdict): PointCounts | null {
  if (!verdict.released || group.size === 0) return null;
  const population = group.population !== null && group.population >= group.size ? group.population : undefined;
  return { counts: group.counts, population };
}

/** The counts of several groups of one breakdown together. */
function sumOf(cells: GroupCounts[], wider: number): GroupCounts {
  const sum = (pick: (g: GroupCounts) => number) => cells.reduce((n, g) => n + pick(g), 0);
  return {
    size: sum((g) => g.size),
    counts: { promoters: sum((g) => g.counts.promoters), passives: sum((g) => g.counts.passives), detractors: sum((g) => g.counts.detractors) },
    withoutEachFilter: Array.from({ length: wider }, (_, i) => sum((g) => g.withoutEachFilter[i])),
    population: cells.length > 0 && cells.every((g) => g.population !== null) ? sum((g) => g.population!) : null,
  };
}

/**
 * npsTrend over employee answers, built on the guarded breakdown by wave.
 *  - WAVE: the waves in the order they opened.
 *  - WEEK, MONTH, QUARTER: each period is the set of waves that opened in it (wave-dates.ts), from
 *    the span's first day (or the first wave's opening) to its last (or today). A period shows only
 *    what the breakdown by wave shows: it may not hold a hidden wave unless it holds every wave (it
 *    is then the total) — otherwise it is hidden (OVERLAP); then the periods with waves are guarded
 *    as the groups of a breakdown (threshold, differencing, complementary), and waves opened
 *    outside the span form a remainder that is never shown. A period without waves shows as empty.
 * A hidden point has no numbers and no significantChange; significance compares only shown points.
 */
export async function employeeTrend(ctx: Context, f: EmployeeFilter, interval: TrendInterval, span: DaySpan = { from: null, to: null }): Promise<NpsPoint[]> {
  const k = await thresholdOf(ctx);
  const waves = await guardedCells(ctx, f, 'WAVE', null, k);
  const order = waves.groups.map((_, i) => i).sort((a, b) => waves.groups[a].opened!.localeCompare(waves.groups[b].opened!) || byLabel(waves.groups[a], waves.groups[b]));
  if (interval === 'WAVE') {
    const points = order.map((i) => NpsPoint.of(waves.groups[i].key, waves.groups[i].label, null, summaryOf(waves.counts[i], waves.verdicts[i])));
    return markSignificance(points, order.map((i) => pointCounts(waves.counts[i], waves.verdicts[i])));
  }
  const today = isoDay(ctx.app.now());
  const last = order.length > 0 ? waves.groups[order[order.length - 1]].opened! : today;
  const periods = periodsBetween(span.from ?? (order.length > 0 ? waves.groups[order[0]].opened! : today), span.to ?? (last > today ? last : today), interval);
  if (!periods) throw badInput('filter.from', `Too many ${interval.toLowerCase()}s in the range: narrow from and to`);
  const members: number[][] = [...periods.map(() => []), []];
  waves.groups.forEach((g, i) => {
    const at = periods.findIndex((p) => p.from <= g.opened! && g.opened! <= p.to);
    members[at === -1 ? periods.length : at].push(i);
  });
  const wider = filtersOf(f).filter((name) => name !== 'waveIds').length;
  const groups = members.map((ids) => sumOf(ids.map((i) => waves.counts[i]), wider));
  const holdsHiddenPart = (ids: number[]) => ids.some((i) => !waves.verdicts[i].released) && ids.length < waves.groups.length;
  // A period in which no wave opened holds nothing, for anyone who knows the waves: it is shown as
  // empty and is no group of the breakdown (it could hide nothing).
  const withWaves = members.map((_, j) => j).filter((j) => members[j].length > 0);
  const guarded = guardBreakdownKnowingEmpty(
    withWaves.map((j): BreakdownGroup => ({ size: groups[j].size, withoutEachFilter: groups[j].withoutEachFilter, forced: holdsHiddenPart(members[j]) ? 'OVERLAP' : undefined })),
    withWaves.map((j) => members[j].every((i) => waves.groups[i].possiblyKnownEmpty)),
    k,
    { totalHidden: waves.totalHidden },
  );
  const verdicts: Verdict[] = members.map(() => ({ released: true, reason: null }));
  withWaves.forEach((j, at) => (verdicts[j] = guarded[at]));
  const points = periods.map((p, j) => NpsPoint.of(p.key, p.key, p, summaryOf(groups[j], verdicts[j])));
  return markSignificance(points, periods.map((_, j) => pointCounts(groups[j], verdicts[j])));
}

// ---------------------------------------------------------------------------------------------
// The board

/**
 * The response rate of the employee waves that ran during [from, to] (opened by its end, not
 * closed before its start): responded ÷ invited over those waves whose own rate is shown (at least
 * k invited, as on the wave), so the sum reveals nothing the waves do not; null without such a wave.
 * Counts only, from wave_response_counts.
 */
export async function employeeResponseRate(ctx: Context, organizationId: string, from: string, to: string): Promise<number | null> {
  if (!mayReadEmployeeResults(ctx.principal!)) return null;
  const [k, waves] = await Promise.all([thresholdOf(ctx), employeeWaveWindows(ctx, organizationId)]);
  return rateOver(waves, from, to, k);
}

interface WaveWindow {
  /** UTC days: opened (or planned, or created) and closed (null: still open). */
  start: string;
  end: string | null;
  invited: number;
  responded: number;
}

/** The organization's non-draft employee waves: when they ran, and their invited and responded counts. */
async function employeeWaveWindows(ctx: Context, organizationId: string): Promise<WaveWindow[]> {
  return ctx.db.query(
    `WITH counts AS (
       SELECT wave_id, sum(invited) AS invited, sum(responded) AS responded
         FROM wave_response_counts WHERE organization_id = $1 GROUP BY wave_id
     )
     SELECT ${OPENING_DAY_SQL('w')}::text AS start,
            (w.closed_at AT TIME ZONE 'UTC')::date::text AS end,
            coalesce(c.invited, 0)::int AS invited, coalesce(c.responded, 0)::int AS responded
       FROM waves w LEFT JOIN counts c ON c.wave_id = w.id
      WHERE w.organization_id = $1 AND w.audience = 'EMPLOYEE' AND w.status <> 'DRAFT'`,
    [organizationId],
  );
}

function rateOver(waves: WaveWindow[], from: string, to: string, k: number): number | null {
  const ran = waves.filter((w) => w.invited >= k && w.start <= to && (w.end === null || w.end >= from));
  const invited = ran.reduce((n, w) => n + w.invited, 0);
  return invited > 0 ? ran.reduce((n, w) => n + w.responded, 0) / invited : null;
}

export interface EmployeeBoardEntry {
  summary: NpsSummary;
  previous: NpsSummary;
  responseRate: number | null;
  trend: NpsPoint[];
}

/**
 * The board's EMPLOYEE entry: exactly what npsSummary({ audience: EMPLOYEE, from, to }) releases for
 * the period and for the previous one (the waves that opened in each), employeeResponseRate, and
 * npsTrend by MONTH over the trend's span. The guarded groups are shared through the request's memo.
 */
export async function employeeBoard(
  ctx: Context,
  organizationId: string,
  ranges: { period: { from: string; to: string }; previous: { from: string; to: string }; trendFrom: string; trendTo: string },
): Promise<EmployeeBoardEntry> {
  if (!mayReadEmployeeResults(ctx.principal!)) throw forbidden('You may not read employee results');
  const trendSpan = { from: ranges.trendFrom, to: ranges.trendTo };
  const wavesOf = (span: DaySpan) => employeeWavesOpenedIn(ctx, organizationId, span, null);
  const [inPeriod, inPrevious, inTrend] = await Promise.all([wavesOf(ranges.period), wavesOf(ranges.previous), wavesOf(trendSpan)]);
  const filter = (waveIds: string[]): EmployeeFilter => ({ organizationId, waveIds, orgUnitIds: null, segments: {} });
  const [summary, previous, responseRate, trend] = await Promise.all([
    employeeSummary(ctx, filter(inPeriod)),
    employeeSummary(ctx, filter(inPrevious)),
    employeeResponseRate(ctx, organizationId, ranges.period.from, ranges.period.to),
    employeeTrend(ctx, filter(inTrend), 'MONTH', trendSpan),
  ]);
  return { summary, previous, responseRate, trend };
}

// ---------------------------------------------------------------------------------------------
// Wave fields (features/waves asks; the request loaders batch a page of waves)

/** One employee wave's counts, from the snapshot of all the organization's employee waves. */
interface WaveCounts {
  id: string;
  status: string;
  invited: number;
  responded: number;
  /** Answers per score 0..10. */
  scores: number[];
  size: number;
}

/** Every employee wave of the organization with its participation and answer counts. */
export interface EmployeeWavesSnapshot {
  waves: WaveCounts[];
  byId: Map<string, WaveCounts>;
  /** All employee answers of the organization: "this wave" without its wave filter. */
  total: number;
}

const noScores = () => new Array<number>(11).fill(0);

/**
 * The snapshot of the organization's employee waves, in two statements whatever the number of waves
 * asked for — their scores from the rollup (grouped by wave) and their invited and responded counts
 * (wave_response_counts, kept by triggers): a wave's summary is guarded against the other waves
 * (the total, and the breakdown by wave), so every wave's counts are needed anyway.
 */
export const employeeWavesLoader = (db: EntityManager, organizationId: string | null) =>
  new DataLoader<string, EmployeeWavesSnapshot>(async (ids) => {
    const snapshot: EmployeeWavesSnapshot = { waves: [], byId: new Map(), total: 0 };
    if (organizationId && ids.some(isUuid)) {
      const [waves, scores] = await Promise.all([
        db.query(
          `WITH counts AS (
             SELECT wave_id, sum(invited) AS invited, sum(responded) AS responded
               FROM wave_response_counts WHERE organization_id = $1 GROUP BY wave_id
           )
           SELECT w.id, w.status, coalesce(c.invited, 0)::int AS invited, coalesce(c.responded, 0)::int AS responded
             FROM waves w
             LEFT JOIN counts c ON c.wave_id = w.id
            WHERE w.organization_id = $1 AND w.audience = 'EMPLOYEE'
            ORDER BY w.created_at, w.id`,
          [organizationId],
        ) as Promise<{ id: string; status: string; invited: number; responded: number }[]>,
        employeeScoresByWave(db, organizationId),
      ]);
      for (const r of waves) {
        const wave: WaveCounts = { id: r.id, status: r.status, invited: r.invited, responded: r.responded, scores: noScores(), size: 0 };
        snapshot.byId.set(r.id, wave);
        snapshot.waves.push(wave);
      }
      for (const [waveId, counts] of scores) {
        const wave = snapshot.byId.get(waveId);
        if (!wave) continue;
        counts.forEach((n, score) => (wave.scores[score] += n));
        const n = counts.reduce((sum, c) => sum + c, 0);
        wave.size += n;
        snapshot.total += n;
      }
    }
    return ids.map(() => snapshot);
  });

/** Every employee wave's answers per score: from the rollup, or (should it decline) a scan. */
async function employeeScoresByWave(db: EntityManager, organizationId: string): Promise<Map<string, number[]>> {
  const fast = await employeeRollupCounts(db, { organizationId, waveIds: null, from: null, to: null, attribute: null, groupBy: 'wave' });
  if (fast) return new Map(fast.map((g) => [g.key, g.scores]));
  const rows: { wave_id: string; score: number; count: number }[] = await db.query(
    `SELECT wave_id, score::int AS score, count(*)::int AS count FROM employee_answers WHERE organization_id = $1 GROUP BY wave_id, score`,
    [organizationId],
  );
  const byWave = new Map<string, number[]>();
  for (const r of rows) {
    const scores = byWave.get(r.wave_id) ?? noScores();
    scores[r.score] += r.count;
    byWave.set(r.wave_id, scores);
  }
  return byWave;
}

export interface EmployeeWaveResults {
  invited: number;
  /** 0 unless at least k were invited. */
  responded: number;
  /** Null unless at least k were invited. */
  responseRate: number | null;
  summary: NpsSummary;
  /** Answers per score 0..10 when the summary is released; [] otherwise. */
  scoreDistribution: number[];
}

const WITHHELD = (): EmployeeWaveResults => ({ invited: 0, responded: 0, responseRate: null, summary: NpsSummary.suppressed(), scoreDistribution: [] });

/**
 * An employee wave's results for the Wave fields:
 *  - invited: the wave's participations (how many people HR invited);
 *  - responded and responseRate: only when at least k were invited (else 0 and null), like the
 *    response rates per org unit;
 *  - summary: the group "answers of this wave", with FPC population = invited, released only when
 *    guardGroup releases it against the organization's total over all employee waves (the group
 *    without its wave filter) AND its cell of the breakdown by wave (every non-draft employee wave)
 *    is released — exactly what npsSummary({ waveIds: [id] }) releases. Otherwise a small wave
 *    could be read off as the total minus the other waves;
 *  - scoreDistribution: only when the summary is released.
 * Callers who may not read employee results (CX, MANAGER, API clients without analytics:read) get
 * all of it withheld: zeros, null, suppressed, [].
 */
export async function employeeWaveResults(ctx: Context, waveId: string): Promise<EmployeeWaveResults> {
  if (!mayReadEmployeeResults(ctx.principal!)) return WITHHELD();
  const [k, snapshot] = await Promise.all([thresholdOf(ctx), ctx.loaders.employeeWaves.load(waveId)]);
  const wave = snapshot.byId.get(waveId);
  if (!wave) return WITHHELD();
  const rateShown = wave.invited >= k;
  const listed = snapshot.waves.filter((w) => w.status !== 'DRAFT');
  const cells = guardBreakdownKnowingEmpty(
    listed.map((w) => ({ size: w.size })),
    listed.map((w) => w.invited === 0 || (w.invited >= k && w.responded === 0)),
    k,
  );
  const cell = listed.indexOf(wave);
  const verdict = guardGroup(wave.size, [snapshot.total], k);
  const released: Verdict = !verdict.released || cell === -1 || cells[cell].released ? verdict : cells[cell];
  const counts: NpsCounts = {
    detractors: wave.scores.slice(0, 7).reduce((n, c) => n + c, 0),
    passives: wave.scores[7] + wave.scores[8],
    promoters: wave.scores[9] + wave.scores[10],
  };
  return {
    invited: wave.invited,
    responded: rateShown ? wave.responded : 0,
    responseRate: rateShown ? wave.responded / wave.invited : null,
    summary: summaryOf({ size: wave.size, counts, withoutEachFilter: [snapshot.total], population: wave.invited }, released),
    scoreDistribution: released.released ? [...wave.scores] : [],
  };
}
