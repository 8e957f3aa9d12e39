import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../kernel/context.js';
import { leaderboard, leaderboardLevels } from './leaderboard.service.js';
import { LeaderboardEntry, LeaderboardInput, LeaderboardLevel } from './leaderboard.types.js';
import { SIGNED_IN_OR_ANALYTICS } from '../../kernel/policies.js';

@Resolver()
export class LeaderboardResolver {
  @Authorized(...SIGNED_IN_OR_ANALYTICS)
  @Query(() => [LeaderboardEntry], {
    description:
      'Teams or managers of a quarter or a year ranked fairly: NPS and response rate by the lower end of their 95 % interval, NPS_IMPROVEMENT by the change, IMPROVEMENTS_IMPLEMENTED by the count; eligible entries (the organization\'s minimum of responses) first',
  })
  leaderboard(@Arg('input', () => LeaderboardInput) input: LeaderboardInput, @Ctx() ctx: Context) {
    return leaderboard(ctx, input);
  }

  @Authorized(...SIGNED_IN_OR_ANALYTICS)
  @Query(() => [LeaderboardLevel], { description: 'The levels of the org chart a team leaderboard can rank, top down' })
  leaderboardLevels(@Ctx() ctx: Context) {
    return leaderboardLevels(ctx);
  }
}
