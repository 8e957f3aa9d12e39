import type { EntityManager } from 'typeorm';
import { isSealed, openSecret, sealSecret } from '../../kernel/secret-box.js';

/**
 * Users' TOTP secrets are stored encrypted (AES-256-GCM under SECRET_ENCRYPTION_KEY, bound to the
 * user's id), never as the base32 an authenticator app takes. The key lives in the server's
 * configuration only, so no SQL migration can encrypt: secrets stored in plain text before this
 * (enrolled under migration 1766530000000) are encrypted by the server, all at start
 * (encryptPlainTotpSecrets, from startBackground) and any one still plain when it is next used.
 */

export const sealTotpSecret = (key: Buffer, userId: string, secret: string) => sealSecret(key, secret, `totp:${userId}`);

export const openTotpSecret = (key: Buffer, userId: string, stored: string) => openSecret(key, stored, `totp:${userId}`);

/** Encrypts one plain stored secret in place (only if it is still the same plain value). */
export async function sealIfPlain(db: EntityManager, key: Buffer, userId: string, stored: string): Promise<void> {
  if (isSealed(stored)) return;
  await db.query(`UPDATE users SET totp_secret = $2 WHERE id = $1 AND totp_secret = $3`, [userId, sealTotpSecret(key, userId, stored), stored]);
}

/** Encrypts every TOTP secret still stored in plain text; answers how many. */
export async function encryptPlainTotpSecrets(db: EntityManager, key: Buffer): Promise<number> {
  const rows = (await db.query(`SELECT id, totp_secret FROM users WHERE totp_secret IS NOT NULL AND totp_secret NOT LIKE 'v1:%'`)) as { id: string; totp_secret: string }[];
  for (const row of rows) await sealIfPlain(db, key, row.id, row.totp_secret);
  return rows.length;
}
