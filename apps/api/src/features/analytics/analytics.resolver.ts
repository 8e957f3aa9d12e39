import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { NpsFilter } from './nps-filter.input.js';
import { npsSummary } from './nps-summary.service.js';
import { NpsSummary } from './nps-summary.type.js';

@Resolver()
export class AnalyticsResolver {
  @Authorized('ADMIN', 'CX', 'LEADER', 'MANAGER', 'HR', 'analytics:read')
  @Query(() => NpsSummary, {
    description: "NPS with its 95 % interval over the filtered responses; a manager's covers their own contacts, HR's employee answers",
  })
  npsSummary(@Arg('filter', () => NpsFilter) filter: NpsFilter, @Ctx() ctx: Context) {
    return npsSummary(ctx, filter);
  }
}
