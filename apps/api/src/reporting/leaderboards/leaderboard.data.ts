import type { NpsCounts } from '@tandem/nps-core';
import type { Context } from '../../kernel/context.js';
import { isUuid } from '../../kernel/batch.js';
import { categoriesOf, rollupCounts, type IdentifiedAudience } from '../base/nps-counts.js';
import type { OrgTree } from '../base/org-tree.js';
import type { CalendarPeriod } from '../base/calendar-period.js';
import type { LeaderboardEntity } from './leaderboard.types.js';

/** Invited and responded of a team or manager. */
export interface UnitCounts {
  invited: number;
  responded: number;
}

/**
 * The numbers behind a leaderboard, each read with ONE grouped statement per period, whatever the
 * number of teams or managers: score counts from the rollup grouped by org unit or owner (a
 * quarter or a year is whole months, so the month rows answer it), invitations and improvements
 * grouped the same way. Teams are summed over their subtrees here, in code.
 */

const DIM: Record<LeaderboardEntity, string> = { TEAM: 'org_unit', MANAGER: 'owner' };

/** Identified score counts of the period per org unit (the answer's unit at answer time) or per owner. */
export async function scoreCounts(
  ctx: Context,
  organizationId: string,
  entity: LeaderboardEntity,
  audiences: readonly IdentifiedAudience[],
  period: CalendarPeriod,
): Promise<Map<string, NpsCounts>> {
  const groups = await rollupCounts(ctx.db, {
    organizationId,
    audiences,
    waveIds: null,
    from: period.from,
    to: period.to,
    attribute: null,
    groupBy: 'attribute',
    groupDim: DIM[entity],
  });
  if (!groups) throw new Error('the rollup must serve a grouping by one dimension');
  return new Map(groups.filter((g) => g.key !== '').map((g) => [g.key, categoriesOf(g.scores)]));
}

/**
 * Invited and responded per org unit or owner over the invitations of the period (created in it) to
 * waves of the audiences. An answered invitation counts where its answer was (the snapshot of unit
 * and owner at answer time), the others where the contact is now.
 */
export async function invitationCounts(
  ctx: Context,
  organizationId: string,
  entity: LeaderboardEntity,
  audiences: readonly IdentifiedAudience[],
  period: CalendarPeriod,
): Promise<Map<string, UnitCounts>> {
  const column = entity === 'TEAM' ? 'org_unit_id' : 'owner_id';
  const rows: { key: string | null; invited: number; responded: number }[] = await ctx.db.query(
    `SELECT coalesce(r.${column}, c.${column}) AS key, count(*)::int AS invited, count(*) FILTER (WHERE i.status = 'RESPONDED')::int AS responded
       FROM invitations i
       JOIN waves w ON w.id = i.wave_id AND w.organization_id = i.organization_id
       JOIN contacts c ON c.id = i.contact_id AND c.organization_id = i.organization_id
       LEFT JOIN responses r ON r.invitation_id = i.id AND r.organization_id = i.organization_id
      WHERE i.organization_id = $1 AND w.audience = ANY($2::text[])
        AND i.created_at >= ($3::date::timestamp AT TIME ZONE 'UTC') AND i.created_at < (($4::date + 1)::timestamp AT TIME ZONE 'UTC')
      GROUP BY 1`,
    [organizationId, audiences, period.from, period.to],
  );
  return new Map(rows.filter((r) => r.key !== null).map((r) => [r.key!, { invited: r.invited, responded: r.responded }]));
}

/**
 * Improvements per org unit or owner that first reached IMPLEMENTED or VERIFIED during the period
 * (improvement_events), each counted once, in the period it was first implemented.
 */
export async function improvementCounts(
  ctx: Context,
  organizationId: string,
  entity: LeaderboardEntity,
  audience: IdentifiedAudience | null,
  period: CalendarPeriod,
): Promise<Map<string, number>> {
  const column = entity === 'TEAM' ? 'org_unit_id' : 'owner_id';
  const rows: { key: string | null; count: number }[] = await ctx.db.query(
    `SELECT i.${column} AS key, count(*)::int AS count
       FROM improvements i
       JOIN (SELECT e.improvement_id, min(e.at) AS first_at
               FROM improvement_events e
              WHERE e.organization_id = $1 AND e.to_status IN ('IMPLEMENTED', 'VERIFIED')
              GROUP BY e.improvement_id) f ON f.improvement_id = i.id
      WHERE i.organization_id = $1 AND ($2::text IS NULL OR i.audience = $2::text)
        AND f.first_at >= ($3::date::timestamp AT TIME ZONE 'UTC') AND f.first_at < (($4::date + 1)::timestamp AT TIME ZONE 'UTC')
      GROUP BY 1`,
    [organizationId, audience, period.from, period.to],
  );
  return new Map(rows.filter((r) => r.key !== null).map((r) => [r.key!, r.count]));
}

/** The managers to rank: active users with the MANAGER role, and anyone else the numbers name as owner. */
export async function managers(ctx: Context, organizationId: string, named: Iterable<string>): Promise<{ id: string; name: string }[]> {
  const ids = [...new Set(named)].filter(isUuid);
  return ctx.db.query(
    `SELECT id, name FROM users WHERE organization_id = $1 AND ((active AND 'MANAGER' = ANY(roles)) OR id = ANY($2::uuid[])) ORDER BY id`,
    [organizationId, ids],
  );
}

/** Sums per unit over its subtree (the unit and every descendant). */
export function subtreeSums<T>(tree: OrgTree, direct: ReadonlyMap<string, T>, zero: () => T, add: (into: T, more: T) => T): Map<string, T> {
  const out = new Map<string, T>();
  const visit = (id: string): T => {
    let sum = add(zero(), direct.get(id) ?? zero());
    for (const c of tree.children.get(id) ?? []) sum = add(sum, visit(c));
    out.set(id, sum);
    return sum;
  };
  for (const [id, unit] of tree.units) if (unit.parentId === null || !tree.units.has(unit.parentId)) visit(id);
  return out;
}

export const zeroCounts = (): NpsCounts => ({ promoters: 0, passives: 0, detractors: 0 });
export const addCounts = (a: NpsCounts, b: NpsCounts): NpsCounts => ({
  promoters: a.promoters + b.promoters,
  passives: a.passives + b.passives,
  detractors: a.detractors + b.detractors,
});
export const zeroRates = (): UnitCounts => ({ invited: 0, responded: 0 });
export const addRates = (a: UnitCounts, b: UnitCounts): UnitCounts => ({ invited: a.invited + b.invited, responded: a.responded + b.responded });
