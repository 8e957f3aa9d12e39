import type { Client, Sink } from 'graphql-ws';
import { errorFromGraphQL, TandemError, type GraphQLErrorBody } from './errors.js';

/** Where the subscriptions go and how they authenticate: the client's URL and a fresh token at every (re)connect. */
export interface SubscriptionTransport {
  url: string;
  token(): Promise<string>;
  /** A WebSocket implementation (default: the global WebSocket of Node 22+ and browsers, else the `ws` package). */
  webSocketImpl?: unknown;
}

/**
 * One graphql-ws connection on the GraphQL endpoint (ws:// or wss://), opened with the first
 * subscription and closed a moment after the last; the token goes in connection_init as
 * `{ authorization: 'Bearer <token>' }`, renewed at every reconnect. graphql-ws (and, on Node 20,
 * ws) are optional dependencies, loaded only here.
 */
export class Subscriptions {
  private client: Promise<Client> | null = null;

  constructor(private readonly transport: SubscriptionTransport) {}

  /** The subscription's events, each typed as the document's data, until you break out of the loop. */
  async *subscribe<TResult>(query: string, variables: unknown): AsyncGenerator<TResult, void, undefined> {
    // A failed start (graphql-ws missing) is not kept: the next subscribe tries again.
    const client = await (this.client ??= this.connect().catch((error: unknown) => {
      this.client = null;
      throw error;
    }));
    const events: { value?: TResult; error?: TandemError; done?: true }[] = [];
    let wake: (() => void) | null = null;
    const push = (event: (typeof events)[number]) => {
      events.push(event);
      wake?.();
    };
    const sink: Sink = {
      next: (result) => {
        const { data, errors } = result as { data?: TResult | null; errors?: GraphQLErrorBody[] };
        push(errors?.length ? { error: errorFromGraphQL(errors, 200, data) } : { value: data as TResult });
      },
      error: (error) => push({ error: toTandemError(error) }),
      complete: () => push({ done: true }),
    };
    const unsubscribe = client.subscribe({ query, ...(variables === undefined ? {} : { variables: variables as Record<string, unknown> }) }, sink);
    try {
      for (;;) {
        const event = events.shift();
        if (!event) {
          await new Promise<void>((resolve) => (wake = resolve));
          wake = null;
          continue;
        }
        if (event.error) throw event.error;
        if (event.done) return;
        yield event.value as TResult;
      }
    } finally {
      unsubscribe();
    }
  }

  /** Closes the connection (the subscriptions end). */
  async close(): Promise<void> {
    const client = this.client;
    this.client = null;
    if (client) await (await client).dispose();
  }

  private async connect(): Promise<Client> {
    const missing = (name: string) => () => {
      throw new TandemError({ message: `subscribe needs the ${name} package: npm install graphql-ws (and ws on Node 20)`, code: 'MISSING_DEPENDENCY' });
    };
    const { createClient } = await import('graphql-ws').catch(missing('graphql-ws'));
    const webSocketImpl =
      this.transport.webSocketImpl ?? (globalThis as { WebSocket?: unknown }).WebSocket ?? (await import('ws').catch(missing('ws'))).WebSocket;
    const url = new URL(this.transport.url);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    return createClient({
      url: url.toString(),
      webSocketImpl,
      connectionParams: async () => ({ authorization: `Bearer ${await this.transport.token()}` }),
      lazyCloseTimeout: 1000,
      retryAttempts: 5,
    });
  }
}

/** graphql-ws reports a failed subscription as GraphQL errors, a CloseEvent or an Error. */
function toTandemError(error: unknown): TandemError {
  if (Array.isArray(error)) return errorFromGraphQL(error as GraphQLErrorBody[], 200);
  const closed = error as { code?: number; reason?: string; message?: string };
  if (typeof closed.code === 'number') return new TandemError({ message: `The subscription socket closed: ${closed.code} ${closed.reason ?? ''}`.trim(), code: closed.code === 4403 || closed.code === 4401 ? 'UNAUTHENTICATED' : 'NETWORK_ERROR' });
  return new TandemError({ message: closed.message ?? String(error), code: 'NETWORK_ERROR', cause: error });
}
