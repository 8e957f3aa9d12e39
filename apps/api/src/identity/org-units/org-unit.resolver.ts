import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kernel/context.js';
import { OrgUnitEntity } from './org-unit.entity.js';
import { createOrgUnit, listOrgUnits } from './org-unit.service.js';
import * as admin from './org-unit-admin.service.js';
import { ADMINS, ORG_UNIT_READERS } from '../../kernel/policies.js';

@Resolver(() => OrgUnitEntity)
export class OrgUnitResolver {
  @Authorized(...ORG_UNIT_READERS)
  @Query(() => [OrgUnitEntity], { description: "The organization's org units, flat; parent links make the tree" })
  orgUnits(@Ctx() ctx: Context) {
    return listOrgUnits(ctx);
  }

  @Authorized(...ADMINS)
  @Mutation(() => OrgUnitEntity)
  createOrgUnit(
    @Arg('name', () => String) name: string,
    @Arg('parentId', () => ID, { nullable: true }) parentId: string | null,
    @Ctx() ctx: Context,
  ) {
    return createOrgUnit(ctx, name, parentId ?? null);
  }

  @Authorized(...ADMINS)
  @Mutation(() => OrgUnitEntity, { description: 'CONFLICT on name when another unit has it' })
  renameOrgUnit(@Arg('id', () => ID) id: string, @Arg('name', () => String) name: string, @Ctx() ctx: Context) {
    return admin.renameOrgUnit(ctx, id, name);
  }

  @Authorized(...ADMINS)
  @Mutation(() => OrgUnitEntity, { description: 'parentId null moves the unit to the top. INVALID_STATE (parentId) under itself or its own sub-units.' })
  moveOrgUnit(@Arg('id', () => ID) id: string, @Arg('parentId', () => ID, { nullable: true }) parentId: string | null, @Ctx() ctx: Context) {
    return admin.moveOrgUnit(ctx, id, parentId ?? null);
  }

  @Authorized(...ADMINS)
  @Mutation(() => Boolean, { description: 'Only an empty unit: INVALID_STATE (id) while sub-units, people, contacts or answers refer to it' })
  deleteOrgUnit(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return admin.deleteOrgUnit(ctx, id);
  }

  @Authorized(...ADMINS)
  @Mutation(() => OrgUnitEntity, { description: 'An active user of the organization as the unit manager; userId null for none' })
  setOrgUnitManager(@Arg('id', () => ID) id: string, @Arg('userId', () => ID, { nullable: true }) userId: string | null, @Ctx() ctx: Context) {
    return admin.setOrgUnitManager(ctx, id, userId ?? null);
  }

  @FieldResolver(() => OrgUnitEntity, { nullable: true })
  parent(@Root() unit: OrgUnitEntity, @Ctx() ctx: Context) {
    return unit.parentId ? ctx.loaders.orgUnit.load(unit.parentId) : null;
  }
}
