// The jobs page's numbers for people: which queue does what, and durations that read at a glance.

/** Queues the app knows, by name; others (added later) show their technical name. */
export const KNOWN_QUEUES = ['schedules', 'notifications.mail', 'events.dispatch', 'events.follow-up-alerts', 'events.webhooks', 'webhooks.deliver', 'events.live-subscriptions'] as const;

/** The i18n key of a queue's description, or null for one the app has no words for. */
export function queueLabelKey(name: string): string | null {
  return (KNOWN_QUEUES as readonly string[]).includes(name) ? `jobs.queues.${name.replace(/[.-]/g, '_')}` : null;
}

/** A duration in milliseconds as "120 ms", "3.4 s", "2.5 min" or "1.2 h"; a dash when unknown. */
export function formatDuration(ms: number | null | undefined, locale: string): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '–';
  const number = (value: number, digits: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  if (ms < 1000) return `${number(Math.round(ms), 0)} ms`;
  if (ms < 60_000) return `${number(ms / 1000, 1)} s`;
  if (ms < 3_600_000) return `${number(ms / 60_000, 1)} min`;
  return `${number(ms / 3_600_000, 1)} h`;
}

/** A queue needs a look when something failed for good, or jobs wait long. */
export function queueHealth(q: { deadLettered: number; failedLastHour: number; retrying: number; waitP95Ms?: number | null }): 'ok' | 'warn' | 'bad' {
  if (q.deadLettered > 0 || q.failedLastHour > 0) return 'bad';
  if (q.retrying > 0 || (q.waitP95Ms ?? 0) > 60_000) return 'warn';
  return 'ok';
}
