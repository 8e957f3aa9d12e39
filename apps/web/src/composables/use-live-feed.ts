import { onBeforeUnmount, ref, type Ref } from 'vue';
import { createClient, type Client } from 'graphql-ws';
import { useAuth } from './use-auth';

// The feed's live updates: one graphql-ws subscription (feedItemAdded) on /graphql, authenticated
// with the session's access token. The server checks each pushed answer with the feed's own rules;
// the page reads the feed again when one arrives, so what it shows is always the query's.

const FEED_ITEM_ADDED = 'subscription FeedItemAdded { feedItemAdded { id } }';

/**
 * How long to wait before reconnecting after `retries` attempts: doubling from 1 s, at most 10 s,
 * plus up to a second at random so that a restarted server is not met by every page at once.
 * graphql-ws's own wait doubles without end (2^retries s): a feed left open through a long outage
 * would stay offline for minutes after the server came back.
 */
export function retryDelayMs(retries: number, random: () => number = Math.random): number {
  return Math.min(1000 * 2 ** retries, 10_000) + Math.floor(random() * 1000);
}

/** The websocket address of the API's /graphql, beside the page. */
export function liveUrl(location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
}

export function useLiveFeed(onItem: (id: string) => void): { connected: Ref<boolean> } {
  const auth = useAuth();
  const connected = ref(false);
  let client: Client | null = null;
  let stop: (() => void) | null = null;
  if (typeof window !== 'undefined' && typeof WebSocket !== 'undefined') {
    client = createClient({
      url: liveUrl(window.location),
      connectionParams: async () => {
        const token = await auth.getAccessToken();
        return token ? { authorization: `Bearer ${token}` } : {};
      },
      retryAttempts: Infinity,
      retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, retryDelayMs(retries))),
      shouldRetry: () => true,
      on: {
        connected: () => (connected.value = true),
        closed: () => (connected.value = false),
      },
    });
    stop = client.subscribe<{ feedItemAdded: { id: string } }>(
      { query: FEED_ITEM_ADDED },
      {
        next: (result) => {
          const id = result.data?.feedItemAdded?.id;
          if (id) onItem(id);
        },
        error: () => (connected.value = false),
        complete: () => undefined,
      },
    );
  }
  onBeforeUnmount(() => {
    stop?.();
    void client?.dispose();
  });
  return { connected };
}
