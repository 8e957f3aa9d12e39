import type { EntityManager } from 'typeorm';
import type { Principal } from '../../kernel/context.js';
import { unauthenticated } from '../../kernel/errors.js';

/** lastUsedAt is kept to the minute: at most one write per client and minute, whatever the traffic. */
export const LAST_USE_RESOLUTION_MS = 60_000;

export const revokedClient = () => unauthenticated('This API client has been revoked; its tokens no longer work');

/**
 * Every request with an API token reads its client's row by primary key: a revoked client's tokens
 * stop working at once, not when they expire. When the recorded last use is older than a minute,
 * it is moved to now (the UPDATE's own condition keeps concurrent requests and processes to one write).
 */
export async function checkApiClientInUse(db: EntityManager, principal: Principal, now: Date): Promise<void> {
  const rows = (await db.query(`SELECT revoked_at, last_used_at FROM api_clients WHERE id = $1 AND organization_id = $2`, [
    principal.id,
    principal.organizationId,
  ])) as { revoked_at: Date | null; last_used_at: Date | null }[];
  const [row] = rows;
  if (!row || row.revoked_at) throw revokedClient();
  await recordUse(db, principal.id, row.last_used_at, now);
}

/** Moves last_used_at to now when it is older than LAST_USE_RESOLUTION_MS (or never set). */
export async function recordUse(db: EntityManager, clientRowId: string, lastUsedAt: Date | null, now: Date): Promise<void> {
  if (lastUsedAt && now.getTime() - lastUsedAt.getTime() < LAST_USE_RESOLUTION_MS) return;
  await db.query(`UPDATE api_clients SET last_used_at = $2 WHERE id = $1 AND (last_used_at IS NULL OR last_used_at <= $3)`, [
    clientRowId,
    now,
    new Date(now.getTime() - LAST_USE_RESOLUTION_MS),
  ]);
}
