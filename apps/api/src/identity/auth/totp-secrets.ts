import type { EntityManager } from 'typeorm';
import type { Config } from '../../config.js';
import { openSecret, openWithKeyring, sealSecret, type Keyring } from '../../kernel/secret-box.js';

/**
 * Users' TOTP secrets are stored encrypted (AES-256-GCM under SECRET_ENCRYPTION_KEY, bound to the
 * user's id), never as the base32 an authenticator app takes. The key lives in the server's
 * configuration only, so no SQL migration can encrypt: secrets stored in plain text before this
 * (enrolled under migration 1766530000000) are encrypted by the server, all at start
 * (encryptPlainTotpSecrets, from startBackground) and any one still plain when it is next used.
 * Rotating the key: the earlier one goes into SECRET_ENCRYPTION_KEY_PREVIOUS; secrets sealed under
 * it are read still, and sealed again with the current key the same way (resealTotpSecrets at
 * start, or when next used).
 */

export const keyringOf = (config: Pick<Config, 'secretEncryptionKey' | 'previousSecretEncryptionKeys'>): Keyring => ({
  current: config.secretEncryptionKey,
  previous: config.previousSecretEncryptionKeys,
});

const contextOf = (userId: string) => `totp:${userId}`;

export const sealTotpSecret = (key: Buffer, userId: string, secret: string) => sealSecret(key, secret, contextOf(userId));

/** The secret under this one key (throws under another). */
export const openTotpSecret = (key: Buffer, userId: string, stored: string) => openSecret(key, stored, contextOf(userId));

/** The secret under the current or a previous key; `stale` when it should be sealed again with the current one. Throws when no key opens it. */
export const readTotpSecret = (keyring: Keyring, userId: string, stored: string) => openWithKeyring(keyring, stored, contextOf(userId));

/** Stores `secret` sealed with `key` in place of `stored`, only if the row still holds that same value; answers whether it did. */
export async function sealInPlaceOf(db: EntityManager, key: Buffer, userId: string, stored: string, secret: string): Promise<boolean> {
  const [rows] = (await db.query(`UPDATE users SET totp_secret = $2 WHERE id = $1 AND totp_secret = $3 RETURNING id`, [userId, sealTotpSecret(key, userId, secret), stored])) as [
    { id: string }[],
    number,
  ];
  return rows.length > 0;
}

/** Encrypts every TOTP secret still stored in plain text; answers how many. */
export async function encryptPlainTotpSecrets(db: EntityManager, key: Buffer): Promise<number> {
  const rows = (await db.query(`SELECT id, totp_secret FROM users WHERE totp_secret IS NOT NULL AND totp_secret NOT LIKE 'v1:%'`)) as { id: string; totp_secret: string }[];
  for (const row of rows) await sealInPlaceOf(db, key, row.id, row.totp_secret, row.totp_secret);
  return rows.length;
}

/**
 * Seals again with the current key every TOTP secret that opens only under a previous one; answers
 * how many, and how many open under no key of the keyring (left as they are). Nothing to do
 * without previous keys.
 */
export async function resealTotpSecrets(db: EntityManager, keyring: Keyring): Promise<{ resealed: number; undecryptable: number }> {
  const counts = { resealed: 0, undecryptable: 0 };
  if (keyring.previous.length === 0) return counts;
  const rows = (await db.query(`SELECT id, totp_secret FROM users WHERE totp_secret LIKE 'v1:%'`)) as { id: string; totp_secret: string }[];
  for (const row of rows) {
    let opened: { plain: string; stale: boolean };
    try {
      opened = readTotpSecret(keyring, row.id, row.totp_secret);
    } catch {
      counts.undecryptable++;
      continue;
    }
    if (opened.stale && (await sealInPlaceOf(db, keyring.current, row.id, row.totp_secret, opened.plain))) counts.resealed++;
  }
  return counts;
}
