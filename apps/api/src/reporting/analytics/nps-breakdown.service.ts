import { totalOf, type BandDefinition, type NpsCounts } from '@tandem/nps-core';
import type { Context } from '../../kernel/context.js';
import { badInput } from '../../kernel/errors.js';
import { employeeBreakdown } from '../anonymity/index.js';
import { snakeKey } from '../../survey/contacts/contact.rules.js';
import { addScores, emptyScores, identifiedCounts, totalOfScores } from '../base/identified-counts.js';
import { isTransactionDimension, NpsGroup, TRANSACTION_DIMENSIONS, UNASSIGNED_KEY, type AnyBreakdownDimension, type TransactionDimension } from '../base/nps-breakdown.types.js';
import { servedByLabels } from './served-by-labels.js';
import { categoriesOf, identifiedDimensionExists, type ScoreCounts } from '../base/nps-counts.js';
import type { NpsFilter } from '../base/nps-filter.input.js';
import { subtreeSql } from '../../identity/org-units/subtree.js';
import { resolveNpsScope, type NpsScope } from './nps-scope.js';
import { NpsSummary } from '../base/nps-summary.type.js';
import { orgTreeOf } from '../base/org-tree.js';
import { organizationBands } from './organization-bands.js';

/**
 * npsBreakdown: the filtered results split by one dimension, each group with nps-core's numbers.
 * Identified responses: the groups that have responses, counted from the rollup (one grouped
 * statement over the rollup; org units summed over the org chart in memory, so the cost follows
 * the number of units), or — when the filter and the dimension name two attribute dimensions —
 * one grouped scan of the responses. Employee answers: through the anonymity guard
 * (reporting/anonymity/employee-results/), every group of the dimension listed, each
 * released or suppressed; never by a transaction's attributes (PRODUCT, CHANNEL, SERVED_BY,
 * TOUCHPOINT), which employee answers do not have.
 */
export async function npsBreakdown(ctx: Context, filter: NpsFilter, by: AnyBreakdownDimension, segmentKey: string | null | undefined): Promise<NpsGroup[]> {
  let key: string | null = null;
  if (by !== 'SEGMENT' && segmentKey !== null && segmentKey !== undefined) throw badInput('segmentKey', 'segmentKey goes only with by: SEGMENT');
  if (by === 'SEGMENT') {
    if (segmentKey === null || segmentKey === undefined || segmentKey.trim() === '') throw badInput('segmentKey', 'A breakdown by SEGMENT needs a segmentKey');
    key = snakeKey(segmentKey);
    if (!key) throw badInput('segmentKey', `Segment key "${segmentKey}" needs letters or digits`);
  }
  const scope = await resolveNpsScope(ctx, filter);
  if (scope.kind === 'employee') {
    if (isTransactionDimension(by)) throw badInput('by', `Employee answers have no ${by}: break them down by ORG_UNIT, WAVE or SEGMENT`);
    return employeeBreakdown(ctx, scope.filter, by, key);
  }
  return identifiedBreakdown(ctx, scope, by, key);
}

const CATEGORY_COLUMNS = `count(*) FILTER (WHERE r.category = 'PROMOTER')::int AS promoters,
            count(*) FILTER (WHERE r.category = 'PASSIVE')::int AS passives,
            count(*) FILTER (WHERE r.category = 'DETRACTOR')::int AS detractors`;

type GroupRow = NpsCounts & { key: string | null; label: string | null };
type IdentifiedScope = Extract<NpsScope, { kind: 'identified' }>;

const UNASSIGNED_LABEL: Record<Exclude<AnyBreakdownDimension, 'SEGMENT' | TransactionDimension>, string> = {
  ORG_UNIT: 'No org unit',
  OWNER: 'No owner',
  WAVE: 'No wave',
  AUDIENCE: 'No audience',
};

/** A group before its summary: the summaries are made at the end, with the organization's bands. */
interface Draft {
  key: string;
  label: string;
  counts: NpsCounts;
}

const byLabel = (a: Draft, b: Draft) =>
  Number(a.key === UNASSIGNED_KEY) - Number(b.key === UNASSIGNED_KEY) || a.label.localeCompare(b.label) || a.key.localeCompare(b.key);

/**
 * Identified responses by ORG_UNIT (each org unit with its whole subtree, so groups overlap; within
 * the filter's subtrees when it names org units), OWNER, WAVE, AUDIENCE or a SEGMENT key; responses
 * without an org unit, owner or segment value form the "unassigned" group. Only groups with
 * responses are listed.
 */
async function identifiedBreakdown(ctx: Context, scope: IdentifiedScope, by: AnyBreakdownDimension, segmentKey: string | null): Promise<NpsGroup[]> {
  // The organization's bands, read beside the counts: each group gets its band here, once, rather
  // than from NpsBandResolver per group (a promise each, after the counts; issue 19's 200 groups).
  const bandsRead = organizationBands(ctx);
  bandsRead.catch(() => undefined); // awaited below; a refusal before that must not go unhandled
  if (by === 'SEGMENT') {
    const known =
      (await identifiedDimensionExists(ctx.db, scope.organizationId, `seg:${segmentKey}`)) ||
      (
        await ctx.db.query(`SELECT EXISTS (SELECT 1 FROM contacts WHERE organization_id = $1 AND (segments -> $2) IS NOT NULL) AS known`, [
          scope.organizationId,
          segmentKey,
        ])
      )[0].known === true;
    if (!known) throw badInput('segmentKey', `Unknown segment key "${segmentKey}": no contact or response has it`);
  }
  const fast = await rollupBreakdown(ctx, scope, by, segmentKey);
  const drafts = (fast ?? (await scannedBreakdown(ctx, scope, by, segmentKey))).sort(byLabel);
  const bands: BandDefinition = await bandsRead;
  return drafts.map((d) => NpsGroup.of(d.key, d.label, NpsSummary.of(d.counts, { bands })));
}

/** One group per key with responses, labelled; the key '' is the "unassigned" group. */
function groupsOf(scores: Map<string, ScoreCounts>, label: (key: string) => string | null, unassigned: string): Draft[] {
  const groups: Draft[] = [];
  for (const [key, counts] of scores) {
    if (totalOfScores(counts) === 0) continue;
    const name = key === '' ? unassigned : label(key);
    if (name === null) continue;
    groups.push({ key: key === '' ? UNASSIGNED_KEY : key, label: name, counts: categoriesOf(counts) });
  }
  return groups;
}

/** The breakdown from the rollup, or null when the rollup cannot serve the filter with this dimension. */
async function rollupBreakdown(ctx: Context, scope: IdentifiedScope, by: AnyBreakdownDimension, segmentKey: string | null): Promise<Draft[] | null> {
  const org = scope.organizationId;
  const sel = scope.selection;
  if (isTransactionDimension(by)) {
    // Answers without the attribute have no rollup row of it: only groups with a value are listed.
    const perValue = await identifiedCounts(ctx, org, sel, 'attribute', TRANSACTION_DIMENSIONS[by]);
    if (!perValue) return null;
    const counted = perValue.filter((g) => g.key !== '' && totalOfScores(g.scores) > 0);
    return transactionGroups(ctx, org, by, counted.map((g) => ({ key: g.key, counts: categoriesOf(g.scores) })));
  }
  switch (by) {
    case 'ORG_UNIT': {
      const perUnit = await identifiedCounts(ctx, org, sel, 'attribute', 'org_unit');
      if (!perUnit) return null;
      const tree = await orgTreeOf(ctx);
      // Each unit's own responses, then each unit with its subtree: one pass over the chart.
      const own = new Map(perUnit.map((g) => [g.key, g.scores]));
      const withSubtree = new Map<string, ScoreCounts>();
      const total = (id: string, path: Set<string>): ScoreCounts => {
        const done = withSubtree.get(id);
        if (done) return done;
        const sum = addScores(emptyScores(), own.get(id) ?? emptyScores());
        path.add(id);
        for (const child of tree.children.get(id) ?? []) if (!path.has(child)) addScores(sum, total(child, path));
        path.delete(id);
        withSubtree.set(id, sum);
        return sum;
      };
      const within = scope.orgUnitIds ? tree.subtree(scope.orgUnitIds) : null;
      const scores = new Map<string, ScoreCounts>();
      for (const id of tree.units.keys()) if (!within || within.has(id)) scores.set(id, total(id, new Set()));
      // Responses without a unit (or, defensively, with one not on the chart) are the unassigned group.
      if (!within) {
        const unassigned = emptyScores();
        for (const g of perUnit) if (g.key === '' || !tree.units.has(g.key)) addScores(unassigned, g.scores);
        scores.set('', unassigned);
      }
      return groupsOf(scores, (id) => tree.units.get(id)!.name, UNASSIGNED_LABEL.ORG_UNIT);
    }
    case 'OWNER': {
      const perOwner = await identifiedCounts(ctx, org, sel, 'attribute', 'owner');
      if (!perOwner) return null;
      const ids = perOwner.map((g) => g.key).filter((k) => k !== '');
      const users = new Map((await ctx.loaders.user.loadMany(ids)).map((u, i) => [ids[i], u && !(u instanceof Error) ? u.name : null]));
      return groupsOf(new Map(perOwner.map((g) => [g.key, g.scores])), (id) => users.get(id) ?? id, UNASSIGNED_LABEL.OWNER);
    }
    case 'WAVE': {
      const perWave = await identifiedCounts(ctx, org, sel, 'wave');
      if (!perWave) return null;
      const ids = perWave.map((g) => g.key);
      const waves = new Map((await ctx.loaders.wave.loadMany(ids)).map((w, i) => [ids[i], w && !(w instanceof Error) ? w.name : null]));
      return groupsOf(new Map(perWave.map((g) => [g.key, g.scores])), (id) => waves.get(id) ?? null, UNASSIGNED_LABEL.WAVE);
    }
    case 'AUDIENCE': {
      const perAudience = await identifiedCounts(ctx, org, sel, 'audience');
      if (!perAudience) return null;
      return groupsOf(new Map(perAudience.map((g) => [g.key, g.scores])), (a) => a, UNASSIGNED_LABEL.AUDIENCE);
    }
    case 'SEGMENT': {
      // The rollup lists a segment only where the response has the key: the rest is the total minus them.
      const perValue = await identifiedCounts(ctx, org, sel, 'attribute', `seg:${segmentKey}`);
      if (!perValue) return null;
      const all = await identifiedCounts(ctx, org, sel, 'none');
      if (!all) return null;
      const scores = new Map<string, ScoreCounts>();
      const rest = all.reduce((acc, g) => addScores(acc, g.scores), emptyScores());
      const groups = perValue.map((g): Draft => {
        for (let s = 0; s < 11; s++) rest[s] -= g.scores[s];
        return { key: g.key, label: g.key, counts: categoriesOf(g.scores) };
      });
      scores.set('', rest);
      return [...groups.filter((g) => totalOf(g.counts) > 0), ...groupsOf(scores, () => null, `No ${segmentKey}`)];
    }
  }
}

/** Groups of a transaction attribute, labelled: the value itself, or for SERVED_BY the serving employee's name. */
async function transactionGroups(ctx: Context, organizationId: string, by: TransactionDimension, groups: { key: string; counts: NpsCounts }[]): Promise<Draft[]> {
  const labels = by === 'SERVED_BY' ? await servedByLabels(ctx, organizationId, groups.map((g) => g.key)) : null;
  return groups.map((g) => ({ key: g.key, label: labels?.get(g.key) ?? g.key, counts: g.counts }));
}

/** The same breakdown as one grouped scan of the responses table (filters on two attribute dimensions). */
async function scannedBreakdown(ctx: Context, scope: IdentifiedScope, by: AnyBreakdownDimension, segmentKey: string | null): Promise<Draft[]> {
  const params = [...scope.params];
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (isTransactionDimension(by)) {
    // The column is the dimension's constant name, never the caller's text.
    const column = `r.${TRANSACTION_DIMENSIONS[by]}`;
    const rows: GroupRow[] = await ctx.db.query(
      `SELECT ${column} AS key, ${CATEGORY_COLUMNS} FROM responses r WHERE ${scope.where} AND ${column} <> '' GROUP BY ${column}`,
      params,
    );
    return transactionGroups(ctx, scope.organizationId, by, rows.map((r) => ({ key: r.key!, counts: r })));
  }
  let sql: string;
  let unassigned: string;
  switch (by) {
    case 'ORG_UNIT': {
      const org = p(scope.organizationId);
      const within = scope.orgUnitIds ? `AND t.ancestor IN (${subtreeSql(org, p(scope.orgUnitIds))})` : '';
      unassigned = 'No org unit';
      sql = `WITH RECURSIVE tree(ancestor, id) AS (
               SELECT id, id FROM org_units WHERE organization_id = ${org}
               UNION
               SELECT t.ancestor, u.id FROM org_units u JOIN tree t ON u.parent_id = t.id WHERE u.organization_id = ${org}
             )
             SELECT t.ancestor::text AS key, u.name AS label, ${CATEGORY_COLUMNS}
               FROM responses r
               LEFT JOIN tree t ON t.id = r.org_unit_id
               LEFT JOIN org_units u ON u.id = t.ancestor
              WHERE ${scope.where} ${within}
              GROUP BY t.ancestor, u.name`;
      break;
    }
    case 'OWNER':
      unassigned = 'No owner';
      sql = `SELECT r.owner_id::text AS key, u.name AS label, ${CATEGORY_COLUMNS}
               FROM responses r
               LEFT JOIN users u ON u.id = r.owner_id AND u.organization_id = r.organization_id
              WHERE ${scope.where}
              GROUP BY r.owner_id, u.name`;
      break;
    case 'WAVE':
      unassigned = 'No wave';
      sql = `SELECT r.wave_id::text AS key, w.name AS label, ${CATEGORY_COLUMNS}
               FROM responses r
               JOIN waves w ON w.id = r.wave_id AND w.organization_id = r.organization_id
              WHERE ${scope.where}
              GROUP BY r.wave_id, w.name`;
      break;
    case 'AUDIENCE':
      unassigned = 'No audience';
      sql = `SELECT r.audience AS key, r.audience AS label, ${CATEGORY_COLUMNS}
               FROM responses r
              WHERE ${scope.where}
              GROUP BY r.audience`;
      break;
    case 'SEGMENT': {
      const key = p(segmentKey);
      unassigned = `No ${segmentKey}`;
      sql = `SELECT r.segments ->> ${key} AS key, r.segments ->> ${key} AS label, ${CATEGORY_COLUMNS}
               FROM responses r
              WHERE ${scope.where}
              GROUP BY r.segments ->> ${key}`;
      break;
    }
  }
  const rows: GroupRow[] = await ctx.db.query(sql, params);
  return rows.map((r) => ({ key: r.key ?? UNASSIGNED_KEY, label: r.key === null ? unassigned : (r.label ?? r.key), counts: r }));
}
