// What one notification says, as i18n keys and values: the bell's list and its tests use it.

export interface NotificationLike {
  kind: string;
  contactName?: string | null;
  score?: number | null;
  waveName?: string | null;
  ownerName?: string | null;
}

/** The i18n key and values of a notification's headline; an unknown kind gets a neutral line. */
export function notificationHeadline(n: NotificationLike): { key: string; values: Record<string, string | number> } {
  const values = { contact: n.contactName?.trim() || '', score: n.score ?? '–', wave: n.waveName ?? '', owner: n.ownerName ?? '' };
  const anonymous = !values.contact;
  if (n.kind === 'FOLLOW_UP_ASSIGNED') return { key: anonymous ? 'notifications.assignedSomeone' : 'notifications.assigned', values };
  if (n.kind === 'FOLLOW_UP_ESCALATED') return { key: anonymous ? 'notifications.escalatedSomeone' : 'notifications.escalated', values };
  if (n.kind === 'WEBHOOK_DISABLED') return { key: 'notifications.webhookDisabled', values };
  if (n.kind === 'TEAM_PACK') return { key: 'notifications.teamPack', values };
  if (n.kind === 'THANK_YOU') return { key: 'notifications.thankYou', values: { ...values, contact: values.contact || '–' } };
  return { key: 'notifications.other', values };
}

/** The badge's text on the bell: 99+ above 99. */
export const bellCount = (count: number): string => (count > 99 ? '99+' : String(count));

/** A comment shortened for the list, on a word boundary, with an ellipsis. */
export function excerpt(text: string | null | undefined, max = 140): string | null {
  const clean = text?.trim().replace(/\s+/g, ' ');
  if (!clean) return null;
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
