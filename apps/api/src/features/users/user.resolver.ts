import { Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { OrgUnitEntity } from '../org-units/org-unit.entity.js';
import { currentUser } from './user.service.js';
import { UserType } from './user.type.js';

@Resolver(() => UserType)
export class UserResolver {
  @Authorized('ANY_USER')
  @Query(() => UserType, { description: 'The logged-in user' })
  me(@Ctx() ctx: Context): Promise<UserType> {
    return currentUser(ctx);
  }

  @FieldResolver(() => OrgUnitEntity, { nullable: true })
  orgUnit(@Root() user: UserType, @Ctx() ctx: Context): Promise<OrgUnitEntity | null> | null {
    return user.orgUnitId ? ctx.loaders.orgUnit.load(user.orgUnitId) : null;
  }
}
