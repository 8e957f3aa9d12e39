import { Arg, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kernel/context.js';
import { OrgUnitEntity } from '../org-units/org-unit.entity.js';
import type { Role } from './user.entity.js';
import { currentUser, listUsers } from './user.service.js';
import { RoleEnum, UserType } from './user.type.js';
import { ACCOUNT_HOLDERS, STAFF } from '../../kernel/policies.js';

@Resolver(() => UserType)
export class UserResolver {
  @Authorized(...ACCOUNT_HOLDERS)
  @Query(() => UserType, { description: 'The logged-in user' })
  me(@Ctx() ctx: Context): Promise<UserType> {
    return currentUser(ctx);
  }

  @Authorized(...STAFF)
  @Query(() => [UserType], { description: "The organization's active users, e.g. users(role: MANAGER) for contact owners" })
  users(@Arg('role', () => RoleEnum, { nullable: true }) role: Role | null, @Ctx() ctx: Context): Promise<UserType[]> {
    return listUsers(ctx, role ?? null);
  }

  @FieldResolver(() => OrgUnitEntity, { nullable: true })
  orgUnit(@Root() user: UserType, @Ctx() ctx: Context): Promise<OrgUnitEntity | null> | null {
    return user.orgUnitId ? ctx.loaders.orgUnit.load(user.orgUnitId) : null;
  }
}
