import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../kernel/context.js';
import { REPORT_READERS } from '../../kernel/policies.js';
import { NpsFilter } from '../base/nps-filter.input.js';
import { themeResults } from './theme-results.service.js';
import { ThemeResult } from './theme-results.types.js';

@Resolver()
export class ThemeResultsResolver {
  @Authorized(...REPORT_READERS)
  @Query(() => [ThemeResult], {
    description:
      'Per theme: mentions by category, the NPS of those mentioning it with its interval, and its impact on the NPS. ' +
      'EMPLOYEE answers only through the anonymity guard; a manager sees their own contacts only.',
  })
  themeResults(@Arg('filter', () => NpsFilter) filter: NpsFilter, @Ctx() ctx: Context) {
    return themeResults(ctx, filter);
  }
}
