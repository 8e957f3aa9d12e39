import type { EntityManager } from 'typeorm';
import type { Context } from '../../kernel/context.js';
import type { ScheduledJob } from '../../platform/jobs/schedules.js';
import { WAVE_REMIND } from '../waves/wave-schedule.js';
import { WaveEntity } from '../waves/wave.entity.js';
import { remindWave } from './invitation.service.js';

/**
 * A wave's reminder rule at work (issue 17): every non-respondent is reminded reminderAfterDays
 * after their last mail (the invitation, then each reminder), at most maxReminders times, by the
 * same remindWave (remindEmployees for an employee wave) a person runs by hand.
 *
 * When a reminder falls due depends on when each person was invited, and people are invited at
 * any time by another module, so there is no one moment to schedule per wave: the tick's sweep
 * (dueReminderWaves) asks each interval which open waves have someone due, and sends one
 * `wave.remind` job per such wave. Reminders go out in the organization's daytime: between 08:00
 * and 20:00 in its time zone (settings.timeZone), so one due at night waits for the morning.
 * Employee waves keep dates only (docs/anonymity.md): their days are UTC days.
 */

export const DAYTIME_HOURS = [8, 20] as const;

/**
 * Open waves with a reminder rule and at least one non-respondent due now, in organizations where
 * it is daytime: two statements, each wave with the job that reminds it. `bucket` names this sweep,
 * so two processes sweeping at once send one job per wave.
 */
export async function dueReminderWaves(db: EntityManager, now: Date, bucket: string, limit = 200): Promise<{ job: ScheduledJob; key: string }[]> {
  // Whose daytime it is, by the organization's time zone (read by Intl here: a zone PostgreSQL does
  // not know must not stop everyone's reminders), among those with an open wave that has a rule.
  const zones: { organization_id: string; time_zone: string | null }[] = await db.query(
    `SELECT DISTINCT w.organization_id, o.settings->>'timeZone' AS time_zone
       FROM waves w JOIN organizations o ON o.id = w.organization_id
      WHERE w.status = 'OPEN' AND w.reminder_after_days IS NOT NULL`,
  );
  const daytime = zones.filter((z) => isDaytime(now, z.time_zone)).map((z) => z.organization_id);
  if (daytime.length === 0) return [];
  const rows: { id: string; organization_id: string }[] = await db.query(
    `SELECT w.id, w.organization_id
       FROM waves w
      WHERE w.organization_id = ANY($2::uuid[]) AND w.status = 'OPEN' AND w.reminder_after_days IS NOT NULL AND (w.closes_at IS NULL OR w.closes_at > $1)
        AND CASE WHEN w.audience = 'EMPLOYEE' THEN EXISTS (
              SELECT 1 FROM employee_participations p
               WHERE p.organization_id = w.organization_id AND p.wave_id = w.id AND NOT p.responded AND p.reminders < w.max_reminders
                 AND greatest(p.invited_on, p.reminded_on) <= ($1::timestamptz AT TIME ZONE 'UTC')::date - w.reminder_after_days)
            ELSE EXISTS (
              SELECT 1 FROM invitations i JOIN contacts c ON c.id = i.contact_id
               WHERE i.organization_id = w.organization_id AND i.wave_id = w.id AND i.status IN ('SENT', 'OPENED')
                 AND i.reminders < w.max_reminders AND c.unsubscribed_at IS NULL
                 AND coalesce(i.reminded_at, i.sent_at) <= $1::timestamptz - make_interval(days => w.reminder_after_days))
            END
      ORDER BY w.id LIMIT $3`,
    [now, daytime, limit],
  );
  return rows.map((r) => ({ job: { organizationId: r.organization_id, kind: WAVE_REMIND, id: r.id }, key: `${WAVE_REMIND}:${r.id}:${bucket}` }));
}

/** Whether a moment falls between 08:00 and 20:00 in a time zone (UTC for none or an unknown one). */
export function isDaytime(at: Date, timeZone: string | null): boolean {
  let hour: number;
  try {
    hour = Number(new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone: timeZone || 'UTC' }).format(at));
  } catch {
    hour = at.getUTCHours();
  }
  return hour >= DAYTIME_HOURS[0] && hour < DAYTIME_HOURS[1];
}

/** wave.remind: the wave's due non-respondents are reminded (its system context, an admin's reach). */
export async function remindScheduled(ctx: Context, job: ScheduledJob): Promise<void> {
  const wave = job.id ? await ctx.db.findOneBy(WaveEntity, { id: job.id, organizationId: job.organizationId! }) : null;
  const now = ctx.app.now();
  if (!wave || wave.status !== 'OPEN' || !wave.reminderAfterDays || !wave.maxReminders) return;
  if (wave.closesAt && wave.closesAt <= now) return;
  const lastMailBefore = new Date(now.getTime() - wave.reminderAfterDays * 86_400_000);
  const batch = await remindWave(ctx, wave.id, { lastMailBefore, maxReminders: wave.maxReminders });
  ctx.logger.info(
    { event: 'wave.reminded', waveId: wave.id, scheduled: true, ...(batch.countsHidden ? {} : { reminded: batch.reminded, failed: batch.failed }) },
    'reminder rule ran',
  );
}
