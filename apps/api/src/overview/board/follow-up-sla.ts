import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { Context } from '../../kernel/context.js';
import type { CalendarPeriod } from '../../reporting/base/calendar-period.js';

/**
 * The board's first-reaction number (issue 17): of the detractor follow-ups whose answer came in
 * during the period, the share closed (RESOLVED) within their SLA (resolvedAt ≤ dueAt), over those
 * already decided — resolved, or past due unresolved; one still open and not yet due counts nowhere.
 * For the whole organization, per wave and per owner: ONE statement with grouping sets.
 */

@ObjectType('SlaShare', { description: 'Follow-ups closed within their SLA, of those decided (resolved, or past due)' })
export class SlaShare {
  @Field(() => ID, { nullable: true, description: 'The wave or the owner; null for follow-ups without an owner' })
  id: string | null;

  @Field(() => String, { nullable: true, description: "The wave's or the owner's name" })
  name: string | null;

  @Field(() => Int, { description: 'Resolved, or past due unresolved' })
  decided: number;

  @Field(() => Int, { description: 'Resolved by their due time' })
  closedInTime: number;

  @Field(() => Float, { nullable: true, description: 'closedInTime ÷ decided, 0..1; null when none is decided' })
  share: number | null;
}

@ObjectType('FollowUpSla', { description: "The period's follow-ups closed within the SLA: in all, per wave and per owner" })
export class FollowUpSla {
  @Field(() => Int)
  decided: number;

  @Field(() => Int)
  closedInTime: number;

  @Field(() => Float, { nullable: true, description: '0..1; null when none is decided' })
  share: number | null;

  @Field(() => [SlaShare], { description: 'Per wave, most decided first' })
  byWave: SlaShare[];

  @Field(() => [SlaShare], { description: 'Per owner, by name (no owner last)' })
  byOwner: SlaShare[];
}

interface Row {
  wave_id: string | null;
  owner_id: string | null;
  by_wave: boolean;
  by_owner: boolean;
  decided: number;
  in_time: number;
  wave_name: string | null;
  owner_name: string | null;
}

const shareOf = (decided: number, closedInTime: number) => (decided > 0 ? closedInTime / decided : null);

const share = (id: string | null, name: string | null, decided: number, closedInTime: number) =>
  Object.assign(new SlaShare(), { id, name, decided, closedInTime, share: shareOf(decided, closedInTime) });

export const emptySla = (): FollowUpSla => Object.assign(new FollowUpSla(), { decided: 0, closedInTime: 0, share: null, byWave: [], byOwner: [] });

export async function followUpSla(ctx: Context, organizationId: string, period: CalendarPeriod): Promise<FollowUpSla> {
  const rows: Row[] = await ctx.db.query(
    `SELECT g.wave_id, g.owner_id, g.by_wave, g.by_owner, g.decided, g.in_time, w.name AS wave_name, u.name AS owner_name
       FROM (SELECT f.wave_id, f.owner_id,
                    grouping(f.wave_id) = 0 AS by_wave, grouping(f.owner_id) = 0 AS by_owner,
                    count(*) FILTER (WHERE f.status = 'RESOLVED' OR f.due_at < $4)::int AS decided,
                    count(*) FILTER (WHERE f.status = 'RESOLVED' AND f.resolved_at <= f.due_at)::int AS in_time
               FROM follow_ups f
              WHERE f.organization_id = $1 AND f.created_at >= $2::date AND f.created_at < $3::date + 1
              GROUP BY GROUPING SETS ((), (f.wave_id), (f.owner_id))) g
       LEFT JOIN waves w ON g.by_wave AND w.id = g.wave_id
       LEFT JOIN users u ON g.by_owner AND u.id = g.owner_id`,
    [organizationId, period.from, period.to, ctx.app.now()],
  );
  const total = rows.find((r) => !r.by_wave && !r.by_owner);
  if (!total) return emptySla();
  const byWave = rows
    .filter((r) => r.by_wave)
    .map((r) => share(r.wave_id, r.wave_name, r.decided, r.in_time))
    .sort((a, b) => b.decided - a.decided || (a.name ?? '').localeCompare(b.name ?? ''));
  const byOwner = rows
    .filter((r) => r.by_owner)
    .map((r) => share(r.owner_id, r.owner_name, r.decided, r.in_time))
    .sort((a, b) => (a.id === null ? 1 : 0) - (b.id === null ? 1 : 0) || (a.name ?? '').localeCompare(b.name ?? ''));
  return Object.assign(new FollowUpSla(), { decided: total.decided, closedInTime: total.in_time, share: shareOf(total.decided, total.in_time), byWave, byOwner });
}
