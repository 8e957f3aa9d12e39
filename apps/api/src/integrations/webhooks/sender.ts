import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
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
 * a timeout. The host is resolved and checked against the network policy right before the
 * request, and the connection goes to the address that was checked (a pinned lookup): a name that
 * answers a public address to the check and a private one a moment later (DNS rebinding) still
 * reaches the public one. TLS checks the certificate against the host name as usual.
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
  const target = new URL(url);
  let addresses: string[];
  try {
    addresses = await assertAllowedHost(target, policy, options.resolve);
  } catch (error) {
    if (error instanceof RefusedAddressError) return { ok: false, statusCode: null, latencyMs: elapsed(), error: `Refused: ${error.message}` };
    throw error;
  }
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  try {
    const status = await post(target, headers, body, pinnedLookup(addresses[0]!), signal);
    const latencyMs = elapsed();
    if (status >= 200 && status < 300) return { ok: true, statusCode: status, latencyMs, error: null };
    const error = status >= 300 && status < 400 ? `Redirect (${status}) not followed` : `HTTP ${status}`;
    return { ok: false, statusCode: status, latencyMs, error };
  } catch (error) {
    const latencyMs = elapsed();
    if (timeout.aborted) return { ok: false, statusCode: null, latencyMs, error: `No answer within ${timeoutMs / 1000} s` };
    return { ok: false, statusCode: null, latencyMs, error: error instanceof Error ? error.message : String(error) };
  }
}

/** A lookup that answers the one address already checked, whatever the name resolves to now. */
function pinnedLookup(address: string): LookupFunction {
  const family = isIP(address);
  return (_host, options, callback) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

/** One POST with node's http(s) (which follows no redirect), answering the status when it arrives; the answer's body is dropped. */
function post(target: URL, headers: Record<string, string>, body: string, lookup: LookupFunction, signal: AbortSignal): Promise<number> {
  const transport = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(
      target,
      { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, lookup, signal, agent: false },
      (response) => {
        response.on('error', () => undefined);
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
