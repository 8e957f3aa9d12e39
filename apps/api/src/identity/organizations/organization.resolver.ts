import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../kernel/context.js';
import { OrganizationType } from './organization.type.js';
import { currentOrganization, settingsOf } from './organization.service.js';
import { OrganizationSettingsInput, updateSettings } from './organization-settings.js';
import { ADMINS, ORGANIZATION_READERS } from '../../kernel/policies.js';

async function organizationOf(ctx: Context): Promise<OrganizationType> {
  const org = await currentOrganization(ctx);
  const s = await settingsOf(ctx);
  return {
    id: org.id,
    name: org.name,
    anonymityThreshold: s.anonymityThreshold,
    leaderboardMinResponses: s.leaderboardMinResponses,
    timeZone: s.timeZone,
    followUpSlaHours: s.followUpSlaHours,
    throttleDays: s.throttleDays,
    npsBands: s.npsBands,
  };
}

@Resolver(() => OrganizationType)
export class OrganizationResolver {
  @Authorized(...ORGANIZATION_READERS)
  @Query(() => OrganizationType, { description: "The caller's organization (from the token)" })
  organization(@Ctx() ctx: Context): Promise<OrganizationType> {
    return organizationOf(ctx);
  }

  @Authorized(...ADMINS)
  @Mutation(() => OrganizationType, {
    description:
      'Name, time zone, anonymity threshold k (for releases from now on; not lowered while an employee wave is open), follow-up SLA, throttle window, NPS bands. ' +
      'BAD_USER_INPUT names the input field; nothing is written then.',
  })
  async updateOrganizationSettings(@Arg('input', () => OrganizationSettingsInput) input: OrganizationSettingsInput, @Ctx() ctx: Context): Promise<OrganizationType> {
    await updateSettings(ctx, input);
    return organizationOf(ctx);
  }
}
