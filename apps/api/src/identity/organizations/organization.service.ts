import { DEFAULT_BANDS } from '@tandem/nps-core';
import type { Context } from '../../kernel/context.js';
import { orgOf } from '../../kernel/context.js';
import { notFound } from '../../kernel/errors.js';
import { OrganizationEntity, type OrganizationSettings } from './organization.entity.js';

export const DEFAULT_SETTINGS: Required<OrganizationSettings> = {
  anonymityThreshold: 5,
  throttleDays: 90,
  followUpSlaHours: 48,
  leaderboardMinResponses: 10,
  timeZone: 'UTC',
  npsBands: DEFAULT_BANDS.map((b) => ({ key: b.key, min: b.min })),
};

export async function currentOrganization(ctx: Context): Promise<OrganizationEntity> {
  const org = await ctx.db.findOneBy(OrganizationEntity, { id: orgOf(ctx) });
  if (!org) throw notFound('Organization');
  return org;
}

/** The caller's organization settings with defaults filled in; the anonymity threshold never below 3, the leaderboard minimum never below 1. */
export async function settingsOf(ctx: Context): Promise<Required<OrganizationSettings>> {
  const org = await currentOrganization(ctx);
  const settings = { ...DEFAULT_SETTINGS, ...org.settings };
  return { ...settings, anonymityThreshold: Math.max(3, settings.anonymityThreshold), leaderboardMinResponses: Math.max(1, settings.leaderboardMinResponses) };
}
