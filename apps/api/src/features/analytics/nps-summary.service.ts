import type { NpsCounts } from '@tandem/nps-core';
import type { Context } from '../../graphql/context.js';
import type { NpsFilter } from './nps-filter.input.js';
import { resolveNpsScope } from './nps-scope.js';
import { NpsSummary } from './nps-summary.type.js';

/**
 * NPS over the responses a filter selects: one query counting each category, the numbers from
 * nps-core (default bands). Employee results report through the anonymity guard
 * (features/anonymity); until it exists they are suppressed.
 */
export async function npsSummary(ctx: Context, filter: NpsFilter): Promise<NpsSummary> {
  const scope = await resolveNpsScope(ctx, filter);
  if (scope.kind === 'employee') return NpsSummary.suppressed();
  const [counts]: NpsCounts[] = await ctx.db.query(
    `SELECT count(*) FILTER (WHERE r.category = 'PROMOTER')::int AS promoters,
            count(*) FILTER (WHERE r.category = 'PASSIVE')::int AS passives,
            count(*) FILTER (WHERE r.category = 'DETRACTOR')::int AS detractors
       FROM responses r
      WHERE ${scope.where}`,
    scope.params,
  );
  return NpsSummary.of(counts);
}
