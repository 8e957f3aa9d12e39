import type { Context } from '../../graphql/context.js';
import { userOf } from '../../graphql/context.js';
import { unauthenticated } from '../../graphql/errors.js';
import { UserType } from './user.type.js';

export async function currentUser(ctx: Context): Promise<UserType> {
  const principal = userOf(ctx);
  const user = await ctx.loaders.user.load(principal.id);
  if (!user || !user.active) throw unauthenticated('Your account no longer exists or is inactive');
  return UserType.from(user);
}
