import type { EntityManager } from 'typeorm';
import type { Context } from '../../kernel/context.js';
import { escalationTargets } from '../../identity/users/escalation-targets.js';
import { notify } from '../../identity/notifications/notify.js';
import type { DomainEventOf } from '../../platform/events/types.js';
import { publish } from '../../platform/events/outbox.js';
import { schedule, type ScheduledJob } from '../../platform/jobs/schedules.js';
import type { JobContext } from '../../platform/jobs/types.js';
import { followUpSnapshot, notificationData } from './follow-up-snapshot.js';

/**
 * The first-reaction SLA at work (issue 17). A detractor's follow-up is due dueAt (the answer time
 * plus the organization's followUpSlaHours). When that passes while it is unresolved, it is marked
 * overdue (overdue_at; followup.overdue) and escalated (followup.escalated): the CX users of the
 * nearest org unit up the tree from the answer's unit that has any, else the organization's, are
 * told in the app and by mail in their language (escalated_at, escalated_to, escalated_unit_id).
 *
 * When: a `followup.overdue` job at dueAt, scheduled as the follow-up's followup.created event is
 * consumed (follow-up-alerts.ts), and the tick's sweep (dueOverdueFollowUps) for any the app's clock
 * finds due without one. Either way once: the follow-up's row lock and overdue_at decide.
 */
export const FOLLOW_UP_OVERDUE = 'followup.overdue';

/** Schedules the SLA check of a follow-up at its due time (in the caller's transaction). */
export function scheduleSlaCheck(db: EntityManager, organizationId: string, followUpId: string, dueAt: Date) {
  return schedule(db, { organizationId, kind: FOLLOW_UP_OVERDUE, id: followUpId, at: dueAt.toISOString() }, dueAt, `${FOLLOW_UP_OVERDUE}:${followUpId}`);
}

/** followup.overdue: marks the follow-up overdue and escalates it, if it is due, unresolved and not marked yet. */
export async function markOverdue(ctx: Pick<Context, 'db' | 'app' | 'logger'>, job: ScheduledJob): Promise<void> {
  const organizationId = job.organizationId!;
  const followUpId = job.id!;
  const now = ctx.app.now();
  const outcome = await ctx.db.transaction(async (tx) => {
    const f = await followUpSnapshot(tx, organizationId, followUpId, true);
    if (!f || f.status === 'RESOLVED' || f.overdue_at || f.due_at > now) return null;
    const targets = await escalationTargets(tx, organizationId, f.org_unit_id);
    const escalated = targets.userIds.length > 0;
    await tx.query(
      `UPDATE follow_ups SET overdue_at = $3, escalated_at = $4, escalated_to = $5::uuid[], escalated_unit_id = $6 WHERE id = $1 AND organization_id = $2`,
      [f.id, organizationId, now, escalated ? now : null, targets.userIds, escalated ? targets.unitId : null],
    );
    await publish(tx, { type: 'followup.overdue', organizationId, payload: { followUpId: f.id, ownerId: f.owner_id, dueAt: f.due_at.toISOString() } });
    if (escalated) {
      await publish(tx, { type: 'followup.escalated', organizationId, payload: { followUpId: f.id, orgUnitId: targets.unitId, userIds: targets.userIds } });
      await notify(tx, {
        organizationId,
        userIds: targets.userIds,
        kind: 'FOLLOW_UP_ESCALATED',
        dedupeKey: `followup.escalated:${f.id}`,
        data: notificationData(f),
        at: now,
      });
    }
    return targets;
  });
  if (outcome) {
    ctx.logger.info({ event: 'followup.escalated', followUpId, orgUnitId: outcome.unitId, told: outcome.userIds.length }, 'follow-up past its SLA: escalated');
  }
}

/**
 * The sweep's part (the tick): unresolved follow-ups past due by the app's clock and not yet marked,
 * each with its check. One statement over the partial index of those being watched.
 */
export async function dueOverdueFollowUps(db: EntityManager, now: Date, limit = 500): Promise<{ job: ScheduledJob; key: string }[]> {
  const rows: { id: string; organization_id: string; due_at: Date }[] = await db.query(
    `SELECT id, organization_id, due_at FROM follow_ups
      WHERE overdue_at IS NULL AND status <> 'RESOLVED' AND due_at <= $1
      ORDER BY due_at LIMIT $2`,
    [now, limit],
  );
  return rows.map((r) => ({
    job: { organizationId: r.organization_id, kind: FOLLOW_UP_OVERDUE, id: r.id, at: r.due_at.toISOString() },
    key: `${FOLLOW_UP_OVERDUE}:${r.id}:sweep`,
  }));
}

/**
 * The consumer of followup.created (follow-up-alerts): the owner is told at once, in the app and
 * by mail (their preferences permitting), and the SLA check is scheduled at dueAt. One short
 * transaction; a retry tells nobody twice (notify's dedupe key, the check's job id).
 */
export async function alertOwner(event: DomainEventOf<'followup.created'>, ctx: JobContext): Promise<void> {
  const { organizationId } = event;
  const { followUpId } = event.payload;
  await ctx.db.transaction(async (tx) => {
    const f = await followUpSnapshot(tx, organizationId, followUpId);
    if (!f) return; // its organization was deleted
    if (f.status !== 'RESOLVED' && !f.overdue_at) await scheduleSlaCheck(tx, organizationId, f.id, f.due_at);
    if (f.owner_id && f.status === 'OPEN') {
      await notify(tx, {
        organizationId,
        userIds: [f.owner_id],
        kind: 'FOLLOW_UP_ASSIGNED',
        dedupeKey: `followup.assigned:${f.id}`,
        data: notificationData(f),
        at: ctx.app.now(),
      });
    }
  });
}
