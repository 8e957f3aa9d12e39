/**
 * When a failed delivery is tried again: 10 tries in all; the wait after the n-th failed try is
 * 30 s × 4^(n-1), capped at 8 hours, times a jitter from 0.8 to 1.2 (so the retries of many
 * deliveries do not arrive together). Without jitter the nine waits are 30 s, 2 min, 8 min, 32 min,
 * 2 h 8 min and four times 8 h: 34.8 hours; with the least jitter still 27.9 hours, so a receiver
 * down for a day gets every delivery. After the tenth failure the delivery is FAILED (an admin can
 * replay it).
 */
export const MAX_ATTEMPTS = 10;
const BASE_MS = 30_000;
const CAP_MS = 8 * 3600_000;
export const JITTER = 0.2;

/** The wait after failed try `attempt` (1-based), or null after the last one. `random` is in [0, 1). */
export function retryDelayMs(attempt: number, random: number = Math.random()): number | null {
  if (attempt >= MAX_ATTEMPTS) return null;
  const base = Math.min(BASE_MS * 4 ** (attempt - 1), CAP_MS);
  return Math.round(base * (1 - JITTER + 2 * JITTER * random));
}

/** An endpoint whose deliveries have failed, with no success since, for this long is disabled. */
export const DISABLE_AFTER_MS = 3 * 24 * 3600_000;
