import { assertAllowedHost, RefusedAddressError, type NetworkPolicy, type Resolver } from './address.js';

export const REQUEST_TIMEOUT_MS = 10_000;

export interface SendResult {
  ok: boolean;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
}

/**
 * POSTs one signed request. Succeeds on a 2xx answer only: a redirect is not followed (it counts as
 * a failure, so a receiver cannot point Tandem at another address), and no answer within 10 s is
 * a timeout. The host is checked against the network policy right before the request, so a name
 * that resolved to a public address at registration and to a private one now is refused.
 */
export async function sendSigned(
  url: string,
  headers: Record<string, string>,
  body: string,
  policy: NetworkPolicy,
  options: { signal?: AbortSignal; resolve?: Resolver; timeoutMs?: number } = {},
): Promise<SendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    await assertAllowedHost(new URL(url), policy, options.resolve);
  } catch (error) {
    if (error instanceof RefusedAddressError) return { ok: false, statusCode: null, latencyMs: elapsed(), error: `Refused: ${error.message}` };
    throw error;
  }
  const timeout = AbortSignal.timeout(options.timeoutMs ?? REQUEST_TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  try {
    const response = await fetch(url, { method: 'POST', headers, body, redirect: 'manual', signal });
    await response.body?.cancel().catch(() => undefined);
    const latencyMs = elapsed();
    if (response.status >= 200 && response.status < 300) return { ok: true, statusCode: response.status, latencyMs, error: null };
    const error = response.status >= 300 && response.status < 400 ? `Redirect (${response.status}) not followed` : `HTTP ${response.status}`;
    return { ok: false, statusCode: response.status, latencyMs, error };
  } catch (error) {
    const latencyMs = elapsed();
    if (timeout.aborted) return { ok: false, statusCode: null, latencyMs, error: `No answer within ${(options.timeoutMs ?? REQUEST_TIMEOUT_MS) / 1000} s` };
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : null;
    return { ok: false, statusCode: null, latencyMs, error: cause ?? (error instanceof Error ? error.message : String(error)) };
  }
}
