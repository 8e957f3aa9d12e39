import { In, type EntityManager } from 'typeorm';
import type { AppServices, Context } from '../../kernel/context.js';
import { orgOf } from '../../kernel/context.js';
import { isUuid } from '../../kernel/batch.js';
import { badInput, forbidden, invalidState, notFound } from '../../kernel/errors.js';
import { ContactEntity } from '../contacts/contact.entity.js';
import { inviteEmployees, remindEmployees } from './participation.service.js';
import { invitationMail } from '../../platform/mail/invitation-mail.js';
import { publicTitleIn, respondentLanguage } from '../waves/respondent-language.js';
import { MAIL_CONCURRENCY, eachConcurrently } from '../../kernel/mailer.js';
import { OrganizationEntity } from '../../identity/organizations/organization.entity.js';
import { settingsOf } from '../../identity/organizations/organization.service.js';
import { ownScopeOf } from '../../kernel/scope.js';
import type { Role } from '../../identity/users/user.entity.js';
import { manageableAudiences } from '../waves/wave-access.js';
import { WaveEntity } from '../waves/wave.entity.js';
import type { InvitationBatch, ReminderBatch } from './invitation.types.js';
import { checkTarget, selectionWhere, type ContactSelection, type InvitationTargetCount, type InvitationTargetInput } from './invitation-target.js';
import { hashSurveyToken, newSurveyToken, surveyUrl, unsubscribeUrl } from './tokens.js';
import { FEEDBACK_OWNERS_OF_ALL } from '../../kernel/policies.js';
import { markInvited } from '../contacts/contact.service.js';

/** A non-respondent is mailed again at most once in this many hours. */
export const REMINDER_COOLDOWN_HOURS = 24;

/** Which non-respondents a wave's reminder rule reminds now (reminders.ts). */
export interface ReminderDue {
  /** Last mailed (invitation or reminder) at or before this moment… */
  lastMailBefore: Date;
  /** …and reminded fewer times than this. */
  maxReminders: number;
}

export { surveyUrl, unsubscribeUrl };

/** An invitation row just created or re-tokened, with the raw token its mail must carry. */
export interface IssuedToken {
  invitationId: string;
  contactId: string;
  token: string;
  reminder: boolean;
}

/** Who invites to identified waves; employee waves are HR's and admins' (manageableAudiences). */
const CONTACT_INVITERS: readonly Role[] = ['ADMIN', 'CX', 'MANAGER'];

/**
 * The wave invitations and reminders go out for: the caller's organization's (NOT_FOUND otherwise,
 * like an unknown id), of an audience the caller invites (FORBIDDEN: employee waves are for HR and
 * admins, identified ones for CX, managers and admins), and OPEN (INVALID_STATE).
 */
async function waveToInvite(ctx: Context, organizationId: string, waveId: string): Promise<WaveEntity> {
  const wave = isUuid(waveId) ? await ctx.db.findOneBy(WaveEntity, { id: waveId, organizationId }) : null;
  if (!wave) throw notFound('Wave', 'waveId');
  const principal = ctx.principal!;
  if (wave.anonymous) {
    if (!manageableAudiences(principal).has(wave.audience)) throw forbidden('Only HR and admins invite employees to their anonymous surveys');
  } else if (principal.kind === 'user' && !principal.roles.some((role) => CONTACT_INVITERS.includes(role))) {
    throw forbidden('Only CX, managers and admins invite contacts');
  }
  if (wave.status !== 'OPEN') throw invalidState(`Invitations go out only while a wave is OPEN; this one is ${wave.status}`, 'waveId');
  if (wave.closesAt && wave.closesAt.getTime() <= ctx.app.now().getTime()) {
    throw invalidState('This wave is past its closing time', 'waveId');
  }
  return wave;
}

interface Candidate {
  id: string;
  unsubscribed: boolean;
  throttled: boolean;
  invited: boolean;
}

/**
 * The contacts a selection names, each with why it would be skipped. `lock` takes FOR UPDATE,
 * which serializes concurrent invitations of the same contacts so the throttle holds.
 */
async function candidatesOf(
  db: EntityManager,
  args: { organizationId: string; waveId: string; selection: ContactSelection; ownerScope: string | null; throttleDays: number; now: Date; lock: boolean },
): Promise<Candidate[]> {
  const where = selectionWhere(args.selection, args.ownerScope, 5);
  return db.query(
    `SELECT c.id,
            c.unsubscribed_at IS NOT NULL AS unsubscribed,
            (c.last_invited_at IS NOT NULL AND c.last_invited_at > $3::timestamptz - make_interval(days => $4::int)) AS throttled,
            EXISTS (SELECT 1 FROM invitations i WHERE i.wave_id = $2 AND i.contact_id = c.id) AS invited
       FROM contacts c
      WHERE c.organization_id = $1 AND ${where.sql}
      ORDER BY c.id
      ${args.lock ? 'FOR UPDATE OF c' : ''}`,
    [args.organizationId, args.waveId, args.now, args.throttleDays, ...where.params],
  );
}

/** NOT_FOUND on the field when a named contact is not the organization's (or, for a manager, not theirs). */
async function checkNamedContacts(db: EntityManager, organizationId: string, selection: ContactSelection, ownerScope: string | null, field: string) {
  if (!selection.contactIds) return;
  const [{ count }]: { count: number }[] = await db.query(
    `SELECT count(*)::int AS count FROM contacts WHERE organization_id = $1 AND id = ANY($2::uuid[]) AND ($3::uuid IS NULL OR owner_id = $3::uuid)`,
    [organizationId, selection.contactIds, ownerScope],
  );
  if (count !== selection.contactIds.length) throw notFound('Contact', field);
}

/**
 * Creates one PENDING invitation per eligible contact (set-based, in the caller's transaction) and
 * stamps the contacts' last_invited_at. Contacts already invited to the wave, invited anywhere
 * within the throttle window, or unsubscribed are counted and left out. The contacts are the
 * `selection` (invitation-target.ts), or else contactIds (null: every contact), in both cases only
 * ownerId's when given. Throws NOT_FOUND (contactIds) when a named contact is not the
 * organization's (or not ownerId's), before writing anything.
 */
export async function createInvitations(
  tx: EntityManager,
  args: {
    organizationId: string;
    waveId: string;
    contactIds: string[] | null;
    selection?: ContactSelection;
    /** The field named when a contact is unknown. */
    field?: string;
    ownerId: string | null;
    throttleDays: number;
    now: Date;
    token?: () => string;
  },
): Promise<{ issued: IssuedToken[]; alreadyInvited: number; throttled: number; unsubscribed: number }> {
  const { organizationId, waveId, contactIds, ownerId, throttleDays, now } = args;
  const selection: ContactSelection = args.selection ?? { all: contactIds === null, contactIds, orgUnitIds: null, ownerIds: null, segment: null };
  await checkNamedContacts(tx, organizationId, selection, ownerId, args.field ?? 'contactIds');
  const candidates = await candidatesOf(tx, { organizationId, waveId, selection, ownerScope: ownerId, throttleDays, now, lock: true });

  let alreadyInvited = 0;
  let throttled = 0;
  let unsubscribed = 0;
  const eligible: string[] = [];
  for (const c of candidates) {
    if (c.invited) alreadyInvited++;
    else if (c.unsubscribed) unsubscribed++;
    else if (c.throttled) throttled++;
    else eligible.push(c.id);
  }
  const makeToken = args.token ?? newSurveyToken;
  const tokens = new Map(eligible.map((id) => [id, makeToken()]));
  const inserted: { id: string; contact_id: string }[] = eligible.length
    ? await tx.query(
        `INSERT INTO invitations (organization_id, wave_id, contact_id, token_hash, status, created_at)
         SELECT $1, $2, t.contact_id, t.token_hash, 'PENDING', $5
           FROM unnest($3::uuid[], $4::text[]) AS t(contact_id, token_hash)
         ON CONFLICT (wave_id, contact_id) DO NOTHING
         RETURNING id, contact_id`,
        [organizationId, waveId, eligible, eligible.map((id) => hashSurveyToken(tokens.get(id)!)), now],
      )
    : [];
  // A concurrent call may have invited some of them in between: those count as already invited.
  alreadyInvited += eligible.length - inserted.length;
  await markInvited(tx, inserted.map((r) => r.contact_id), now);
  const issued = inserted.map((r) => ({ invitationId: r.id, contactId: r.contact_id, token: tokens.get(r.contact_id)!, reminder: false }));
  return { issued, alreadyInvited, throttled, unsubscribed };
}

/** Marks invitations whose mail went out: PENDING → SENT (a later status, such as OPENED, stays). */
export async function markSent(db: EntityManager, invitationIds: string[], now: Date): Promise<void> {
  if (invitationIds.length === 0) return;
  await db.query(`UPDATE invitations SET status = 'SENT', sent_at = $2 WHERE id = ANY($1::uuid[]) AND status = 'PENDING'`, [invitationIds, now]);
}

/**
 * Mails each issued token to its contact, in the contact's language, after the rows are committed.
 * A mail that fails is logged (without its link) and counted; its invitation stays PENDING.
 */
export async function deliverInvitations(
  app: AppServices,
  db: EntityManager,
  wave: WaveEntity,
  issued: IssuedToken[],
): Promise<{ sent: number; failed: number }> {
  if (issued.length === 0) return { sent: 0, failed: 0 };
  const organization = await db.findOneByOrFail(OrganizationEntity, { id: wave.organizationId });
  const found = await db.findBy(ContactEntity, { organizationId: wave.organizationId, id: In(issued.map((i) => i.contactId)) });
  const contacts = new Map(found.map((c) => [c.id, c]));
  const sent: string[] = [];
  let failed = 0;
  await eachConcurrently(issued, MAIL_CONCURRENCY, async (item) => {
    const contact = contacts.get(item.contactId);
    if (!contact) return;
    try {
      await app.mailer.send(
        invitationMail({
          to: contact.email,
          name: contact.name,
          language: respondentLanguage(wave.languages, contact.language),
          title: publicTitleIn(wave.publicTitles, respondentLanguage(wave.languages, contact.language)),
          organizationName: organization.name,
          surveyUrl: surveyUrl(app, item.token),
          unsubscribeUrl: unsubscribeUrl(app, item.token),
          reminder: item.reminder,
        }),
      );
      sent.push(item.invitationId);
    } catch (error) {
      failed++;
      app.logger.error({ err: error, invitationId: item.invitationId, waveId: wave.id }, 'an invitation mail could not be sent');
    }
  });
  await markSent(db, sent, app.now());
  return { sent: sent.length, failed };
}

/**
 * Invites to an OPEN wave. Identified waves: the contacts of contactIds or of the target
 * (invitation-target.ts; a MANAGER only ever reaches their own contacts, and naming another's is
 * NOT_FOUND). Neither is BAD_USER_INPUT: nothing invites everyone unless asked with all: true.
 * The rows are written in one transaction; the mails go out after it commits. An employee wave
 * invites its whole active roster, and takes only target { all: true }
 * (survey/employees/participation.service.ts).
 */
export async function inviteToWave(
  ctx: Context,
  waveId: string,
  contactIds: string[] | null | undefined,
  target: InvitationTargetInput | null | undefined,
): Promise<InvitationBatch> {
  const organizationId = orgOf(ctx);
  const wave = await waveToInvite(ctx, organizationId, waveId);
  if (wave.anonymous) {
    checkEmployeeTarget(contactIds, target);
    return inviteEmployees(ctx, wave);
  }
  const selection = await checkTarget(ctx.db, organizationId, contactIds, target);
  const field = contactIds != null ? 'contactIds' : 'target.contactIds';
  const { throttleDays } = await settingsOf(ctx);
  const ownerId = ownScopeOf(ctx, FEEDBACK_OWNERS_OF_ALL);
  const now = ctx.app.now();
  const outcome = await ctx.db.transaction((tx) =>
    createInvitations(tx, { organizationId, waveId: wave.id, contactIds: null, selection, field, ownerId, throttleDays, now }),
  );
  const delivery = await deliverInvitations(ctx.app, ctx.db, wave, outcome.issued);
  ctx.logger.info(
    { event: 'wave.invited', waveId: wave.id, invited: outcome.issued.length, failed: delivery.failed, alreadyInvited: outcome.alreadyInvited, throttled: outcome.throttled, unsubscribed: outcome.unsubscribed },
    'invitations created',
  );
  return {
    invited: outcome.issued.length,
    skipped: outcome.alreadyInvited + outcome.throttled + outcome.unsubscribed,
    alreadyInvited: outcome.alreadyInvited,
    throttled: outcome.throttled,
    unsubscribed: outcome.unsubscribed,
    failed: delivery.failed,
  };
}

/** An employee wave's only target is its whole active roster: no target, or target: { all: true }. */
function checkEmployeeTarget(contactIds: string[] | null | undefined, target: InvitationTargetInput | null | undefined): void {
  if (contactIds != null) throw badInput('contactIds', 'Employee waves invite every active employee on the roster; leave contactIds out and give target: { all: true }');
  if (target == null) return;
  const others = [target.contactIds, target.orgUnitIds, target.ownerIds, target.segment].some((c) => c != null);
  if (others || target.all !== true) throw badInput('target', 'Employee waves invite every active employee on the roster; nobody picks individuals or groups. Give target: { all: true }');
}

/**
 * How many a target names and how many an invitation would reach now, writing nothing: the
 * number the web app shows before asking to confirm. Same checks and errors as inviteToWave.
 * An employee wave: its active roster if nobody is invited yet, else everyone already invited.
 */
export async function invitationTargetCount(
  ctx: Context,
  waveId: string,
  contactIds: string[] | null | undefined,
  target: InvitationTargetInput | null | undefined,
): Promise<InvitationTargetCount> {
  const organizationId = orgOf(ctx);
  const wave = await waveToInvite(ctx, organizationId, waveId);
  if (wave.anonymous) {
    checkEmployeeTarget(contactIds, target);
    const [row]: { roster: number; invited: number }[] = await ctx.db.query(
      `SELECT (SELECT count(*)::int FROM employees WHERE organization_id = $1 AND active) AS roster,
              (SELECT count(*)::int FROM employee_participations WHERE organization_id = $1 AND wave_id = $2) AS invited`,
      [organizationId, wave.id],
    );
    return row.invited > 0
      ? { total: row.invited, eligible: 0, alreadyInvited: row.invited, throttled: 0, unsubscribed: 0 }
      : { total: row.roster, eligible: row.roster, alreadyInvited: 0, throttled: 0, unsubscribed: 0 };
  }
  const selection = await checkTarget(ctx.db, organizationId, contactIds, target);
  const ownerScope = ownScopeOf(ctx, FEEDBACK_OWNERS_OF_ALL);
  await checkNamedContacts(ctx.db, organizationId, selection, ownerScope, contactIds != null ? 'contactIds' : 'target.contactIds');
  const { throttleDays } = await settingsOf(ctx);
  const where = selectionWhere(selection, ownerScope, 5);
  const [row]: InvitationTargetCount[] = await ctx.db.query(
    `SELECT count(*)::int AS total,
            count(*) FILTER (WHERE invited)::int AS "alreadyInvited",
            count(*) FILTER (WHERE NOT invited AND unsubscribed)::int AS unsubscribed,
            count(*) FILTER (WHERE NOT invited AND NOT unsubscribed AND throttled)::int AS throttled,
            count(*) FILTER (WHERE NOT invited AND NOT unsubscribed AND NOT throttled)::int AS eligible
       FROM (SELECT c.unsubscribed_at IS NOT NULL AS unsubscribed,
                    (c.last_invited_at IS NOT NULL AND c.last_invited_at > $3::timestamptz - make_interval(days => $4::int)) AS throttled,
                    EXISTS (SELECT 1 FROM invitations i WHERE i.wave_id = $2 AND i.contact_id = c.id) AS invited
               FROM contacts c
              WHERE c.organization_id = $1 AND ${where.sql}) AS t`,
    [organizationId, wave.id, ctx.app.now(), throttleDays, ...where.params],
  );
  return row;
}

/**
 * Mails the wave's non-respondents again (a MANAGER: their own contacts'). Only token hashes are
 * stored, so a reminder cannot repeat the first link: each reminded invitation gets a NEW token
 * whose hash replaces the old one, and the earlier link stops working. Unsubscribed contacts and
 * those mailed within the last 24 hours are skipped; invitations whose first mail failed (PENDING)
 * are retried as invitations, not counted as reminders. Employee waves remind their own way
 * (remindEmployees): counts only, never who.
 *
 * With `rule` (the wave's reminder rule, run by its schedule: reminders.ts) only the invitations
 * mailed before rule.lastMailBefore and reminded fewer than rule.maxReminders times, PENDING ones left
 * to their own retry.
 */
export async function remindWave(ctx: Context, waveId: string, rule?: ReminderDue): Promise<ReminderBatch> {
  const organizationId = orgOf(ctx);
  const wave = await waveToInvite(ctx, organizationId, waveId);
  if (wave.anonymous) return remindEmployees(ctx, wave, rule);
  const ownerId = ownScopeOf(ctx, FEEDBACK_OWNERS_OF_ALL);
  const now = ctx.app.now();
  const outcome = await ctx.db.transaction(async (tx) => {
    const rows: { id: string; contact_id: string; status: string; unsubscribed: boolean; recent: boolean }[] = await tx.query(
      `SELECT i.id, i.contact_id, i.status,
              c.unsubscribed_at IS NOT NULL AS unsubscribed,
              (i.status <> 'PENDING' AND greatest(i.sent_at, i.reminded_at) > $4::timestamptz - make_interval(hours => $5::int)) AS recent
         FROM invitations i JOIN contacts c ON c.id = i.contact_id
        WHERE i.organization_id = $1 AND i.wave_id = $2 AND i.status IN ('PENDING', 'SENT', 'OPENED')
          AND ($3::uuid IS NULL OR c.owner_id = $3::uuid)
          AND ($6::timestamptz IS NULL OR (i.status <> 'PENDING' AND i.reminders < $7::int AND coalesce(i.reminded_at, i.sent_at) <= $6::timestamptz))
        ORDER BY i.id
          FOR UPDATE OF i`,
      [organizationId, wave.id, ownerId, now, REMINDER_COOLDOWN_HOURS, rule?.lastMailBefore ?? null, rule?.maxReminders ?? 0],
    );
    const due = rows.filter((r) => !r.unsubscribed && !r.recent);
    const issued = due.map((r) => ({ invitationId: r.id, contactId: r.contact_id, token: newSurveyToken(), reminder: r.status !== 'PENDING' }));
    if (issued.length) {
      await tx.query(
        `UPDATE invitations i
            SET token_hash = t.token_hash,
                reminders = i.reminders + CASE WHEN i.status = 'PENDING' THEN 0 ELSE 1 END,
                reminded_at = CASE WHEN i.status = 'PENDING' THEN i.reminded_at ELSE $3::timestamptz END
           FROM unnest($1::uuid[], $2::text[]) AS t(id, token_hash)
          WHERE i.id = t.id`,
        [issued.map((i) => i.invitationId), issued.map((i) => hashSurveyToken(i.token)), now],
      );
    }
    return {
      issued,
      unsubscribed: rows.filter((r) => r.unsubscribed).length,
      recentlyMailed: rows.filter((r) => !r.unsubscribed && r.recent).length,
    };
  });
  const delivery = await deliverInvitations(ctx.app, ctx.db, wave, outcome.issued);
  ctx.logger.info({ event: 'wave.reminded', waveId: wave.id, reminded: outcome.issued.length, failed: delivery.failed }, 'reminders sent');
  return {
    reminded: outcome.issued.length,
    skipped: outcome.unsubscribed + outcome.recentlyMailed,
    unsubscribed: outcome.unsubscribed,
    recentlyMailed: outcome.recentlyMailed,
    failed: delivery.failed,
    countsHidden: false,
  };
}

/** The respondent opened their link: PENDING or SENT becomes OPENED (a later status stays). */
export async function markOpened(db: EntityManager, invitationId: string, now: Date): Promise<void> {
  await db.query(`UPDATE invitations SET status = 'OPENED', opened_at = $2 WHERE id = $1 AND status IN ('PENDING', 'SENT')`, [invitationId, now]);
}
