import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { updateReturning } from '../../kernel/sql.js';
import { RefreshTokenEntity } from './refresh-token.entity.js';
import type { UserEntity } from './user.entity.js';

/**
 * A user's sessions: the refresh tokens of their logins (refresh_tokens), written only here. Auth
 * issues and rotates them through these functions; deactivating a user or setting a new password
 * revokes them all.
 */

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new refresh token of a login's family; only its SHA-256 is stored. Returns the token. */
export async function issueRefreshToken(db: EntityManager, user: UserEntity, familyId: string, now: Date, ttlMs: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.insert(RefreshTokenEntity, {
    organizationId: user.organizationId,
    userId: user.id,
    familyId,
    tokenHash: tokenHash(token),
    expiresAt: new Date(now.getTime() + ttlMs),
  });
  return token;
}

/** Spends an unused, unrevoked refresh token: its row, or none when it was spent, revoked or unknown. */
export function spendRefreshToken(tx: EntityManager, hash: string, now: Date): Promise<{ family_id: string; user_id: string; expires_at: Date }[]> {
  return updateReturning(
    tx,
    `UPDATE refresh_tokens SET used_at = $2
      WHERE token_hash = $1 AND used_at IS NULL AND revoked_at IS NULL
      RETURNING family_id, user_id, expires_at`,
    [hash, now],
  );
}

export const findRefreshToken = (db: EntityManager, hash: string) => db.findOneBy(RefreshTokenEntity, { tokenHash: hash });

export function revokeFamily(db: EntityManager, familyId: string, now: Date): Promise<unknown> {
  return db.query(`UPDATE refresh_tokens SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL`, [familyId, now]);
}

/** Ends every session of a user. */
export function revokeSessions(db: EntityManager, userId: string, now: Date): Promise<unknown> {
  return db.query(`UPDATE refresh_tokens SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL`, [userId, now]);
}
