/**
 * What Tandem tells people. Every kind is shown in the app; each mail kind can be turned off per
 * user (notification_preferences.mails_off). Digests and team packs come later (issue 17 makes the
 * preference; their features send them).
 */
/** WEBHOOK_DISABLED: an admin's webhook endpoint failed for days and was turned off (in the app only, no mail kind). */
export const NOTIFICATION_KINDS = ['FOLLOW_UP_ASSIGNED', 'FOLLOW_UP_ESCALATED', 'WEBHOOK_DISABLED'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const MAIL_KINDS = ['FOLLOW_UP_ASSIGNED', 'FOLLOW_UP_ESCALATED', 'DIGEST', 'TEAM_PACK'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export const DIGEST_FREQUENCIES = ['NEVER', 'DAILY', 'WEEKLY'] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];
export const DEFAULT_DIGEST_FREQUENCY: DigestFrequency = 'WEEKLY';

export const isMailKind = (kind: string): kind is MailKind => (MAIL_KINDS as readonly string[]).includes(kind);
