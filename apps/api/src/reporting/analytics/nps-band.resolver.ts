import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { band } from '@tandem/nps-core';
import type { Context } from '../../kernel/context.js';
import { NpsSummary } from '../base/nps-summary.type.js';
import { organizationBands } from './organization-bands.js';

/**
 * Every NpsSummary's band, read with the organization's bands (the settings page sets them). A
 * summary made with them (NpsSummary.of with `bands`: npsBreakdown's groups) has its band already:
 * answered at once, without a promise per summary.
 */
@Resolver(() => NpsSummary)
export class NpsBandResolver {
  @FieldResolver(() => String, { nullable: true, description: "The NPS's band key in the organization's bands; null when there is no NPS" })
  band(@Root() summary: NpsSummary, @Ctx() ctx: Context): string | null | Promise<string | null> {
    if (summary.nps === null || summary.nps === undefined) return null;
    if (summary.withOrganizationBands) return summary.band;
    const nps = summary.nps;
    return organizationBands(ctx).then((bands) => band(nps, bands));
  }
}
