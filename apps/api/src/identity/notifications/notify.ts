import type { EntityManager } from 'typeorm';
import { enqueue } from '../../platform/jobs/queue.js';
import { jobIdOf } from '../../platform/jobs/schedules.js';
import type { JobContext, JobData } from '../../platform/jobs/types.js';
import { followUpMail } from '../../platform/mail/notification-mail.js';
import { teamPackMail } from '../../platform/mail/team-pack-mail.js';
import { DEFAULT_SETTINGS } from '../organizations/organization.service.js';
import type { NotificationData } from './notification.entity.js';
import { isMailKind, type NotificationKind } from './notification-kinds.js';

/** The queue of notification mails: one job per notification, so one failing mail retries alone. */
export const NOTIFICATION_MAIL_QUEUE = 'notifications.mail';

interface MailJob extends JobData {
  organizationId: string;
  notificationId: string;
}

/**
 * Tells users something, in the caller's transaction: one notification each (shown in the app at
 * once) and, for each, a mail job that checks the user's preferences when it runs. Telling the
 * same user the same thing again (the same dedupeKey: a retried job) does nothing, mail included.
 * Answers the users newly told.
 */
export async function notify(
  tx: EntityManager,
  args: { organizationId: string; userIds: readonly string[]; kind: NotificationKind; dedupeKey: string; data: NotificationData; at: Date },
): Promise<string[]> {
  if (args.userIds.length === 0) return [];
  const rows: { id: string; user_id: string }[] = await tx.query(
    `INSERT INTO notifications (organization_id, user_id, kind, dedupe_key, data, created_at)
     SELECT $1, u.id, $3, $4, $5::jsonb, $6 FROM users u WHERE u.organization_id = $1 AND u.id = ANY($2::uuid[]) AND u.active
     ON CONFLICT (user_id, dedupe_key) DO NOTHING
     RETURNING id, user_id`,
    [args.organizationId, [...new Set(args.userIds)], args.kind, args.dedupeKey, JSON.stringify(args.data), args.at],
  );
  // Kinds without a mail (notification-kinds.ts) are shown in the app only.
  for (const row of isMailKind(args.kind) ? rows : []) {
    await enqueue<MailJob>(tx, NOTIFICATION_MAIL_QUEUE, { organizationId: args.organizationId, notificationId: row.id }, { id: jobIdOf(`mail:${row.id}`) });
  }
  return rows.map((r) => r.user_id);
}

interface MailRow {
  kind: NotificationKind;
  data: NotificationData;
  email: string;
  name: string;
  language: string;
  active: boolean;
  mails_off: string[] | null;
  organization_name: string;
  time_zone: string | null;
}

/**
 * The job of one notification's mail: sent in the user's language unless they turned that kind of
 * mail off (or left). Reads in one statement, holds no transaction while mailing; at least once.
 */
export async function sendNotificationMail(job: { data: MailJob }, ctx: JobContext): Promise<void> {
  const [row]: MailRow[] = await ctx.db.query(
    `SELECT n.kind, n.data, u.email, u.name, u.language, u.active, p.mails_off, o.name AS organization_name, o.settings->>'timeZone' AS time_zone
       FROM notifications n
       JOIN users u ON u.id = n.user_id AND u.organization_id = n.organization_id
       JOIN organizations o ON o.id = n.organization_id
       LEFT JOIN notification_preferences p ON p.user_id = n.user_id
      WHERE n.id = $1 AND n.organization_id = $2`,
    [job.data.notificationId, job.data.organizationId],
  );
  if (!row || !row.active || !isMailKind(row.kind)) return;
  if ((row.mails_off ?? []).includes(row.kind)) {
    ctx.logger.info({ event: 'notification.mail_off', kind: row.kind, notificationId: job.data.notificationId }, 'the user turned this mail off');
    return;
  }
  const d = row.data;
  const base = ctx.app.config.publicUrl;
  if (row.kind === 'TEAM_PACK') {
    await ctx.app.mailer.send(
      teamPackMail({
        to: row.email,
        name: row.name,
        language: row.language,
        organizationName: row.organization_name,
        waveName: d.waveName ?? '',
        teamName: d.teamName ?? '',
        foldedFromName: d.foldedFromName ?? null,
        url: `${base}${d.link ?? ''}`,
        preferencesUrl: `${base}/account`,
      }),
    );
    return;
  }
  const message = followUpMail(row.kind === 'FOLLOW_UP_ESCALATED' ? 'ESCALATED' : 'ASSIGNED', {
    to: row.email,
    name: row.name,
    language: row.language,
    organizationName: row.organization_name,
    contactName: d.contactName ?? null,
    score: d.score ?? null,
    comment: d.comment ?? null,
    waveName: d.waveName ?? '',
    dueAt: new Date(d.dueAt ?? Date.now()),
    ownerName: d.ownerName ?? null,
    url: `${base}/follow-ups/${d.followUpId}`,
    preferencesUrl: `${base}/account`,
    timeZone: row.time_zone || DEFAULT_SETTINGS.timeZone,
  });
  await ctx.app.mailer.send(message);
}
