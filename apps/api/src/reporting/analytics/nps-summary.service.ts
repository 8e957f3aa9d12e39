import type { NpsCounts } from '@tandem/nps-core';
import type { Context } from '../../kernel/context.js';
import { employeeSummary } from '../anonymity/index.js';
import { countsOfGroups, identifiedCounts } from '../base/identified-counts.js';
import type { NpsFilter } from '../base/nps-filter.input.js';
import { resolveNpsScope, type NpsScope } from './nps-scope.js';
import { NpsSummary } from '../base/nps-summary.type.js';

/**
 * NPS over the responses a filter selects, the numbers from nps-core (default bands). Identified
 * responses are counted from the rollup (one statement over a few rows per wave and month); a
 * filter on two attribute dimensions at once (e.g. org unit AND segment) scans the responses.
 * Employee results report through the anonymity guard (reporting/anonymity/employee-results/).
 */
export async function npsSummary(ctx: Context, filter: NpsFilter): Promise<NpsSummary> {
  const scope = await resolveNpsScope(ctx, filter);
  if (scope.kind === 'employee') return employeeSummary(ctx, scope.filter);
  return NpsSummary.of(await identifiedSummaryCounts(ctx, scope));
}

/** The counts of an identified scope: from the rollup, or a scan when the rollup cannot serve it. */
export async function identifiedSummaryCounts(ctx: Context, scope: Extract<NpsScope, { kind: 'identified' }>): Promise<NpsCounts> {
  const groups = await identifiedCounts(ctx, scope.organizationId, scope.selection, 'none');
  if (groups) return countsOfGroups(groups);
  const [counts]: NpsCounts[] = await ctx.db.query(
    `SELECT count(*) FILTER (WHERE r.category = 'PROMOTER')::int AS promoters,
            count(*) FILTER (WHERE r.category = 'PASSIVE')::int AS passives,
            count(*) FILTER (WHERE r.category = 'DETRACTOR')::int AS detractors
       FROM responses r
      WHERE ${scope.where}`,
    scope.params,
  );
  return counts;
}
