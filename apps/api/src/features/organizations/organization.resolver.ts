import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { OrganizationType } from './organization.type.js';
import { currentOrganization, settingsOf } from './organization.service.js';

@Resolver(() => OrganizationType)
export class OrganizationResolver {
  @Authorized('ANY_USER', 'analytics:read', 'responses:read', 'responses:write', 'contacts:write')
  @Query(() => OrganizationType, { description: "The caller's organization (from the token)" })
  async organization(@Ctx() ctx: Context): Promise<OrganizationType> {
    const org = await currentOrganization(ctx);
    const settings = await settingsOf(ctx);
    return { id: org.id, name: org.name, anonymityThreshold: settings.anonymityThreshold, leaderboardMinResponses: settings.leaderboardMinResponses };
  }
}
