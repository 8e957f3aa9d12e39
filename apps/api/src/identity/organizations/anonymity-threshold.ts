import type { Context } from '../../kernel/context.js';
import { settingsOf } from './organization.service.js';

/** The smallest threshold any organization may set. */
export const MIN_THRESHOLD = 3;
export const DEFAULT_THRESHOLD = 5;

/** The organization's k, never below MIN_THRESHOLD. */
export function effectiveThreshold(configured: number | null | undefined): number {
  if (configured === null || configured === undefined || !Number.isFinite(configured)) return DEFAULT_THRESHOLD;
  return Math.max(MIN_THRESHOLD, Math.floor(configured));
}

const perRequest = new WeakMap<object, Promise<number>>();

/**
 * The organization's anonymity threshold k (never below 3), read once per request: a page of
 * waves asks for it once per wave.
 */
export function thresholdOf(ctx: Context): Promise<number> {
  let k = perRequest.get(ctx.loaders);
  if (!k) {
    k = settingsOf(ctx).then((s) => effectiveThreshold(s.anonymityThreshold));
    perRequest.set(ctx.loaders, k);
  }
  return k;
}
