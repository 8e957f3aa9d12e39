import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Config } from '../../config.js';
import type { AppServices } from '../../kernel/context.js';
import { DomainError } from '../../kernel/errors.js';

/**
 * Failed logins, refreshes and API token exchanges, counted per account (an email or a client id)
 * and per address (rate-limiter-flexible; in Redis when REDIS_URL is set, so every API process
 * shares the counts, in the process's memory otherwise). After LOGIN_FAILURES_PER_ACCOUNT failures
 * in a row an account is locked for LOGIN_LOCKOUT_SECONDS, after LOGIN_FAILURES_PER_ADDRESS within
 * 15 minutes an address; each further lock-out within a day lasts twice as long (at most a day). While locked,
 * every attempt is refused with TOO_MANY_ATTEMPTS and extensions.retryAfterSeconds, the right
 * password included. A success clears the account's count, never the address's (one good account
 * must not reset an attacker's count of guesses at others).
 */

const DAY_SECONDS = 24 * 3600;
const ADDRESS_WINDOW_SECONDS = 15 * 60;

export type LimitKind = 'account' | 'address';

export const tooManyAttempts = (retryAfterSeconds: number) =>
  new DomainError(
    'TOO_MANY_ATTEMPTS',
    `Too many failed attempts; try again in ${retryAfterSeconds} seconds`,
    undefined,
    { retryAfterSeconds },
  );

interface Counter {
  limit: number;
  failures: RateLimiterAbstract;
  lockouts: RateLimiterAbstract;
}

export class LoginLimits {
  private readonly counters: Record<LimitKind, Counter | null>;
  private readonly baseSeconds: number;

  constructor(
    config: Pick<Config, 'loginFailuresPerAccount' | 'loginFailuresPerAddress' | 'loginLockoutSeconds'>,
    redis: Redis | null,
    prefix = 'tandem:login',
  ) {
    this.baseSeconds = config.loginLockoutSeconds;
    const make = (keyPrefix: string, points: number, duration: number): RateLimiterAbstract => {
      const options = { keyPrefix, points, duration };
      // Redis away: each process counts in its own memory meanwhile (insurance), never "no limit".
      return redis ? new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: new RateLimiterMemory(options) }) : new RateLimiterMemory(options);
    };
    // An account's failures in a row count for a day (a success clears them); an address's within
    // 15 minutes, so an office behind one address is not locked out by a day of ordinary typos.
    const counter = (kind: LimitKind, limit: number): Counter | null =>
      limit === 0
        ? null
        : { limit, failures: make(`${prefix}:fail:${kind}`, limit, kind === 'account' ? DAY_SECONDS : ADDRESS_WINDOW_SECONDS), lockouts: make(`${prefix}:lock:${kind}`, 10_000, DAY_SECONDS) };
    this.counters = { account: counter('account', config.loginFailuresPerAccount), address: counter('address', config.loginFailuresPerAddress) };
  }

  /** Refuses with TOO_MANY_ATTEMPTS while any of the keys is locked out. */
  async check(keys: Partial<Record<LimitKind, string | null>>): Promise<void> {
    let wait = 0;
    for (const kind of ['account', 'address'] as const) {
      const counter = this.counters[kind];
      const key = keys[kind];
      if (!counter || !key) continue;
      const state = await counter.failures.get(key);
      if (state && state.consumedPoints > counter.limit) wait = Math.max(wait, state.msBeforeNext);
    }
    if (wait > 0) throw tooManyAttempts(Math.max(1, Math.ceil(wait / 1000)));
  }

  /** Counts a failure against each key; the one that reaches the limit locks it out, for longer each time. */
  async failed(keys: Partial<Record<LimitKind, string | null>>): Promise<void> {
    for (const kind of ['account', 'address'] as const) {
      const counter = this.counters[kind];
      const key = keys[kind];
      if (!counter || !key) continue;
      const state = await counter.failures.penalty(key, 1);
      if (state.consumedPoints < counter.limit) continue;
      const lockouts = (await counter.lockouts.penalty(key, 1)).consumedPoints;
      const seconds = Math.min(DAY_SECONDS, this.baseSeconds * 2 ** Math.min(lockouts - 1, 20));
      await counter.failures.block(key, seconds);
    }
  }

  /** A success: the account's failures in a row start again from zero (its lock-out history stays). */
  async succeeded(account: string): Promise<void> {
    await this.counters.account?.failures.delete(account);
  }
}

/** The process's limits, one set per app services: the HTTP server registers its own (with Redis). */
const registry = new WeakMap<AppServices, LoginLimits>();

export function useLoginLimits(app: AppServices, limits: LoginLimits): void {
  registry.set(app, limits);
}

export function loginLimitsOf(app: AppServices): LoginLimits {
  let limits = registry.get(app);
  if (!limits) {
    limits = new LoginLimits(app.config, null);
    registry.set(app, limits);
  }
  return limits;
}
