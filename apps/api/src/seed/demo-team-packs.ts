import type { DataSource } from 'typeorm';
import { buildContext, systemPrincipal, type AppServices } from '../kernel/context.js';
import { createLoaders } from '../graphql/loaders.js';
import { notifyTeamPackManagers } from '../reporting/team-packs/team-pack-mail.js';

/**
 * The demo's closed waves were written as closed, so no wave.closed event told their managers:
 * for the latest closed wave, the managers are told now as a close would (TEAM_PACK
 * notifications, whose mails the background jobs write to the outbox). Packs themselves are made
 * on demand and need nothing seeded.
 */
export async function notifyDemoTeamPacks(dataSource: DataSource, app: AppServices): Promise<number> {
  const [wave]: { id: string; organization_id: string }[] = await dataSource.query(
    `SELECT w.id, w.organization_id FROM waves w JOIN organizations o ON o.id = w.organization_id AND o.slug = 'demo'
      WHERE w.status = 'CLOSED' AND w.kind = 'WAVE' ORDER BY w.closed_at DESC NULLS LAST, w.created_at DESC LIMIT 1`,
  );
  if (!wave) return 0;
  const ctx = buildContext({
    requestId: 'seed:team-packs',
    logger: app.logger,
    app,
    db: dataSource.manager,
    principal: systemPrincipal(wave.organization_id),
    authError: null,
    createLoaders,
  });
  return notifyTeamPackManagers(ctx, wave.id);
}
