import type { Context } from '../../kernel/context.js';
import { orgOf } from '../../kernel/context.js';
import { isUuid } from '../../kernel/batch.js';
import { notify } from '../../identity/notifications/notify.js';
import { teamPacks } from './team-pack.service.js';

/**
 * When a wave closes, each team's manager is told that the team's pack is ready (issue 20), by a
 * TEAM_PACK notification: in the app at once, and by mail in their language unless they turned
 * that mail off (identity/notifications/notify.ts).
 *
 * Who is a team's manager: the org unit's manager (org_units.manager_id), or, where none is set,
 * the active users with the MANAGER role whose own org unit it is.
 *
 * One notification per manager and pack. A team whose employee results the release hides has no
 * pack of its own: its managers are told of the pack it folds into (the nearest released parent's,
 * which the pack page and the teamPack query let them open), and never get a link to the folded
 * team. A team folded into the whole wave (no released unit above it) has no pack to link: its
 * managers get no mail. Retrying the job tells nobody twice (the notification's dedupe key).
 */
export async function notifyTeamPackManagers(ctx: Context, waveId: string): Promise<number> {
  const organizationId = orgOf(ctx);
  if (!isUuid(waveId)) return 0;
  const [wave] = (await ctx.db.query(`SELECT name FROM waves WHERE id = $1 AND organization_id = $2 AND status = 'CLOSED'`, [waveId, organizationId])) as { name: string }[];
  if (!wave) return 0;
  const entries = await teamPacks(ctx, waveId);
  if (entries.length === 0) return 0;
  const managers: { unit_id: string; user_id: string }[] = await ctx.db.query(
    `SELECT o.id AS unit_id, u.id AS user_id
       FROM org_units o
       JOIN users u ON u.organization_id = o.organization_id AND u.active
        AND (u.id = o.manager_id OR (o.manager_id IS NULL AND u.org_unit_id = o.id AND 'MANAGER' = ANY(u.roles)))
      WHERE o.organization_id = $1 AND o.id = ANY($2::uuid[])`,
    [organizationId, entries.map((e) => e.orgUnitId)],
  );
  const byUnit = new Map<string, string[]>();
  for (const m of managers) byUnit.set(m.unit_id, [...(byUnit.get(m.unit_id) ?? []), m.user_id]);
  let told = 0;
  await ctx.db.transaction(async (tx) => {
    for (const entry of entries) {
      const userIds = byUnit.get(entry.orgUnitId) ?? [];
      if (userIds.length === 0 || entry.shownFor === null) continue;
      told += (
        await notify(tx, {
          organizationId,
          userIds,
          kind: 'TEAM_PACK',
          dedupeKey: `team-pack:${waveId}:${entry.shownFor}`,
          data: {
            waveId,
            waveName: wave.name,
            link: `/waves/${waveId}/teams/${entry.shownFor}`,
            teamName: entry.shownForName,
            foldedFromName: entry.folded ? entry.orgUnitName : null,
          },
          at: ctx.app.now(),
        })
      ).length;
    }
  });
  ctx.logger.info({ event: 'team_pack.notified', waveId, packs: entries.filter((e) => !e.folded).length, told }, 'team pack managers told');
  return told;
}
