import type { EntityManager } from 'typeorm';
import type { Context } from '../../kernel/context.js';
import { orgOf, userOf } from '../../kernel/context.js';
import { isUuid } from '../../kernel/batch.js';
import { badInput, notFound } from '../../kernel/errors.js';
import { subtreeSql } from '../../identity/org-units/subtree.js';
import { FollowOptionsType, FollowType, type FollowKind } from './feed.types.js';

/** A product is named by its text on the answers; a follow keeps that text, trimmed. */
const MAX_PRODUCT_LENGTH = 200;

/** What a user follows, resolved for the feed's query: owners (themselves always), products, and org units with their subtrees. */
export interface Followed {
  owners: string[];
  products: string[];
  units: string[];
}

/** One query for the follows, one for the followed units' subtrees (when there are any). */
export async function followedBy(db: EntityManager, organizationId: string, userId: string): Promise<Followed> {
  const rows: { kind: FollowKind; target: string }[] = await db.query(`SELECT kind, target FROM follows WHERE organization_id = $1 AND user_id = $2`, [organizationId, userId]);
  const of = (kind: FollowKind) => rows.filter((r) => r.kind === kind).map((r) => r.target);
  const unitIds = of('ORG_UNIT');
  const units: string[] = unitIds.length ? (await db.query(subtreeSql('$1', '$2'), [organizationId, unitIds])).map((r: { id: string }) => r.id) : [];
  return { owners: [userId, ...of('OWNER').filter((id) => id !== userId)], products: of('PRODUCT'), units };
}

/** The caller's follows, their own contacts first (followed by default, without a row). */
export async function myFollows(ctx: Context): Promise<FollowType[]> {
  const organizationId = orgOf(ctx);
  const user = userOf(ctx);
  const rows: { kind: FollowKind; target: string; name: string | null }[] = await ctx.db.query(
    `SELECT f.kind, f.target, coalesce(u.name, ou.name, f.target) AS name
       FROM follows f
       LEFT JOIN users u ON f.kind = 'OWNER' AND u.id::text = f.target AND u.organization_id = f.organization_id
       LEFT JOIN org_units ou ON f.kind = 'ORG_UNIT' AND ou.id::text = f.target AND ou.organization_id = f.organization_id
      WHERE f.organization_id = $1 AND f.user_id = $2
      ORDER BY f.kind, name`,
    [organizationId, user.id],
  );
  const me = await ctx.loaders.user.load(user.id);
  const follow = (kind: FollowKind, key: string, name: string, byDefault = false) => Object.assign(new FollowType(), { kind, key, name, byDefault });
  return [
    follow('OWNER', user.id, me?.name ?? '', true),
    ...rows.filter((r) => !(r.kind === 'OWNER' && r.target === user.id)).map((r) => follow(r.kind, r.target, r.name ?? r.target)),
  ];
}

/** Checks a follow's key: an org unit or user of the caller's organization (else NOT_FOUND naming key), or a product's name. */
async function checkKey(ctx: Context, kind: FollowKind, key: string): Promise<string> {
  const organizationId = orgOf(ctx);
  if (kind === 'PRODUCT') {
    const product = key.trim();
    if (!product || [...product].length > MAX_PRODUCT_LENGTH) throw badInput('key', `A product is 1 to ${MAX_PRODUCT_LENGTH} characters`);
    return product;
  }
  const id = key.trim().toLowerCase();
  if (!isUuid(id)) throw notFound(kind === 'ORG_UNIT' ? 'Org unit' : 'Owner', 'key');
  if (kind === 'ORG_UNIT') {
    if (!(await ctx.loaders.orgUnit.load(id))) throw notFound('Org unit', 'key');
  } else {
    const user = await ctx.loaders.user.load(id);
    if (!user || !user.active || user.organizationId !== organizationId) throw notFound('Owner', 'key');
  }
  return id;
}

/** Follows an org unit, a product or an owner; following it again changes nothing. Answers the caller's follows. */
export async function follow(ctx: Context, kind: FollowKind, key: string): Promise<FollowType[]> {
  const organizationId = orgOf(ctx);
  const user = userOf(ctx);
  const target = await checkKey(ctx, kind, key);
  if (kind === 'OWNER' && target === user.id) return myFollows(ctx);
  await ctx.db.query(
    `INSERT INTO follows (organization_id, user_id, kind, target, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
    [organizationId, user.id, kind, target, ctx.app.now()],
  );
  return myFollows(ctx);
}

/** Stops following; something not followed is NOT_FOUND naming key, and the caller's own contacts cannot be unfollowed. */
export async function unfollow(ctx: Context, kind: FollowKind, key: string): Promise<FollowType[]> {
  const organizationId = orgOf(ctx);
  const user = userOf(ctx);
  const target = kind === 'PRODUCT' ? key.trim() : key.trim().toLowerCase();
  if (kind === 'OWNER' && target === user.id) throw badInput('key', 'Your own contacts are always in your feed');
  const [, count]: [unknown, number] = await ctx.db.query(
    `DELETE FROM follows WHERE organization_id = $1 AND user_id = $2 AND kind = $3 AND target = $4`,
    [organizationId, user.id, kind, target],
  );
  if (count === 0) throw notFound('Follow', 'key');
  return myFollows(ctx);
}

/** What the caller may follow: the organization's org units, the products its answers name, and the users who own contacts. */
export async function followOptions(ctx: Context): Promise<FollowOptionsType> {
  const organizationId = orgOf(ctx);
  const [units, products, owners] = await Promise.all([
    ctx.db.query(`SELECT id::text AS key, name FROM org_units WHERE organization_id = $1 ORDER BY name`, [organizationId]),
    ctx.db.query(
      `SELECT DISTINCT product AS key, product AS name FROM responses WHERE organization_id = $1 AND product IS NOT NULL ORDER BY product LIMIT 500`,
      [organizationId],
    ),
    ctx.db.query(
      `SELECT u.id::text AS key, u.name FROM users u
        WHERE u.organization_id = $1 AND u.active AND EXISTS (SELECT 1 FROM contacts c WHERE c.organization_id = $1 AND c.owner_id = u.id)
        ORDER BY u.name`,
      [organizationId],
    ),
  ]);
  return Object.assign(new FollowOptionsType(), { orgUnits: units, products, owners });
}
