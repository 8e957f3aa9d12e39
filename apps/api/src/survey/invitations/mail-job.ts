import type { EntityManager } from 'typeorm';
import type { Job, JobContext } from '../../platform/jobs/types.js';
import { MAIL_CONCURRENCY } from '../../kernel/mailer.js';
import { WaveEntity } from '../waves/wave.entity.js';
import type { ContactSelection } from './invitation-target.js';
import { createInvitations } from './invitation.service.js';
import { MAIL_CHUNK, WAVE_MAIL_QUEUE, type MailBatchKind, type WaveMailJob } from './mail-batches.js';
import { jobIdOf } from '../../platform/jobs/schedules.js';
import { updateReturning } from '../../kernel/sql.js';
import { invitationToken } from './tokens.js';
import { mailInvitations } from './invitation-mailing.js';
import { paceFor } from './mail-pace.js';

/** Mails of one job handed to the mailer at the same time. */
const JOB_MAIL_CONCURRENCY = MAIL_CONCURRENCY * 2;

interface BatchRow {
  id: string;
  organization_id: string;
  wave_id: string;
  kind: MailBatchKind;
  selection: ContactSelection | null;
  owner_scope: string | null;
  throttle_days: number | null;
  cursor: string | null;
  created_all: boolean;
  finished_at: Date | null;
}

/**
 * The `wave.mail` job: one step of a batch (see mail-batches.ts). A step works for about
 * MAIL_STEP_SECONDS, then hands the rest to a next job: a job killed with its process is taken up
 * again after its time limit (four steps long), so a short step is a short wait after a crash.
 */
export async function runMailBatch(job: Job<WaveMailJob>, ctx: JobContext): Promise<void> {
  const { db, app, logger } = ctx;
  const started = Date.now();
  const [batch]: BatchRow[] = await db.query(`SELECT * FROM mail_batches WHERE id = $1 AND organization_id = $2`, [job.data.batchId, job.data.organizationId]);
  if (!batch || batch.finished_at) return;
  const wave = await db.findOneBy(WaveEntity, { id: batch.wave_id, organizationId: batch.organization_id });
  if (!wave || wave.status !== 'OPEN') {
    await giveUp(db, batch.id, 'The wave closed before this mail was sent');
    return finish(db, batch.id, app.now());
  }
  const lastRun = job.attempt > app.config.mailRetryLimit;
  const pace = paceFor(batch.organization_id, app.config.mailRatePerSecond);
  const organizationName = await organizationNameOf(db, batch.organization_id);
  // Mails that failed in this run wait for the next one (the queue's backoff).
  const failedHere: string[] = [];
  let sent = 0;
  let serverDown = false;
  for (;;) {
    if (ctx.signal.aborted) throw new Error('The mail job was stopped; it goes on where it was');
    if (Date.now() - started > app.config.mailStepSeconds * 1000 && failedHere.length === 0) {
      await ctx.jobs.send<WaveMailJob>(WAVE_MAIL_QUEUE, job.data, { id: jobIdOf(`${WAVE_MAIL_QUEUE}:${batch.id}:after:${job.id}`) });
      logger.info({ event: 'wave.mailed', waveId: wave.id, batchId: batch.id, sent, next: true }, 'wave mail step done; the batch goes on in a next step');
      return;
    }
    const chunk = await queuedChunk(db, batch.id, failedHere);
    if (chunk.length === 0) {
      if (batch.kind === 'INVITATION' && !batch.created_all) {
        Object.assign(batch, await createNextInvitations(db, batch, wave, ctx));
        continue;
      }
      break;
    }
    const mailed = await mailInvitations(app, wave, organizationName, chunk, {
      concurrency: JOB_MAIL_CONCURRENCY,
      pace,
      token: (row) => invitationToken(app, wave.id, row.contact_id),
      key: (row) => (row.mail_kind === 'REMINDER' ? `${row.id}-reminder-${row.reminders}` : `${row.id}-invitation`),
      reminder: (row) => row.mail_kind === 'REMINDER',
    });
    const outcome = { sent: mailed.sent.map((row) => row.id), failed: mailed.failed.map((f) => ({ id: f.row.id, error: describeError(f.error) })) };
    failedHere.push(...(await record(db, outcome, app.now(), lastRun ? 0 : app.config.mailRetryLimit)));
    sent += outcome.sent.length;
    // Not one mail of a whole chunk went out: the server is down; wait for the next run.
    if (outcome.sent.length === 0) {
      serverDown = true;
      break;
    }
  }
  if (serverDown && lastRun) await giveUp(db, batch.id, 'Not sent: the mail server failed on every try');
  const [{ left }]: { left: number }[] = await db.query(`SELECT count(*)::int AS left FROM invitations WHERE mail_batch_id = $1 AND mail_state = 'QUEUED'`, [batch.id]);
  logger.info({ event: 'wave.mailed', waveId: wave.id, batchId: batch.id, kind: batch.kind, sent, failed: failedHere.length, left }, 'wave mail step done');
  if (left > 0 || (batch.kind === 'INVITATION' && !batch.created_all && !lastRun)) {
    throw new Error(`${left} mails could not be sent yet; they are tried again`);
  }
  await finish(db, batch.id, app.now());
}

interface QueuedRow {
  id: string;
  contact_id: string;
  mail_kind: 'INVITATION' | 'REMINDER';
  reminders: number;
  email: string;
  name: string;
  language: string | null;
}

function queuedChunk(db: EntityManager, batchId: string, except: string[]): Promise<QueuedRow[]> {
  return db.query(
    `SELECT i.id, i.contact_id, i.mail_kind, i.reminders, c.email, c.name, c.language
       FROM invitations i JOIN contacts c ON c.id = i.contact_id
      WHERE i.mail_batch_id = $1 AND i.mail_state = 'QUEUED' AND NOT (i.id = ANY($2::uuid[]))
      ORDER BY i.id LIMIT $3`,
    [batchId, except, MAIL_CHUNK],
  );
}

/**
 * The next chunk of an invitation batch's target, invited in one short transaction that also moves
 * the batch's cursor: a crash leaves either both or neither.
 */
async function createNextInvitations(db: EntityManager, batch: BatchRow, wave: WaveEntity, ctx: JobContext): Promise<Pick<BatchRow, 'cursor' | 'created_all'>> {
  return db.transaction(async (tx) => {
    const outcome = await createInvitations(tx, {
      organizationId: batch.organization_id,
      waveId: wave.id,
      contactIds: null,
      selection: batch.selection!,
      ownerId: batch.owner_scope,
      throttleDays: batch.throttle_days ?? 0,
      now: ctx.app.now(),
      token: (contactId) => invitationToken(ctx.app, wave.id, contactId),
      page: { after: batch.cursor, limit: MAIL_CHUNK },
      mailBatchId: batch.id,
    });
    const next = { cursor: outcome.lastContactId ?? batch.cursor, created_all: outcome.lastContactId === null };
    await tx.query(`UPDATE mail_batches SET cursor = $2, created_all = $3 WHERE id = $1`, [batch.id, next.cursor, next.created_all]);
    return next;
  });
}

async function organizationNameOf(db: EntityManager, organizationId: string): Promise<string> {
  const [row]: { name: string }[] = await db.query(`SELECT name FROM organizations WHERE id = $1`, [organizationId]);
  return row.name;
}

/**
 * Marks what went out SENT (an invitation PENDING → SENT) and counts each failure: a mail that has
 * failed more than `retries` times is FAILED for good. Answers the failed ones still to retry.
 */
async function record(db: EntityManager, outcome: { sent: string[]; failed: { id: string; error: string }[] }, now: Date, retries: number): Promise<string[]> {
  if (outcome.sent.length) {
    await db.query(
      `UPDATE invitations
          SET mail_state = 'SENT', mail_error = NULL,
              status = CASE WHEN status = 'PENDING' THEN 'SENT' ELSE status END,
              sent_at = CASE WHEN mail_kind = 'INVITATION' THEN $2::timestamptz ELSE sent_at END
        WHERE id = ANY($1::uuid[]) AND mail_state = 'QUEUED'`,
      [outcome.sent, now],
    );
  }
  if (outcome.failed.length === 0) return [];
  const rows = await updateReturning<{ id: string; mail_state: string }>(
    db,
    `UPDATE invitations i
        SET mail_attempts = i.mail_attempts + 1, mail_error = t.error,
            mail_state = CASE WHEN i.mail_attempts + 1 > $3 THEN 'FAILED' ELSE 'QUEUED' END
       FROM unnest($1::uuid[], $2::text[]) AS t(id, error)
      WHERE i.id = t.id AND i.mail_state = 'QUEUED'
      RETURNING i.id, i.mail_state`,
    [outcome.failed.map((f) => f.id), outcome.failed.map((f) => f.error), retries],
  );
  return rows.filter((r) => r.mail_state === 'QUEUED').map((r) => r.id);
}

async function giveUp(db: EntityManager, batchId: string, error: string): Promise<void> {
  await db.query(`UPDATE invitations SET mail_state = 'FAILED', mail_error = $2 WHERE mail_batch_id = $1 AND mail_state = 'QUEUED'`, [batchId, error]);
}

async function finish(db: EntityManager, batchId: string, now: Date): Promise<void> {
  await db.query(`UPDATE mail_batches SET finished_at = $2, created_all = true WHERE id = $1`, [batchId, now]);
}

/**
 * What the wave page shows of a failed mail: the mail server's words (with its error code once),
 * without a survey link and without the server's own file paths.
 */
export function describeError(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  const message = error instanceof Error ? error.message : String(error);
  const text = typeof code === 'string' && !message.startsWith(code) ? `${code}: ${message}` : message;
  return text
    .replace(/https?:\/\/\S+/g, '[link]')
    .replace(/'?(?:\/[^\s/']+)+\/?'?/g, '[file]')
    .slice(0, 500);
}
