import { IsNull, type EntityManager } from 'typeorm';
import type { Context, Principal } from '../../kernel/context.js';
import { orgOf, userOf } from '../../kernel/context.js';
import { isUuid } from '../../kernel/batch.js';
import { badInput, notFound } from '../../kernel/errors.js';
import { IDENTIFIED_READERS, hasAnyRole } from '../../kernel/policies.js';
import { subtreeSql } from '../../identity/org-units/subtree.js';
import { NotificationType } from '../../identity/notifications/notification.types.js';
import { NotificationEntity } from '../../identity/notifications/notification.entity.js';
import { settingsOf } from '../../identity/organizations/organization.service.js';
import { takeFollowUp } from '../follow-ups/follow-up.service.js';
import { idFilter } from '../responses/response.service.js';
import { followedBy, type Followed } from './follow.service.js';
import { FeedConnection, FeedItemType, type FeedFilter, type FeedRow } from './feed.types.js';

/**
 * The front-line feed (issue 19): the identified answers (employee answers never live in
 * `responses`) of what the caller follows — their own contacts, the owners, products and org
 * units (with everything below) they chose, and the customers they served — that they may see.
 *
 * Who sees what is the responses' rule (survey/responses): CX, ADMIN and LEADER every answer of
 * the organization, anyone else the answers of the contacts they own; besides, everyone sees the
 * answers of customers they served (a transaction's servedBy), and a FEED user, who owns no book
 * of contacts, the answers of their own org unit and the units below it (their team).
 *
 * Read state is a per-user marker (everything submitted up to read_before is read: "all read" is
 * one upsert) plus a row per answer read after it.
 */

const MAX_PAGE = 100;

/** Who the feed is for: the caller's reach, resolved once per query. */
export interface FeedScope {
  organizationId: string;
  userId: string;
  followed: Followed;
  /** null: every answer of the organization; else the owner, the served-by key and the team's units the caller sees. */
  visible: { owner: string; servedBy: string; team: string[] } | null;
}

export async function feedScopeOf(db: EntityManager, principal: Principal): Promise<FeedScope> {
  const { organizationId, id: userId } = principal;
  const followed = await followedBy(db, organizationId, userId);
  if (hasAnyRole(principal, IDENTIFIED_READERS)) return { organizationId, userId, followed, visible: null };
  let team: string[] = [];
  if (principal.roles.includes('FEED')) {
    const [me]: { org_unit_id: string | null }[] = await db.query(`SELECT org_unit_id FROM users WHERE id = $1 AND organization_id = $2`, [userId, organizationId]);
    if (me?.org_unit_id) team = (await db.query(subtreeSql('$1', '$2'), [organizationId, [me.org_unit_id]])).map((r: { id: string }) => r.id);
  }
  return { organizationId, userId, followed, visible: { owner: userId, servedBy: `user:${userId}`, team } };
}

/** The WHERE of the feed over `responses r`, its parameters appended to `params`. */
export function feedConditions(scope: FeedScope, params: unknown[]): string[] {
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const served = `user:${scope.userId}`;
  const where = [
    `r.organization_id = ${p(scope.organizationId)}`,
    `(r.owner_id = ANY(${p(scope.followed.owners)}::uuid[]) OR r.served_by = ${p(served)} OR r.product = ANY(${p(scope.followed.products)}::text[])` +
      ` OR r.org_unit_id = ANY(${p(scope.followed.units)}::uuid[]))`,
  ];
  if (scope.visible) {
    where.push(`(r.owner_id = ${p(scope.visible.owner)} OR r.served_by = ${p(scope.visible.servedBy)} OR r.org_unit_id = ANY(${p(scope.visible.team)}::uuid[]))`);
  }
  return where;
}

const SELECT = `r.id, r.wave_id, r.contact_id, r.org_unit_id, r.owner_id, r.score, r.category, r.reason, r.suggestion, r.product, r.channel,
  r.touchpoint, r.served_by, r.served_by_name, r.submitted_at,
  to_char(r.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_time`;

function readSql(userParam: string): { join: string; read: string } {
  return {
    join: `LEFT JOIN feed_markers m ON m.user_id = ${userParam} LEFT JOIN feed_reads fr ON fr.user_id = ${userParam} AND fr.response_id = r.id`,
    read: `(coalesce(r.submitted_at <= m.read_before, false) OR fr.response_id IS NOT NULL)`,
  };
}

type Cursor = [string, string];
const encode = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decode(cursor: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string') && !Number.isNaN(Date.parse(value[0])) && isUuid(value[1])) {
      return value as Cursor;
    }
  } catch {
    // fall through
  }
  throw badInput('after', 'The cursor is not valid; pass an endCursor from an earlier page');
}

/** Checks the filter, naming the field; answers its conditions. */
function filterConditions(filter: FeedFilter | null | undefined, params: unknown[], organizationParam: string): string[] {
  const f = filter ?? {};
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where: string[] = [];
  if (f.category) where.push(`r.category = ${p(f.category)}`);
  const units = idFilter(f.orgUnitIds);
  if (units) where.push(units.length ? `r.org_unit_id IN (${subtreeSql(organizationParam, p(units))})` : 'false');
  if (f.products && f.products.length) {
    if (f.products.length > 100) throw badInput('filter.products', 'At most 100 products');
    where.push(`r.product = ANY(${p(f.products.map((x) => x.trim()))}::text[])`);
  }
  if (f.hasComment === true || f.hasComment === false) {
    where.push(`${f.hasComment ? '' : 'NOT '}(coalesce(btrim(r.reason), '') <> '' OR coalesce(btrim(r.suggestion), '') <> '')`);
  }
  return where;
}

/** The feed's rows for a scope: newest first, keyset-paged, with their read state. */
export async function feedRows(
  db: EntityManager,
  scope: FeedScope,
  filter: FeedFilter | null | undefined,
  page: { first: number; after?: string | null; responseId?: string; since?: Date },
): Promise<{ rows: FeedRow[]; totalCount: number; unreadCount: number }> {
  const params: unknown[] = [];
  const where = feedConditions(scope, params);
  where.push(...filterConditions(filter, params, '$1'));
  params.push(scope.userId);
  const { join, read } = readSql(`$${params.length}`);
  if (filter?.unreadOnly) where.push(`NOT ${read}`);
  if (page.responseId) {
    params.push(page.responseId);
    where.push(`r.id = $${params.length}`);
  }
  if (page.since) {
    params.push(page.since);
    where.push(`r.submitted_at > $${params.length}`);
  }
  const countParams = [...params];
  const pageWhere = [...where];
  if (page.after) {
    const [time, id] = decode(page.after);
    params.push(time, id);
    const t = `CAST($${params.length - 1} AS timestamptz)`;
    pageWhere.push(`r.submitted_at <= ${t} AND (r.submitted_at < ${t} OR r.id < $${params.length}::uuid)`);
  }
  params.push(page.first + 1);
  const rows: FeedRow[] = await db.query(
    `SELECT ${SELECT}, ${read} AS read FROM responses r ${join} WHERE ${pageWhere.join(' AND ')}
      ORDER BY r.submitted_at DESC, r.id DESC LIMIT $${params.length}`,
    params,
  );
  if (page.responseId) return { rows, totalCount: rows.length, unreadCount: rows.filter((r) => !r.read).length };
  const [counts]: { total: number; unread: number }[] = await db.query(
    `SELECT count(*)::int AS total, count(*) FILTER (WHERE NOT ${read})::int AS unread FROM responses r ${join} WHERE ${where.join(' AND ')}`,
    countParams,
  );
  return { rows, totalCount: counts.total, unreadCount: counts.unread };
}

/** How many answers of the user's feed submitted since `since` they have not read (the menu's badge). */
export async function feedUnreadCount(db: EntityManager, principal: Principal, since: Date): Promise<number> {
  const scope = await feedScopeOf(db, principal);
  const params: unknown[] = [];
  const where = feedConditions(scope, params);
  params.push(scope.userId);
  const { join, read } = readSql(`$${params.length}`);
  params.push(since);
  const [row]: { unread: number }[] = await db.query(
    `SELECT count(*)::int AS unread FROM responses r ${join} WHERE ${where.join(' AND ')} AND r.submitted_at > $${params.length} AND NOT ${read}`,
    params,
  );
  return row.unread;
}

/** The caller's unread thank-yous, newest first. */
async function unreadThanks(ctx: Context, organizationId: string, userId: string): Promise<NotificationType[]> {
  const rows = await ctx.db.find(NotificationEntity, {
    where: { organizationId, userId, kind: 'THANK_YOU', readAt: IsNull() },
    order: { createdAt: 'DESC' },
    take: 5,
  });
  return rows.map(NotificationType.from);
}

/** feed(filter, first, after): the caller's feed. */
export async function feed(ctx: Context, filter: FeedFilter | null | undefined, first: number | null | undefined, after: string | null | undefined): Promise<FeedConnection> {
  const organizationId = orgOf(ctx);
  const user = userOf(ctx);
  const size = first ?? 20;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE) throw badInput('first', `first must be from 1 to ${MAX_PAGE}`);
  const scope = await feedScopeOf(ctx.db, user);
  const { rows, totalCount, unreadCount } = await feedRows(ctx.db, scope, filter, { first: size, after });
  const edges = rows.slice(0, size).map((row) => ({ cursor: encode([row.cursor_time, row.id]), node: FeedItemType.from(row, user.id) }));
  return Object.assign(new FeedConnection(), {
    edges,
    pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
    unreadCount,
    thanks: after ? [] : await unreadThanks(ctx, organizationId, user.id),
  });
}

/** One answer as the caller's feed shows it, or null when it is not in their feed. */
export async function feedItem(ctx: Context, responseId: string): Promise<FeedItemType | null> {
  const user = userOf(ctx);
  if (!isUuid(responseId)) return null;
  const scope = await feedScopeOf(ctx.db, user);
  const { rows } = await feedRows(ctx.db, scope, null, { first: 1, responseId });
  return rows[0] ? FeedItemType.from(rows[0], user.id) : null;
}

/**
 * Marks answers of the caller's feed read: the ids (each must be in the caller's feed, else
 * NOT_FOUND naming ids and nothing is marked), or all: everything up to now. Answers how many were
 * unread and are read now.
 */
export async function markFeedRead(ctx: Context, ids: string[] | null | undefined, all: boolean | null | undefined): Promise<number> {
  const organizationId = orgOf(ctx);
  const user = userOf(ctx);
  const now = ctx.app.now();
  const scope = await feedScopeOf(ctx.db, user);
  if (all) {
    if (ids?.length) throw badInput('ids', 'Give ids or all: true, not both');
    const { unreadCount } = await feedRows(ctx.db, scope, { unreadOnly: true }, { first: 0 });
    await ctx.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO feed_markers (user_id, organization_id, read_before) VALUES ($1, $2, $3)
         ON CONFLICT (user_id) DO UPDATE SET read_before = GREATEST(feed_markers.read_before, EXCLUDED.read_before)`,
        [user.id, organizationId, now],
      );
      // The marker covers them now: the per-answer rows before it are of no more use.
      await tx.query(`DELETE FROM feed_reads fr USING responses r WHERE fr.user_id = $1 AND r.id = fr.response_id AND r.submitted_at <= $2`, [user.id, now]);
    });
    return unreadCount;
  }
  if (!ids || ids.length === 0) throw badInput('ids', 'Give the ids of the answers to mark read, or all: true');
  if (ids.length > 500) throw badInput('ids', 'At most 500 ids at a time');
  const unique = [...new Set(ids.map((id) => id.toLowerCase()))];
  if (!unique.every(isUuid)) throw notFound('Feed item', 'ids');
  const params: unknown[] = [];
  const where = feedConditions(scope, params);
  params.push(unique, user.id);
  const { join, read } = readSql(`$${params.length}`);
  const rows: { id: string; read: boolean }[] = await ctx.db.query(
    `SELECT r.id, ${read} AS read FROM responses r ${join} WHERE ${where.join(' AND ')} AND r.id = ANY($${params.length - 1}::uuid[])`,
    params,
  );
  if (rows.length !== unique.length) throw notFound('Feed item', 'ids');
  const unread = rows.filter((r) => !r.read).map((r) => r.id);
  if (unread.length) {
    await ctx.db.query(
      `INSERT INTO feed_reads (user_id, response_id, organization_id, read_at) SELECT $1, id, $2, $3 FROM unnest($4::uuid[]) AS t(id) ON CONFLICT DO NOTHING`,
      [user.id, organizationId, now, unread],
    );
  }
  return unread.length;
}

/**
 * "Contact this customer": the answer (in the caller's feed, else NOT_FOUND naming responseId)
 * gets a follow-up owned by the caller, opened or assigned by the follow-ups' own service.
 * Answers the item, with its follow-up.
 */
export async function contactCustomer(ctx: Context, responseId: string): Promise<FeedItemType> {
  const item = await feedItem(ctx, responseId.toLowerCase());
  if (!item) throw notFound('Response', 'responseId');
  const { followUpSlaHours } = await settingsOf(ctx);
  await takeFollowUp(ctx, item.id, followUpSlaHours);
  return item;
}
