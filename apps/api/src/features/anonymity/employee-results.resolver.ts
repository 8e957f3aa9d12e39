import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { NpsFilter } from '../analytics/nps-filter.input.js';
import { employeeComments } from './employee-results/index.js';
import { CommentsResult, OrgUnitResponseRate } from './employee-results.types.js';
import { responseRatesByOrgUnit } from './response-rates.js';

@Resolver()
export class EmployeeResultsResolver {
  @Authorized('HR', 'ADMIN', 'LEADER')
  @Query(() => CommentsResult, {
    description: 'Reasons and suggestions of a group of employee answers, shuffled, without dates or attributes; suppressed unless the group passes the anonymity guard',
  })
  employeeComments(@Arg('filter', () => NpsFilter) filter: NpsFilter, @Ctx() ctx: Context) {
    return employeeComments(ctx, filter);
  }

  @Authorized('HR', 'ADMIN', 'LEADER')
  @Query(() => [OrgUnitResponseRate], {
    description:
      "An employee wave's response rate per org unit (the employees' current unit): units with at least k invited, the smaller ones merged into one row of at least k, never who",
  })
  responseRatesByOrgUnit(@Arg('waveId', () => ID) waveId: string, @Ctx() ctx: Context) {
    return responseRatesByOrgUnit(ctx, waveId);
  }
}
