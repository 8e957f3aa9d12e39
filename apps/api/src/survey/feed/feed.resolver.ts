import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../kernel/context.js';
import { FEED_READERS } from '../../kernel/policies.js';
import { contactCustomer, feed, markFeedRead } from './feed.service.js';
import { liveFeed } from './feed-live.js';
import { follow, followOptions, myFollows, unfollow } from './follow.service.js';
import { turnOffDigest } from './digest.js';
import {
  FeedConnection,
  FeedFilter,
  FeedFollowUp,
  FeedItemType,
  FeedRef,
  FollowKindEnum,
  FollowOptionsType,
  FollowType,
  type FollowKind,
} from './feed.types.js';

const ref = (id: string, name: string) => Object.assign(new FeedRef(), { id, name });

@Resolver()
export class FeedResolver {
  @Authorized(...FEED_READERS)
  @Query(() => FeedConnection, { description: "The caller's feed: new identified answers of what they follow and may see, newest first" })
  feed(
    @Arg('filter', () => FeedFilter, { nullable: true }) filter: FeedFilter | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    return feed(ctx, filter, first, after);
  }

  @Authorized(...FEED_READERS)
  @Mutation(() => Int, { description: 'Marks answers of the caller\'s feed read (the ids, or all: true); answers how many were unread' })
  markFeedRead(
    @Arg('ids', () => [ID], { nullable: true }) ids: string[] | null,
    @Arg('all', () => Boolean, { nullable: true }) all: boolean | null,
    @Ctx() ctx: Context,
  ) {
    return markFeedRead(ctx, ids, all);
  }

  @Authorized(...FEED_READERS)
  @Mutation(() => FeedItemType, { description: "Contact this customer: opens the answer's follow-up for the caller, or assigns its existing one to them" })
  contactCustomer(@Arg('responseId', () => ID) responseId: string, @Ctx() ctx: Context) {
    return contactCustomer(ctx, responseId);
  }

  @Authorized(...FEED_READERS)
  @Query(() => [FollowType], { description: 'What the caller follows; their own contacts always' })
  myFollows(@Ctx() ctx: Context) {
    return myFollows(ctx);
  }

  @Authorized(...FEED_READERS)
  @Query(() => FollowOptionsType, { description: 'What the caller may follow' })
  followOptions(@Ctx() ctx: Context) {
    return followOptions(ctx);
  }

  @Authorized(...FEED_READERS)
  @Mutation(() => [FollowType], { description: 'Follows an org unit (id), a product (name) or an owner (user id); answers the caller\'s follows' })
  follow(@Arg('kind', () => FollowKindEnum) kind: FollowKind, @Arg('key', () => String) key: string, @Ctx() ctx: Context) {
    return follow(ctx, kind, key);
  }

  @Authorized(...FEED_READERS)
  @Mutation(() => [FollowType], { description: 'Stops following; answers the caller\'s follows' })
  unfollow(@Arg('kind', () => FollowKindEnum) kind: FollowKind, @Arg('key', () => String) key: string, @Ctx() ctx: Context) {
    return unfollow(ctx, kind, key);
  }

  @Authorized('PUBLIC')
  @Mutation(() => Boolean, { description: "A digest mail's one-click unsubscribe: turns the user's digest off (the token is signed, from the mail)" })
  turnOffDigest(@Arg('token', () => String) token: string, @Ctx() ctx: Context) {
    return turnOffDigest(ctx, token);
  }

  @Authorized(...FEED_READERS)
  @Subscription(() => FeedItemType, {
    description: "Each new answer of the caller's feed as it is submitted, by the feed query's own rules",
    subscribe: ({ context }) => liveFeed(context as Context),
  })
  feedItemAdded(@Root() item: FeedItemType): FeedItemType {
    return item;
  }
}

@Resolver(() => FeedItemType)
export class FeedItemResolver {
  @FieldResolver(() => String, { nullable: true, description: "The contact's name" })
  async contactName(@Root() item: FeedItemType, @Ctx() ctx: Context): Promise<string | null> {
    return item.contactId ? ((await ctx.loaders.contact.load(item.contactId))?.name ?? null) : null;
  }

  @FieldResolver(() => FeedRef, { nullable: true })
  async orgUnit(@Root() item: FeedItemType, @Ctx() ctx: Context): Promise<FeedRef | null> {
    const unit = item.orgUnitId ? await ctx.loaders.orgUnit.load(item.orgUnitId) : null;
    return unit ? ref(unit.id, unit.name) : null;
  }

  @FieldResolver(() => FeedRef, { nullable: true, description: 'The wave (or programme) answered' })
  async wave(@Root() item: FeedItemType, @Ctx() ctx: Context): Promise<FeedRef | null> {
    const wave = await ctx.loaders.wave.load(item.waveId);
    return wave ? ref(wave.id, wave.name) : null;
  }

  @FieldResolver(() => FeedRef, { nullable: true, description: "The contact's owner" })
  async owner(@Root() item: FeedItemType, @Ctx() ctx: Context): Promise<FeedRef | null> {
    const user = item.ownerId ? await ctx.loaders.user.load(item.ownerId) : null;
    return user ? ref(user.id, user.name) : null;
  }

  @FieldResolver(() => FeedFollowUp, { nullable: true })
  async followUp(@Root() item: FeedItemType, @Ctx() ctx: Context): Promise<FeedFollowUp | null> {
    const row = await ctx.loaders.followUpByResponse.load(item.id);
    if (!row) return null;
    const owner = row.ownerId ? await ctx.loaders.user.load(row.ownerId) : null;
    return Object.assign(new FeedFollowUp(), { id: row.id, status: row.status, dueAt: row.dueAt, owner: owner ? ref(owner.id, owner.name) : null });
  }
}
