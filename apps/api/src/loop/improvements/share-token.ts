import { createHmac, timingSafeEqual } from 'node:crypto';
import { isUuid } from '../../kernel/batch.js';

/**
 * The link of a wave's public "you said, we did" page: `/you-said-we-did/<token>`, where the token
 * is the wave id (16 bytes) and an HMAC-SHA256 of it (first 16 bytes) under a key derived from the
 * server secret (JWT_SECRET), both base64url — 43 characters.
 *
 * Why an HMAC rather than a random token with its hash stored: the page shows only what the
 * organization chose to publish (implemented improvements, wave and organization names), so the
 * link needs to be unguessable, not revocable one by one; the HMAC needs no table, and sharing the
 * same wave twice gives the same link, so links already handed out keep working. The price:
 * rotating JWT_SECRET retires every shared link (and every session) at once, and a single wave's
 * link cannot be withdrawn on its own. Nobody can forge a token for a wave without the secret, and
 * the wave id it carries means nothing without a login.
 */
const PURPOSE = 'tandem/you-said-we-did/v1';
const MAC_BYTES = 16;

const keyOf = (secret: string) => createHmac('sha256', secret).update(PURPOSE).digest();
const macOf = (secret: string, id: Buffer) => createHmac('sha256', keyOf(secret)).update(id).digest().subarray(0, MAC_BYTES);

const uuidBytes = (uuid: string) => Buffer.from(uuid.replace(/-/g, ''), 'hex');
const uuidOf = (bytes: Buffer) => {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

export function shareTokenOf(secret: string, waveId: string): string {
  const id = uuidBytes(waveId);
  return Buffer.concat([id, macOf(secret, id)]).toString('base64url');
}

/** The wave id a token was made for, or null when it is malformed or not ours. */
export function waveOfShareToken(secret: string, token: string): string | null {
  if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.length !== 16 + MAC_BYTES) return null;
  const id = bytes.subarray(0, 16);
  if (!timingSafeEqual(bytes.subarray(16), macOf(secret, id))) return null;
  const waveId = uuidOf(id);
  return isUuid(waveId) ? waveId : null;
}

export const shareLinkPath = (token: string) => `/you-said-we-did/${token}`;
