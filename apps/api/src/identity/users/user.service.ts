import type { EntityManager } from 'typeorm';
import { orgOf, userOf, type Context } from '../../kernel/context.js';
import { unauthenticated } from '../../kernel/errors.js';
import { UserEntity, type Role } from './user.entity.js';
import { UserType } from './user.type.js';

export async function currentUser(ctx: Context): Promise<UserType> {
  const principal = userOf(ctx);
  const user = await ctx.loaders.user.load(principal.id);
  if (!user || !user.active) throw unauthenticated('Your account no longer exists or is inactive');
  return UserType.from(user);
}

/** The organization's active users, by name; with a role, only those who have it (e.g. owners: MANAGER). */
export async function listUsers(ctx: Context, role: Role | null): Promise<UserType[]> {
  const qb = ctx.db
    .createQueryBuilder(UserEntity, 'u')
    .where('u.organization_id = :org AND u.active', { org: orgOf(ctx) })
    .orderBy('u.name', 'ASC');
  if (role) qb.andWhere(':role = ANY(u.roles)', { role });
  return (await qb.getMany()).map(UserType.from);
}

/** Sets a user's language (their mails and, by default, the app's), in the caller's transaction. */
export async function setUserLanguage(db: EntityManager, organizationId: string, userId: string, language: string): Promise<void> {
  await db.update(UserEntity, { id: userId, organizationId }, { language });
}
