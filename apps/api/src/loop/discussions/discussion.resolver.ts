import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kernel/context.js';
import { COVERAGE_READERS, DISCUSSION_READERS, DISCUSSION_RECORDERS } from '../../kernel/policies.js';
import { OrgUnitEntity } from '../../identity/org-units/org-unit.entity.js';
import { UserType } from '../../identity/users/user.type.js';
import { WaveType } from '../../survey/waves/wave.type.js';
import { ImprovementType } from '../improvements/improvement.types.js';
import { waveDiscussionCoverage } from './coverage.js';
import { recordDiscussion, teamDiscussion, updateDiscussion } from './discussion.service.js';
import { DiscussionCoverage, DiscussionCoverageTeam, RecordDiscussionInput, TeamDiscussionSlot, TeamDiscussionType, UpdateDiscussionInput } from './discussion.types.js';

async function waveOf(ctx: Context, id: string): Promise<WaveType> {
  const wave = await ctx.loaders.wave.load(id);
  if (!wave) throw new Error(`wave ${id} is missing`);
  return WaveType.from(wave);
}

@Resolver(() => TeamDiscussionType)
export class TeamDiscussionResolver {
  @Authorized(...DISCUSSION_READERS)
  @Query(() => TeamDiscussionSlot, { description: "A team's discussion of a wave: recorded or not yet, and whether the caller may record it" })
  teamDiscussion(@Arg('waveId', () => ID) waveId: string, @Arg('orgUnitId', () => ID) orgUnitId: string, @Ctx() ctx: Context) {
    return teamDiscussion(ctx, waveId, orgUnitId);
  }

  @Authorized(...COVERAGE_READERS)
  @Query(() => DiscussionCoverage, { description: "Which of a closed wave's teams held their discussion, and where their actions stand" })
  discussionCoverage(@Arg('waveId', () => ID) waveId: string, @Ctx() ctx: Context) {
    return waveDiscussionCoverage(ctx, waveId);
  }

  @Authorized(...DISCUSSION_RECORDERS)
  @Mutation(() => TeamDiscussionType, { description: "Record a team's discussion of a closed wave; each action agreed becomes an improvement of the team and the wave" })
  recordDiscussion(@Arg('input', () => RecordDiscussionInput) input: RecordDiscussionInput, @Ctx() ctx: Context) {
    return recordDiscussion(ctx, input);
  }

  @Authorized(...DISCUSSION_RECORDERS)
  @Mutation(() => TeamDiscussionType, { description: 'Change a recorded discussion, or add actions agreed' })
  updateDiscussion(@Arg('id', () => ID) id: string, @Arg('input', () => UpdateDiscussionInput) input: UpdateDiscussionInput, @Ctx() ctx: Context) {
    return updateDiscussion(ctx, id, input);
  }

  @FieldResolver(() => WaveType)
  wave(@Root() d: TeamDiscussionType, @Ctx() ctx: Context) {
    return waveOf(ctx, d.waveId);
  }

  @FieldResolver(() => OrgUnitEntity, { nullable: true })
  orgUnit(@Root() d: TeamDiscussionType, @Ctx() ctx: Context) {
    return ctx.loaders.orgUnit.load(d.orgUnitId);
  }

  @FieldResolver(() => UserType, { nullable: true })
  async recordedBy(@Root() d: TeamDiscussionType, @Ctx() ctx: Context): Promise<UserType | null> {
    const user = d.recordedById ? await ctx.loaders.user.load(d.recordedById) : null;
    return user ? UserType.from(user) : null;
  }

  @FieldResolver(() => [ImprovementType], { description: 'The actions agreed, in order: improvements of the team and the wave' })
  async actions(@Root() d: TeamDiscussionType, @Ctx() ctx: Context): Promise<ImprovementType[]> {
    const now = ctx.app.now();
    return (await ctx.loaders.discussions.actions.load(d.id)).map((row) => ImprovementType.from(row, now));
  }
}

@Resolver(() => TeamDiscussionSlot)
export class TeamDiscussionSlotResolver {
  @FieldResolver(() => WaveType)
  wave(@Root() slot: TeamDiscussionSlot, @Ctx() ctx: Context) {
    return waveOf(ctx, slot.waveId);
  }

  @FieldResolver(() => OrgUnitEntity, { nullable: true })
  orgUnit(@Root() slot: TeamDiscussionSlot, @Ctx() ctx: Context) {
    return ctx.loaders.orgUnit.load(slot.orgUnitId);
  }
}

@Resolver(() => DiscussionCoverage)
export class DiscussionCoverageResolver {
  @FieldResolver(() => WaveType)
  wave(@Root() c: DiscussionCoverage, @Ctx() ctx: Context) {
    return waveOf(ctx, c.waveId);
  }
}

@Resolver(() => DiscussionCoverageTeam)
export class DiscussionCoverageTeamResolver {
  @FieldResolver(() => OrgUnitEntity, { nullable: true })
  orgUnit(@Root() t: DiscussionCoverageTeam, @Ctx() ctx: Context) {
    return ctx.loaders.orgUnit.load(t.orgUnitId);
  }
}
