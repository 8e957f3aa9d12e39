import { Arg, Authorized, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { isUuid } from '../../kernel/batch.js';
import { orgOf, userOf, type Context } from '../../kernel/context.js';
import { notFound } from '../../kernel/errors.js';
import { ACCOUNT_HOLDERS, ADMINS } from '../../kernel/policies.js';
import { UserEntity } from './user.entity.js';
import { listSessions, revokeSession, revokeSessions, type SessionRow } from './sessions.js';

/**
 * Sessions (issue 21): every login that can still refresh, listed for its user (the account page)
 * and for admins (the users page), and revocable by either. Revoking ends the session's next
 * refresh; its access token lasts out its 15 minutes.
 */
@ObjectType('Session', { description: 'A login that can still refresh: never its tokens' })
export class SessionType {
  @Field(() => ID, { description: 'The login (its refresh tokens share it)' })
  id: string;

  @Field(() => Date)
  startedAt: Date;

  @Field(() => Date, { description: 'The last login or refresh' })
  lastActiveAt: Date;

  @Field(() => Date, { description: 'When it ends unless refreshed again' })
  expiresAt: Date;

  @Field(() => String, { nullable: true, description: 'The browser, as its User-Agent named it' })
  userAgent: string | null;

  @Field(() => String, { nullable: true, description: 'The network address of the last login or refresh' })
  address: string | null;

  @Field(() => Boolean, { description: "True for the session of the caller's own access token" })
  current: boolean;
}

const toType = (row: SessionRow, currentId: string | undefined): SessionType => Object.assign(new SessionType(), row, { current: row.id === currentId });

async function ownUser(ctx: Context, userId: string): Promise<UserEntity> {
  const user = isUuid(userId) ? await ctx.db.findOneBy(UserEntity, { id: userId, organizationId: orgOf(ctx) }) : null;
  if (!user) throw notFound('User', 'userId');
  return user;
}

@Resolver()
export class SessionsResolver {
  @Authorized(...ACCOUNT_HOLDERS)
  @Query(() => [SessionType], { description: "The caller's own sessions, latest activity first" })
  async mySessions(@Ctx() ctx: Context): Promise<SessionType[]> {
    const me = userOf(ctx);
    return (await listSessions(ctx.db, me.organizationId, me.id, ctx.app.now())).map((row) => toType(row, me.sessionId));
  }

  @Authorized(...ACCOUNT_HOLDERS)
  @Mutation(() => Boolean, { description: 'Ends one of your own sessions at its next refresh. NOT_FOUND on id when it is not yours or already ended.' })
  async revokeMySession(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<boolean> {
    const me = userOf(ctx);
    if (!isUuid(id) || !(await revokeSession(ctx.db, me.organizationId, me.id, id, ctx.app.now()))) throw notFound('Session');
    ctx.logger.info({ event: 'session.revoked', userId: me.id, sessionId: id }, 'session revoked by its user');
    return true;
  }

  @Authorized(...ADMINS)
  @Query(() => [SessionType], { description: "A user's sessions, latest activity first. NOT_FOUND on userId." })
  async userSessions(@Arg('userId', () => ID) userId: string, @Ctx() ctx: Context): Promise<SessionType[]> {
    const user = await ownUser(ctx, userId);
    return (await listSessions(ctx.db, user.organizationId, user.id, ctx.app.now())).map((row) => toType(row, userOf(ctx).sessionId));
  }

  @Authorized(...ADMINS)
  @Mutation(() => Boolean, { description: "Ends one of a user's sessions at its next refresh. NOT_FOUND on userId, or on id when it is not theirs or already ended." })
  async revokeUserSession(@Arg('userId', () => ID) userId: string, @Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<boolean> {
    const user = await ownUser(ctx, userId);
    if (!isUuid(id) || !(await revokeSession(ctx.db, user.organizationId, user.id, id, ctx.app.now()))) throw notFound('Session');
    ctx.logger.info({ event: 'session.revoked', userId: user.id, sessionId: id, by: userOf(ctx).id }, 'session revoked by an admin');
    return true;
  }

  @Authorized(...ADMINS)
  @Mutation(() => Boolean, { description: "Ends every session of a user at its next refresh (a lost laptop, a leaver). NOT_FOUND on userId." })
  async revokeAllUserSessions(@Arg('userId', () => ID) userId: string, @Ctx() ctx: Context): Promise<boolean> {
    const user = await ownUser(ctx, userId);
    await revokeSessions(ctx.db, user.id, ctx.app.now());
    ctx.logger.info({ event: 'session.revoked_all', userId: user.id, by: userOf(ctx).id }, 'every session of a user revoked by an admin');
    return true;
  }
}
