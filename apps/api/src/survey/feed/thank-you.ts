import { isUuid } from '../../kernel/batch.js';
import type { DomainEventOf } from '../../platform/events/types.js';
import type { JobContext } from '../../platform/jobs/types.js';
import { notify } from '../../identity/notifications/notify.js';

/**
 * A promoter's thank-you (issue 19): when a PROMOTER's answer names who served them
 * (served_by `user:<uuid>`, set from a transaction), that user of the organization is thanked in
 * the app, on top of their feed. Run from response.created, so every way an answer arrives
 * (the survey link, the API, a transaction) thanks alike; the dedupe key makes a retry a no-op.
 */
export async function thankServer(event: DomainEventOf<'response.created'>, ctx: JobContext): Promise<void> {
  const { organizationId } = event;
  const [row]: { id: string; category: string; score: number; served_by: string | null; reason: string | null; wave_name: string; contact_name: string | null }[] =
    await ctx.db.query(
      `SELECT r.id, r.category, r.score, r.served_by, r.reason, w.name AS wave_name, c.name AS contact_name
         FROM responses r JOIN waves w ON w.id = r.wave_id LEFT JOIN contacts c ON c.id = r.contact_id
        WHERE r.id = $1 AND r.organization_id = $2`,
      [event.payload.responseId, organizationId],
    );
  if (!row || row.category !== 'PROMOTER' || !row.served_by?.startsWith('user:')) return;
  const userId = row.served_by.slice('user:'.length).toLowerCase();
  if (!isUuid(userId)) return;
  // notify() tells only an active user of this organization: a stale or foreign id thanks nobody.
  await notify(ctx.db, {
    organizationId,
    userIds: [userId],
    kind: 'THANK_YOU',
    dedupeKey: `thanks:${row.id}`,
    data: { responseId: row.id, contactName: row.contact_name, score: row.score, comment: row.reason, waveName: row.wave_name, link: `/feed?item=${row.id}` },
    at: ctx.app.now(),
  });
}
