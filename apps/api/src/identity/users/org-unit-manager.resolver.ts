import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kernel/context.js';
import { OrgUnitEntity } from '../org-units/org-unit.entity.js';
import { UserType } from './user.type.js';

/** OrgUnit.manager: users sit above org units, so the field that reaches a user lives here. */
@Resolver(() => OrgUnitEntity)
export class OrgUnitManagerResolver {
  @FieldResolver(() => UserType, { nullable: true, description: "The unit's manager" })
  async manager(@Root() unit: OrgUnitEntity, @Ctx() ctx: Context): Promise<UserType | null> {
    const user = unit.managerId ? await ctx.loaders.user.load(unit.managerId) : null;
    return user ? UserType.from(user) : null;
  }
}
