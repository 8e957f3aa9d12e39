/**
 * The pace of wave mail per organization in this process (MAIL_RATE_PER_SECOND): one organization's
 * large wave cannot take the mail server's whole capacity, and a provider's sending limit holds.
 * A short burst (a tenth of a second's worth) passes at once; beyond it each mail waits its turn.
 * Several worker processes each keep their own pace.
 */
const BURST_MS = 100;
const paces = new Map<string, { perSecond: number; next: number }>();

/** Resolves when the organization may send its next mail; at once when the rate is 0 (no limit). */
export function paceFor(organizationId: string, perSecond: number): () => Promise<void> {
  return async () => {
    if (perSecond <= 0) return;
    let pace = paces.get(organizationId);
    if (!pace || pace.perSecond !== perSecond) paces.set(organizationId, (pace = { perSecond, next: 0 }));
    const now = Date.now();
    const at = Math.max(pace.next, now - BURST_MS);
    pace.next = at + 1000 / perSecond;
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  };
}
