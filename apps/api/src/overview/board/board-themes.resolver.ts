import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kernel/context.js';
import { boardTopThemes } from '../../reporting/theme-results/theme-results.service.js';
import { BoardTopThemes } from '../../reporting/theme-results/theme-results.types.js';
import { Board } from './board.types.js';

@Resolver(() => Board)
export class BoardThemesResolver {
  @FieldResolver(() => [BoardTopThemes], { description: 'Per audience shown: the themes most mentioned by its detractors and by its promoters in the period' })
  topThemes(@Root() board: Board, @Ctx() ctx: Context) {
    return boardTopThemes(ctx, board);
  }
}
