import type { Context } from '../../kernel/context.js';
import { orgOf, userOf } from '../../kernel/context.js';
import { liveHubOf, mapLive } from '../../platform/live/hub.js';
import { feedItem } from './feed.service.js';
import type { FeedItemType } from './feed.types.js';

/**
 * feedItemAdded: each new answer of the organization (response.created; employee waves publish
 * none) is read again through the feed query itself, for this subscriber, with fresh loaders and
 * their follows as they are now: what streams is exactly what the feed would show.
 */
export async function liveFeed(ctx: Context): Promise<AsyncIterableIterator<FeedItemType>> {
  const organizationId = orgOf(ctx);
  userOf(ctx);
  const events = await liveHubOf(ctx.app).listen(organizationId, ['response.created']);
  return mapLive(events, async (event) => {
    ctx.loaders = ctx.createLoaders(ctx.db, organizationId);
    return feedItem(ctx, event.payload.responseId);
  });
}
