import type { EntityManager } from 'typeorm';
import type { AppServices } from '../kernel/context.js';
import type { Logger } from '../logger.js';
import { sendDigestNow } from '../survey/feed/digest.js';

/** The demo follower who opted in to the weekly digest: Marta, a manager whose team answers every week. */
export const DEMO_DIGEST_READER = 'manager@demo.test';

/**
 * Marta opted in to the weekly digest (issue 19); with an outbox mailer her first digest — the
 * week's comments in what she follows, her detractors waiting, her NPS beside the week before —
 * is mailed at once, so a fresh start has one to read. Later ones come from the schedule (Mondays,
 * 07:00 in the organization's time zone). Answers how many digests were mailed.
 */
export async function mailDemoDigest(app: AppServices, db: EntityManager, logger: Logger): Promise<number> {
  const [reader]: { id: string; organization_id: string }[] = await db.query(
    `SELECT u.id, u.organization_id FROM users u JOIN organizations o ON o.id = u.organization_id WHERE o.slug = 'demo' AND u.email = $1`,
    [DEMO_DIGEST_READER],
  );
  if (!reader) return 0;
  await db.query(
    `INSERT INTO notification_preferences (user_id, organization_id, digest_frequency, updated_at) VALUES ($1, $2, 'WEEKLY', $3)
     ON CONFLICT (user_id) DO UPDATE SET digest_frequency = 'WEEKLY', updated_at = $3`,
    [reader.id, reader.organization_id, app.now()],
  );
  if (app.mailer.kind !== 'outbox') return 0;
  return (await sendDigestNow({ app, db, logger }, reader.organization_id, reader.id)) ? 1 : 0;
}
