import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { buildSchema } from 'type-graphql';
import { AuthResolver } from '../features/auth/auth.resolver.js';
import { ContactResolver } from '../features/contacts/contact.resolver.js';
import { EmployeeResolver } from '../features/employees/employee.resolver.js';
import { RosterChangeResolver } from '../features/employees/roster-changes.js';
import { FollowUpNoteResolver, FollowUpResolver } from '../features/follow-ups/follow-up.resolver.js';
import { ImprovementEventResolver, ImprovementResolver, ImprovementWaveResolver } from '../features/improvements/improvement.resolver.js';
import { InvitationResolver } from '../features/invitations/invitation.resolver.js';
import { OrgUnitResolver } from '../features/org-units/org-unit.resolver.js';
import { OrganizationResolver } from '../features/organizations/organization.resolver.js';
import { PublicSurveyResolver } from '../features/responses/public-survey.resolver.js';
import { ResponseResolver } from '../features/responses/response.resolver.js';
import { UserResolver } from '../features/users/user.resolver.js';
import { WaveResolver } from '../features/waves/wave.resolver.js';
import { AnalyticsResolver } from '../features/analytics/analytics.resolver.js';
import { EmployeeResultsResolver } from '../features/anonymity/employee-results.resolver.js';
import { BoardResolver } from '../features/board/board.resolver.js';
import { ThemeResolver } from '../features/themes/theme.resolver.js';
import { TaggingResolver } from '../features/themes/tagging.resolver.js';
import { ThemeResultsResolver } from '../features/themes/theme-results.resolver.js';
import { LeaderboardResolver } from '../features/leaderboards/leaderboard.resolver.js';
import { AwardResolver } from '../features/awards/award.resolver.js';
import { UserAdminResolver } from '../features/users/user-admin.resolver.js';
import { NpsBandResolver } from '../features/analytics/nps-band.resolver.js';
import { HomeResolver } from '../features/home/home.resolver.js';
import { JobAdminResolver } from '../platform/jobs/admin.resolver.js';
import { authChecker } from './auth-checker.js';

export const resolvers = [AuthResolver, OrganizationResolver, OrgUnitResolver, UserResolver, ContactResolver,
  InvitationResolver, PublicSurveyResolver, ResponseResolver, FollowUpResolver, FollowUpNoteResolver, WaveResolver, AnalyticsResolver,
  EmployeeResultsResolver, EmployeeResolver, RosterChangeResolver, BoardResolver,
  ImprovementResolver, ImprovementWaveResolver, ImprovementEventResolver, LeaderboardResolver, AwardResolver,
  ThemeResolver, TaggingResolver, ThemeResultsResolver, UserAdminResolver, NpsBandResolver, HomeResolver, JobAdminResolver] as const;

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
