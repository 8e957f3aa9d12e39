import type { Context } from '../../kernel/context.js';
import { orgOf } from '../../kernel/context.js';
import { badInput, conflict, notFound } from '../../kernel/errors.js';
import { OrgUnitEntity } from './org-unit.entity.js';

export function listOrgUnits(ctx: Context): Promise<OrgUnitEntity[]> {
  return ctx.db.find(OrgUnitEntity, { where: { organizationId: orgOf(ctx) }, order: { name: 'ASC' } });
}

export async function createOrgUnit(ctx: Context, name: string, parentId: string | null): Promise<OrgUnitEntity> {
  const organizationId = orgOf(ctx);
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 200) throw badInput('name', 'Name must be 1 to 200 characters');
  if (parentId !== null && !(await ctx.loaders.orgUnit.load(parentId))) throw notFound('Parent org unit', 'parentId');
  const taken = await ctx.db
    .createQueryBuilder(OrgUnitEntity, 'u')
    .where('u.organization_id = :organizationId AND lower(u.name) = lower(:name)', { organizationId, name: trimmed })
    .getExists();
  if (taken) throw conflict('name', `An org unit named "${trimmed}" already exists`);
  return ctx.db.save(OrgUnitEntity, ctx.db.create(OrgUnitEntity, { organizationId, parentId, name: trimmed }));
}
