import { updateReturning } from '../../kernel/sql.js';
import type { EntityManager } from 'typeorm';
import { publicTitleIn, respondentLanguage } from '../waves/respondent-language.js';
import type { AppServices, Context } from '../../kernel/context.js';
import { effectiveThreshold } from '../../identity/organizations/anonymity-threshold.js';
import { thresholdOf } from '../../identity/organizations/anonymity-threshold.js';
import type { InvitationBatch, ReminderBatch } from './invitation.types.js';
import { hashSurveyToken, newSurveyToken, participationToken, surveyUrl } from './tokens.js';
import { employeeInvitationMail } from '../../platform/mail/employee-mail.js';
import { MAIL_CONCURRENCY, eachConcurrently } from '../../kernel/mailer.js';
import { OrganizationEntity } from '../../identity/organizations/organization.entity.js';
import type { WaveEntity } from '../waves/wave.entity.js';

/**
 * Invitations and reminders of anonymous employee waves (docs/anonymity.md). The whole active
 * roster is invited (nobody picks individuals); each person gets a participation row holding only
 * the SHA-256 of their link's token, the date (not the time) of the invitation and whether they
 * answered. Callers get counts, never a list: not who was invited, not who was reminded. Mails go
 * out with `confidentialRecipient`, so logs and outbox file names do not list the recipients of a
 * reminder (who has not answered yet). invitation.service.ts dispatches here by the wave's audience.
 */

/** The UTC date of a moment, YYYY-MM-DD: all participations and answers keep of a time. */
export const utcDate = (moment: Date): string => moment.toISOString().slice(0, 10);

/** The organization's reporting threshold k (never below the guard's minimum). */
export async function anonymityThresholdOf(db: EntityManager, organizationId: string): Promise<number> {
  const organization = await db.findOneByOrFail(OrganizationEntity, { id: organizationId });
  return effectiveThreshold(organization.settings?.anonymityThreshold);
}

/** A link just issued, with the raw token its mail must carry. Lives in memory only, until mailed. */
export interface IssuedLink {
  employeeId: string;
  token: string;
  reminder: boolean;
}

/**
 * The wave's participants, fixed at its first invitation (docs/anonymity.md): one participation per
 * active employee, each with the person's unit, location and tenure band as the roster has them
 * now — the wave's snapshot, which later roster changes do not touch. Set-based, in the caller's
 * transaction. A wave that already has participants gets nobody new: people added to the roster
 * later are not invited to it (a reader could otherwise add people to a small team mid-wave).
 * Concurrent first invitations cannot both create participants: the wave's row is locked.
 */
export async function createParticipations(
  tx: EntityManager,
  args: { organizationId: string; waveId: string; invitedOn: string; token?: (employeeId: string) => string },
): Promise<{ issued: IssuedLink[]; alreadyInvited: number }> {
  const { organizationId, waveId, invitedOn } = args;
  await tx.query(`SELECT 1 FROM waves WHERE id = $1 AND organization_id = $2 FOR UPDATE`, [waveId, organizationId]);
  const [{ existing }]: { existing: number }[] = await tx.query(
    `SELECT count(*)::int AS existing FROM employee_participations WHERE organization_id = $1 AND wave_id = $2`,
    [organizationId, waveId],
  );
  if (existing > 0) return { issued: [], alreadyInvited: existing };
  const roster: { id: string }[] = await tx.query(`SELECT e.id FROM employees e WHERE e.organization_id = $1 AND e.active ORDER BY e.id`, [organizationId]);
  const makeToken = args.token ?? (() => newSurveyToken());
  const tokens = new Map(roster.map((e) => [e.id, makeToken(e.id)]));
  const inserted: { employee_id: string }[] = roster.length
    ? await tx.query(
        `INSERT INTO employee_participations (organization_id, wave_id, employee_id, token_hash, responded, invited_on, reminders,
                                             org_unit_id, location, tenure_band)
         SELECT $1, $2, e.id, t.token_hash, false, $5::date, 0, e.org_unit_id, e.location, e.tenure_band
           FROM unnest($3::uuid[], $4::text[]) AS t(employee_id, token_hash)
           JOIN employees e ON e.id = t.employee_id AND e.organization_id = $1
         ON CONFLICT (wave_id, employee_id) DO NOTHING
         RETURNING employee_id`,
        [organizationId, waveId, roster.map((e) => e.id), roster.map((e) => hashSurveyToken(tokens.get(e.id)!)), invitedOn],
      )
    : [];
  return { issued: inserted.map((r) => ({ employeeId: r.employee_id, token: tokens.get(r.employee_id)!, reminder: false })), alreadyInvited: 0 };
}

/**
 * Mails each issued link to its employee, in their language, after the rows are committed. A mail
 * that fails is counted and logged with the mailer's error code only (its message may name the
 * recipient); the next reminder mails the same link again.
 */
export async function deliverEmployeeLinks(app: AppServices, db: EntityManager, wave: WaveEntity, issued: IssuedLink[]): Promise<{ sent: number; failed: number }> {
  if (issued.length === 0) return { sent: 0, failed: 0 };
  const organization = await db.findOneByOrFail(OrganizationEntity, { id: wave.organizationId });
  const threshold = effectiveThreshold(organization.settings?.anonymityThreshold);
  const found: { id: string; email: string; name: string; language: string }[] = await db.query(
    `SELECT id, email, name, language FROM employees WHERE organization_id = $1 AND id = ANY($2::uuid[])`,
    [wave.organizationId, issued.map((i) => i.employeeId)],
  );
  const employees = new Map(found.map((e) => [e.id, e]));
  let sent = 0;
  let failed = 0;
  await eachConcurrently(issued, MAIL_CONCURRENCY, async (item) => {
    const employee = employees.get(item.employeeId);
    if (!employee) return;
    try {
      await app.mailer.send(
        employeeInvitationMail({
          to: employee.email,
          name: employee.name,
          language: respondentLanguage(wave.languages, employee.language),
          waveName: publicTitleIn(wave.publicTitles, respondentLanguage(wave.languages, employee.language)),
          organizationName: organization.name,
          surveyUrl: surveyUrl(app, item.token),
          threshold,
          reminder: item.reminder,
        }),
      );
      sent++;
    } catch (error) {
      failed++;
      const code = (error as { code?: unknown })?.code;
      app.logger.error(
        { event: 'mail.failed', waveId: wave.id, reminder: item.reminder, code: typeof code === 'string' ? code : (error as Error)?.name },
        'an employee survey mail could not be sent',
      );
    }
  });
  return { sent, failed };
}

/**
 * Invites the whole active roster to an OPEN employee wave the first time (the caller checked the
 * wave, the caller's role and that the target is { all: true }); nobody picks individuals. Later
 * calls add nobody (the participants were fixed by the first): they resend the links of those who
 * have not answered, exactly as remindWave does, and say how many were already invited.
 */
export async function inviteEmployees(ctx: Context, wave: WaveEntity): Promise<Omit<InvitationBatch, 'batchId'>> {
  const invitedOn = utcDate(ctx.app.now());
  const outcome = await ctx.db.transaction((tx) =>
    createParticipations(tx, { organizationId: wave.organizationId, waveId: wave.id, invitedOn, token: (employeeId) => participationToken(ctx.app, wave.id, employeeId) }),
  );
  if (outcome.alreadyInvited > 0) {
    const resent = await remindEmployees(ctx, wave);
    return { invited: 0, skipped: outcome.alreadyInvited, alreadyInvited: outcome.alreadyInvited, throttled: 0, unsubscribed: 0, failed: resent.failed };
  }
  const delivery = await deliverEmployeeLinks(ctx.app, ctx.db, wave, outcome.issued);
  ctx.logger.info({ event: 'wave.invited', waveId: wave.id, invited: outcome.issued.length, failed: delivery.failed }, 'employee survey invitations created');
  return { invited: outcome.issued.length, skipped: 0, alreadyInvited: 0, throttled: 0, unsubscribed: 0, failed: delivery.failed };
}

/**
 * Mails every participation of an OPEN employee wave that has not answered again, each with the
 * link the person already has (derived: tokens.ts; one made before links were derived is replaced);
 * reminded_on is the date, reminders counts up. The caller learns how many, never who.
 *
 * Deliberately without per-person conditions, because each would let a count expose one person:
 * - a wave is mailed at most once a day (no reminder on the day of an invitation or of an earlier
 *   reminder), as a whole: a per-person cooldown would count today's invitees who have not answered;
 * - leavers are reminded like everyone else: skipping people marked inactive would let a roster
 *   import that deactivates one person show, through the count, whether that person had answered.
 */
export async function remindEmployees(ctx: Context, wave: WaveEntity, rule?: { lastMailBefore: Date; maxReminders: number }): Promise<Omit<ReminderBatch, 'batchId'>> {
  const today = utcDate(ctx.app.now());
  const outcome = await ctx.db.transaction(async (tx) => {
    // With the wave's reminder rule: those last mailed on or before the rule's day, reminded fewer
    // times than its maximum. Every non-respondent of a wave was invited and reminded on the same
    // days, so the rule picks all of them or none: it says nothing about one person.
    const due: { id: string; employee_id: string }[] = await tx.query(
      `SELECT p.id, p.employee_id
         FROM employee_participations p
        WHERE p.organization_id = $1 AND p.wave_id = $2 AND NOT p.responded
          AND ($3::date IS NULL OR (p.reminders < $4::int AND greatest(p.invited_on, p.reminded_on) <= $3::date))
        ORDER BY p.id
          FOR UPDATE`,
      [wave.organizationId, wave.id, rule ? utcDate(rule.lastMailBefore) : null, rule?.maxReminders ?? 0],
    );
    const [{ mailed }]: { mailed: boolean }[] = await tx.query(
      `SELECT EXISTS (
         SELECT 1 FROM employee_participations WHERE wave_id = $1 AND (invited_on >= $2::date OR reminded_on >= $2::date)
       ) AS mailed`,
      [wave.id, today],
    );
    if (mailed) return { issued: [] as IssuedLink[], recentlyMailed: due.length };
    const issued = due.map((p) => ({ participationId: p.id, employeeId: p.employee_id, token: participationToken(ctx.app, wave.id, p.employee_id), reminder: true }));
    if (issued.length) {
      await tx.query(
        `UPDATE employee_participations p
            SET token_hash = t.token_hash, reminders = p.reminders + 1, reminded_on = $3::date
           FROM unnest($1::uuid[], $2::text[]) AS t(id, token_hash)
          WHERE p.id = t.id AND NOT p.responded`,
        [issued.map((i) => i.participationId), issued.map((i) => hashSurveyToken(i.token)), today],
      );
    }
    return { issued: issued.map(({ employeeId, token, reminder }) => ({ employeeId, token, reminder })), recentlyMailed: 0 };
  });
  const delivery = await deliverEmployeeLinks(ctx.app, ctx.db, wave, outcome.issued);
  ctx.logger.info({ event: 'wave.reminded', waveId: wave.id, failed: delivery.failed }, 'employee survey reminders sent');
  // How many were reminded is how many have not answered: below k invited, where the wave's
  // response count is withheld, the reminder counts are withheld too.
  const [{ invited }]: { invited: number }[] = await ctx.db.query(
    `SELECT count(*)::int AS invited FROM employee_participations WHERE organization_id = $1 AND wave_id = $2`,
    [wave.organizationId, wave.id],
  );
  if (invited < (await thresholdOf(ctx))) {
    return { reminded: 0, skipped: 0, unsubscribed: 0, recentlyMailed: 0, failed: 0, countsHidden: true };
  }
  return {
    countsHidden: false,
    reminded: outcome.issued.length,
    skipped: outcome.recentlyMailed,
    unsubscribed: 0,
    recentlyMailed: outcome.recentlyMailed,
    failed: delivery.failed,
  };
}

/** The employee's invitation, spent by their answer: its unit and segments, or none when it was spent already. */
export function spendParticipation(db: EntityManager, tokenHash: string, submissionHash: string | null = null) {
  return updateReturning<{ organization_id: string; wave_id: string; org_unit_id: string | null; location: string | null; tenure_band: string | null }>(
    db,
    `UPDATE employee_participations SET responded = true, submission_hash = $2
      WHERE token_hash = $1 AND responded = false
      RETURNING organization_id, wave_id, org_unit_id, location, tenure_band`,
    [tokenHash, submissionHash],
  );
}

/** Undoes spendParticipation when the answer could not be stored: the link works again. */
export async function giveBackParticipation(db: EntityManager, tokenHash: string): Promise<void> {
  await db.query(`UPDATE employee_participations SET responded = false, submission_hash = NULL WHERE token_hash = $1 AND responded`, [tokenHash]);
}
