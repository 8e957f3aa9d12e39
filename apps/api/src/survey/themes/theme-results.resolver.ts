import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kernel/context.js';
import { NpsFilter } from '../../reporting/analytics/nps-filter.input.js';
import { Board } from '../../overview/board/board.types.js';
import { suggestThemes } from './suggest.service.js';
import { boardTopThemes, themeResults } from './theme-results.service.js';
import { BoardTopThemes, SuggestThemesResult, ThemeResult } from './theme-results.types.js';
import { REPORT_READERS, THEME_EDITORS } from '../../kernel/policies.js';

@Resolver(() => Board)
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

  @Authorized(...THEME_EDITORS)
  @Mutation(() => SuggestThemesResult, {
    description: "Re-runs the keyword matcher over a wave's comments (after the catalogue changed); accepted and dismissed themes stay as they are",
  })
  suggestThemes(@Arg('waveId', () => ID) waveId: string, @Ctx() ctx: Context) {
    return suggestThemes(ctx, waveId);
  }

  @FieldResolver(() => [BoardTopThemes], { description: 'Per audience shown: the themes most mentioned by its detractors and by its promoters in the period' })
  topThemes(@Root() board: Board, @Ctx() ctx: Context) {
    return boardTopThemes(ctx, board);
  }
}
