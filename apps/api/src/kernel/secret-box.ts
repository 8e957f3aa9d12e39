import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Small secrets the server must read back (a TOTP secret), encrypted at rest with AES-256-GCM.
 * Stored as `v1:<iv>:<ciphertext>:<tag>` (base64url). `context` (e.g. the user's id) is bound in as
 * additional data, so a value copied onto another row does not decrypt there.
 */

const PREFIX = 'v1:';

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
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(sealed), decipher.final()]).toString('utf8');
}
