import type { EntityManager } from 'typeorm';
import type { Context, Principal } from '../../kernel/context.js';
import type { Role } from '../../kernel/policies.js';
import type { ScheduledJob } from '../../platform/jobs/schedules.js';
import { newsMail } from '../../platform/mail/news-mail.js';
import { DEFAULT_SETTINGS } from '../../identity/organizations/organization.service.js';
import { programmeNews } from './news.service.js';
import { zoned } from '../../kernel/zoned-time.js';

/**
 * The monthly programme news mail (issue 20): on unless the user turned the PROGRAMME_NEWS mail off
 * (notification preferences, as the feed's digest). The scheduler's tick finds, in each
 * organization's time zone, the first days of a month from 08:00 on (NEWS_DAYS of them, so a few
 * missed ticks do not skip a month), and sends one job per staff user and month (its key makes two
 * ticks one job); the job stamps notification_preferences.last_news_at before it mails, so a
 * repeated job sends once. The mail covers the month before, in the user's language.
 */
export const PROGRAMME_NEWS = 'programme.news';
const NEWS_HOUR = 8;
const NEWS_DAYS = 3;
const STAFF: readonly Role[] = ['ADMIN', 'HR', 'CX', 'MANAGER', 'LEADER'];

/** The month's news moment (the 1st, 08:00 local) when `now` is within its first NEWS_DAYS days and past it, with the month covered. */
export function newsMoment(now: Date, timeZone: string): { at: Date; key: string; covered: { from: Date; to: Date; month: string } } | null {
  const local = zoned(now, timeZone);
  if (local.day > NEWS_DAYS || (local.day === 1 && local.sinceMidnightMs < NEWS_HOUR * 3600_000)) return null;
  const at = new Date(now.getTime() - local.sinceMidnightMs - (local.day - 1) * 86_400_000 + NEWS_HOUR * 3600_000);
  const from = new Date(Date.UTC(local.year, local.month - 2, 1));
  const to = new Date(Date.UTC(local.year, local.month - 1, 0));
  const key = `${local.year}-${String(local.month).padStart(2, '0')}`;
  return { at, key, covered: { from, to, month: from.toISOString().slice(0, 7) } };
}

interface Due {
  user_id: string;
  organization_id: string;
  last_news_at: Date | null;
  time_zone: string | null;
}

/** The tick's sweep: a news job for each staff user whose month's news is due and not sent. */
export async function dueNewsDigests(db: EntityManager, now: Date): Promise<{ job: ScheduledJob; key: string }[]> {
  const rows: Due[] = await db.query(
    `SELECT u.id AS user_id, u.organization_id, p.last_news_at, o.settings->>'timeZone' AS time_zone
       FROM users u JOIN organizations o ON o.id = u.organization_id
       LEFT JOIN notification_preferences p ON p.user_id = u.id
      WHERE u.active AND u.roles && $1::text[] AND NOT ('PROGRAMME_NEWS' = ANY(coalesce(p.mails_off, '{}')))`,
    [STAFF],
  );
  const due: { job: ScheduledJob; key: string }[] = [];
  for (const row of rows) {
    const moment = newsMoment(now, row.time_zone || DEFAULT_SETTINGS.timeZone);
    if (!moment || (row.last_news_at && row.last_news_at >= moment.at)) continue;
    due.push({ job: { organizationId: row.organization_id, kind: PROGRAMME_NEWS, id: row.user_id, at: moment.key }, key: `${PROGRAMME_NEWS}:${row.user_id}:${moment.key}` });
  }
  return due;
}

interface UserRow {
  id: string;
  name: string;
  email: string;
  language: string;
  roles: Role[];
  mails_off: string[] | null;
  last_news_at: Date | null;
  organization_name: string;
  time_zone: string | null;
}

/**
 * The scheduled job: one user's news of the month before, unless it went out already or they
 * turned it off. `force` (the demo seed) sends the news of the month before now without waiting
 * for the 1st.
 */
export async function sendNewsDigest(ctx: Context, job: ScheduledJob, options: { force?: boolean } = {}): Promise<boolean> {
  const organizationId = job.organizationId!;
  const now = ctx.app.now();
  const [user]: UserRow[] = await ctx.db.query(
    `SELECT u.id, u.name, u.email, u.language, u.roles, p.mails_off, p.last_news_at, o.name AS organization_name, o.settings->>'timeZone' AS time_zone
       FROM users u JOIN organizations o ON o.id = u.organization_id LEFT JOIN notification_preferences p ON p.user_id = u.id
      WHERE u.id = $1 AND u.organization_id = $2 AND u.active`,
    [job.id, organizationId],
  );
  if (!user || (user.mails_off ?? []).includes('PROGRAMME_NEWS') || !user.roles.some((r) => STAFF.includes(r))) return false;
  const timeZone = user.time_zone || DEFAULT_SETTINGS.timeZone;
  let moment = newsMoment(now, timeZone);
  if (!moment && options.force) {
    const local = zoned(now, timeZone);
    const from = new Date(Date.UTC(local.year, local.month - 2, 1));
    moment = { at: now, key: 'demo', covered: { from, to: new Date(Date.UTC(local.year, local.month - 1, 0)), month: from.toISOString().slice(0, 7) } };
  }
  if (!moment || (user.last_news_at && user.last_news_at >= moment.at)) return false;

  // Read as the user: the effect shows only what their roles may read.
  const principal: Principal = { kind: 'user', id: user.id, organizationId, roles: user.roles, scopes: [] };
  const news = await programmeNews({ ...ctx, principal }, moment.covered, user.language);
  const coverage = news.coverage.reduce((s, c) => ({ held: s.held + c.held, teams: s.teams + c.teams, actions: s.actions + c.actions, done: s.done + c.actionsDone }), { held: 0, teams: 0, actions: 0, done: 0 });
  const base = ctx.app.config.publicUrl;
  const message = newsMail({
    to: user.email,
    name: user.name,
    language: user.language,
    organizationName: user.organization_name,
    month: moment.covered.month,
    implemented: news.implemented.map((i) => ({ title: i.title, change: i.effect?.change ?? null, significant: i.effect?.significant ?? null })),
    awards: news.awards.map((a) => ({ category: a.category, winnerName: a.winnerName })),
    coverage,
    quote: news.quote,
    newsUrl: `${base}/news?from=${news.from.toISOString().slice(0, 10)}&to=${news.to.toISOString().slice(0, 10)}`,
    preferencesUrl: `${base}/account`,
  });
  // Stamped first: a crash after the send at worst skips one month rather than sending it twice.
  await ctx.db.query(
    `INSERT INTO notification_preferences (user_id, organization_id, mails_off, digest_frequency, updated_at, last_news_at)
     VALUES ($1, $2, '{}', 'NEVER', $3, $3) ON CONFLICT (user_id) DO UPDATE SET last_news_at = EXCLUDED.last_news_at`,
    [user.id, organizationId, now],
  );
  await ctx.app.mailer.send(message);
  ctx.logger.info({ event: 'news.sent', userId: user.id, month: moment.covered.month }, 'programme news sent');
  return true;
}
