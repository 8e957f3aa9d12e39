import type { EntityManager } from 'typeorm';
import { sealInPlace, sweepSealedColumn, type SealedColumn, type SweepCounts } from '../../kernel/sealed-column.js';
import { openWithKeyring, sealSecret, type Keyring } from '../../kernel/secret-box.js';

/**
 * Endpoints' signing secrets are stored encrypted (AES-256-GCM under SECRET_ENCRYPTION_KEY, bound
 * to the endpoint's id), as users' TOTP secrets are: the server signs every delivery with the
 * secret, so it must read it back and a hash would not do. The admin sees it once, when the
 * endpoint is registered. Secrets stored in plain text before (migration 1766200000000) are sealed
 * at start (sweepWebhookSecrets, from startBackground) and any one still plain when a delivery
 * next reads it; those under a key moved to SECRET_ENCRYPTION_KEY_PREVIOUS are sealed again with
 * the current one the same way.
 */

const contextOf = (endpointId: string) => `webhook:${endpointId}`;

const WEBHOOK_SECRETS: SealedColumn = { table: 'webhook_endpoints', column: 'secret', contextOf };

export const sealWebhookSecret = (key: Buffer, endpointId: string, secret: string) => sealSecret(key, secret, contextOf(endpointId));

/** The secret under the current or a previous key; `stale` when it should be sealed again with the current one. Throws when no key opens it. */
export const readWebhookSecret = (keyring: Keyring, endpointId: string, stored: string) => openWithKeyring(keyring, stored, contextOf(endpointId));

/** Stores `secret` sealed with `key` in place of `stored`, only if the endpoint still holds that same value. */
export const resealWebhookSecret = (db: EntityManager, key: Buffer, endpointId: string, stored: string, secret: string): Promise<boolean> =>
  sealInPlace(db, key, WEBHOOK_SECRETS, endpointId, stored, secret);

/** Seals every secret stored plain and, with previous keys, seals again those under one of them; answers the counts. */
export const sweepWebhookSecrets = (db: EntityManager, keyring: Keyring): Promise<SweepCounts> => sweepSealedColumn(db, keyring, WEBHOOK_SECRETS);
