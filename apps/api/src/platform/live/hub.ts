import { EventEmitter } from 'node:events';
import { Redis } from 'ioredis';
import type { AppServices } from '../../kernel/context.js';
import type { Logger } from '../../logger.js';
import type { EventConsumer } from '../events/bus.js';
import type { DomainEventOf } from '../events/types.js';

/**
 * Live subscriptions (issue 18): the outbox's events that GraphQL subscribers may follow as they
 * happen. Their payloads are ids (types.ts): a subscriber reads the object itself through the same
 * services as a query, scoped to its own organization and reach. Employee waves publish no
 * response.created, so nothing of an employee's answer ever passes here.
 */
export const LIVE_EVENT_TYPES = ['response.created', 'followup.created', 'followup.overdue'] as const;
export type LiveEventType = (typeof LIVE_EVENT_TYPES)[number];
export type LiveEvent = DomainEventOf<LiveEventType>;

/** Events a slow subscriber may have waiting; older ones are dropped (a live feed, not a log: sync with updatedSince). */
const MAX_WAITING = 1000;

/**
 * Where live events meet their subscribers. In one process an EventEmitter; with REDIS_URL every
 * process publishes to one Redis channel and each API process relays what it hears to its own
 * subscribers, so an event handled by a worker reaches subscribers of every API process.
 */
export interface LiveHub {
  publish(event: LiveEvent): Promise<void>;
  /**
   * The organization's events of these types from now on. Listening starts at once (before the
   * first next()); return() stops it at once, even while a next() is waiting.
   */
  listen<K extends LiveEventType>(organizationId: string, types: readonly K[]): Promise<AsyncIterableIterator<DomainEventOf<K>>>;
  /** How many listeners the organization has in this process (tests wait for a subscription to start). */
  listeners(organizationId: string): number;
  close(): Promise<void>;
}

const CHANNEL = 'tandem:live';

class LocalFeed {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  deliver(event: LiveEvent): void {
    this.emitter.emit(event.organizationId, event);
  }

  listeners(organizationId: string): number {
    return this.emitter.listenerCount(organizationId);
  }

  listen<K extends LiveEventType>(organizationId: string, types: readonly K[]): AsyncIterableIterator<DomainEventOf<K>> {
    const waiting: DomainEventOf<K>[] = [];
    let wake: (() => void) | null = null;
    let done = false;
    const onEvent = (event: LiveEvent) => {
      if (!(types as readonly string[]).includes(event.type)) return;
      waiting.push(event as DomainEventOf<K>);
      if (waiting.length > MAX_WAITING) waiting.shift();
      wake?.();
    };
    this.emitter.on(organizationId, onEvent);
    const finish = (): IteratorResult<DomainEventOf<K>> => {
      if (!done) {
        done = true;
        this.emitter.off(organizationId, onEvent);
        wake?.();
      }
      return { value: undefined, done: true };
    };
    return {
      [Symbol.asyncIterator]() {
        return this;
      },
      async next() {
        while (!done) {
          const event = waiting.shift();
          if (event) return { value: event, done: false };
          await new Promise<void>((resolve) => (wake = resolve));
          wake = null;
        }
        return { value: undefined, done: true };
      },
      async return() {
        return finish();
      },
      async throw(error: unknown) {
        finish();
        throw error;
      },
    };
  }
}

/** One process only: publish delivers to this process's subscribers. */
class InProcessHub implements LiveHub {
  private readonly feed = new LocalFeed();

  async publish(event: LiveEvent): Promise<void> {
    this.feed.deliver(event);
  }

  async listen<K extends LiveEventType>(organizationId: string, types: readonly K[]) {
    return this.feed.listen(organizationId, types);
  }

  listeners(organizationId: string): number {
    return this.feed.listeners(organizationId);
  }

  async close(): Promise<void> {}
}

/**
 * Across processes: publish goes to Redis (awaited, so a consumer job that cannot reach Redis is
 * retried); the first listener makes this process subscribe, and what Redis relays (this
 * process's own events included) goes to the local subscribers. Connections are opened on first
 * use, so a process that never publishes nor listens opens none.
 */
export class RedisHub implements LiveHub {
  private readonly feed = new LocalFeed();
  private publisher: Redis | null = null;
  private subscriber: Promise<Redis> | null = null;

  constructor(
    private readonly url: string,
    private readonly logger: Logger,
  ) {}

  private connect(role: string): Redis {
    const redis = new Redis(this.url, { maxRetriesPerRequest: 3, connectionName: `tandem-live-${role}` });
    redis.on('error', (error: unknown) => this.logger.warn({ err: error, role }, 'live subscriptions: Redis connection error'));
    return redis;
  }

  async publish(event: LiveEvent): Promise<void> {
    this.publisher ??= this.connect('publish');
    await this.publisher.publish(CHANNEL, JSON.stringify(event));
  }

  private subscribed(): Promise<Redis> {
    this.subscriber ??= (async () => {
      const redis = this.connect('subscribe');
      redis.on('message', (_channel: string, message: string) => {
        try {
          this.feed.deliver(JSON.parse(message) as LiveEvent);
        } catch (error) {
          this.logger.warn({ err: error }, 'live subscriptions: unreadable message on Redis');
        }
      });
      try {
        await redis.subscribe(CHANNEL);
      } catch (error) {
        // Redis was away: the next subscriber tries again rather than failing on this attempt forever.
        this.subscriber = null;
        redis.disconnect();
        throw error;
      }
      return redis;
    })();
    return this.subscriber;
  }

  async listen<K extends LiveEventType>(organizationId: string, types: readonly K[]) {
    await this.subscribed();
    return this.feed.listen(organizationId, types);
  }

  listeners(organizationId: string): number {
    return this.feed.listeners(organizationId);
  }

  async close(): Promise<void> {
    const connections = [this.publisher, await this.subscriber?.catch(() => null)].filter((r): r is Redis => !!r);
    this.publisher = null;
    this.subscriber = null;
    await Promise.all(connections.map((redis) => redis.quit().catch(() => redis.disconnect())));
  }
}

export function createLiveHub(redisUrl: string | null, logger: Logger): LiveHub {
  return redisUrl ? new RedisHub(redisUrl, logger) : new InProcessHub();
}

/** The process's hub, one per set of app services (as jobQueueOf is one per database), made on first use. */
const hubs = new WeakMap<AppServices, LiveHub>();

export function liveHubOf(app: AppServices): LiveHub {
  let hub = hubs.get(app);
  if (!hub) {
    hub = createLiveHub(app.config.redisUrl, app.logger);
    hubs.set(app, hub);
  }
  return hub;
}

/** At shutdown, after the servers and workers stopped: closes the hub's Redis connections, if any. */
export async function closeLiveHub(app: AppServices): Promise<void> {
  const hub = hubs.get(app);
  hubs.delete(app);
  await hub?.close();
}

/**
 * The outbox consumer that hands live events to the hub. A live event is worth little late: a
 * few quick retries (Redis briefly away), then it is dropped to the dead letters.
 */
export const liveSubscriptionsConsumer: EventConsumer<LiveEventType> = {
  name: 'live-subscriptions',
  types: LIVE_EVENT_TYPES,
  handle: (event, ctx) => liveHubOf(ctx.app).publish(event),
  queue: { retryLimit: 2, retryDelaySeconds: 1, expireInSeconds: 30 },
  concurrency: 4,
};

/**
 * Maps a hub's events to what a subscriber sees: `resolve` answers the object (read through the
 * services, scoped to the subscriber) or null to skip the event. return() reaches the hub at once,
 * so a subscriber that leaves while nothing happens stops listening (an async generator would wait
 * for the next event first).
 */
export function mapLive<E, T>(events: AsyncIterableIterator<E>, resolve: (event: E) => Promise<T | null>): AsyncIterableIterator<T> {
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      for (;;) {
        const event = await events.next();
        if (event.done) return { value: undefined, done: true };
        const value = await resolve(event.value);
        if (value !== null) return { value, done: false };
      }
    },
    async return() {
      await events.return?.();
      return { value: undefined, done: true };
    },
    async throw(error: unknown) {
      await events.return?.();
      throw error;
    },
  };
}
