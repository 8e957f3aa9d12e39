import type { EntityManager } from 'typeorm';
import type { Context } from '../../kernel/context.js';
import type { ScheduledJob } from '../../platform/jobs/schedules.js';
import { actionMail } from '../../platform/mail/action-mail.js';
import { OPEN_STATUSES } from '../improvements/improvement-status.js';

/**
 * Reminders of the actions teams agreed (issue 20): the owner is mailed REMIND_DAYS_BEFORE days
 * before the due date, and the CX team (active users with the CX role) once the date has passed
 * while the action is still open. The scheduler's tick finds what is due by the app's clock and
 * sends one scheduled job per action and kind (its key makes two ticks one job); the job stamps the
 * action (team_discussion_actions.reminded_at / overdue_alerted_at) under a row lock before it
 * mails, so each reminder goes out once however often the job runs. A user who turned the
 * ACTION_REMINDER mail off gets none.
 */
export const ACTION_DUE_SOON = 'discussion.action_due_soon';
export const ACTION_OVERDUE = 'discussion.action_overdue';
export const REMIND_DAYS_BEFORE = 3;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (day: string, n: number) => isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000));

/** The tick's sweep: a job per open action whose reminder or overdue alert is due and not yet sent. */
export async function dueActionReminders(db: EntityManager, now: Date): Promise<{ job: ScheduledJob; key: string }[]> {
  const today = isoDay(now);
  const rows: { improvement_id: string; organization_id: string; kind: string }[] = await db.query(
    `SELECT a.improvement_id, a.organization_id,
            CASE WHEN i.due_date < $1::date THEN 'OVERDUE' ELSE 'SOON' END AS kind
       FROM team_discussion_actions a JOIN improvements i ON i.id = a.improvement_id
      WHERE i.status = ANY($3::text[]) AND i.due_date IS NOT NULL
        AND ((i.due_date < $1::date AND a.overdue_alerted_at IS NULL)
          OR (i.due_date >= $1::date AND i.due_date <= $2::date AND a.reminded_at IS NULL))`,
    [today, addDays(today, REMIND_DAYS_BEFORE), OPEN_STATUSES],
  );
  return rows.map((r) => {
    const kind = r.kind === 'OVERDUE' ? ACTION_OVERDUE : ACTION_DUE_SOON;
    return { job: { organizationId: r.organization_id, kind, id: r.improvement_id }, key: `${kind}:${r.improvement_id}` };
  });
}

interface ActionRow {
  title: string;
  status: string;
  due_date: string;
  owner_id: string | null;
  owner_name: string | null;
  team_name: string;
  wave_name: string;
  organization_name: string;
  reminded_at: Date | null;
  overdue_alerted_at: Date | null;
}

interface Recipient {
  email: string;
  name: string;
  language: string;
}

/** The scheduled job of either kind: stamps the action, then mails (owner, or the CX team), in each reader's language. */
export async function sendActionReminder(ctx: Context, job: ScheduledJob): Promise<void> {
  const organizationId = job.organizationId!;
  const overdue = job.kind === ACTION_OVERDUE;
  const today = isoDay(ctx.app.now());
  const sent = await ctx.db.transaction(async (tx) => {
    const [row]: ActionRow[] = await tx.query(
      `SELECT i.title, i.status, to_char(i.due_date, 'YYYY-MM-DD') AS due_date, i.owner_id, ou.name AS owner_name, u.name AS team_name, w.name AS wave_name,
              o.name AS organization_name, a.reminded_at, a.overdue_alerted_at
         FROM team_discussion_actions a
         JOIN improvements i ON i.id = a.improvement_id
         JOIN team_discussions d ON d.id = a.discussion_id
         JOIN org_units u ON u.id = d.org_unit_id
         JOIN waves w ON w.id = d.wave_id
         JOIN organizations o ON o.id = a.organization_id
         LEFT JOIN users ou ON ou.id = i.owner_id
        WHERE a.improvement_id = $1 AND a.organization_id = $2
        FOR UPDATE OF a`,
      [job.id, organizationId],
    );
    if (!row || !OPEN_STATUSES.includes(row.status as never) || !row.due_date) return null;
    if (overdue ? row.overdue_alerted_at || row.due_date >= today : row.reminded_at || row.due_date < today || row.due_date > addDays(today, REMIND_DAYS_BEFORE)) return null;
    await tx.query(`UPDATE team_discussion_actions SET ${overdue ? 'overdue_alerted_at' : 'reminded_at'} = $2 WHERE improvement_id = $1`, [job.id, ctx.app.now()]);
    const recipients: Recipient[] = await tx.query(
      `SELECT u.email, u.name, u.language FROM users u LEFT JOIN notification_preferences p ON p.user_id = u.id
        WHERE u.organization_id = $1 AND u.active AND NOT ('ACTION_REMINDER' = ANY(coalesce(p.mails_off, '{}')))
          AND ${overdue ? `'CX' = ANY(u.roles)` : 'u.id = $2'}
        ORDER BY u.email`,
      overdue ? [organizationId] : [organizationId, row.owner_id],
    );
    return { row, recipients };
  });
  if (!sent) return;
  const base = ctx.app.config.publicUrl;
  for (const r of sent.recipients) {
    await ctx.app.mailer.send(
      actionMail({
        kind: overdue ? 'OVERDUE' : 'DUE_SOON',
        to: r.email,
        name: r.name,
        language: r.language,
        organizationName: sent.row.organization_name,
        title: sent.row.title,
        teamName: sent.row.team_name,
        waveName: sent.row.wave_name,
        dueDate: sent.row.due_date,
        ownerName: sent.row.owner_name,
        url: `${base}/improvements/${job.id}`,
        preferencesUrl: `${base}/account`,
      }),
    );
  }
  ctx.logger.info({ event: overdue ? 'discussion.action_overdue' : 'discussion.action_due_soon', improvementId: job.id, mailed: sent.recipients.length }, 'action reminder sent');
}
