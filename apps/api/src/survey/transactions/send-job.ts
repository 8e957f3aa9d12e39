import type { EntityManager } from 'typeorm';
import type { AppServices, Context } from '../../kernel/context.js';
import type { Logger } from '../../logger.js';
import type { ScheduledJob } from '../../platform/jobs/schedules.js';
import { MAIL_CONCURRENCY } from '../../kernel/mailer.js';
import { DEFAULT_SETTINGS } from '../../identity/organizations/organization.service.js';
import { markInvited } from '../contacts/contact.service.js';
import { markSent } from '../invitations/invitation.service.js';
import { paceFor } from '../invitations/mail-pace.js';
import { describeError } from '../invitations/mail-job.js';
import { hashSurveyToken, transactionToken } from '../invitations/tokens.js';
import { mailInvitations } from '../invitations/invitation-mailing.js';
import { WaveEntity } from '../waves/wave.entity.js';
import type { SkipReason } from './transaction.entity.js';

/** Transactions claimed and mailed at a time. */
const CHUNK = 200;
/** A claim older than this was a process that died mid-send: its transactions are taken up again. */
const CLAIM_MINUTES = 10;

export interface SendServices {
  db: EntityManager;
  app: AppServices;
  logger: Logger;
}

interface Claimed {
  id: string;
  contact_id: string;
  invitation_id: string | null;
  email: string;
  name: string;
  language: string | null;
  unsubscribed: boolean;
  last_invited_at: Date | null;
}

/** The scheduled `transactions.send` (wired in src/jobs.ts): the programme's due invitations go out. */
export async function sendScheduledTransactions(ctx: Context, job: ScheduledJob): Promise<void> {
  if (job.id) await sendDueTransactions(ctx, job.organizationId!, job.id);
}

/**
 * Sends every invitation of the programme due by the app's clock, chunk by chunk: a short database
 * transaction claims a chunk (SKIP LOCKED, so two jobs never take the same one), skips the
 * unsubscribed and the throttled with their reason, creates one invitation per remaining
 * transaction (its link derived from the transaction) and stamps the contact invited; then the
 * mails go out outside any transaction, and what went out is marked SENT. A mail that fails leaves
 * its transaction SCHEDULED with its invitation, to be mailed (same link, same mail key) on the
 * job's retry. Answers how many were sent.
 */
export async function sendDueTransactions(services: SendServices, organizationId: string, waveId: string): Promise<number> {
  const { db, app, logger } = services;
  const programme = await db.findOneBy(WaveEntity, { id: waveId, organizationId, kind: 'TRANSACTIONAL' });
  if (!programme) return 0;
  const [org]: { name: string; settings: { throttleDays?: number } }[] = await db.query(`SELECT name, settings FROM organizations WHERE id = $1`, [organizationId]);
  const throttleDays = org.settings?.throttleDays ?? DEFAULT_SETTINGS.throttleDays;
  const pace = paceFor(organizationId, app.config.mailRatePerSecond);
  let sent = 0;
  let failed = 0;
  // Failed in this run: left for the job's retry, not claimed again at once.
  const failedHere: string[] = [];
  for (;;) {
    const now = app.now();
    const toMail = await db.transaction((tx) => claimChunk(tx, programme, throttleDays, now, app, failedHere));
    if (toMail === null) break;
    const mailed = await mailInvitations(app, programme, org.name, toMail, {
      concurrency: MAIL_CONCURRENCY,
      pace,
      token: (row) => transactionToken(app, programme.id, row.id),
      key: (row) => `${row.invitation_id}-invitation`,
    });
    const done = mailed.sent.map((row) => row.id);
    const lost = mailed.failed.map((f) => f.row.id);
    for (const f of mailed.failed) {
      logger.warn({ event: 'transaction.mail_failed', transactionId: f.row.id, error: describeError(f.error) }, 'transaction mail failed; it is tried again');
    }
    await db.transaction(async (tx) => {
      const invitations: { invitation_id: string }[] = await tx.query(
        `UPDATE transactions SET status = 'SENT', sent_at = $2, claimed_at = NULL WHERE id = ANY($1::uuid[]) RETURNING invitation_id`,
        [done, app.now()],
      );
      await markSent(tx, invitations.map((r) => r.invitation_id), app.now());
      if (lost.length) await tx.query(`UPDATE transactions SET claimed_at = NULL WHERE id = ANY($1::uuid[])`, [lost]);
    });
    sent += done.length;
    failed += lost.length;
    failedHere.push(...lost);
    // The mail server failed the whole chunk: stop here; the job's retry goes on later.
    if (lost.length && !done.length) break;
  }
  if (sent || failed) logger.info({ event: 'transactions.sent', waveId, sent, failed }, 'transaction invitations sent');
  if (failed) throw new Error(`${failed} transaction invitations could not be mailed yet; they are tried again`);
  return sent;
}

/**
 * Claims up to CHUNK due transactions and decides each: skipped (recorded with its reason) or to
 * mail (its invitation created now, or kept from a run that died before mailing). Null when none
 * is due; otherwise the ones to mail (possibly none, when all were skipped).
 */
async function claimChunk(tx: EntityManager, programme: WaveEntity, throttleDays: number, now: Date, app: AppServices, except: string[]): Promise<(Claimed & { invitation_id: string })[] | null> {
  const rows: { id: string; contact_id: string; invitation_id: string | null }[] = await tx.query(
    `SELECT id, contact_id, invitation_id FROM transactions
      WHERE wave_id = $1 AND status = 'SCHEDULED' AND send_at <= $2
        AND (claimed_at IS NULL OR claimed_at < $2::timestamptz - make_interval(mins => $3::int)) AND NOT (id = ANY($5::uuid[]))
      ORDER BY send_at, id LIMIT $4
        FOR UPDATE SKIP LOCKED`,
    [programme.id, now, CLAIM_MINUTES, CHUNK, except],
  );
  if (rows.length === 0) return null;
  // The contacts in id order (no deadlock with a trigger locking one of them), for their current state.
  const contacts: Omit<Claimed, 'contact_id' | 'invitation_id'>[] = await tx.query(
    `SELECT id, email, name, language, unsubscribed_at IS NOT NULL AS unsubscribed, last_invited_at
       FROM contacts WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
    [[...new Set(rows.map((r) => r.contact_id))]],
  );
  const contactOf = new Map(contacts.map((c) => [c.id, c]));
  const windowStart = now.getTime() - throttleDays * 86_400_000;
  const skipped: { id: string; reason: SkipReason }[] = [];
  const fresh: Claimed[] = [];
  const kept: Claimed[] = [];
  const invitedNow = new Set<string>();
  for (const row of rows) {
    const contact = contactOf.get(row.contact_id)!;
    const claimed = { ...contact, id: row.id, contact_id: row.contact_id, invitation_id: row.invitation_id } as Claimed;
    if (row.invitation_id) kept.push(claimed);
    else if (programme.status !== 'OPEN') skipped.push({ id: row.id, reason: 'PROGRAMME_CLOSED' });
    else if (contact.unsubscribed) skipped.push({ id: row.id, reason: 'UNSUBSCRIBED' });
    else if (throttleDays > 0 && (invitedNow.has(row.contact_id) || (contact.last_invited_at && contact.last_invited_at.getTime() > windowStart))) {
      skipped.push({ id: row.id, reason: 'THROTTLED' });
    } else {
      invitedNow.add(row.contact_id);
      fresh.push(claimed);
    }
  }
  if (skipped.length) {
    await tx.query(
      `UPDATE transactions t SET status = 'SKIPPED', skip_reason = s.reason FROM unnest($1::uuid[], $2::text[]) AS s(id, reason) WHERE t.id = s.id`,
      [skipped.map((s) => s.id), skipped.map((s) => s.reason)],
    );
  }
  if (fresh.length) {
    const created: { id: string; transaction_id: string }[] = await tx.query(
      `INSERT INTO invitations (organization_id, wave_id, contact_id, transaction_id, token_hash, status, created_at)
       SELECT $1, $2, t.contact_id, t.transaction_id, t.token_hash, 'PENDING', $6
         FROM unnest($3::uuid[], $4::uuid[], $5::text[]) AS t(transaction_id, contact_id, token_hash)
       RETURNING id, transaction_id`,
      [
        programme.organizationId,
        programme.id,
        fresh.map((f) => f.id),
        fresh.map((f) => f.contact_id),
        fresh.map((f) => hashSurveyToken(transactionToken(app, programme.id, f.id))),
        now,
      ],
    );
    const invitationOf = new Map(created.map((c) => [c.transaction_id, c.id]));
    for (const f of fresh) f.invitation_id = invitationOf.get(f.id)!;
    await tx.query(
      `UPDATE transactions t SET invitation_id = s.invitation_id FROM unnest($1::uuid[], $2::uuid[]) AS s(id, invitation_id) WHERE t.id = s.id`,
      [fresh.map((f) => f.id), fresh.map((f) => f.invitation_id)],
    );
    await markInvited(tx, [...invitedNow], now);
  }
  const toMail = [...kept, ...fresh] as (Claimed & { invitation_id: string })[];
  if (toMail.length) await tx.query(`UPDATE transactions SET claimed_at = $2 WHERE id = ANY($1::uuid[])`, [toMail.map((r) => r.id), now]);
  return toMail;
}
