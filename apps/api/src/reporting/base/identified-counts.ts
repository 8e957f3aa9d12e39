import type { NpsCounts } from '@tandem/nps-core';
import type { Context } from '../../kernel/context.js';
import { categoriesOf, rollupCounts, type CountQuery, type GroupCounts, type Grouping, type IdentifiedAudience, type ScoreCounts } from './nps-counts.js';
import { orgTreeOf } from './org-tree.js';

/** An identified scope's filters as values; every list is non-empty or null. */
export interface IdentifiedSelection {
  audiences: IdentifiedAudience[];
  waveIds: string[] | null;
  /** Inclusive UTC days, YYYY-MM-DD. */
  from: string | null;
  to: string | null;
  /** The filter's org units, not yet expanded to their subtrees. */
  orgUnitIds: string[] | null;
  /** The filter's owners, or the manager's own id. */
  ownerIds: string[] | null;
  /** Segment key → values (alternatives); different keys must all match. */
  segments: [string, string[]][];
  /** Transaction attribute dimension (product, channel, served_by, touchpoint) → values (alternatives). */
  transaction?: [string, string[]][];
}

/**
 * Identified responses counted from the rollup (nps-counts.ts) for a checked selection
 * (nps-scope.ts). The rollup serves a query whose filters and grouping name at most one attribute
 * dimension (org unit, owner, one segment key, or one transaction attribute); for anything else these answer null and the
 * caller falls back to its scan of the responses table.
 */

interface Attribute {
  dim: string;
  values: string[];
}

/** The selection's attribute filters; org units expanded to their subtrees (one read of the org chart). */
async function attributesOf(ctx: Context, sel: IdentifiedSelection): Promise<Attribute[]> {
  const attributes: Attribute[] = [];
  if (sel.orgUnitIds) attributes.push({ dim: 'org_unit', values: [...(await orgTreeOf(ctx)).subtree(sel.orgUnitIds)] });
  if (sel.ownerIds) attributes.push({ dim: 'owner', values: sel.ownerIds });
  for (const [key, values] of sel.segments) attributes.push({ dim: `seg:${key}`, values });
  for (const [dim, values] of sel.transaction ?? []) attributes.push({ dim, values });
  return attributes;
}

/** The rollup query of a selection, or null when it filters on more than one attribute dimension. */
export async function identifiedCountQuery(
  ctx: Context,
  organizationId: string,
  sel: IdentifiedSelection,
  groupBy: Grouping,
  groupDim?: string,
): Promise<CountQuery | null> {
  // Decided before the org chart is read: more than one attribute dimension is a scan.
  if (Number(sel.orgUnitIds !== null) + Number(sel.ownerIds !== null) + sel.segments.length + (sel.transaction?.length ?? 0) > 1) return null;
  const attributes = await attributesOf(ctx, sel);
  return { organizationId, audiences: sel.audiences, waveIds: sel.waveIds, from: sel.from, to: sel.to, attribute: attributes[0] ?? null, groupBy, groupDim };
}

/** Counts per group from the rollup, or null when the rollup cannot serve the query. */
export async function identifiedCounts(
  ctx: Context,
  organizationId: string,
  sel: IdentifiedSelection,
  groupBy: Grouping,
  groupDim?: string,
): Promise<GroupCounts[] | null> {
  const q = await identifiedCountQuery(ctx, organizationId, sel, groupBy, groupDim);
  return q ? rollupCounts(ctx.db, q) : null;
}

export const emptyScores = (): ScoreCounts => new Array<number>(11).fill(0);

/** The sum of score histograms. */
export function addScores(into: ScoreCounts, add: ScoreCounts): ScoreCounts {
  for (let s = 0; s < 11; s++) into[s] += add[s] ?? 0;
  return into;
}

export const totalOfScores = (scores: ScoreCounts) => scores.reduce((n, c) => n + c, 0);

/** One histogram over all groups, as NPS counts. */
export function countsOfGroups(groups: readonly GroupCounts[]): NpsCounts {
  return categoriesOf(groups.reduce((acc, g) => addScores(acc, g.scores), emptyScores()));
}
