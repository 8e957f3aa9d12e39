import { createHmac, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { compareNps, nps, type NpsCounts } from '@tandem/nps-core';
import type { Context, Principal } from '../../kernel/context.js';
import { isUuid } from '../../kernel/batch.js';
import { badInput } from '../../kernel/errors.js';
import { zoned } from '../../kernel/zoned-time.js';
import type { Role } from '../../kernel/policies.js';
import type { ScheduledJob } from '../../platform/jobs/schedules.js';
import { digestMail } from '../../platform/mail/digest-mail.js';
import type { AppServices } from '../../kernel/context.js';
import { DEFAULT_SETTINGS } from '../../identity/organizations/organization.service.js';
import { feedConditions, feedRows, feedScopeOf } from './feed.service.js';

/**
 * Digests (issue 19): an opt-in daily or weekly mail (notification preferences: digestFrequency
 * DAILY or WEEKLY, the DIGEST mail kind on). The scheduler's tick finds who is due — at 07:00 in
 * the organization's time zone, every day or on Mondays — and sends one scheduled job per user and
 * local day (its key makes two ticks one job); the job sends only when no digest went out since
 * that moment, so a retried or repeated job sends once. A digest covers what came since the last
 * one (or one period back for the first). A digest with no new comment and no detractor waiting is
 * not sent (its moment is still stamped).
 */
export const FEED_DIGEST = 'feed.digest';
const DIGEST_HOUR = 7;
const DAY_MS = 24 * 3600_000;

type Frequency = 'DAILY' | 'WEEKLY';
const periodOf = (frequency: Frequency) => (frequency === 'DAILY' ? DAY_MS : 7 * DAY_MS);

/** When today's digest is due in the zone (07:00 local, as an instant), or null when none is due today or not yet. */
function dueMoment(now: Date, timeZone: string, frequency: Frequency): { at: Date; date: string } | null {
  const local = zoned(now, timeZone);
  if (local.hour < DIGEST_HOUR) return null;
  if (frequency === 'WEEKLY' && local.weekday !== 'Mon') return null;
  return { at: new Date(now.getTime() - local.sinceMidnightMs + DIGEST_HOUR * 3600_000), date: local.date };
}

interface DueRow {
  user_id: string;
  organization_id: string;
  digest_frequency: Frequency;
  last_digest_at: Date | null;
  time_zone: string | null;
}

/** The tick's sweep: a digest job for each user whose digest is due by `now` and not sent since it was. */
export async function dueDigests(db: EntityManager, now: Date): Promise<{ job: ScheduledJob; key: string }[]> {
  const rows: DueRow[] = await db.query(
    `SELECT p.user_id, p.organization_id, p.digest_frequency, p.last_digest_at, o.settings->>'timeZone' AS time_zone
       FROM notification_preferences p
       JOIN users u ON u.id = p.user_id AND u.organization_id = p.organization_id AND u.active
       JOIN organizations o ON o.id = p.organization_id
      WHERE p.digest_frequency IN ('DAILY', 'WEEKLY') AND NOT ('DIGEST' = ANY(p.mails_off))`,
  );
  const due: { job: ScheduledJob; key: string }[] = [];
  for (const row of rows) {
    const moment = dueMoment(now, row.time_zone || DEFAULT_SETTINGS.timeZone, row.digest_frequency);
    if (!moment || (row.last_digest_at && row.last_digest_at >= moment.at)) continue;
    due.push({
      job: { organizationId: row.organization_id, kind: FEED_DIGEST, id: row.user_id, at: moment.date },
      key: `${FEED_DIGEST}:${row.user_id}:${moment.date}`,
    });
  }
  return due;
}

interface UserRow {
  id: string;
  name: string;
  email: string;
  language: string;
  roles: Role[];
  digest_frequency: string;
  mails_off: string[];
  last_digest_at: Date | null;
  organization_name: string;
  time_zone: string | null;
}

const digestKey = (app: AppServices) => createHmac('sha256', app.config.jwtSecret).update('tandem:digest-unsubscribe').digest();
const signature = (app: AppServices, userId: string) => createHmac('sha256', digestKey(app)).update(`digest-off:${userId}`).digest('base64url');

/** The digest's one-click unsubscribe token: the user's id and its signature (no expiry: it only turns a mail off). */
export const digestUnsubscribeToken = (app: AppServices, userId: string) => `${userId}.${signature(app, userId)}`;

/** turnOffDigest(token): the digest of the token's user is turned off. A token that is not one of ours is BAD_USER_INPUT naming token. */
export async function turnOffDigest(ctx: Context, token: string): Promise<boolean> {
  const [userId, sig] = (token ?? '').split('.');
  const expected = userId && isUuid(userId) ? Buffer.from(signature(ctx.app, userId)) : null;
  if (!expected || !sig || sig.length !== expected.length || !timingSafeEqual(Buffer.from(sig), expected)) {
    throw badInput('token', 'This unsubscribe link is not valid');
  }
  await ctx.db.query(`UPDATE notification_preferences SET digest_frequency = 'NEVER', updated_at = $2 WHERE user_id = $1`, [userId, ctx.app.now()]);
  ctx.logger.info({ event: 'digest.unsubscribed', userId }, 'digest turned off from its mail');
  return true;
}

async function countsOf(db: EntityManager, where: string[], params: unknown[], from: Date, until: Date): Promise<NpsCounts> {
  const all = [...params, from, until];
  const [row]: NpsCounts[] = await db.query(
    `SELECT count(*) FILTER (WHERE r.category = 'PROMOTER')::int AS promoters, count(*) FILTER (WHERE r.category = 'PASSIVE')::int AS passives,
            count(*) FILTER (WHERE r.category = 'DETRACTOR')::int AS detractors
       FROM responses r WHERE ${where.join(' AND ')} AND r.submitted_at >= $${all.length - 1} AND r.submitted_at < $${all.length}`,
    all,
  );
  return row;
}

const USER_SQL = `SELECT u.id, u.name, u.email, u.language, u.roles, p.digest_frequency, p.mails_off, p.last_digest_at, o.name AS organization_name,
            o.settings->>'timeZone' AS time_zone
       FROM users u JOIN notification_preferences p ON p.user_id = u.id JOIN organizations o ON o.id = u.organization_id
      WHERE u.id = $1 AND u.organization_id = $2 AND u.active`;

/** What building a digest needs: a job's context, or the demo seed's services. */
type DigestContext = Pick<Context, 'app' | 'db' | 'logger'>;

/** The scheduled job: builds and sends one user's digest, unless it went out already or they turned it off. */
export async function sendDigest(ctx: Context, job: ScheduledJob): Promise<void> {
  const organizationId = job.organizationId!;
  const now = ctx.app.now();
  const [user]: UserRow[] = await ctx.db.query(USER_SQL, [job.id, organizationId]);
  if (!user || (user.digest_frequency !== 'DAILY' && user.digest_frequency !== 'WEEKLY') || user.mails_off.includes('DIGEST')) return;
  const frequency = user.digest_frequency as Frequency;
  const timeZone = user.time_zone || DEFAULT_SETTINGS.timeZone;
  const moment = dueMoment(now, timeZone, frequency);
  if (!moment || (user.last_digest_at && user.last_digest_at >= moment.at)) return;
  await mailDigest(ctx, organizationId, user, frequency, timeZone);
}

/**
 * The demo's digest (seed): an opted-in follower's digest mailed now, whatever the hour, so a fresh
 * start shows one in the outbox. Answers whether one was sent.
 */
export async function sendDigestNow(ctx: DigestContext, organizationId: string, userId: string): Promise<boolean> {
  const [user]: UserRow[] = await ctx.db.query(USER_SQL, [userId, organizationId]);
  if (!user || (user.digest_frequency !== 'DAILY' && user.digest_frequency !== 'WEEKLY')) return false;
  return mailDigest(ctx, organizationId, user, user.digest_frequency as Frequency, user.time_zone || DEFAULT_SETTINGS.timeZone);
}

/** Builds one user's digest over what came since their last (or one period back) and mails it; false when there was nothing to tell. */
async function mailDigest(ctx: DigestContext, organizationId: string, user: UserRow, frequency: Frequency, timeZone: string): Promise<boolean> {
  const now = ctx.app.now();
  const principal: Principal = { kind: 'user', id: user.id, organizationId, roles: user.roles, scopes: [] };
  const scope = await feedScopeOf(ctx.db, principal);
  const period = periodOf(frequency);
  const since = user.last_digest_at ?? new Date(now.getTime() - period);
  const comments = await feedRows(ctx.db, scope, { hasComment: true }, { first: 9, since });
  const contactIds = [...new Set(comments.rows.map((r) => r.contact_id).filter((id): id is string => !!id))];
  const names = new Map<string, string>(
    contactIds.length
      ? (await ctx.db.query(`SELECT id, name FROM contacts WHERE organization_id = $1 AND id = ANY($2::uuid[])`, [organizationId, contactIds])).map(
          (c: { id: string; name: string }) => [c.id, c.name],
        )
      : [],
  );

  const params: unknown[] = [];
  const where = feedConditions(scope, params);
  const waiting: { contact_name: string | null; score: number; total: number }[] = await ctx.db.query(
    `SELECT c.name AS contact_name, r.score, count(*) OVER ()::int AS total
       FROM responses r JOIN follow_ups f ON f.response_id = r.id AND f.organization_id = r.organization_id AND f.status = 'OPEN'
       LEFT JOIN contacts c ON c.id = r.contact_id
      WHERE ${where.join(' AND ')} AND r.category = 'DETRACTOR'
      ORDER BY f.due_at ASC LIMIT 5`,
    params,
  );
  // Nothing new and nobody waiting: no mail (a digest of only an unchanged NPS teaches people to ignore it).
  if (comments.totalCount === 0 && waiting.length === 0) {
    await ctx.db.query(`UPDATE notification_preferences SET last_digest_at = $2 WHERE user_id = $1`, [user.id, now]);
    ctx.logger.info({ event: 'digest.skipped', userId: user.id, frequency }, 'digest skipped: nothing new');
    return false;
  }
  const current = await countsOf(ctx.db, where, params, new Date(now.getTime() - period), now);
  const previous = await countsOf(ctx.db, where, params, new Date(now.getTime() - 2 * period), new Date(now.getTime() - period));
  const comparison = compareNps(previous, current);
  const base = ctx.app.config.publicUrl;
  const message = digestMail({
    to: user.email,
    name: user.name,
    language: user.language,
    organizationName: user.organization_name,
    frequency,
    comments: comments.rows.slice(0, 8).map((r) => ({
      contactName: r.contact_id ? (names.get(r.contact_id) ?? null) : null,
      score: r.score,
      text: [r.reason, r.suggestion].filter((t) => t && t.trim()).join(' — '),
      at: r.submitted_at,
    })),
    commentCount: comments.totalCount,
    waiting: waiting.map((w) => ({ contactName: w.contact_name, score: w.score })),
    waitingCount: waiting[0]?.total ?? 0,
    nps: {
      current: nps(current),
      previous: nps(previous),
      answers: current.promoters + current.passives + current.detractors,
      change: comparison.change,
      significant: comparison.significant,
    },
    feedUrl: `${base}/feed`,
    unsubscribeUrl: `${base}/digest-off/${digestUnsubscribeToken(ctx.app, user.id)}`,
    timeZone,
  });
  // Stamped first: a crash after the send at worst skips one digest rather than sending it twice.
  await ctx.db.query(`UPDATE notification_preferences SET last_digest_at = $2 WHERE user_id = $1`, [user.id, now]);
  await ctx.app.mailer.send(message);
  ctx.logger.info({ event: 'digest.sent', userId: user.id, frequency, comments: comments.totalCount }, 'digest sent');
  return true;
}
