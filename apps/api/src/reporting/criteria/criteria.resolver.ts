import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../kernel/context.js';
import { REPORT_READERS } from '../../kernel/policies.js';
import { NpsFilter } from '../base/nps-filter.input.js';
import { criterionResults, keyDrivers } from './criteria.service.js';
import { CriterionResult, KeyDriver } from '../base/criteria.types.js';

@Resolver()
export class CriteriaResolver {
  @Authorized(...REPORT_READERS)
  @Query(() => [CriterionResult], {
    description:
      "The 1–5 criteria ratings of the filtered responses: per criterion n, mean with its 95 % t-interval, the counts of 1..5 and (with from and to) the previous period. A manager's cover their own contacts. Employee criteria come only from the releases of closed waves (whole waves, at least k ratings; interval and counts from 2k), each criterion suppressed otherwise",
  })
  criterionResults(@Arg('filter', () => NpsFilter) filter: NpsFilter, @Ctx() ctx: Context) {
    return criterionResults(ctx, filter);
  }

  @Authorized(...REPORT_READERS)
  @Query(() => [KeyDriver], {
    description:
      'The criteria ranked by the Pearson correlation of their rating with the 0–10 score over the filtered responses, each with its 95 % Fisher-z interval and lowSample below 30 responses. Identified audiences only (employee filters: BAD_USER_INPUT, reason EMPLOYEE_KEY_DRIVERS)',
  })
  keyDrivers(@Arg('filter', () => NpsFilter) filter: NpsFilter, @Ctx() ctx: Context) {
    return keyDrivers(ctx, filter);
  }
}
