import type { Context } from '../../graphql/context.js';
import { settingsOf } from '../organizations/organization.service.js';
import { effectiveThreshold } from './guard.js';

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
