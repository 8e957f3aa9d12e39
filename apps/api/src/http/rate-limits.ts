import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit, type Store } from 'express-rate-limit';
import type { Redis } from 'ioredis';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import type { Config } from '../config.js';
import { verifyAccessToken } from '../identity/auth/access-tokens.js';

/**
 * Request limits per minute (GraphQL, uploads, exports): an API client by its id, whatever
 * address it calls from (API_CLIENT_RATE_LIMIT_PER_MINUTE), everyone else by address
 * (RATE_LIMIT_PER_MINUTE); 0 turns either off. With a shared `store` (Redis, when REDIS_URL is
 * set) every API process counts against the same quota; without, each process counts its own.
 * Over the limit: 429 RATE_LIMITED as a GraphQL error, with Retry-After and the RateLimit headers.
 */
export function rateLimits(config: Config, now: () => Date, store: Store | undefined, sendError: (res: Parameters<RequestHandler>[1], status: number, code: string, message: string) => void): RequestHandler | null {
  if (config.rateLimitPerMinute === 0 && config.apiClientRateLimitPerMinute === 0) return null;
  const limitOf = (req: Request) => (clientOf(req, config, now) ? config.apiClientRateLimitPerMinute : config.rateLimitPerMinute);
  return rateLimit({
    windowMs: 60_000,
    limit: limitOf,
    skip: (req) => limitOf(req) === 0,
    keyGenerator: (req) => {
      const client = clientOf(req, config, now);
      return client ? `client:${client}` : `ip:${ipKeyGenerator(req.ip ?? '')}`;
    },
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    store,
    // A limit store that cannot be reached (Redis down) lets requests through rather than stopping the API.
    passOnStoreError: true,
    handler: (req, res) => {
      const client = clientOf(req, config, now);
      const who = client ? 'for this API client' : 'from one address';
      sendError(res, 429, 'RATE_LIMITED', `Too many requests: at most ${limitOf(req)} a minute ${who}; retry after the seconds in the Retry-After header`);
    },
  });
}

const CLIENT = Symbol('rate-limit client');

/** The API client a request's bearer token is for (checked, not only decoded), remembered on the request; null for anyone else. */
function clientOf(req: Request, config: Config, now: () => Date): string | null {
  const cached = (req as unknown as Record<symbol, string | null | undefined>)[CLIENT];
  if (cached !== undefined) return cached;
  const match = /^Bearer\s+(\S+)$/i.exec(req.header('authorization') ?? '');
  let client: string | null = null;
  if (match) {
    try {
      const principal = verifyAccessToken(match[1], config.jwtSecret, now());
      client = principal.kind === 'api' ? principal.id : null;
    } catch {
      client = null;
    }
  }
  (req as unknown as Record<symbol, string | null>)[CLIENT] = client;
  return client;
}

/** The counts in Redis (rate-limit-redis through ioredis), so every API process shares each quota. */
export function redisStore(redis: Redis, prefix = 'tandem:rate:'): Store {
  return new RedisStore({
    prefix,
    sendCommand: (command: string, ...args: string[]) => redis.call(command, ...args) as Promise<RedisReply>,
  });
}
