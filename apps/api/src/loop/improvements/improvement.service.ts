import type { EntityManager } from 'typeorm';
import type { Context } from '../../kernel/context.js';
import { orgOf, userOf } from '../../kernel/context.js';
import { isUuid } from '../../kernel/batch.js';
import { paginate, searchPattern, type Connection, type PageArgs } from '../../kernel/connection.js';
import { badInput, invalidState, notFound } from '../../kernel/errors.js';
import type { ImprovementStatus } from './improvement.enums.js';
import { subtreeSql } from '../../identity/org-units/subtree.js';
import { publish } from '../../platform/events/outbox.js';
import { idFilter } from '../../survey/responses/response.service.js';
import { assertMayEdit } from './improvement-access.js';
import { validTranslations } from '../../survey/waves/respondent-language.js';
import { checkLinks, insertLinks, type LinkInput } from './improvement-links.js';
import { mayMove, NEXT_STATUSES, OPEN_STATUSES } from './improvement-status.js';
import { ImprovementEntity, ImprovementEventEntity } from './improvement.entity.js';
import { ImprovementType, type CreateImprovementInput, type ImprovementFilter, type UpdateImprovementInput } from './improvement.types.js';

export const MAX_TITLE = 200;
export const MAX_DESCRIPTION = 5000;
export const MAX_NOTE = 2000;

const today = (ctx: Context) => ctx.app.now().toISOString().slice(0, 10);

/**
 * The SQL of "improvement i is linked to one of the waves $x": as a wave (improvement_waves), or
 * through a linked response or follow-up of the wave. The same rule counts a wave's stage 4 and
 * fills its "you said, we did" page.
 */
export const linkedToWavesSql = (improvement: string, waves: string) => `(
  EXISTS (SELECT 1 FROM improvement_waves lw WHERE lw.improvement_id = ${improvement} AND lw.wave_id = ANY(${waves}::uuid[]))
  OR EXISTS (SELECT 1 FROM improvement_responses lr JOIN responses rr ON rr.id = lr.response_id
              WHERE lr.improvement_id = ${improvement} AND rr.wave_id = ANY(${waves}::uuid[]))
  OR EXISTS (SELECT 1 FROM improvement_follow_ups lf JOIN follow_ups ff ON ff.id = lf.follow_up_id
              WHERE lf.improvement_id = ${improvement} AND ff.wave_id = ANY(${waves}::uuid[])))`;

/**
 * (improvement_id, wave_id) pairs of the waves $waves: the same links as linkedToWavesSql, as rows,
 * for counting per wave in one grouped statement.
 */
export const waveLinksSql = (org: string, waves: string) => `
  SELECT lw.improvement_id, lw.wave_id FROM improvement_waves lw WHERE lw.wave_id = ANY(${waves}::uuid[])
  UNION
  SELECT lr.improvement_id, rr.wave_id FROM improvement_responses lr JOIN responses rr ON rr.id = lr.response_id
   WHERE rr.organization_id = ${org} AND rr.wave_id = ANY(${waves}::uuid[])
  UNION
  SELECT lf.improvement_id, ff.wave_id FROM improvement_follow_ups lf JOIN follow_ups ff ON ff.id = lf.follow_up_id
   WHERE ff.organization_id = ${org} AND ff.wave_id = ANY(${waves}::uuid[])`;

/** The organization's improvements, newest first; every reader sees all of them (links are filtered per caller). */
export async function listImprovements(ctx: Context, filter: ImprovementFilter | null | undefined, page: PageArgs): Promise<Connection<ImprovementType>> {
  const organizationId = orgOf(ctx);
  const f = filter ?? {};
  const now = ctx.app.now();
  const qb = ctx.db.createQueryBuilder(ImprovementEntity, 'i').where('i.organization_id = :organizationId', { organizationId });
  if (f.status) qb.andWhere('i.status = :status', { status: f.status });
  if (f.audience) qb.andWhere('i.audience = :audience', { audience: f.audience });
  const owners = idFilter(f.ownerIds);
  if (owners) qb.andWhere(owners.length ? 'i.owner_id = ANY(:owners)' : 'false', { owners });
  const themes = idFilter(f.themeIds);
  if (themes) qb.andWhere(themes.length ? 'EXISTS (SELECT 1 FROM improvement_themes t WHERE t.improvement_id = i.id AND t.theme_id = ANY(:themes))' : 'false', { themes });
  const waves = idFilter(f.waveIds);
  if (waves) qb.andWhere(waves.length ? linkedToWavesSql('i.id', ':waves') : 'false', { waves });
  const units = idFilter(f.orgUnitIds);
  if (units) qb.andWhere(units.length ? `i.org_unit_id IN (${subtreeSql(':organizationId', ':units')})` : 'false', { units });
  const search = searchPattern(f.search);
  if (search) {
    qb.andWhere(`(i.title ILIKE :search OR i.description ILIKE :search OR EXISTS (SELECT 1 FROM jsonb_each_text(i.title_translations) t WHERE t.value ILIKE :search))`, { search });
  }
  if (f.overdue === true) qb.andWhere('i.due_date < :today AND i.status IN (:...open)', { today: today(ctx), open: OPEN_STATUSES });
  if (f.overdue === false) qb.andWhere('(i.due_date IS NULL OR i.due_date >= :today OR i.status NOT IN (:...open))', { today: today(ctx), open: OPEN_STATUSES });
  return paginate(qb, page, { alias: 'i', time: 'createdAt' }, (row) => ImprovementType.from(row, now));
}

export async function getImprovement(ctx: Context, id: string): Promise<ImprovementType | null> {
  const organizationId = orgOf(ctx);
  if (!isUuid(id)) return null;
  const row = await ctx.db.findOneBy(ImprovementEntity, { id, organizationId });
  return row ? ImprovementType.from(row, ctx.app.now()) : null;
}

function checkTitle(title: string, field: string): string {
  const trimmed = title.trim();
  if (trimmed.length === 0 || [...trimmed].length > MAX_TITLE) throw badInput(field, `A title must be 1 to ${MAX_TITLE} characters`);
  return trimmed;
}

function checkTranslations(rows: { language: string; text: string }[] | null | undefined): Record<string, string> {
  return validTranslations(rows ?? [], MAX_TITLE, (message) => badInput('input.titleTranslations', message));
}

function checkDescription(description: string | null | undefined, field: string): string | null {
  const trimmed = description?.trim() ?? '';
  if ([...trimmed].length > MAX_DESCRIPTION) throw badInput(field, `A description must be at most ${MAX_DESCRIPTION.toLocaleString('en')} characters`);
  return trimmed.length ? trimmed : null;
}

function checkNote(note: string | null | undefined): string | null {
  const trimmed = note?.trim() ?? '';
  if ([...trimmed].length > MAX_NOTE) throw badInput('note', `A note must be at most ${MAX_NOTE.toLocaleString('en')} characters`);
  return trimmed.length ? trimmed : null;
}

/** A user of the organization (any role, active), for an owner. */
async function checkOwner(db: EntityManager, organizationId: string, id: string, field: string): Promise<string> {
  if (!isUuid(id)) throw notFound('User', field);
  const [row] = await db.query(`SELECT id FROM users WHERE organization_id = $1 AND id = $2 AND active`, [organizationId, id]);
  if (!row) throw notFound('User', field);
  return id;
}

async function checkOrgUnit(db: EntityManager, organizationId: string, id: string, field: string): Promise<string> {
  if (!isUuid(id)) throw notFound('Org unit', field);
  const [row] = await db.query(`SELECT id FROM org_units WHERE organization_id = $1 AND id = $2`, [organizationId, id]);
  if (!row) throw notFound('Org unit', field);
  return id;
}

const dayOf = (date: Date) => date.toISOString().slice(0, 10);

export interface NewImprovement {
  title: string;
  titleTranslations?: Record<string, string>;
  description: string | null;
  ownerId: string | null;
  orgUnitId: string | null;
  audience: CreateImprovementInput['audience'];
  dueDate: string | null;
}

/** Inserts an improvement with its creation event (null → PROPOSED) and its links, inside the caller's transaction. */
export async function insertImprovement(tx: EntityManager, ctx: Context, organizationId: string, fields: NewImprovement, links: Awaited<ReturnType<typeof checkLinks>>): Promise<ImprovementEntity> {
  const by = userOf(ctx).id;
  const now = ctx.app.now();
  const { identifiers } = await tx.insert(ImprovementEntity, {
    ...fields,
    audience: fields.audience ?? null,
    organizationId,
    status: 'PROPOSED',
    createdBy: by,
    createdAt: now,
    updatedAt: now,
  });
  const id = identifiers[0].id as string;
  await tx.insert(ImprovementEventEntity, { improvementId: id, organizationId, fromStatus: null, toStatus: 'PROPOSED', note: null, byId: by, at: now });
  await insertLinks(tx, id, links);
  return (await tx.findOneByOrFail(ImprovementEntity, { id }));
}

/** Logs an improvement (PROPOSED) with the feedback that motivated it. Every field is checked before anything is written. */
export async function createImprovement(ctx: Context, input: CreateImprovementInput): Promise<ImprovementType> {
  const organizationId = orgOf(ctx);
  const user = userOf(ctx);
  const title = checkTitle(input.title, 'input.title');
  const description = checkDescription(input.description, 'input.description');
  const titleTranslations = checkTranslations(input.titleTranslations);
  const row = await ctx.db.transaction(async (tx) => {
    const ownerId = input.ownerId ? await checkOwner(tx, organizationId, input.ownerId, 'input.ownerId') : user.id;
    const orgUnitId = input.orgUnitId ? await checkOrgUnit(tx, organizationId, input.orgUnitId, 'input.orgUnitId') : null;
    const links = await checkLinks(tx, ctx, organizationId, input, 'input');
    const dueDate = input.dueDate ? dayOf(input.dueDate) : null;
    return insertImprovement(tx, ctx, organizationId, { title, titleTranslations, description, ownerId, orgUnitId, audience: input.audience ?? null, dueDate }, links);
  });
  ctx.logger.info({ event: 'improvement.created', improvementId: row.id }, 'improvement created');
  return ImprovementType.from(row, ctx.app.now());
}

/** Locks and returns the organization's improvement the caller may edit, or throws NOT_FOUND / FORBIDDEN. */
async function editable(tx: EntityManager, ctx: Context, id: string, field = 'id'): Promise<ImprovementEntity> {
  if (!isUuid(id)) throw notFound('Improvement', field);
  const row = await tx
    .createQueryBuilder(ImprovementEntity, 'i')
    .setLock('pessimistic_write')
    .where('i.id = :id AND i.organization_id = :organizationId', { id, organizationId: orgOf(ctx) })
    .getOne();
  if (!row) throw notFound('Improvement', field);
  assertMayEdit(ctx, row);
  return row;
}

/** Edits the fields of an improvement (not its status: setImprovementStatus). Left out: unchanged; null: cleared. */
export async function updateImprovement(ctx: Context, id: string, input: UpdateImprovementInput): Promise<ImprovementType> {
  const organizationId = orgOf(ctx);
  const changes: Partial<ImprovementEntity> = {};
  if (input.title !== undefined) {
    if (input.title === null) throw badInput('input.title', 'An improvement needs a title');
    changes.title = checkTitle(input.title, 'input.title');
  }
  if (input.titleTranslations !== undefined) changes.titleTranslations = checkTranslations(input.titleTranslations);
  if (input.description !== undefined) changes.description = checkDescription(input.description, 'input.description');
  if (input.audience !== undefined) changes.audience = input.audience;
  if (input.dueDate !== undefined) changes.dueDate = input.dueDate ? dayOf(input.dueDate) : null;
  const row = await ctx.db.transaction(async (tx) => {
    const current = await editable(tx, ctx, id);
    if (input.ownerId !== undefined) changes.ownerId = input.ownerId ? await checkOwner(tx, organizationId, input.ownerId, 'input.ownerId') : null;
    if (input.orgUnitId !== undefined) changes.orgUnitId = input.orgUnitId ? await checkOrgUnit(tx, organizationId, input.orgUnitId, 'input.orgUnitId') : null;
    if (Object.keys(changes).length === 0) throw badInput('input', 'Give at least one field to change');
    await tx.update(ImprovementEntity, { id: current.id }, { ...changes, updatedAt: ctx.app.now() });
    return tx.findOneByOrFail(ImprovementEntity, { id: current.id });
  });
  return ImprovementType.from(row, ctx.app.now());
}

/**
 * Moves an improvement one step along its life (improvement-status.ts) and records the change with
 * who, when and the note. A move the state machine does not allow is INVALID_STATE naming `status`,
 * and nothing changes. The first time it reaches IMPLEMENTED, implementedAt is set: the effect
 * compares the periods before and after that moment.
 */
export async function setImprovementStatus(ctx: Context, id: string, status: ImprovementStatus, note: string | null | undefined): Promise<ImprovementType> {
  const organizationId = orgOf(ctx);
  const by = userOf(ctx).id;
  const text = checkNote(note);
  const now = ctx.app.now();
  const row = await ctx.db.transaction(async (tx) => {
    const current = await editable(tx, ctx, id);
    if (!mayMove(current.status, status)) {
      const allowed = NEXT_STATUSES[current.status];
      throw invalidState(
        `An improvement cannot move from ${current.status} to ${status}` + (allowed.length ? `; from ${current.status} it may move to ${allowed.join(' or ')}` : `: ${current.status} is final`),
        'status',
      );
    }
    const implementedAt = status === 'IMPLEMENTED' ? (current.implementedAt ?? now) : current.implementedAt;
    await tx.update(ImprovementEntity, { id: current.id }, { status, implementedAt, updatedAt: now });
    await tx.insert(ImprovementEventEntity, { improvementId: current.id, organizationId, fromStatus: current.status, toStatus: status, note: text, byId: by, at: now });
    await publish(tx, { type: 'improvement.status_changed', organizationId, payload: { improvementId: current.id, from: current.status, to: status } });
    return tx.findOneByOrFail(ImprovementEntity, { id: current.id });
  });
  ctx.logger.info({ event: 'improvement.status_changed', improvementId: row.id, status }, 'improvement status changed');
  return ImprovementType.from(row, now);
}

/** Adds links to the feedback behind an improvement; links already there stay. All checked first, in one transaction. */
export async function linkFeedback(ctx: Context, improvementId: string, links: LinkInput): Promise<ImprovementType> {
  const organizationId = orgOf(ctx);
  const row = await ctx.db.transaction(async (tx) => {
    const current = await editable(tx, ctx, improvementId, 'improvementId');
    const checked = await checkLinks(tx, ctx, organizationId, links, '');
    const total = checked.responseIds.length + checked.followUpIds.length + checked.themeIds.length + checked.waves.length;
    if (total === 0) throw badInput('responseIds', 'Give at least one response, follow-up, theme or wave to link');
    await insertLinks(tx, current.id, checked);
    await tx.update(ImprovementEntity, { id: current.id }, { updatedAt: ctx.app.now() });
    return current;
  });
  return ImprovementType.from(row, ctx.app.now());
}
