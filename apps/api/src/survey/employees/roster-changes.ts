import { Arg, Authorized, Ctx, Field, FieldResolver, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kernel/context.js';
import { orgOf } from '../../kernel/context.js';
import { ConnectionType, type Connection } from '../../kernel/connection.js';
import { badInput } from '../../kernel/errors.js';
import { OrgUnitEntity } from '../../identity/org-units/org-unit.entity.js';
import { ROSTER_KEEPERS } from '../../kernel/policies.js';

/**
 * The roster's audit trail (migration RosterChanges): who was added, moved, left or came back, to
 * which unit and when — written by every roster write in its own transaction (roster.service.ts).
 * HR and admins read it here, newest first; employees see its counts per unit on their survey page
 * (rosterArrivals). It never holds anything about a survey.
 */

@ObjectType('RosterChange')
export class RosterChangeType {
  @Field(() => String, { description: 'ADDED, MOVED (to orgUnit), LEFT (from orgUnit) or RESTORED (listed again after leaving)' })
  kind: string;

  @Field(() => Date)
  at: Date;

  @Field(() => String)
  email: string;

  @Field(() => String)
  name: string;

  /** Resolved by the orgUnit field. */
  orgUnitId: string | null;
}

export const RosterChangeConnection = ConnectionType('RosterChange', RosterChangeType);

const MAX_PAGE = 100;
/** A page ends at a change: the trail is append-only, so its id orders it (newest first). */
const encode = (id: string) => Buffer.from(JSON.stringify(['rc', id])).toString('base64url');
function decode(cursor: string): string {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (Array.isArray(value) && value.length === 2 && value[0] === 'rc' && /^\d{1,18}$/.test(value[1])) return value[1] as string;
  } catch {
    // fall through
  }
  throw badInput('after', 'The cursor is not valid; pass an endCursor from an earlier page');
}

/** The organization's roster changes, newest first, in keyset pages. */
export async function listRosterChanges(ctx: Context, first: number | null, after: string | null): Promise<Connection<RosterChangeType>> {
  const organizationId = orgOf(ctx);
  const size = first ?? 50;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE) throw badInput('first', `first must be from 1 to ${MAX_PAGE}`);
  const params: unknown[] = [organizationId];
  let where = 'c.organization_id = $1';
  if (after) {
    params.push(decode(after));
    where += ` AND c.id < $2::bigint`;
  }
  params.push(size + 1);
  const rows: { id: string; kind: string; at: Date; email: string; name: string; org_unit_id: string | null }[] = await ctx.db.query(
    `SELECT c.id::text AS id, c.kind, c.at, COALESCE(e.email, '') AS email, COALESCE(e.name, '[erased]') AS name, c.org_unit_id
       FROM roster_changes c LEFT JOIN employees e ON e.id = c.employee_id AND e.organization_id = c.organization_id
      WHERE ${where} ORDER BY c.id DESC LIMIT $${params.length}`,
    params,
  );
  const [{ count }]: { count: number }[] = await ctx.db.query(`SELECT count(*)::int AS count FROM roster_changes WHERE organization_id = $1`, [organizationId]);
  const edges = rows.slice(0, size).map((r) => ({
    cursor: encode(r.id),
    node: Object.assign(new RosterChangeType(), { kind: r.kind, at: r.at, email: r.email, name: r.name, orgUnitId: r.org_unit_id }),
  }));
  return { edges, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: count };
}

/** A unit and how many people arrived in it (added, moved in or back) before a wave opened. */
@ObjectType('RosterArrivals')
export class RosterArrivals {
  @Field(() => String, { description: "The unit's name" })
  unit: string;

  @Field(() => Int, { description: 'People added to the unit, moved into it or back on the roster in it' })
  count: number;
}

/** The days before a wave opened whose roster arrivals its survey page shows. */
export const ARRIVAL_DAYS = 30;

/**
 * Arrivals per unit on the roster in the ARRIVAL_DAYS before a wave opened (or before now, for a
 * wave not yet open): counts only, units with at least one, no names. One statement.
 */
export async function rosterArrivalsBefore(db: Context['db'], organizationId: string, until: Date): Promise<RosterArrivals[]> {
  const rows: { unit: string; count: number }[] = await db.query(
    `SELECT coalesce(u.name, '') AS unit, count(*)::int AS count
       FROM roster_changes c LEFT JOIN org_units u ON u.id = c.org_unit_id
      WHERE c.organization_id = $1 AND c.kind IN ('ADDED', 'MOVED', 'RESTORED')
        AND c.at <= $2 AND c.at > $2::timestamptz - make_interval(days => $3)
      GROUP BY 1 ORDER BY 1`,
    [organizationId, until, ARRIVAL_DAYS],
  );
  return rows.map((r) => Object.assign(new RosterArrivals(), r));
}

@Resolver(() => RosterChangeType)
export class RosterChangeResolver {
  @Authorized(...ROSTER_KEEPERS)
  @Query(() => RosterChangeConnection, {
    description: "The roster's audit trail, newest first: who was added, moved, left or came back, to which unit and when. Nothing about surveys.",
  })
  rosterChanges(
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    return listRosterChanges(ctx, first, after);
  }

  @FieldResolver(() => OrgUnitEntity, { nullable: true })
  orgUnit(@Root() change: RosterChangeType, @Ctx() ctx: Context): Promise<OrgUnitEntity | null> | null {
    return change.orgUnitId ? ctx.loaders.orgUnit.load(change.orgUnitId) : null;
  }
}
