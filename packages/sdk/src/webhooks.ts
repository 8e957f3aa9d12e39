import { createHmac, timingSafeEqual } from 'node:crypto';

/** Why a webhook request was refused: answer it 400 (or 401) and do not act on it. */
export class WebhookVerificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookVerificationError';
  }
}

/** Request headers as node:http (IncomingHttpHeaders), fetch (Headers) or a plain object give them. */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

export interface VerifyWebhookOptions {
  /** How far webhook-timestamp may be from now, either way, in seconds (default 300). */
  toleranceSeconds?: number;
  /** The time to check against (default: now). */
  now?: Date;
}

/**
 * Verifies a webhook request by the Standard Webhooks scheme and returns its parsed JSON body.
 *
 * - `secret` is the endpoint's signing secret as shown once when it was created ("whsec_" +
 *   base64 of the key).
 * - `body` is the raw request body, exactly as received (a Buffer or string): verify before
 *   parsing, a re-serialized body does not match.
 * - The signed content is `${webhook-id}.${webhook-timestamp}.${body}`; webhook-signature holds one
 *   or more space-separated `v1,<base64 HMAC-SHA256>` (several while a secret rotates); one match
 *   is enough. Comparisons take constant time.
 * - webhook-timestamp (Unix seconds) more than `toleranceSeconds` from now is refused, so a
 *   captured request cannot be replayed later. Deduplicate deliveries by webhook-id.
 *
 * Throws WebhookVerificationError when anything does not hold.
 */
export function verifyWebhook<T = unknown>(secret: string, headers: WebhookHeaders, body: string | Uint8Array, options: VerifyWebhookOptions = {}): T {
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !timestamp || !signatures) throw new WebhookVerificationError('Missing webhook-id, webhook-timestamp or webhook-signature header');

  if (!/^\d+$/.test(timestamp)) throw new WebhookVerificationError('webhook-timestamp is not a Unix time in seconds');
  const tolerance = options.toleranceSeconds ?? 300;
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - Number(timestamp)) > tolerance) throw new WebhookVerificationError('webhook-timestamp is too old or too new');

  const payload = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const expected = createHmac('sha256', signingKey(secret)).update(`${id}.${timestamp}.`).update(payload).digest();
  const matches = signatures
    .split(' ')
    .filter((entry) => entry.startsWith('v1,'))
    .some((entry) => {
      const given = Buffer.from(entry.slice(3), 'base64');
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
  if (!matches) throw new WebhookVerificationError('No webhook-signature matches');

  try {
    return JSON.parse(payload.toString('utf8')) as T;
  } catch {
    throw new WebhookVerificationError('The body is not JSON');
  }
}

/** The HMAC key: the base64 after "whsec_". */
function signingKey(secret: string): Buffer {
  const encoded = secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret;
  const key = Buffer.from(encoded, 'base64');
  if (key.length === 0) throw new WebhookVerificationError('The signing secret is empty or not base64');
  return key;
}

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const record = headers as Record<string, string | string[] | undefined>;
  const key = Object.keys(record).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : record[key];
  return Array.isArray(value) ? value.join(' ') : value;
}
