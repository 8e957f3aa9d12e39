/**
 * What Tandem tells people. Every kind is shown in the app; each mail kind can be turned off per
 * user (notification_preferences.mails_off). Digests and team packs come later (issue 17 makes the
 * preference; their features send them).
 */
/**
 * WEBHOOK_DISABLED: an admin's webhook endpoint failed for days and was turned off (in the app only, no mail kind).
 * THANK_YOU: a promoter's answer names the user as who served them (in the app, on top of their feed; no mail kind).
 * TEAM_PACK: a closed wave's discussion pack of a team the user manages is ready (in the app and by mail).
 */
export const NOTIFICATION_KINDS = ['FOLLOW_UP_ASSIGNED', 'FOLLOW_UP_ESCALATED', 'WEBHOOK_DISABLED', 'THANK_YOU', 'TEAM_PACK'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * ACTION_REMINDER: an action a team agreed is due soon (to its owner) or overdue (to CX), loop/discussions.
 * PROGRAMME_NEWS: the monthly programme news (loop/news), on unless turned off.
 */
export const MAIL_KINDS = ['FOLLOW_UP_ASSIGNED', 'FOLLOW_UP_ESCALATED', 'DIGEST', 'TEAM_PACK', 'ACTION_REMINDER', 'PROGRAMME_NEWS'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export const DIGEST_FREQUENCIES = ['NEVER', 'DAILY', 'WEEKLY'] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];
/** Digests are opt-in (issue 19): nobody gets one until they choose DAILY or WEEKLY. */
export const DEFAULT_DIGEST_FREQUENCY: DigestFrequency = 'NEVER';

export const isMailKind = (kind: string): kind is MailKind => (MAIL_KINDS as readonly string[]).includes(kind);
