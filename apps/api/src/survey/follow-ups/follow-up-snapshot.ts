import type { EntityManager } from 'typeorm';
import type { NotificationData } from '../../identity/notifications/notification.entity.js';

/** A follow-up with what its notifications show: the answer, the contact, the wave, the owner. */
export interface FollowUpSnapshot {
  id: string;
  status: string;
  owner_id: string | null;
  due_at: Date;
  overdue_at: Date | null;
  wave_id: string;
  /** The answer's org unit (a snapshot when it was given), else the contact's now. */
  org_unit_id: string | null;
  score: number | null;
  reason: string | null;
  contact_name: string | null;
  wave_name: string;
  owner_name: string | null;
}

/** One statement; `lock` takes the follow-up's row lock (FOR UPDATE OF f). */
export async function followUpSnapshot(db: EntityManager, organizationId: string, followUpId: string, lock = false): Promise<FollowUpSnapshot | null> {
  const [row]: FollowUpSnapshot[] = await db.query(
    `SELECT f.id, f.status, f.owner_id, f.due_at, f.overdue_at, f.wave_id, coalesce(r.org_unit_id, c.org_unit_id) AS org_unit_id,
            r.score, r.reason, c.name AS contact_name, w.name AS wave_name, o.name AS owner_name
       FROM follow_ups f
       JOIN responses r ON r.id = f.response_id AND r.organization_id = f.organization_id
       JOIN waves w ON w.id = f.wave_id AND w.organization_id = f.organization_id
       LEFT JOIN contacts c ON c.id = r.contact_id AND c.organization_id = f.organization_id
       LEFT JOIN users o ON o.id = f.owner_id AND o.organization_id = f.organization_id
      WHERE f.id = $1 AND f.organization_id = $2
      ${lock ? 'FOR UPDATE OF f' : ''}`,
    [followUpId, organizationId],
  );
  return row ?? null;
}

const MAX_COMMENT = 1000;

export function notificationData(s: FollowUpSnapshot): NotificationData {
  const comment = s.reason?.trim() || null;
  return {
    followUpId: s.id,
    waveId: s.wave_id,
    waveName: s.wave_name,
    contactName: s.contact_name,
    score: s.score,
    comment: comment && comment.length > MAX_COMMENT ? `${comment.slice(0, MAX_COMMENT - 1)}…` : comment,
    dueAt: s.due_at.toISOString(),
    ownerName: s.owner_name,
  };
}
