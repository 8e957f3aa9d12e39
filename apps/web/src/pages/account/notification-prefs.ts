// The notification preferences form: which mails, digest frequency, language. Pure helpers, tested.

/** Mail kinds in the order the form lists them; the ones marked `later` are kept for features to come. */
export const MAIL_KINDS = [
  { kind: 'FOLLOW_UP_ASSIGNED', later: false },
  { kind: 'FOLLOW_UP_ESCALATED', later: false },
  { kind: 'DIGEST', later: false },
  { kind: 'TEAM_PACK', later: false },
  { kind: 'ACTION_REMINDER', later: false },
  { kind: 'PROGRAMME_NEWS', later: false },
] as const;

export const DIGEST_FREQUENCIES = ['NEVER', 'DAILY', 'WEEKLY'] as const;

export interface PrefsForm {
  mails: Record<string, boolean>;
  digestFrequency: string;
  language: string;
}

/** The form's state from the server's preferences (a kind the server does not list stays on). */
export function formOf(prefs: { mails: readonly { kind: string; enabled: boolean }[]; digestFrequency: string; language: string }): PrefsForm {
  const mails: Record<string, boolean> = Object.fromEntries(MAIL_KINDS.map(({ kind }) => [kind, true]));
  for (const m of prefs.mails) mails[m.kind] = m.enabled;
  return { mails, digestFrequency: prefs.digestFrequency, language: prefs.language };
}

/** The mutation's input: only what changed from `saved`, so a save touches nothing else. */
export function changesOf(form: PrefsForm, saved: PrefsForm): { mails?: { kind: string; enabled: boolean }[]; digestFrequency?: string; language?: string } {
  const mails = Object.entries(form.mails)
    .filter(([kind, enabled]) => saved.mails[kind] !== enabled)
    .map(([kind, enabled]) => ({ kind, enabled }));
  return {
    ...(mails.length ? { mails } : {}),
    ...(form.digestFrequency !== saved.digestFrequency ? { digestFrequency: form.digestFrequency } : {}),
    ...(form.language !== saved.language ? { language: form.language } : {}),
  };
}
