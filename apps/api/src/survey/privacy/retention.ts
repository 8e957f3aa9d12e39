import { Field, Int, ObjectType } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import type { Context } from '../../kernel/context.js';
import { orgOf } from '../../kernel/context.js';
import { badInput } from '../../kernel/errors.js';
import type { ScheduledJob } from '../../platform/jobs/schedules.js';
import { scrubNotificationsAbout } from '../../identity/notifications/notification.service.js';
import { appendAudit } from '../../platform/audit/audit.store.js';
import { SYSTEM_USER_ID } from '../../kernel/context.js';

/**
 * Retention of identified comments (issue 21): an organization may keep the words of its
 * customers', candidates' and associates' answers (reason, suggestion) for N months (1 to 120).
 * Past that, the scheduler's tick finds the organization and a job removes the words: the answer
 * keeps its score, category, ratings, segments and accepted theme tags (so every NPS, rollup, theme
 * count and board stays exact), loses the theme suggestions nobody reviewed (there is nothing left
 * to review them against), and the notifications about it lose the comment and the contact's name.
 * Each run that removed anything is in the audit log (actor SYSTEM). Employee answers are
 * anonymous and are not covered here (their comments are released per group only). Unset: kept as
 * long as the answer.
 */

export const RETENTION_RUN = 'privacy.retention';
export const RETENTION_LIMITS = { min: 1, max: 120 } as const;
/** Answers handled per statement; a run goes on until none is left. */
const BATCH = 5000;

@ObjectType('PrivacySettings', { description: "The organization's retention of personal data" })
export class PrivacySettings {
  @Field(() => Int, { nullable: true, description: "Months the words of identified answers are kept (1 to 120); null: as long as the answer" })
  commentRetentionMonths: number | null;
}

export async function privacySettings(ctx: Context): Promise<PrivacySettings> {
  const [row]: { months: number | null }[] = await ctx.db.query(`SELECT comment_retention_months AS months FROM privacy_settings WHERE organization_id = $1`, [orgOf(ctx)]);
  return { commentRetentionMonths: row?.months ?? null };
}

/** Sets (or with null, clears) the retention; BAD_USER_INPUT naming commentRetentionMonths outside 1 to 120. */
export async function setCommentRetention(ctx: Context, months: number | null): Promise<PrivacySettings> {
  const { min, max } = RETENTION_LIMITS;
  if (months !== null && (!Number.isInteger(months) || months < min || months > max)) {
    throw badInput('commentRetentionMonths', `commentRetentionMonths must be a whole number from ${min} to ${max}, or null to keep comments`);
  }
  await ctx.db.query(
    `INSERT INTO privacy_settings (organization_id, comment_retention_months, updated_at) VALUES ($1, $2, $3)
     ON CONFLICT (organization_id) DO UPDATE SET comment_retention_months = EXCLUDED.comment_retention_months, updated_at = EXCLUDED.updated_at`,
    [orgOf(ctx), months, ctx.app.now()],
  );
  return { commentRetentionMonths: months };
}

const EXPIRED = `r.submitted_at < $2::timestamptz - make_interval(months => s.comment_retention_months) AND (r.reason IS NOT NULL OR r.suggestion IS NOT NULL)`;

/** The organizations with words past their retention (for the tick), each as a job once per sweep. */
export async function dueRetention(db: EntityManager, now: Date, bucket: string): Promise<{ job: ScheduledJob; key: string }[]> {
  const rows: { organization_id: string }[] = await db.query(
    `SELECT s.organization_id FROM privacy_settings s
      WHERE s.comment_retention_months IS NOT NULL
        AND EXISTS (SELECT 1 FROM responses r WHERE r.organization_id = s.organization_id AND ${EXPIRED.replace('$2', '$1')})`,
    [now],
  );
  return rows.map((r) => ({ job: { organizationId: r.organization_id, kind: RETENTION_RUN }, key: `${RETENTION_RUN}:${r.organization_id}:${bucket}` }));
}

/** Removes the words past the organization's retention, by the app's clock; answers how many answers lost them. */
export async function applyRetention(ctx: Context, _job?: ScheduledJob): Promise<number> {
  const organizationId = orgOf(ctx);
  const now = ctx.app.now();
  let total = 0;
  for (;;) {
    const done = await ctx.db.transaction(async (tx) => {
      const rows: { id: string }[] = await tx.query(
        `SELECT r.id FROM responses r JOIN privacy_settings s ON s.organization_id = r.organization_id
          WHERE r.organization_id = $1 AND s.comment_retention_months IS NOT NULL AND ${EXPIRED}
          ORDER BY r.submitted_at LIMIT ${BATCH} FOR UPDATE OF r SKIP LOCKED`,
        [organizationId, now],
      );
      if (rows.length === 0) return 0;
      const ids = rows.map((r) => r.id);
      await tx.query(`UPDATE responses SET reason = NULL, suggestion = NULL WHERE organization_id = $1 AND id = ANY($2::uuid[])`, [organizationId, ids]);
      await tx.query(`DELETE FROM response_themes WHERE organization_id = $1 AND response_id = ANY($2::uuid[]) AND status = 'SUGGESTED'`, [organizationId, ids]);
      const followUps: { id: string }[] = await tx.query(`SELECT id FROM follow_ups WHERE organization_id = $1 AND response_id = ANY($2::uuid[])`, [organizationId, ids]);
      await scrubNotificationsAbout(tx, organizationId, followUps.map((f) => f.id), ids);
      return rows.length;
    });
    total += done;
    if (done < BATCH) break;
  }
  if (total) {
    ctx.logger.info({ event: 'privacy.retention', organizationId, answers: total }, 'comments past their retention removed');
    await appendAudit(ctx.db, { organizationId, kind: 'system', id: SYSTEM_USER_ID, ip: null, userAgent: null, requestId: ctx.requestId }, now, [
      { kind: 'CHANGE', action: 'applyCommentRetention', objectType: 'Response', objectIds: [], args: { answers: total }, outcome: 'OK' },
    ]);
  }
  return total;
}
