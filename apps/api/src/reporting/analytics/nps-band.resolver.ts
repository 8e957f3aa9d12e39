import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { band, DEFAULT_BANDS, type BandDefinition } from '@tandem/nps-core';
import type { Context } from '../../kernel/context.js';
import { settingsOf } from '../../identity/organizations/organization.service.js';
import { NpsSummary } from '../base/nps-summary.type.js';

const perRequest = new WeakMap<object, Promise<BandDefinition>>();

/** The organization's bands, read once per request. */
function bandsOf(ctx: Context): Promise<BandDefinition> {
  if (!ctx.principal) return Promise.resolve(DEFAULT_BANDS);
  let bands = perRequest.get(ctx.loaders);
  if (!bands) {
    bands = settingsOf(ctx).then((s) => s.npsBands as BandDefinition);
    perRequest.set(ctx.loaders, bands);
  }
  return bands;
}

/** Every NpsSummary's band, read with the organization's bands (the settings page sets them). */
@Resolver(() => NpsSummary)
export class NpsBandResolver {
  @FieldResolver(() => String, { nullable: true, description: "The NPS's band key in the organization's bands; null when there is no NPS" })
  async band(@Root() summary: NpsSummary, @Ctx() ctx: Context): Promise<string | null> {
    if (summary.nps === null || summary.nps === undefined) return null;
    return band(summary.nps, await bandsOf(ctx));
  }
}
