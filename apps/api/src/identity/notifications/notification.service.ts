import type { EntityManager } from 'typeorm';
import type { Context } from '../../kernel/context.js';
import { orgOf, userOf } from '../../kernel/context.js';
import { isUuid } from '../../kernel/batch.js';
import { paginate, type Connection, type PageArgs } from '../../kernel/connection.js';
import { badInput, notFound } from '../../kernel/errors.js';
import { checkLanguage } from '../people/person-fields.js';
import { setUserLanguage } from '../users/user.service.js';
import { NotificationEntity, NotificationPreferencesEntity } from './notification.entity.js';
import { DEFAULT_DIGEST_FREQUENCY, DIGEST_FREQUENCIES, MAIL_KINDS, isMailKind } from './notification-kinds.js';
import { NotificationMailSetting, NotificationPreferencesType, NotificationType, type NotificationPreferencesInput } from './notification.types.js';

/** The caller's notifications, newest first (unreadOnly: those not read yet). */
export function listNotifications(ctx: Context, page: PageArgs, unreadOnly: boolean): Promise<Connection<NotificationType>> {
  const organizationId = orgOf(ctx);
  const user = userOf(ctx);
  const qb = ctx.db
    .createQueryBuilder(NotificationEntity, 'n')
    .where('n.organization_id = :organizationId AND n.user_id = :userId', { organizationId, userId: user.id });
  if (unreadOnly) qb.andWhere('n.read_at IS NULL');
  return paginate(qb, page, { alias: 'n', time: 'createdAt' }, NotificationType.from);
}

/**
 * Marks the caller's notifications read: the given ids, or all of them. An id that is not one of
 * the caller's (another user's, another organization's, unknown) is NOT_FOUND naming ids, and
 * nothing is marked. Answers how many were unread and are read now.
 */
export async function markNotificationsRead(ctx: Context, ids: string[] | null | undefined, all: boolean | null | undefined): Promise<number> {
  const organizationId = orgOf(ctx);
  const user = userOf(ctx);
  const now = ctx.app.now();
  if (all) {
    if (ids?.length) throw badInput('ids', 'Give ids or all: true, not both');
    const [, count]: [unknown, number] = await ctx.db.query(
      `UPDATE notifications SET read_at = $3 WHERE organization_id = $1 AND user_id = $2 AND read_at IS NULL`,
      [organizationId, user.id, now],
    );
    return count;
  }
  if (!ids || ids.length === 0) throw badInput('ids', 'Give the ids of the notifications to mark read, or all: true');
  if (ids.length > 500) throw badInput('ids', 'At most 500 ids at a time');
  const unique = [...new Set(ids.map((id) => id.toLowerCase()))];
  if (!unique.every(isUuid)) throw notFound('Notification', 'ids');
  return ctx.db.transaction(async (tx) => {
    const [{ found }]: { found: number }[] = await tx.query(
      `SELECT count(*)::int AS found FROM notifications WHERE organization_id = $1 AND user_id = $2 AND id = ANY($3::uuid[])`,
      [organizationId, user.id, unique],
    );
    if (found !== unique.length) throw notFound('Notification', 'ids');
    const [, count]: [unknown, number] = await tx.query(
      `UPDATE notifications SET read_at = $4 WHERE organization_id = $1 AND user_id = $2 AND id = ANY($3::uuid[]) AND read_at IS NULL`,
      [organizationId, user.id, unique, now],
    );
    return count;
  });
}

function preferencesOf(row: NotificationPreferencesEntity | null, language: string): NotificationPreferencesType {
  const off = new Set(row?.mailsOff ?? []);
  return Object.assign(new NotificationPreferencesType(), {
    mails: MAIL_KINDS.map((kind) => Object.assign(new NotificationMailSetting(), { kind, enabled: !off.has(kind) })),
    digestFrequency: row?.digestFrequency ?? DEFAULT_DIGEST_FREQUENCY,
    language,
  });
}

async function languageOf(ctx: Context): Promise<string> {
  const user = await ctx.loaders.user.load(userOf(ctx).id);
  return user?.language ?? 'en';
}

export async function myNotificationPreferences(ctx: Context): Promise<NotificationPreferencesType> {
  const organizationId = orgOf(ctx);
  const user = userOf(ctx);
  const row = await ctx.db.findOneBy(NotificationPreferencesEntity, { userId: user.id, organizationId });
  return preferencesOf(row, await languageOf(ctx));
}

/**
 * Changes the caller's preferences. Every value is checked first: an unknown mail kind, a kind
 * given twice, an unknown digest frequency or language is BAD_USER_INPUT naming its field, and
 * nothing changes. The language is the user's own (users.language, identity/users).
 */
export async function updateNotificationPreferences(ctx: Context, input: NotificationPreferencesInput): Promise<NotificationPreferencesType> {
  const organizationId = orgOf(ctx);
  const user = userOf(ctx);
  const seen = new Set<string>();
  (input.mails ?? []).forEach((setting, i) => {
    if (!isMailKind(setting.kind)) throw badInput(`input.mails[${i}].kind`, `Unknown notification kind "${setting.kind}"; use ${MAIL_KINDS.join(', ')}`);
    if (seen.has(setting.kind)) throw badInput(`input.mails[${i}].kind`, `${setting.kind} is listed twice`);
    seen.add(setting.kind);
  });
  const frequency = input.digestFrequency ?? null;
  if (frequency !== null && !(DIGEST_FREQUENCIES as readonly string[]).includes(frequency)) {
    throw badInput('input.digestFrequency', `Unknown digest frequency "${frequency}"; use ${DIGEST_FREQUENCIES.join(', ')}`);
  }
  let language: string | null = null;
  if (input.language != null) {
    const checked = checkLanguage(input.language);
    if (checked.problem || !input.language.trim()) throw badInput('input.language', checked.problem?.message ?? 'Give a language: en, pl, da, ru or sl');
    language = checked.value;
  }
  const now = ctx.app.now();
  await ctx.db.transaction(async (tx) => {
    const current = await tx.findOne(NotificationPreferencesEntity, { where: { userId: user.id, organizationId }, lock: { mode: 'pessimistic_write' } });
    const off = new Set(current?.mailsOff ?? []);
    for (const setting of input.mails ?? []) {
      if (setting.enabled) off.delete(setting.kind);
      else off.add(setting.kind);
    }
    await tx.query(
      `INSERT INTO notification_preferences (user_id, organization_id, mails_off, digest_frequency, updated_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (user_id) DO UPDATE SET mails_off = EXCLUDED.mails_off, digest_frequency = EXCLUDED.digest_frequency, updated_at = EXCLUDED.updated_at`,
      [user.id, organizationId, MAIL_KINDS.filter((kind) => off.has(kind)), frequency ?? current?.digestFrequency ?? DEFAULT_DIGEST_FREQUENCY, now],
    );
    if (language) await setUserLanguage(tx, organizationId, user.id, language);
  });
  ctx.loaders.user.clear(user.id);
  ctx.logger.info({ event: 'notification.preferences_changed', fields: Object.keys(input).filter((k) => (input as Record<string, unknown>)[k] != null) }, 'notification preferences changed');
  return myNotificationPreferences(ctx);
}

/**
 * An erasure (survey/privacy): the notifications about these follow-ups (or answers) keep their
 * link and kind but lose the contact's name and words.
 */
export async function scrubNotificationsAbout(tx: EntityManager, organizationId: string, followUpIds: string[], responseIds: string[] = []): Promise<void> {
  if (followUpIds.length === 0 && responseIds.length === 0) return;
  // Thank-yous (THANK_YOU) name the answer rather than a follow-up.
  await tx.query(
    `UPDATE notifications SET data = data - 'contactName' - 'comment'
      WHERE organization_id = $1 AND (data->>'followUpId' = ANY($2::text[]) OR data->>'responseId' = ANY($3::text[]))`,
    [organizationId, followUpIds, responseIds],
  );
}
