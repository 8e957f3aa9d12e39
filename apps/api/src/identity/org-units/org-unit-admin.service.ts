import type { EntityManager } from 'typeorm';
import { isUniqueViolation } from '../../kernel/pg-errors.js';
import { orgOf, type Context } from '../../kernel/context.js';
import { isUuid } from '../../kernel/batch.js';
import { badInput, conflict, invalidState, notFound } from '../../kernel/errors.js';
import { OrgUnitEntity } from './org-unit.entity.js';

/**
 * Editing the org chart (issue 15, item 3): rename, move (never under itself or its own
 * sub-units), delete only when nothing refers to the unit, and a manager per unit. Every id is the
 * caller's organization's; another organization's answers NOT_FOUND like an unknown id.
 * Responses keep the unit they were given at answer time (section 3): a move does not rewrite them.
 */

const MAX_NAME = 200;

async function findUnit(db: EntityManager, organizationId: string, id: string, field = 'id'): Promise<OrgUnitEntity> {
  const unit = isUuid(id) ? await db.findOneBy(OrgUnitEntity, { organizationId, id: id.toLowerCase() }) : null;
  if (!unit) throw notFound('Org unit', field);
  return unit;
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_NAME) throw badInput('name', `Name must be 1 to ${MAX_NAME} characters`);
  return trimmed;
}

const nameTaken = (name: string) => conflict('name', `An org unit named "${name}" already exists`);

export async function renameOrgUnit(ctx: Context, id: string, name: string): Promise<OrgUnitEntity> {
  const organizationId = orgOf(ctx);
  const trimmed = checkName(name);
  const unit = await findUnit(ctx.db, organizationId, id);
  const [{ taken }]: { taken: boolean }[] = await ctx.db.query(
    `SELECT EXISTS (SELECT 1 FROM org_units WHERE organization_id = $1 AND id <> $2 AND lower(name) = lower($3)) AS taken`,
    [organizationId, unit.id, trimmed],
  );
  if (taken) throw nameTaken(trimmed);
  try {
    await ctx.db.update(OrgUnitEntity, { id: unit.id }, { name: trimmed });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(trimmed);
    throw error;
  }
  return ctx.db.findOneByOrFail(OrgUnitEntity, { id: unit.id });
}

/**
 * Moves a unit under another (parentId null: to the top). INVALID_STATE on parentId when the new
 * parent is the unit itself or one of its sub-units: the chart stays a tree. Moves of one
 * organization run one at a time, so two crossing moves cannot make a cycle together.
 */
export async function moveOrgUnit(ctx: Context, id: string, parentId: string | null): Promise<OrgUnitEntity> {
  const organizationId = orgOf(ctx);
  return ctx.db.transaction(async (tx) => {
    await tx.query(`SELECT 1 FROM organizations WHERE id = $1 FOR NO KEY UPDATE`, [organizationId]);
    const unit = await findUnit(tx, organizationId, id);
    const parent = parentId ? await findUnit(tx, organizationId, parentId, 'parentId') : null;
    if (parent) {
      const [{ inside }]: { inside: boolean }[] = await tx.query(
        `WITH RECURSIVE below AS (
           SELECT id FROM org_units WHERE id = $1
           UNION
           SELECT u.id FROM org_units u JOIN below b ON u.parent_id = b.id WHERE u.organization_id = $2
         )
         SELECT EXISTS (SELECT 1 FROM below WHERE id = $3) AS inside`,
        [unit.id, organizationId, parent.id],
      );
      if (inside) throw invalidState('A unit cannot move under itself or one of its own sub-units', 'parentId');
    }
    await tx.update(OrgUnitEntity, { id: unit.id }, { parentId: parent?.id ?? null });
    return tx.findOneByOrFail(OrgUnitEntity, { id: unit.id });
  });
}

/** Every column that refers to org units, found in the catalog, so a table added later counts too. */
async function references(db: EntityManager): Promise<{ table: string; column: string }[]> {
  return db.query(
    `SELECT c.conrelid::regclass::text AS table, a.attname AS column
       FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      WHERE c.contype = 'f' AND c.confrelid = 'org_units'::regclass
      ORDER BY 1, 2`,
  );
}

/**
 * Deletes a unit only when it is empty: no sub-units, and nothing else (users, contacts,
 * employees, answers, wave snapshots, releases, improvements, ...) refers to it; otherwise
 * INVALID_STATE on id, naming what is still there. History is never rewritten by a delete.
 */
export async function deleteOrgUnit(ctx: Context, id: string): Promise<boolean> {
  const organizationId = orgOf(ctx);
  await ctx.db.transaction(async (tx) => {
    await tx.query(`SELECT 1 FROM organizations WHERE id = $1 FOR NO KEY UPDATE`, [organizationId]);
    const unit = await findUnit(tx, organizationId, id);
    const refs = await references(tx);
    const checks = refs.map((r, i) => `SELECT ${i} AS i WHERE EXISTS (SELECT 1 FROM ${quoteIdent(r.table)} WHERE ${quoteIdent(r.column)} = $1)`);
    const used: { i: number }[] = checks.length ? await tx.query(checks.join(' UNION ALL '), [unit.id]) : [];
    if (used.length > 0) {
      const what = [...new Set(used.map((u) => (refs[u.i].table === 'org_units' ? 'sub-units' : refs[u.i].table.replace(/_/g, ' '))))];
      throw invalidState(`Only an empty org unit can be deleted; this one still has ${what.join(', ')}`, 'id');
    }
    await tx.delete(OrgUnitEntity, { id: unit.id });
  });
  return true;
}

const quoteIdent = (name: string) => name.split('.').map((part) => `"${part.replace(/"/g, '""')}"`).join('.');

/** The unit's manager: an active user of the organization, or null to have none. */
export async function setOrgUnitManager(ctx: Context, id: string, userId: string | null): Promise<OrgUnitEntity> {
  const organizationId = orgOf(ctx);
  const unit = await findUnit(ctx.db, organizationId, id);
  if (userId) {
    const rows: unknown[] = isUuid(userId)
      ? await ctx.db.query(`SELECT 1 FROM users WHERE organization_id = $1 AND id = $2 AND active`, [organizationId, userId])
      : [];
    if (rows.length === 0) throw notFound('User', 'userId');
  }
  await ctx.db.update(OrgUnitEntity, { id: unit.id }, { managerId: userId ? userId.toLowerCase() : null });
  return ctx.db.findOneByOrFail(OrgUnitEntity, { id: unit.id });
}
