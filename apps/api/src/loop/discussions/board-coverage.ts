import type { Context } from '../../kernel/context.js';
import { orgOf } from '../../kernel/context.js';
import { AUDIENCES } from '../../survey/waves/wave.entity.js';
import { coverageOfWaves } from './coverage.js';
import { readsWholeAudience } from './discussion-scope.js';
import type { DiscussionCoverage } from './discussion.types.js';

/**
 * The board's discussion coverage: per wave closed in the period (of the audiences the caller
 * oversees: HR employee waves, CX identified ones, LEADER and ADMIN all), the share of teams that
 * held their discussion, actions agreed and done, overdue actions — newest wave first. One
 * statement for the waves, one grouped statement for every wave's teams.
 */
export async function boardDiscussionCoverage(ctx: Context, period: { from: Date; to: Date }): Promise<DiscussionCoverage[]> {
  const organizationId = orgOf(ctx);
  const principal = ctx.principal!;
  const audiences = AUDIENCES.filter((a) => (principal.kind === 'api' ? principal.scopes.includes('analytics:read') : readsWholeAudience(principal, a)));
  if (audiences.length === 0) return [];
  const until = new Date(period.to.getTime() + 24 * 3600_000);
  const waves: { id: string }[] = await ctx.db.query(
    `SELECT id FROM waves WHERE organization_id = $1 AND status = 'CLOSED' AND kind = 'WAVE' AND audience = ANY($2::text[])
        AND closed_at >= $3 AND closed_at < $4
      ORDER BY closed_at DESC, id LIMIT 50`,
    [organizationId, audiences, period.from, until],
  );
  return coverageOfWaves(ctx, waves.map((w) => w.id), ctx.app.now().toISOString().slice(0, 10));
}
