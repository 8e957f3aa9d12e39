import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { OrgUnitEntity } from './org-unit.entity.js';
import { createOrgUnit, listOrgUnits } from './org-unit.service.js';

@Resolver(() => OrgUnitEntity)
export class OrgUnitResolver {
  @Authorized('ANY_USER', 'analytics:read', 'contacts:write')
  @Query(() => [OrgUnitEntity], { description: "The organization's org units, flat; parent links make the tree" })
  orgUnits(@Ctx() ctx: Context) {
    return listOrgUnits(ctx);
  }

  @Authorized('ADMIN')
  @Mutation(() => OrgUnitEntity)
  createOrgUnit(
    @Arg('name', () => String) name: string,
    @Arg('parentId', () => ID, { nullable: true }) parentId: string | null,
    @Ctx() ctx: Context,
  ) {
    return createOrgUnit(ctx, name, parentId ?? null);
  }

  @FieldResolver(() => OrgUnitEntity, { nullable: true })
  parent(@Root() unit: OrgUnitEntity, @Ctx() ctx: Context) {
    return unit.parentId ? ctx.loaders.orgUnit.load(unit.parentId) : null;
  }
}
