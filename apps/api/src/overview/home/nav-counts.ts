import { Field, Int, ObjectType } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import { orgOf, type Context, type Principal } from '../../kernel/context.js';
import { ownScopeOf } from '../../kernel/scope.js';
import type { Role } from '../../identity/users/user.entity.js';
import { feedUnreadCount } from '../../survey/feed/feed.service.js';

/**
 * What waits for the caller, as counts on the menu items (issue 15, item 4). Each count is ONE
 * grouped SQL statement (the feed's: its follows read first), whatever the number of rows behind it; a caller gets only the counts of
 * their roles. A feature that wants a badge adds one entry to NAV_COUNTS, nothing else: the web
 * app shows every count on the menu item it names.
 */

@ObjectType('NavCount', { description: 'A number of things waiting, shown as a badge on a menu item' })
export class NavCount {
  @Field(() => String, { description: "The web app's menu item (route name): follow-ups, themes, organization, ..." })
  item: string;

  @Field(() => Int)
  count: number;

  @Field(() => Int, { description: 'Of count, how many are late (overdue follow-ups, ...); 0 when lateness does not apply' })
  urgent: number;
}

interface Scope {
  organizationId: string;
  principal: Principal;
  /** A manager's own id when the count is limited to what they own; null for the whole organization. */
  own: string | null;
  now: Date;
}

interface NavCountSource {
  item: string;
  roles: readonly Role[];
  /** Which roles see the whole organization; others (managers) see only their own. */
  seeAll: Role[];
  /** One statement answering { count, urgent }. */
  count(db: EntityManager, scope: Scope): Promise<{ count: number; urgent: number }>;
}

const one = async (db: EntityManager, sql: string, params: unknown[]) => {
  const [row]: { count: number; urgent: number }[] = await db.query(sql, params);
  return row;
};

export const NAV_COUNTS: readonly NavCountSource[] = [
  {
    // Detractors waiting for a first reaction (not yet contacted), and of them the overdue.
    item: 'follow-ups',
    roles: ['MANAGER', 'CX', 'ADMIN'],
    seeAll: ['ADMIN', 'CX'],
    count: (db, s) =>
      one(
        db,
        `SELECT count(*)::int AS count, count(*) FILTER (WHERE due_at < $3)::int AS urgent
           FROM follow_ups WHERE organization_id = $1 AND status = 'OPEN' AND ($2::uuid IS NULL OR owner_id = $2::uuid)`,
        [s.organizationId, s.own, s.now],
      ),
  },
  {
    // The tagging queue: identified answers with a comment and no accepted theme.
    item: 'themes',
    roles: ['CX', 'ADMIN', 'MANAGER'],
    seeAll: ['ADMIN', 'CX'],
    count: (db, s) =>
      one(
        db,
        `SELECT count(*)::int AS count, 0 AS urgent
           FROM responses r
          WHERE r.organization_id = $1 AND ($2::uuid IS NULL OR r.owner_id = $2::uuid)
            AND (coalesce(btrim(r.reason), '') <> '' OR coalesce(btrim(r.suggestion), '') <> '')
            AND NOT EXISTS (SELECT 1 FROM response_themes rt WHERE rt.response_id = r.id AND rt.organization_id = r.organization_id AND rt.status = 'ACCEPTED')`,
        [s.organizationId, s.own],
      ),
  },
  {
    // The caller's unread notifications (the bell in the shell): everyone's own.
    item: 'notifications',
    roles: ['ADMIN', 'HR', 'CX', 'MANAGER', 'LEADER'],
    seeAll: [],
    count: (db, s) =>
      one(
        db,
        `SELECT count(*)::int AS count, count(*) FILTER (WHERE kind = 'FOLLOW_UP_ESCALATED')::int AS urgent
           FROM notifications WHERE organization_id = $1 AND user_id = $2 AND read_at IS NULL`,
        [s.organizationId, s.own],
      ),
  },
  {
    // The caller's feed: answers of the last week they have not read (older ones are history, not news).
    item: 'feed',
    roles: ['FEED', 'CX', 'ADMIN', 'LEADER', 'MANAGER'],
    seeAll: [],
    count: async (db, s) => ({ count: await feedUnreadCount(db, s.principal, new Date(s.now.getTime() - 7 * 86_400_000)), urgent: 0 }),
  },
  {
    // Users invited who have not set their password yet.
    item: 'organization',
    roles: ['ADMIN'],
    seeAll: ['ADMIN'],
    count: (db, s) =>
      one(db, `SELECT count(*)::int AS count, 0 AS urgent FROM users WHERE organization_id = $1 AND active AND password_hash = ''`, [s.organizationId]),
  },
];

const sees = (principal: Principal, roles: readonly Role[]) => principal.roles.some((role) => roles.includes(role));

/** The caller's counts, in NAV_COUNTS order; items with nothing waiting are included with 0. */
export async function navCounts(ctx: Context): Promise<NavCount[]> {
  const organizationId = orgOf(ctx);
  const principal = ctx.principal!;
  const now = ctx.app.now();
  const out: NavCount[] = [];
  for (const source of NAV_COUNTS) {
    if (!sees(principal, source.roles)) continue;
    const { count, urgent } = await source.count(ctx.db, { organizationId, principal, own: ownScopeOf(ctx, source.seeAll), now });
    out.push(Object.assign(new NavCount(), { item: source.item, count, urgent }));
  }
  return out;
}
