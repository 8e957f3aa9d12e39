import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../../kernel/context.js';
import { TEAM_PACK_READERS } from '../../kernel/policies.js';
import { teamPack, teamPacks } from './team-pack.service.js';
import { TeamPack, TeamPackEntry } from './team-pack.types.js';

@Resolver()
export class TeamPackResolver {
  @Authorized(...TEAM_PACK_READERS)
  @Query(() => TeamPack, {
    description:
      "An org unit's discussion pack for a closed wave: HR employee waves, CX the others, LEADER and ADMIN all, a MANAGER their own unit and below (and the pack their unit folds into)",
  })
  teamPack(
    @Arg('waveId', () => ID) waveId: string,
    @Arg('orgUnitId', () => ID) orgUnitId: string,
    @Arg('language', () => String, { nullable: true, description: 'en, pl, da, ru or sl; the caller\'s language by default' }) language: string | null,
    @Ctx() ctx: Context,
  ) {
    return teamPack(ctx, waveId, orgUnitId, language);
  }

  @Authorized(...TEAM_PACK_READERS)
  @Query(() => [TeamPackEntry], { description: 'The org units of a closed wave that get a pack (those the caller may read), with the group each pack shows' })
  teamPacks(@Arg('waveId', () => ID) waveId: string, @Ctx() ctx: Context) {
    return teamPacks(ctx, waveId);
  }
}
