import { DEFAULT_BANDS, type BandDefinition } from '@tandem/nps-core';
import type { Context } from '../../kernel/context.js';
import { settingsOf } from '../../identity/organizations/organization.service.js';

const perRequest = new WeakMap<object, Promise<BandDefinition>>();

/**
 * The organization's NPS bands (the settings page sets them), read once per request: by a service
 * that gives its summaries their band itself (npsBreakdown, beside its counts), and by
 * NpsBandResolver for every other summary.
 */
export function organizationBands(ctx: Context): Promise<BandDefinition> {
  if (!ctx.principal) return Promise.resolve(DEFAULT_BANDS);
  let bands = perRequest.get(ctx.loaders);
  if (!bands) {
    bands = settingsOf(ctx).then((s) => s.npsBands as BandDefinition);
    perRequest.set(ctx.loaders, bands);
  }
  return bands;
}
