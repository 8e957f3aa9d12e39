import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Small secrets the server must read back (a TOTP secret), encrypted at rest with AES-256-GCM.
 * Stored as `v1:<iv>:<ciphertext>:<tag>` (base64url). `context` (e.g. the user's id) is bound in as
 * additional data, so a value copied onto another row does not decrypt there. A keyring holds the
 * current key, which seals, and earlier ones, which still open what they sealed (key rotation).
 */

const PREFIX = 'v1:';

/** The key every secret is sealed with, and earlier keys a stored secret may still be sealed with. */
export interface Keyring {
  current: Buffer;
  previous: readonly Buffer[];
}

export function sealSecret(key: Buffer, plain: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context));
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return PREFIX + [iv, sealed, cipher.getAuthTag()].map((part) => part.toString('base64url')).join(':');
}

export const isSealed = (stored: string) => stored.startsWith(PREFIX);

/** The plain secret; a value stored before encryption (no prefix) is returned as it is. Throws when the key or context is wrong. */
export function openSecret(key: Buffer, stored: string, context: string): string {
  if (!isSealed(stored)) return stored;
  const [iv, sealed, tag] = stored.slice(PREFIX.length).split(':').map((part) => Buffer.from(part, 'base64url'));
  // The full 16-byte tag only: a shortened one would let a wrong key of a keyring pass far more often.
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(sealed), decipher.final()]).toString('utf8');
}

/**
 * The plain secret, opened with the current key or else the first previous one whose GCM tag
 * checks. `stale`: it should be sealed again with the current key (stored plain, or under a
 * previous key). Throws when no key opens it (or the context is wrong).
 */
export function openWithKeyring(keyring: Keyring, stored: string, context: string): { plain: string; stale: boolean } {
  if (!isSealed(stored)) return { plain: stored, stale: true };
  let failure: unknown;
  for (const [i, key] of [keyring.current, ...keyring.previous].entries()) {
    try {
      return { plain: openSecret(key, stored, context), stale: i > 0 };
    } catch (error) {
      failure = error;
    }
  }
  throw new Error(`no key of the keyring (${1 + keyring.previous.length}) opens the secret`, { cause: failure });
}
