import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { buildSchema } from 'type-graphql';
import { AuthResolver } from '../identity/auth/auth.resolver.js';
import { ContactResolver } from '../survey/contacts/contact.resolver.js';
import { EmployeeResolver } from '../survey/employees/employee.resolver.js';
import { RosterChangeResolver } from '../survey/employees/roster-changes.js';
import { FollowUpNoteResolver, FollowUpResolver } from '../survey/follow-ups/follow-up.resolver.js';
import { ImprovementEventResolver, ImprovementResolver, ImprovementWaveResolver } from '../loop/improvements/improvement.resolver.js';
import { InvitationResolver } from '../survey/invitations/invitation.resolver.js';
import { OrgUnitResolver } from '../identity/org-units/org-unit.resolver.js';
import { OrganizationResolver } from '../identity/organizations/organization.resolver.js';
import { PublicSurveyResolver } from '../survey/responses/public-survey.resolver.js';
import { ResponseResolver } from '../survey/responses/response.resolver.js';
import { UserResolver } from '../identity/users/user.resolver.js';
import { WaveResolver } from '../survey/waves/wave.resolver.js';
import { AnalyticsResolver } from '../reporting/analytics/analytics.resolver.js';
import { EmployeeResultsResolver } from '../reporting/anonymity/employee-results.resolver.js';
import { BoardResolver } from '../overview/board/board.resolver.js';
import { ThemeResolver } from '../survey/themes/theme.resolver.js';
import { TaggingResolver } from '../survey/themes/tagging.resolver.js';
import { ThemeResultsResolver } from '../survey/themes/theme-results.resolver.js';
import { LeaderboardResolver } from '../reporting/leaderboards/leaderboard.resolver.js';
import { AwardResolver } from '../reporting/awards/award.resolver.js';
import { UserAdminResolver } from '../identity/users/user-admin.resolver.js';
import { NpsBandResolver } from '../reporting/analytics/nps-band.resolver.js';
import { HomeResolver } from '../overview/home/home.resolver.js';
import { authChecker } from './auth-checker.js';

export const resolvers = [AuthResolver, OrganizationResolver, OrgUnitResolver, UserResolver, ContactResolver,
  InvitationResolver, PublicSurveyResolver, ResponseResolver, FollowUpResolver, FollowUpNoteResolver, WaveResolver, AnalyticsResolver,
  EmployeeResultsResolver, EmployeeResolver, RosterChangeResolver, BoardResolver,
  ImprovementResolver, ImprovementWaveResolver, ImprovementEventResolver, LeaderboardResolver, AwardResolver,
  ThemeResolver, TaggingResolver, ThemeResultsResolver, UserAdminResolver, NpsBandResolver, HomeResolver] as const;

export function buildTandemSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    authChecker,
    authMode: 'error',
    validate: { forbidUnknownValues: false },
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
  });
}

/** The SDL as committed in apps/api/schema.graphql: sorted, so the file changes only when the schema does. */
export function printSdl(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
