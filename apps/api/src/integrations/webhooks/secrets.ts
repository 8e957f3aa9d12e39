import type { EntityManager } from 'typeorm';
import { sealInPlace, sweepSealedColumn, type SealedColumn, type SweepCounts } from '../../kernel/sealed-column.js';
import { openWithKeyring, sealSecret, type Keyring } from '../../kernel/secret-box.js';

/**
 * Endpoints' signing secrets are stored encrypted (AES-256-GCM under SECRET_ENCRYPTION_KEY, bound
 * to the endpoint's id), as users' TOTP secrets are: the server signs every delivery with the
 * secret, so it must read it back and a hash would not do. The admin sees it once, when the
 * endpoint is registered or its secret rotated. Secrets stored in plain text before (migration
 * 1766200000000) are sealed at start (sweepWebhookSecrets, from startBackground) and any one still
 * plain when a delivery next reads it; those under a key moved to SECRET_ENCRYPTION_KEY_PREVIOUS
 * are sealed again with the current one the same way. The secret a rotation replaced
 * (previous_secret, signing during the grace period) is sealed the same way, bound to the endpoint
 * and to its column, so neither value opens in the other's place.
 */

export type WebhookSecretSlot = 'current' | 'previous';

const COLUMNS: Record<WebhookSecretSlot, SealedColumn> = {
  current: { table: 'webhook_endpoints', column: 'secret', contextOf: (endpointId) => `webhook:${endpointId}` },
  previous: { table: 'webhook_endpoints', column: 'previous_secret', contextOf: (endpointId) => `webhook:${endpointId}:previous` },
};

export const sealWebhookSecret = (key: Buffer, endpointId: string, secret: string, slot: WebhookSecretSlot = 'current') =>
  sealSecret(key, secret, COLUMNS[slot].contextOf(endpointId));

/** The secret under the current or a previous key; `stale` when it should be sealed again with the current one. Throws when no key opens it. */
export const readWebhookSecret = (keyring: Keyring, endpointId: string, stored: string, slot: WebhookSecretSlot = 'current') =>
  openWithKeyring(keyring, stored, COLUMNS[slot].contextOf(endpointId));

/** Stores `secret` sealed with `key` in place of `stored`, only if the endpoint still holds that same value. */
export const resealWebhookSecret = (db: EntityManager, key: Buffer, endpointId: string, stored: string, secret: string, slot: WebhookSecretSlot = 'current'): Promise<boolean> =>
  sealInPlace(db, key, COLUMNS[slot], endpointId, stored, secret);

/** Seals every secret (current and previous) stored plain and, with previous keys, seals again those under one of them; answers the counts. */
export async function sweepWebhookSecrets(db: EntityManager, keyring: Keyring): Promise<SweepCounts> {
  const current = await sweepSealedColumn(db, keyring, COLUMNS.current);
  const previous = await sweepSealedColumn(db, keyring, COLUMNS.previous);
  return {
    encrypted: current.encrypted + previous.encrypted,
    resealed: current.resealed + previous.resealed,
    undecryptable: current.undecryptable + previous.undecryptable,
  };
}
