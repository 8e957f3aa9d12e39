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

/** Where a login comes from, as its session list shows it. */
export interface SessionOrigin {
  userAgent?: string | null;
  address?: string | null;
}

/** A new refresh token of a login's family; only its SHA-256 is stored. Returns the token. */
export async function issueRefreshToken(db: EntityManager, user: UserEntity, familyId: string, now: Date, ttlMs: number, origin: SessionOrigin = {}): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.insert(RefreshTokenEntity, {
    organizationId: user.organizationId,
    userId: user.id,
    familyId,
    tokenHash: tokenHash(token),
    expiresAt: new Date(now.getTime() + ttlMs),
    userAgent: origin.userAgent ? origin.userAgent.slice(0, 300) : null,
    address: origin.address ?? null,
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

/** One login of a user that can still be refreshed: its family's first and latest token. */
export interface SessionRow {
  id: string;
  startedAt: Date;
  lastActiveAt: Date;
  expiresAt: Date;
  userAgent: string | null;
  address: string | null;
}

/** The user's sessions that can still refresh (a live token in the family), latest activity first: one grouped query. */
export async function listSessions(db: EntityManager, organizationId: string, userId: string, now: Date): Promise<SessionRow[]> {
  const rows = (await db.query(
    `SELECT family_id AS id, min(created_at) AS started_at, max(created_at) AS last_active_at,
            max(expires_at) FILTER (WHERE used_at IS NULL AND revoked_at IS NULL) AS expires_at,
            (array_agg(user_agent ORDER BY created_at DESC))[1] AS user_agent,
            (array_agg(address ORDER BY created_at DESC))[1] AS address
       FROM refresh_tokens
      WHERE organization_id = $1 AND user_id = $2
      GROUP BY family_id
     HAVING bool_or(used_at IS NULL AND revoked_at IS NULL AND expires_at > $3)
      ORDER BY max(created_at) DESC, family_id`,
    [organizationId, userId, now],
  )) as { id: string; started_at: Date; last_active_at: Date; expires_at: Date; user_agent: string | null; address: string | null }[];
  return rows.map((r) => ({ id: r.id, startedAt: r.started_at, lastActiveAt: r.last_active_at, expiresAt: r.expires_at, userAgent: r.user_agent, address: r.address }));
}

/** Ends one session of the user (its family's next refresh fails); false when it is not theirs or already ended. */
export async function revokeSession(db: EntityManager, organizationId: string, userId: string, familyId: string, now: Date): Promise<boolean> {
  const rows = await updateReturning<{ id: string }>(
    db,
    `UPDATE refresh_tokens SET revoked_at = $4
      WHERE organization_id = $1 AND user_id = $2 AND family_id = $3 AND revoked_at IS NULL
      RETURNING id`,
    [organizationId, userId, familyId, now],
  );
  return rows.length > 0;
}
