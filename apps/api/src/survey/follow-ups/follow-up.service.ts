import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Context } from '../../kernel/context.js';
import { orgOf, userOf } from '../../kernel/context.js';
import { isUuid } from '../../kernel/batch.js';
import { searchPattern, paginate, type Connection, type PageArgs } from '../../kernel/connection.js';
import { badInput, invalidState, notFound } from '../../kernel/errors.js';
import { ownScopeOf } from '../../kernel/scope.js';
import { idFilter } from '../responses/response.service.js';
import { FollowUpEntity, FollowUpNoteEntity, type FollowUpStatus } from './follow-up.entity.js';
import { FollowUpType, type FollowUpFilter, type FollowUpUpdateInput } from './follow-up.types.js';
import { FEEDBACK_OWNERS_OF_ALL, IDENTIFIED_READERS } from '../../kernel/policies.js';
import { publish } from '../../platform/events/outbox.js';

export const MAX_NOTE_LENGTH = 5000;

/** Follow-ups only move forward: OPEN → CONTACTED → RESOLVED, or OPEN → RESOLVED directly. */
const RANK: Record<FollowUpStatus, number> = { OPEN: 0, CONTACTED: 1, RESOLVED: 2 };

/**
 * Follow-ups, newest first (or oldest first), optionally only those changed since a moment. A MANAGER sees their own (their inbox); CX, ADMIN and LEADER (read-only)
 * see the whole organization's.
 */
export async function listFollowUps(ctx: Context, filter: FollowUpFilter | null | undefined, page: PageArgs): Promise<Connection<FollowUpType>> {
  const now = ctx.app.now();
  const qb = followUpsQuery(ctx.db, orgOf(ctx), ownScopeOf(ctx, IDENTIFIED_READERS), filter, now);
  return paginate(qb, page, { alias: 'f', time: 'createdAt' }, (row) => FollowUpType.from(row, now));
}

/** The follow-ups a filter selects (alias `f`), of an organization, only `own`'s when given: the list's query, and an export's. */
export function followUpsQuery(db: EntityManager, organizationId: string, own: string | null, filter: FollowUpFilter | null | undefined, now: Date): SelectQueryBuilder<FollowUpEntity> {
  const f = filter ?? {};
  const qb = db.createQueryBuilder(FollowUpEntity, 'f').where('f.organization_id = :organizationId', { organizationId });
  if (own) qb.andWhere('f.owner_id = :own', { own });
  const lists = { owner_id: idFilter(f.ownerIds), wave_id: idFilter(f.waveIds) };
  for (const [column, ids] of Object.entries(lists)) {
    if (ids) qb.andWhere(ids.length ? `f.${column} = ANY(:${column})` : 'false', { [column]: ids });
  }
  if (f.status) qb.andWhere('f.status = :status', { status: f.status });
  const search = searchPattern(f.search);
  if (search) {
    qb.andWhere(
      `EXISTS (SELECT 1 FROM responses sr LEFT JOIN contacts sc ON sc.id = sr.contact_id
                WHERE sr.id = f.response_id AND (sc.name ILIKE :search OR sc.email ILIKE :search OR sr.reason ILIKE :search))`,
      { search },
    );
  }
  if (f.overdue === true) qb.andWhere(`f.status <> 'RESOLVED' AND f.due_at < :now`, { now });
  if (f.overdue === false) qb.andWhere(`(f.status = 'RESOLVED' OR f.due_at >= :now)`, { now });
  if (f.escalated === true) qb.andWhere('f.escalated_at IS NOT NULL');
  if (f.escalated === false) qb.andWhere('f.escalated_at IS NULL');
  if (f.updatedSince) qb.andWhere('f.updated_at >= :updatedSince', { updatedSince: f.updatedSince });
  return qb;
}

/** One follow-up: the owner's own (a MANAGER), or any of the organization's for CX, ADMIN, LEADER. */
export async function getFollowUp(ctx: Context, id: string): Promise<FollowUpType | null> {
  const organizationId = orgOf(ctx);
  if (!isUuid(id)) return null;
  const row = await ctx.db.findOneBy(FollowUpEntity, { id, organizationId });
  const own = ownScopeOf(ctx, IDENTIFIED_READERS);
  if (!row || (own && row.ownerId !== own)) return null;
  return FollowUpType.from(row, ctx.app.now());
}

function checkNote(note: string | null | undefined): string | null {
  if (note === null || note === undefined) return null;
  const trimmed = note.trim();
  if (trimmed.length === 0 || [...trimmed].length > MAX_NOTE_LENGTH) {
    throw badInput('input.note', `A note must be 1 to ${MAX_NOTE_LENGTH.toLocaleString('en')} characters`);
  }
  return trimmed;
}

/** Who writes a note: a user, or an integrator's API client (scope responses:write). */
function authorOf(ctx: Context): Pick<FollowUpNoteEntity, 'authorId' | 'apiClientId'> {
  if (ctx.principal?.kind === 'api') return { authorId: null, apiClientId: ctx.principal.id };
  return { authorId: userOf(ctx).id, apiClientId: null };
}

/**
 * Moves a follow-up forward and/or appends a note. The owner (a MANAGER) or CX/ADMIN; another
 * manager's follow-up is NOT_FOUND, like another organization's. Going backwards is INVALID_STATE.
 */
export async function updateFollowUp(ctx: Context, id: string, input: FollowUpUpdateInput): Promise<FollowUpType> {
  const organizationId = orgOf(ctx);
  const author = authorOf(ctx);
  const status = input.status ?? null;
  const note = checkNote(input.note);
  if (status === null && note === null) throw badInput('input', 'Give a status, a note, or both');
  if (!isUuid(id)) throw notFound('Follow-up');
  const own = ownScopeOf(ctx, FEEDBACK_OWNERS_OF_ALL);
  const now = ctx.app.now();
  const updated = await ctx.db.transaction(async (tx) => {
    const row = await tx
      .createQueryBuilder(FollowUpEntity, 'f')
      .setLock('pessimistic_write')
      .where('f.id = :id AND f.organization_id = :organizationId', { id, organizationId })
      .getOne();
    if (!row || (own && row.ownerId !== own)) throw notFound('Follow-up');
    if (status && RANK[status] < RANK[row.status]) {
      throw invalidState(`A follow-up cannot go back from ${row.status} to ${status}`, 'input.status');
    }
    if (status && status !== row.status) {
      row.status = status;
      // Resolving directly still means the contact was reached.
      row.contactedAt ??= now;
      if (status === 'RESOLVED') row.resolvedAt = now;
      await tx.update(FollowUpEntity, { id: row.id }, { status: row.status, contactedAt: row.contactedAt, resolvedAt: row.resolvedAt });
      if (status === 'RESOLVED') await publish(tx, { type: 'followup.resolved', organizationId, payload: { followUpId: row.id, ownerId: row.ownerId } });
    }
    if (note) await tx.insert(FollowUpNoteEntity, { followUpId: row.id, ...author, text: note, createdAt: now });
    return row;
  });
  ctx.logger.info({ event: 'followup.updated', followUpId: updated.id, status: updated.status, note: note !== null }, 'follow-up updated');
  return FollowUpType.from(updated, now);
}

/**
 * An erasure (survey/privacy): the follow-ups of these responses keep their status and times (the
 * SLA figures stay right) and lose their notes. Answers the follow-ups' ids.
 */
export async function eraseNotesOf(tx: EntityManager, organizationId: string, responseIds: string[]): Promise<string[]> {
  if (responseIds.length === 0) return [];
  const rows: { id: string }[] = await tx.query(`SELECT id FROM follow_ups WHERE organization_id = $1 AND response_id = ANY($2::uuid[])`, [organizationId, responseIds]);
  if (rows.length) await tx.query(`DELETE FROM follow_up_notes WHERE follow_up_id = ANY($1::uuid[])`, [rows.map((r) => r.id)]);
  return rows.map((r) => r.id);
}

/**
 * "Contact this customer" (the front-line feed): the answer's follow-up becomes the caller's. An
 * answer without one (a passive or promoter, whose answer opened none) gets one, OPEN, due after
 * the organization's SLA, announced like a detractor's (followup.created: the SLA check is
 * scheduled); an existing one is assigned to the caller, whatever its status. Whether the caller
 * may see the answer is the caller's (the feed's) to check first. Answers the follow-up's id.
 */
export async function takeFollowUp(ctx: Context, responseId: string, slaHours: number): Promise<string> {
  const organizationId = orgOf(ctx);
  const user = userOf(ctx);
  const now = ctx.app.now();
  const row = await ctx.db.transaction(async (tx) => {
    // The answer is locked so two clicks at once open one follow-up.
    const [response]: { id: string; wave_id: string }[] = await tx.query(
      `SELECT id, wave_id FROM responses WHERE id = $1 AND organization_id = $2 FOR UPDATE`,
      [responseId, organizationId],
    );
    if (!response) throw notFound('Response', 'responseId');
    const existing = await tx.findOneBy(FollowUpEntity, { responseId, organizationId });
    if (existing) {
      if (existing.ownerId !== user.id) {
        await tx.update(FollowUpEntity, { id: existing.id }, { ownerId: user.id });
        existing.ownerId = user.id;
      }
      return existing;
    }
    const dueAt = new Date(now.getTime() + slaHours * 3600_000);
    const created = await tx.save(
      tx.create(FollowUpEntity, { organizationId, responseId, waveId: response.wave_id, ownerId: user.id, status: 'OPEN', dueAt, createdAt: now }),
    );
    await publish(tx, {
      type: 'followup.created',
      organizationId,
      payload: { followUpId: created.id, responseId, waveId: response.wave_id, ownerId: user.id, dueAt: dueAt.toISOString() },
    });
    return created;
  });
  ctx.loaders.followUpByResponse.clear(responseId);
  ctx.logger.info({ event: 'followup.taken', followUpId: row.id, responseId }, 'follow-up taken from the feed');
  return row.id;
}
