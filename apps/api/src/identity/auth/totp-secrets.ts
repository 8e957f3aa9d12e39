import type { EntityManager } from 'typeorm';
import { sealInPlace, sweepSealedColumn, type SealedColumn, type SweepCounts } from '../../kernel/sealed-column.js';
import { openSecret, openWithKeyring, sealSecret, type Keyring } from '../../kernel/secret-box.js';

/**
 * Users' TOTP secrets are stored encrypted (AES-256-GCM under SECRET_ENCRYPTION_KEY, bound to the
 * user's id), never as the base32 an authenticator app takes. The key lives in the server's
 * configuration only, so no SQL migration can encrypt: secrets stored in plain text before this
 * (enrolled under migration 1766530000000) are encrypted by the server, all at start
 * (sweepTotpSecrets, from startBackground) and any one still plain when it is next used.
 * Rotating the key: the earlier one goes into SECRET_ENCRYPTION_KEY_PREVIOUS; secrets sealed under
 * it are read still, and sealed again with the current key the same way (the same sweep at start,
 * or when next used). The sweep is kernel/sealed-column.ts's, shared with webhook secrets.
 */

const contextOf = (userId: string) => `totp:${userId}`;

const TOTP_SECRETS: SealedColumn = { table: 'users', column: 'totp_secret', contextOf };

export const sealTotpSecret = (key: Buffer, userId: string, secret: string) => sealSecret(key, secret, contextOf(userId));

/** The secret under this one key (throws under another). */
export const openTotpSecret = (key: Buffer, userId: string, stored: string) => openSecret(key, stored, contextOf(userId));

/** The secret under the current or a previous key; `stale` when it should be sealed again with the current one. Throws when no key opens it. */
export const readTotpSecret = (keyring: Keyring, userId: string, stored: string) => openWithKeyring(keyring, stored, contextOf(userId));

/** Stores `secret` sealed with `key` in place of `stored`, only if the row still holds that same value; answers whether it did. */
export const sealInPlaceOf = (db: EntityManager, key: Buffer, userId: string, stored: string, secret: string): Promise<boolean> =>
  sealInPlace(db, key, TOTP_SECRETS, userId, stored, secret);

/**
 * Encrypts every TOTP secret still stored in plain text and, with previous keys in the keyring,
 * seals again with the current key every one that opens only under a previous one; answers how
 * many of each, and how many open under no key (left as they are).
 */
export const sweepTotpSecrets = (db: EntityManager, keyring: Keyring): Promise<SweepCounts> => sweepSealedColumn(db, keyring, TOTP_SECRETS);
