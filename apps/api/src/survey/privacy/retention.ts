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
 * Copies of the words kept elsewhere go by the same horizon: features above this layer plug in a
 * RetentionSweep (src/jobs.ts wires the webhook deliveries' one, integrations/webhooks/delivery-retention.ts).
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

/**
 * `column` is past the retention of privacy_settings `s` at the moment in parameter `now` (SQL):
 * for the copies kept by other features (RetentionSweep).
 */
export const pastRetention = (column: string, now: string): string => `${column} < ${now}::timestamptz - make_interval(months => s.comment_retention_months)`;

const EXPIRED = `${pastRetention('r.submitted_at', '$2')} AND (r.reason IS NOT NULL OR r.suggestion IS NOT NULL)`;

/**
 * A copy of identified words kept by another feature, removed by the same horizon: `due` names the
 * organizations that hold some past it (for the tick), `apply` removes them from one organization's
 * and answers how many records lost them. `name` is what the audit entry counts them as.
 */
export interface RetentionSweep {
  name: string;
  due(db: EntityManager, now: Date): Promise<string[]>;
  apply(ctx: Context, now: Date): Promise<number>;
}

/** The organizations with words past their retention (for the tick), answers' or sweeps', each as a job once per sweep. */
export async function dueRetention(db: EntityManager, now: Date, bucket: string, sweeps: readonly RetentionSweep[] = []): Promise<{ job: ScheduledJob; key: string }[]> {
  const rows: { organization_id: string }[] = await db.query(
    `SELECT s.organization_id FROM privacy_settings s
      WHERE s.comment_retention_months IS NOT NULL
        AND EXISTS (SELECT 1 FROM responses r WHERE r.organization_id = s.organization_id AND ${EXPIRED.replace('$2', '$1')})`,
    [now],
  );
  const organizations = new Set(rows.map((r) => r.organization_id));
  for (const sweep of sweeps) for (const id of await sweep.due(db, now)) organizations.add(id);
  return [...organizations].map((id) => ({ job: { organizationId: id, kind: RETENTION_RUN }, key: `${RETENTION_RUN}:${id}:${bucket}` }));
}

/**
 * Removes the words past the organization's retention, by the app's clock, from its answers and
 * then from each sweep's copies; answers how many answers lost them.
 */
export async function applyRetention(ctx: Context, _job?: ScheduledJob, sweeps: readonly RetentionSweep[] = []): Promise<number> {
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
  const copies: Record<string, number> = {};
  for (const sweep of sweeps) {
    const n = await sweep.apply(ctx, now);
    if (n) copies[sweep.name] = n;
  }
  if (total || Object.keys(copies).length) {
    ctx.logger.info({ event: 'privacy.retention', organizationId, answers: total, ...copies }, 'comments past their retention removed');
    await appendAudit(ctx.db, { organizationId, kind: 'system', id: SYSTEM_USER_ID, ip: null, userAgent: null, requestId: ctx.requestId }, now, [
      { kind: 'CHANGE', action: 'applyCommentRetention', objectType: 'Response', objectIds: [], args: { answers: total, ...copies }, outcome: 'OK' },
    ]);
  }
  return total;
}
