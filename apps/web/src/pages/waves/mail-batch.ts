import type { MailBatchState } from '../../gql/graphql';

// How far a wave's mail batch is, for its card on the wave page (WaveMailing.vue).

interface BatchCounts {
  state: MailBatchState;
  total: number;
  sent: number;
  failed: number;
  bounced: number;
}

/** How often a running batch is asked for its progress, in milliseconds. */
export const MAIL_POLL_MS = 1500;

/** Its job still works on it (QUEUED, SENDING or RETRYING): worth asking again. */
export const isRunning = (state: MailBatchState): boolean => state !== 'DONE';

/** Mails that will not go out unless sent again: failed for good or bounced. */
export const unsentOf = (batch: BatchCounts): number => batch.failed + batch.bounced;

/**
 * The share sent, as a whole percentage for the bar: rounded down, so the bar is full only when
 * every mail is sent (999 of 1,000 is 99). A batch with nothing to send is full once done.
 */
export function sentPercent(batch: BatchCounts): number {
  if (batch.total <= 0) return batch.state === 'DONE' ? 100 : 0;
  return Math.min(100, Math.floor((batch.sent / batch.total) * 100));
}
