import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kernel/context.js';
import { boardDiscussionCoverage } from '../../loop/discussions/board-coverage.js';
import { DiscussionCoverage } from '../../loop/discussions/discussion.types.js';
import { Board } from './board.types.js';

@Resolver(() => Board)
export class BoardDiscussionsResolver {
  @FieldResolver(() => [DiscussionCoverage], {
    description: 'Per wave closed in the period (of the audiences the caller oversees), newest first: the share of teams that held their discussion, actions agreed, done and overdue',
  })
  discussions(@Root() board: Board, @Ctx() ctx: Context) {
    return boardDiscussionCoverage(ctx, board);
  }
}
