import type { EntityManager } from 'typeorm';
import { enqueue } from '../../platform/jobs/queue.js';
import type { JobData, QueueOptions } from '../../platform/jobs/types.js';
import type { AppServices } from '../../kernel/context.js';
import type { Config } from '../../config.js';
import type { ContactSelection } from './invitation-target.js';
import { hashSurveyToken, invitationToken } from './tokens.js';

/**
 * Wave mail as jobs (issue 17). inviteToWave, remindWave and retryFailedMail write a batch (and,
 * for reminders and retries, queue its invitations) in the caller's transaction and send one
 * `wave.mail` job; the request answers at once with the batch's id. The job:
 *
 * 1. mails the batch's QUEUED invitations a chunk at a time, outside any transaction (the embedded
 *    database's one connection is never held while mail goes out), paced per organization, then
 *    marks each chunk SENT or counts the failure;
 * 2. for an invitation batch, when nothing is queued, creates the next chunk of invitations (the
 *    next contacts of the target in id order, with the same checks as ever), and goes on;
 * 3. ends when nothing is left: done, or, when some mails failed, fails itself so the queue runs it
 *    again with backoff (the wave page says "retrying"). On its last run a failing mail is marked
 *    FAILED and listed on the wave page, where retryFailedMail queues it again.
 *
 * Each mail has a fixed key (the invitation and which of its mails), so a job run again after a
 * crash between sending and marking rewrites the same outbox file, or repeats the same SMTP
 * Message-ID: at least once, never a second distinct mail. The link is derived (tokens.ts), so
 * every mail to one person carries the same link, valid until the wave closes.
 */

export const WAVE_MAIL_QUEUE = 'wave.mail';

/** The queue's options: retries as configured (MAIL_RETRY_LIMIT, MAIL_RETRY_DELAY_SECONDS); a step may take four times MAIL_STEP_SECONDS. */
export const waveMailQueueOptions = (config: Config): QueueOptions => ({
  retryLimit: config.mailRetryLimit,
  retryDelaySeconds: config.mailRetryDelaySeconds,
  retryBackoff: true,
  expireInSeconds: 4 * config.mailStepSeconds,
});

/** Invitations created, and mails sent, per step. */
export const MAIL_CHUNK = 500;
export type MailBatchKind = 'INVITATION' | 'REMINDER' | 'RETRY';

export interface WaveMailJob extends JobData {
  organizationId: string;
  batchId: string;
}


/**
 * Writes a batch and sends its job, in the caller's transaction: both exist exactly when it
 * commits. Reminders and retries mark their invitations (mail_batch_id, QUEUED) in the same
 * transaction; an invitation batch carries the checked target and creates its invitations itself.
 */
export async function createMailBatch(
  tx: EntityManager,
  args: {
    organizationId: string;
    waveId: string;
    kind: MailBatchKind;
    planned: number;
    createdBy: string | null;
    invitation?: { selection: ContactSelection; ownerScope: string | null; throttleDays: number };
  },
): Promise<string> {
  const [{ id }]: { id: string }[] = await tx.query(
    `INSERT INTO mail_batches (organization_id, wave_id, kind, planned, created_by, selection, owner_scope, throttle_days, created_all)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9) RETURNING id`,
    [
      args.organizationId,
      args.waveId,
      args.kind,
      args.planned,
      args.createdBy,
      args.invitation ? JSON.stringify(args.invitation.selection) : null,
      args.invitation?.ownerScope ?? null,
      args.invitation?.throttleDays ?? null,
      !args.invitation,
    ],
  );
  await enqueue<WaveMailJob>(tx, WAVE_MAIL_QUEUE, { organizationId: args.organizationId, batchId: id });
  return id;
}


/**
 * Queues one mail per given invitation as a new batch (null when there are none), in the caller's
 * transaction. Each invitation gets the link derived for its contact (the same as every earlier
 * mail of it; only an invitation made before links were derived gets a new one), and, with
 * countReminders, a REMINDER mail counts as the invitation's next reminder now.
 */
export async function queueMail(
  tx: EntityManager,
  app: AppServices,
  args: {
    organizationId: string;
    waveId: string;
    kind: MailBatchKind;
    createdBy: string | null;
    invitations: { id: string; contactId: string; mailKind: 'INVITATION' | 'REMINDER' }[];
    countReminders: boolean;
  },
): Promise<string | null> {
  if (args.invitations.length === 0) return null;
  const batchId = await createMailBatch(tx, { ...args, planned: args.invitations.length });
  await tx.query(
    `UPDATE invitations i
        SET token_hash = t.token_hash, mail_batch_id = $4, mail_kind = t.mail_kind, mail_state = 'QUEUED', mail_attempts = 0, mail_error = NULL,
            reminders = i.reminders + CASE WHEN $5 AND t.mail_kind = 'REMINDER' THEN 1 ELSE 0 END,
            reminded_at = CASE WHEN $5 AND t.mail_kind = 'REMINDER' THEN $6::timestamptz ELSE i.reminded_at END
       FROM unnest($1::uuid[], $2::text[], $3::text[]) AS t(id, token_hash, mail_kind)
      WHERE i.id = t.id AND i.organization_id = $7`,
    [
      args.invitations.map((i) => i.id),
      args.invitations.map((i) => hashSurveyToken(invitationToken(app, args.waveId, i.contactId))),
      args.invitations.map((i) => i.mailKind),
      batchId,
      args.countReminders,
      app.now(),
      args.organizationId,
    ],
  );
  return batchId;
}

/** A batch's progress: one grouped count over its invitations. */
export interface MailBatchProgress {
  id: string;
  waveId: string;
  kind: MailBatchKind;
  createdAt: Date;
  finishedAt: Date | null;
  /** Mails the batch sends: what it planned until all its invitations exist, then what it has. */
  total: number;
  sent: number;
  failed: number;
  bounced: number;
  /** Queued mails whose sending failed at least once and is tried again. */
  retrying: number;
}

/** The batches' progress by id, of one organization (one query for any number). */
export async function mailBatchProgress(db: EntityManager, organizationId: string, ids: readonly string[]): Promise<MailBatchProgress[]> {
  const rows: (Omit<MailBatchProgress, 'total'> & { planned: number; createdAll: boolean; rows: number })[] = await db.query(
    `SELECT b.id, b.wave_id AS "waveId", b.kind, b.created_at AS "createdAt", b.finished_at AS "finishedAt", b.planned, b.created_all AS "createdAll",
            count(i.id)::int AS rows,
            count(i.id) FILTER (WHERE i.mail_state = 'SENT')::int AS sent,
            count(i.id) FILTER (WHERE i.mail_state = 'FAILED')::int AS failed,
            count(i.id) FILTER (WHERE i.mail_state = 'BOUNCED')::int AS bounced,
            count(i.id) FILTER (WHERE i.mail_state = 'QUEUED' AND i.mail_attempts > 0)::int AS retrying
       FROM mail_batches b LEFT JOIN invitations i ON i.mail_batch_id = b.id
      WHERE b.organization_id = $1 AND b.id = ANY($2::uuid[])
      GROUP BY b.id`,
    [organizationId, ids],
  );
  return rows.map(({ planned, createdAll, rows: count, ...row }) => ({ ...row, total: createdAll ? count : Math.max(planned, count) }));
}

/** The latest batch of each wave, by wave id. */
export async function latestMailBatchIds(db: EntityManager, organizationId: string, waveIds: readonly string[]): Promise<{ waveId: string; id: string }[]> {
  return db.query(
    `SELECT DISTINCT ON (wave_id) wave_id AS "waveId", id FROM mail_batches
      WHERE organization_id = $1 AND wave_id = ANY($2::uuid[])
      ORDER BY wave_id, created_at DESC, id DESC`,
    [organizationId, waveIds],
  );
}

export interface MailFailureRow {
  invitationId: string;
  contactId: string;
  email: string;
  name: string;
  state: 'QUEUED' | 'FAILED' | 'BOUNCED';
  attempts: number;
  error: string | null;
}

/**
 * The batches' mails that failed (or are being retried), the first `limit` of each by address; a
 * manager's only among their own contacts. One query for any number of batches.
 */
export function mailFailures(db: EntityManager, organizationId: string, batchIds: readonly string[], ownerScope: string | null, limit: number): Promise<(MailFailureRow & { batchId: string })[]> {
  return db.query(
    `SELECT "batchId", "invitationId", "contactId", email, name, state, attempts, error FROM (
       SELECT i.mail_batch_id AS "batchId", i.id AS "invitationId", c.id AS "contactId", c.email, c.name, i.mail_state AS state,
              i.mail_attempts AS attempts, i.mail_error AS error,
              row_number() OVER (PARTITION BY i.mail_batch_id ORDER BY c.email, i.id) AS n
         FROM invitations i JOIN contacts c ON c.id = i.contact_id
        WHERE i.organization_id = $1 AND i.mail_batch_id = ANY($2::uuid[]) AND ($3::uuid IS NULL OR c.owner_id = $3::uuid)
          AND (i.mail_state IN ('FAILED', 'BOUNCED') OR (i.mail_state = 'QUEUED' AND i.mail_attempts > 0))
     ) AS f
     WHERE n <= $4
     ORDER BY "batchId", n`,
    [organizationId, batchIds, ownerScope, limit],
  );
}
