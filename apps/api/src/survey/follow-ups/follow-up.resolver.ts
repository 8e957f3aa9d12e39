import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kernel/context.js';
import { ResponseType } from '../responses/response.types.js';
import { UserType } from '../../identity/users/user.type.js';
import { WaveType } from '../waves/wave.type.js';
import { FollowUpConnection, FollowUpFilter, FollowUpNoteType, FollowUpType, FollowUpUpdateInput } from './follow-up.types.js';
import { getFollowUp, listFollowUps, updateFollowUp } from './follow-up.service.js';
import { FOLLOW_UP_ACTORS, FOLLOW_UP_READERS } from '../../kernel/policies.js';
import { ListOrderEnum, type ListOrder } from '../../kernel/connection.js';

@Resolver(() => FollowUpType)
export class FollowUpResolver {
  @Authorized(...FOLLOW_UP_READERS)
  @Query(() => FollowUpConnection, {
    description: "Detractor follow-ups, newest first (order: OLDEST_FIRST for an incremental sync, with filter.updatedSince). A manager's inbox: only their own.",
  })
  followUps(
    @Arg('filter', () => FollowUpFilter, { nullable: true }) filter: FollowUpFilter | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('order', () => ListOrderEnum, { nullable: true }) order: ListOrder | null,
    @Ctx() ctx: Context,
  ) {
    return listFollowUps(ctx, filter, { first, after, order });
  }

  @Authorized(...FOLLOW_UP_READERS)
  @Query(() => FollowUpType, { nullable: true, description: "One follow-up; null when unknown or not the caller's to see" })
  followUp(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return getFollowUp(ctx, id);
  }

  @Authorized(...FOLLOW_UP_ACTORS)
  @Mutation(() => FollowUpType, { description: 'Move a follow-up forward (never back) and/or add a note. Its owner, CX or ADMIN, or an API client with responses:write (the note names the client).' })
  updateFollowUp(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => FollowUpUpdateInput) input: FollowUpUpdateInput,
    @Ctx() ctx: Context,
  ) {
    return updateFollowUp(ctx, id, input);
  }

  @FieldResolver(() => ResponseType)
  async response(@Root() followUp: FollowUpType, @Ctx() ctx: Context): Promise<ResponseType> {
    const response = await ctx.loaders.response.load(followUp.responseId);
    if (!response) throw new Error(`response ${followUp.responseId} of follow-up ${followUp.id} is missing`);
    return ResponseType.from(response);
  }

  @FieldResolver(() => WaveType)
  async wave(@Root() followUp: FollowUpType, @Ctx() ctx: Context): Promise<WaveType> {
    const wave = await ctx.loaders.wave.load(followUp.waveId);
    if (!wave) throw new Error(`wave ${followUp.waveId} of follow-up ${followUp.id} is missing`);
    return WaveType.from(wave);
  }

  @FieldResolver(() => UserType, { nullable: true, description: "The contact's owner when the detractor answered" })
  async owner(@Root() followUp: FollowUpType, @Ctx() ctx: Context): Promise<UserType | null> {
    const user = followUp.ownerId ? await ctx.loaders.user.load(followUp.ownerId) : null;
    return user ? UserType.from(user) : null;
  }

  @FieldResolver(() => [UserType], { description: 'The CX users it was escalated to when its SLA passed; empty until then' })
  async escalatedTo(@Root() followUp: FollowUpType, @Ctx() ctx: Context): Promise<UserType[]> {
    if (followUp.escalatedToIds.length === 0) return [];
    const users = await ctx.loaders.user.loadMany(followUp.escalatedToIds);
    return users.flatMap((u) => (u && !(u instanceof Error) ? [UserType.from(u)] : []));
  }

  @FieldResolver(() => [FollowUpNoteType], { description: 'Oldest first' })
  async notes(@Root() followUp: FollowUpType, @Ctx() ctx: Context): Promise<FollowUpNoteType[]> {
    return (await ctx.loaders.followUpNotes.load(followUp.id)).map(FollowUpNoteType.from);
  }
}

@Resolver(() => FollowUpNoteType)
export class FollowUpNoteResolver {
  @FieldResolver(() => UserType, { nullable: true })
  async author(@Root() note: FollowUpNoteType, @Ctx() ctx: Context): Promise<UserType | null> {
    const user = note.authorId ? await ctx.loaders.user.load(note.authorId) : null;
    return user ? UserType.from(user) : null;
  }
}

/** Response.followUp: follow-ups sit above responses, so the field that reaches one lives here. */
@Resolver(() => ResponseType)
export class ResponseFollowUpResolver {
  @FieldResolver(() => FollowUpType, { nullable: true, description: 'The first reaction to a detractor; null for others' })
  async followUp(@Root() response: ResponseType, @Ctx() ctx: Context): Promise<FollowUpType | null> {
    const followUp = await ctx.loaders.followUpByResponse.load(response.id);
    return followUp ? FollowUpType.from(followUp, ctx.app.now()) : null;
  }
}
