import type { Context } from '../../kernel/context.js';
import { orgOf } from '../../kernel/context.js';
import { IDENTIFIED_READERS } from '../../kernel/policies.js';
import { ownScopeOf } from '../../kernel/scope.js';
import { liveHubOf, mapLive } from '../../platform/live/hub.js';
import { getFollowUp } from '../follow-ups/follow-up.service.js';
import type { FollowUpType } from '../follow-ups/follow-up.types.js';
import { ResponseType } from '../responses/response.types.js';

/**
 * Live subscriptions (issue 18). The organization is the subscriber's token's; each event is read
 * again through the queries' own loaders and services, with loaders made fresh for it (a long
 * subscription must not answer from an old cache), so a manager gets only what they own and
 * another organization's events never reach the stream.
 */
function freshLoaders(ctx: Context, organizationId: string): void {
  ctx.loaders = ctx.createLoaders(ctx.db, organizationId);
}

/** responseCreated(waveId): new identified answers (employee waves publish none), optionally of one wave. */
export async function liveResponses(ctx: Context, waveId: string | null): Promise<AsyncIterableIterator<ResponseType>> {
  const organizationId = orgOf(ctx);
  const events = await liveHubOf(ctx.app).listen(organizationId, ['response.created']);
  return mapLive(events, async (event) => {
    if (waveId && event.payload.waveId !== waveId) return null;
    freshLoaders(ctx, organizationId);
    const row = await ctx.loaders.response.load(event.payload.responseId);
    const own = ownScopeOf(ctx, IDENTIFIED_READERS);
    if (!row || (own && row.ownerId !== own)) return null;
    return ResponseType.from(row);
  });
}

/** followUpCreated and followUpOverdue: the follow-ups the subscriber may read (a manager's own). */
export async function liveFollowUps(ctx: Context, type: 'followup.created' | 'followup.overdue'): Promise<AsyncIterableIterator<FollowUpType>> {
  const organizationId = orgOf(ctx);
  const events = await liveHubOf(ctx.app).listen(organizationId, [type]);
  return mapLive(events, async (event) => {
    freshLoaders(ctx, organizationId);
    return getFollowUp(ctx, event.payload.followUpId);
  });
}
