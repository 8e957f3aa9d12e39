import type { EntityManager } from 'typeorm';
import type { Context } from '../../kernel/context.js';
import { orgOf } from '../../kernel/context.js';
import { isUuid } from '../../kernel/batch.js';
import { badInput, forbidden, invalidState, notFound } from '../../kernel/errors.js';
import { inviteEmployees, remindEmployees } from './participation.service.js';
import { settingsOf } from '../../identity/organizations/organization.service.js';
import { ownScopeOf } from '../../kernel/scope.js';
import type { Role } from '../../identity/users/user.entity.js';
import { manageableAudiences } from '../waves/wave-access.js';
import { WaveEntity } from '../waves/wave.entity.js';
import type { InvitationBatch, ReminderBatch, RetryBatch } from './invitation.types.js';
import { checkTarget, selectionWhere, type ContactSelection, type InvitationTargetCount, type InvitationTargetInput } from './invitation-target.js';
import { hashSurveyToken, newSurveyToken, surveyUrl, unsubscribeUrl } from './tokens.js';
import { createMailBatch, queueMail } from './mail-batches.js';
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

/** An invitation row just created, with the raw token its mail must carry. */
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
  // A programme's link is its transaction's (survey/transactions): no target, reminder or retry reaches it.
  if (wave.kind === 'TRANSACTIONAL') throw invalidState('A transactional programme invites once per transaction: use triggerSurvey or a CSV of transactions', 'waveId');
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
  args: {
    organizationId: string;
    waveId: string;
    selection: ContactSelection;
    ownerScope: string | null;
    throttleDays: number;
    now: Date;
    lock: boolean;
    page?: ContactPage;
  },
): Promise<Candidate[]> {
  const where = selectionWhere(args.selection, args.ownerScope, 7);
  return db.query(
    `SELECT c.id,
            c.unsubscribed_at IS NOT NULL AS unsubscribed,
            (c.last_invited_at IS NOT NULL AND c.last_invited_at > $3::timestamptz - make_interval(days => $4::int)) AS throttled,
            EXISTS (SELECT 1 FROM invitations i WHERE i.wave_id = $2 AND i.contact_id = c.id) AS invited
       FROM contacts c
      WHERE c.organization_id = $1 AND ($5::uuid IS NULL OR c.id > $5::uuid) AND ${where.sql}
      ORDER BY c.id
      LIMIT $6
      ${args.lock ? 'FOR UPDATE OF c' : ''}`,
    [args.organizationId, args.waveId, args.now, args.throttleDays, args.page?.after ?? null, args.page?.limit ?? null, ...where.params],
  );
}

/** A step through a target's contacts in id order: those after `after` (null: from the first), at most `limit`. */
export interface ContactPage {
  after: string | null;
  limit: number;
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
 * stamps the contacts' last_invited_at. With `page`, only that step of the target's contacts
 * (a mail job's chunk; lastContactId says where the next step starts, null after the last one),
 * the named contacts having been checked when the batch was asked for. With `mailBatchId` the new
 * invitations are QUEUED in that batch, their mail the batch job's to send. Contacts already invited to the wave, invited anywhere
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
    /** The link token of a contact (tokens.ts's invitationToken); random by default. */
    token?: (contactId: string) => string;
    page?: ContactPage;
    mailBatchId?: string;
  },
): Promise<{ issued: IssuedToken[]; alreadyInvited: number; throttled: number; unsubscribed: number; lastContactId: string | null }> {
  const { organizationId, waveId, contactIds, ownerId, throttleDays, now, page } = args;
  const selection: ContactSelection = args.selection ?? { all: contactIds === null, contactIds, orgUnitIds: null, ownerIds: null, segment: null };
  if (!page) await checkNamedContacts(tx, organizationId, selection, ownerId, args.field ?? 'contactIds');
  const candidates = await candidatesOf(tx, { organizationId, waveId, selection, ownerScope: ownerId, throttleDays, now, lock: true, page });

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
  const tokens = new Map(eligible.map((id) => [id, makeToken(id)]));
  const mailBatchId = args.mailBatchId ?? null;
  const inserted: { id: string; contact_id: string }[] = eligible.length
    ? await tx.query(
        `INSERT INTO invitations (organization_id, wave_id, contact_id, token_hash, status, created_at, mail_batch_id, mail_kind, mail_state)
         SELECT $1, $2, t.contact_id, t.token_hash, 'PENDING', $5, $6::uuid,
                CASE WHEN $6::uuid IS NULL THEN NULL ELSE 'INVITATION' END, CASE WHEN $6::uuid IS NULL THEN NULL ELSE 'QUEUED' END
           FROM unnest($3::uuid[], $4::text[]) AS t(contact_id, token_hash)
         ON CONFLICT (wave_id, contact_id) WHERE transaction_id IS NULL DO NOTHING
         RETURNING id, contact_id`,
        [organizationId, waveId, eligible, eligible.map((id) => hashSurveyToken(tokens.get(id)!)), now, mailBatchId],
      )
    : [];
  // A concurrent call may have invited some of them in between: those count as already invited.
  alreadyInvited += eligible.length - inserted.length;
  await markInvited(tx, inserted.map((r) => r.contact_id), now);
  const issued = inserted.map((r) => ({ invitationId: r.id, contactId: r.contact_id, token: tokens.get(r.contact_id)!, reminder: false }));
  const lastContactId = page && candidates.length === page.limit ? candidates[candidates.length - 1].id : null;
  return { issued, alreadyInvited, throttled, unsubscribed, lastContactId };
}

/** Marks invitations whose mail went out: PENDING → SENT (a later status, such as OPENED, stays). */
export async function markSent(db: EntityManager, invitationIds: string[], now: Date): Promise<void> {
  if (invitationIds.length === 0) return;
  await db.query(`UPDATE invitations SET status = 'SENT', sent_at = $2 WHERE id = ANY($1::uuid[]) AND status = 'PENDING'`, [invitationIds, now]);
}

/**
 * Invites to an OPEN wave. Identified waves: the contacts of contactIds or of the target
 * (invitation-target.ts; a MANAGER only ever reaches their own contacts, and naming another's is
 * NOT_FOUND). Neither is everyone (as all: true). Answers at once: it checks the target, counts who
 * would be invited now (the answer's `invited` are queued) and writes a mail batch whose job
 * creates the invitations and mails them (mail-batches.ts); mailBatch(batchId) follows it. An
 * employee wave invites its whole active roster in the request, and takes only target { all: true }
 * (participation.service.ts).
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
    return { ...(await inviteEmployees(ctx, wave)), batchId: null };
  }
  const selection = await checkTarget(ctx.db, organizationId, contactIds, target);
  const ownerScope = ownScopeOf(ctx, FEEDBACK_OWNERS_OF_ALL);
  await checkNamedContacts(ctx.db, organizationId, selection, ownerScope, contactIds != null ? 'contactIds' : 'target.contactIds');
  const { throttleDays } = await settingsOf(ctx);
  const counts = await countTarget(ctx.db, { organizationId, waveId: wave.id, selection, ownerScope, throttleDays, now: ctx.app.now() });
  const batchId = counts.eligible
    ? await ctx.db.transaction((tx) =>
        createMailBatch(tx, {
          organizationId,
          waveId: wave.id,
          kind: 'INVITATION',
          planned: counts.eligible,
          createdBy: ctx.principal?.kind === 'user' ? ctx.principal.id : null,
          invitation: { selection, ownerScope, throttleDays },
        }),
      )
    : null;
  ctx.logger.info({ event: 'wave.invited', waveId: wave.id, batchId, queued: counts.eligible, alreadyInvited: counts.alreadyInvited, throttled: counts.throttled, unsubscribed: counts.unsubscribed }, 'invitations queued');
  return {
    batchId,
    invited: counts.eligible,
    skipped: counts.alreadyInvited + counts.throttled + counts.unsubscribed,
    alreadyInvited: counts.alreadyInvited,
    throttled: counts.throttled,
    unsubscribed: counts.unsubscribed,
    failed: 0,
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
  return countTarget(ctx.db, { organizationId, waveId: wave.id, selection, ownerScope, throttleDays, now: ctx.app.now() });
}

/** How many contacts a checked selection names, and why each would be left out now: one aggregate, writing nothing. */
async function countTarget(
  db: EntityManager,
  args: { organizationId: string; waveId: string; selection: ContactSelection; ownerScope: string | null; throttleDays: number; now: Date },
): Promise<InvitationTargetCount> {
  const where = selectionWhere(args.selection, args.ownerScope, 5);
  const [row]: InvitationTargetCount[] = await db.query(
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
    [args.organizationId, args.waveId, args.now, args.throttleDays, ...where.params],
  );
  return row;
}

/**
 * Reminds the wave's non-respondents (a MANAGER: their own contacts'), as a mail batch: the
 * reminders are queued in one transaction and a job mails them (mail-batches.ts). A reminder
 * carries the link the person already has (tokens.ts), so no earlier link stops working.
 * Unsubscribed contacts and those mailed within the last 24 hours are skipped; invitations whose
 * first mail failed (PENDING) get their invitation again, not counted as reminders, and one still
 * queued is left to its batch. Employee waves remind their own way (remindEmployees): counts only,
 * never who.
 *
 * With `rule` (the wave's reminder rule, run by its schedule: reminders.ts) only the invitations
 * mailed before rule.lastMailBefore and reminded fewer than rule.maxReminders times, PENDING ones left
 * to their own retry.
 */
export async function remindWave(ctx: Context, waveId: string, rule?: ReminderDue): Promise<ReminderBatch> {
  const organizationId = orgOf(ctx);
  const wave = await waveToInvite(ctx, organizationId, waveId);
  if (wave.anonymous) return { ...(await remindEmployees(ctx, wave, rule)), batchId: null };
  const ownerId = ownScopeOf(ctx, FEEDBACK_OWNERS_OF_ALL);
  const now = ctx.app.now();
  const outcome = await ctx.db.transaction(async (tx) => {
    const rows: { id: string; contact_id: string; status: string; unsubscribed: boolean; recent: boolean }[] = await tx.query(
      `SELECT i.id, i.contact_id, i.status,
              c.unsubscribed_at IS NOT NULL AS unsubscribed,
              (i.status <> 'PENDING' AND greatest(i.sent_at, i.reminded_at) > $4::timestamptz - make_interval(hours => $5::int)) AS recent
         FROM invitations i JOIN contacts c ON c.id = i.contact_id
        WHERE i.organization_id = $1 AND i.wave_id = $2 AND i.status IN ('PENDING', 'SENT', 'OPENED')
          AND i.mail_state IS DISTINCT FROM 'QUEUED'
          AND ($3::uuid IS NULL OR c.owner_id = $3::uuid)
          AND ($6::timestamptz IS NULL OR (i.status <> 'PENDING' AND i.reminders < $7::int AND coalesce(i.reminded_at, i.sent_at) <= $6::timestamptz))
        ORDER BY i.id
          FOR UPDATE OF i`,
      [organizationId, wave.id, ownerId, now, REMINDER_COOLDOWN_HOURS, rule?.lastMailBefore ?? null, rule?.maxReminders ?? 0],
    );
    const due = rows.filter((r) => !r.unsubscribed && !r.recent);
    const batchId = await queueMail(tx, ctx.app, {
      organizationId,
      waveId: wave.id,
      kind: 'REMINDER',
      createdBy: ctx.principal?.kind === 'user' ? ctx.principal.id : null,
      invitations: due.map((r) => ({ id: r.id, contactId: r.contact_id, mailKind: r.status === 'PENDING' ? 'INVITATION' : 'REMINDER' })),
      countReminders: true,
    });
    return {
      batchId,
      reminded: due.length,
      unsubscribed: rows.filter((r) => r.unsubscribed).length,
      recentlyMailed: rows.filter((r) => !r.unsubscribed && r.recent).length,
    };
  });
  ctx.logger.info({ event: 'wave.reminded', waveId: wave.id, batchId: outcome.batchId, queued: outcome.reminded }, 'reminders queued');
  return {
    batchId: outcome.batchId,
    reminded: outcome.reminded,
    skipped: outcome.unsubscribed + outcome.recentlyMailed,
    unsubscribed: outcome.unsubscribed,
    recentlyMailed: outcome.recentlyMailed,
    failed: 0,
    countsHidden: false,
  };
}

/**
 * Queues again every mail of the wave that failed for good (FAILED after its batch's last retry; a
 * MANAGER: their own contacts'), as a new batch. Each goes out as the same mail it was meant to be
 * (the same invitation or reminder, with the same link), so a failure that did reach the person
 * earlier is repeated, not doubled. Employee waves keep no per-person mail state: INVALID_STATE.
 */
export async function retryFailedMail(ctx: Context, waveId: string): Promise<RetryBatch> {
  const organizationId = orgOf(ctx);
  const wave = await waveToInvite(ctx, organizationId, waveId);
  if (wave.anonymous) throw invalidState('Employee survey mails are not retried one by one; remindWave mails everyone who has not answered', 'waveId');
  const ownerId = ownScopeOf(ctx, FEEDBACK_OWNERS_OF_ALL);
  return ctx.db.transaction(async (tx) => {
    const failed: { id: string; contact_id: string; mail_kind: 'INVITATION' | 'REMINDER' }[] = await tx.query(
      `SELECT i.id, i.contact_id, i.mail_kind
         FROM invitations i JOIN contacts c ON c.id = i.contact_id
        WHERE i.organization_id = $1 AND i.wave_id = $2 AND i.mail_state = 'FAILED' AND c.unsubscribed_at IS NULL
          AND ($3::uuid IS NULL OR c.owner_id = $3::uuid)
        ORDER BY i.id
          FOR UPDATE OF i`,
      [organizationId, wave.id, ownerId],
    );
    const batchId = await queueMail(tx, ctx.app, {
      organizationId,
      waveId: wave.id,
      kind: 'RETRY',
      createdBy: ctx.principal?.kind === 'user' ? ctx.principal.id : null,
      invitations: failed.map((r) => ({ id: r.id, contactId: r.contact_id, mailKind: r.mail_kind })),
      countReminders: false,
    });
    return { batchId, retried: failed.length };
  });
}

/** The respondent opened their link: PENDING or SENT becomes OPENED (a later status stays). */
export async function markOpened(db: EntityManager, invitationId: string, now: Date): Promise<void> {
  await db.query(`UPDATE invitations SET status = 'OPENED', opened_at = $2 WHERE id = $1 AND status IN ('PENDING', 'SENT')`, [invitationId, now]);
}
