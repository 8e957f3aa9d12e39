import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Context } from '../../kernel/context.js';
import { orgOf } from '../../kernel/context.js';
import { isUuid } from '../../kernel/batch.js';
import { paginate, type Connection, type PageArgs } from '../../kernel/connection.js';
import { badInput } from '../../kernel/errors.js';
import { ownScopeOf } from '../../kernel/scope.js';
import { ResponseEntity } from './response.entity.js';
import { ResponseType, type ResponseFilter } from './response.types.js';
import { IDENTIFIED_READERS } from '../../kernel/policies.js';

const DAY_MS = 24 * 3600_000;

/**
 * An id-list filter: null when absent or empty (no restriction), else its uuids. Ids that are not
 * uuids match nothing, so a list of only such ids leaves an empty list (no rows).
 */
export function idFilter(ids: string[] | null | undefined): string[] | null {
  if (!ids || ids.length === 0) return null;
  return [...new Set(ids.filter(isUuid))];
}

/** [from, to) of a filter's days, UTC; `to` is inclusive, so its next midnight is the bound. */
export function dayRange(from: Date | null | undefined, to: Date | null | undefined, field = 'filter.to'): { from: Date | null; until: Date | null } {
  if (from && to && to.getTime() < from.getTime()) throw badInput(field, '"to" must not be before "from"');
  return { from: from ?? null, until: to ? new Date(to.getTime() + DAY_MS) : null };
}

/**
 * The organization's identified responses, newest first (or oldest first), optionally only those
 * changed since a moment (an integrator's incremental sync). CX, ADMIN, LEADER and API clients with
 * responses:read see all; a MANAGER only those they owned when they were given.
 */
export async function listResponses(ctx: Context, filter: ResponseFilter | null | undefined, page: PageArgs): Promise<Connection<ResponseType>> {
  const qb = responsesQuery(ctx.db, orgOf(ctx), ownScopeOf(ctx, IDENTIFIED_READERS), filter);
  return paginate(qb, page, { alias: 'r', time: 'submittedAt' }, ResponseType.from);
}

/**
 * The responses a filter selects (alias `r`), of an organization, only `own`'s when given (a
 * manager): the list's query, and an export's. Checks the filter (BAD_USER_INPUT naming the field).
 */
export function responsesQuery(db: EntityManager, organizationId: string, own: string | null, filter: ResponseFilter | null | undefined): SelectQueryBuilder<ResponseEntity> {
  const f = filter ?? {};
  const { from, until } = dayRange(f.from, f.to);
  const qb = db.createQueryBuilder(ResponseEntity, 'r').where('r.organization_id = :organizationId', { organizationId });
  if (own) qb.andWhere('r.owner_id = :own', { own });
  const lists = { wave_id: idFilter(f.waveIds), owner_id: idFilter(f.ownerIds), org_unit_id: idFilter(f.orgUnitIds) };
  for (const [column, ids] of Object.entries(lists)) {
    if (ids) qb.andWhere(ids.length ? `r.${column} = ANY(:${column})` : 'false', { [column]: ids });
  }
  if (f.audience) qb.andWhere('r.audience = :audience', { audience: f.audience });
  if (f.category) qb.andWhere('r.category = :category', { category: f.category });
  if (from) qb.andWhere('r.submitted_at >= :from', { from });
  if (until) qb.andWhere('r.submitted_at < :until', { until });
  const themeIds = idFilter(f.themeIds);
  if (themeIds) {
    qb.andWhere(
      themeIds.length
        ? `EXISTS (SELECT 1 FROM response_themes rt WHERE rt.response_id = r.id AND rt.organization_id = r.organization_id AND rt.status = 'ACCEPTED' AND rt.theme_id = ANY(:themeIds))`
        : 'false',
      { themeIds },
    );
  }
  if (f.untagged === true || f.untagged === false) {
    qb.andWhere(`${f.untagged ? 'NOT ' : ''}EXISTS (SELECT 1 FROM response_themes rt WHERE rt.response_id = r.id AND rt.organization_id = r.organization_id AND rt.status = 'ACCEPTED')`);
  }
  if (f.updatedSince) {
    qb.andWhere(
      `(r.updated_at >= :updatedSince OR EXISTS (SELECT 1 FROM response_touches t WHERE t.response_id = r.id AND t.touched_at >= :updatedSince))`,
      { updatedSince: f.updatedSince },
    );
  }
  if (f.hasComment === true || f.hasComment === false) {
    qb.andWhere(`${f.hasComment ? '' : 'NOT '}(coalesce(btrim(r.reason), '') <> '' OR coalesce(btrim(r.suggestion), '') <> '')`);
  }
  return qb;
}


/**
 * An erasure (survey/privacy): the contact's answers keep their score, category, wave, unit and
 * segments, so every aggregate stays as it was, and lose their words (reason, suggestion), which
 * may name the person. Answers the responses' ids.
 */
export async function eraseWordsOf(tx: EntityManager, organizationId: string, contactId: string): Promise<string[]> {
  const rows: { id: string }[] = await tx.query(`SELECT id FROM responses WHERE organization_id = $1 AND contact_id = $2`, [organizationId, contactId]);
  if (rows.length) {
    await tx.query(`UPDATE responses SET reason = NULL, suggestion = NULL WHERE organization_id = $1 AND id = ANY($2::uuid[])`, [organizationId, rows.map((r) => r.id)]);
  }
  return rows.map((r) => r.id);
}
