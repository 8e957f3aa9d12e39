import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { buildSchema, type PubSub } from 'type-graphql';
import { AuthResolver } from '../identity/auth/auth.resolver.js';
import { ApiClientsResolver } from '../identity/auth/api-clients.resolver.js';
import { OrgUnitResolver } from '../identity/org-units/org-unit.resolver.js';
import { OrganizationResolver } from '../identity/organizations/organization.resolver.js';
import { OrgUnitManagerResolver } from '../identity/users/org-unit-manager.resolver.js';
import { UserAdminResolver } from '../identity/users/user-admin.resolver.js';
import { UserResolver } from '../identity/users/user.resolver.js';
import { NotificationResolver } from '../identity/notifications/notification.resolver.js';
import { ContactResolver } from '../survey/contacts/contact.resolver.js';
import { EmployeeResolver } from '../survey/employees/employee.resolver.js';
import { RosterChangeResolver } from '../survey/employees/roster-changes.js';
import { FollowUpNoteResolver, FollowUpResolver, ResponseFollowUpResolver } from '../survey/follow-ups/follow-up.resolver.js';
import { InvitationResolver } from '../survey/invitations/invitation.resolver.js';
import { ExportResolver } from '../survey/exports/export.resolver.js';
import { PrivacyResolver } from '../survey/privacy/privacy.resolver.js';
import { MailBatchResolver, WaveMailingResolver } from '../survey/invitations/mail-batch.resolver.js';
import { PublicSurveyResolver } from '../survey/respondent/public-survey.resolver.js';
import { ResponseResolver } from '../survey/responses/response.resolver.js';
import { TaggingResolver } from '../survey/themes/tagging.resolver.js';
import { ThemeResolver } from '../survey/themes/theme.resolver.js';
import { WaveResolver } from '../survey/waves/wave.resolver.js';
import { TransactionResolver } from '../survey/transactions/transaction.resolver.js';
import { LiveResolver } from '../survey/live/live.resolver.js';
import { FeedItemResolver, FeedResolver } from '../survey/feed/feed.resolver.js';
import { AnalyticsResolver } from '../reporting/analytics/analytics.resolver.js';
import { CriteriaResolver } from '../reporting/criteria/criteria.resolver.js';
import { NpsBandResolver } from '../reporting/analytics/nps-band.resolver.js';
import { EmployeeResultsResolver } from '../reporting/employee-results/employee-results.resolver.js';
import { AwardResolver } from '../reporting/awards/award.resolver.js';
import { LeaderboardResolver } from '../reporting/leaderboards/leaderboard.resolver.js';
import { ThemeResultsResolver } from '../reporting/theme-results/theme-results.resolver.js';
import { WaveResultsResolver } from '../reporting/wave-results/wave-results.resolver.js';
import { TeamPackResolver } from '../reporting/team-packs/team-pack.resolver.js';
import {
  ImprovementEventResolver,
  ImprovementResolver,
  ImprovementWaveResolver,
  WaveStagesResolver,
} from '../loop/improvements/improvement.resolver.js';
import { BoardThemesResolver } from '../overview/board/board-themes.resolver.js';
import { NewsResolver } from '../loop/news/news.resolver.js';
import { YouSaidWeDidTeamsResolver } from '../loop/discussions/team-outcomes.js';
import { BoardDiscussionsResolver } from '../overview/board/board-discussions.resolver.js';
import {
  DiscussionCoverageResolver,
  DiscussionCoverageTeamResolver,
  TeamDiscussionResolver,
  TeamDiscussionSlotResolver,
} from '../loop/discussions/discussion.resolver.js';
import { BoardValueResolver } from '../overview/board/board-value.resolver.js';
import { BoardResolver } from '../overview/board/board.resolver.js';
import { HomeResolver } from '../overview/home/home.resolver.js';
import { JobAdminResolver } from '../platform/jobs/admin.resolver.js';
import { WebhookDeliveryResolver, WebhookResolver } from '../integrations/webhooks/webhook.resolver.js';
import { ImportJobResolver } from '../platform/imports/import-job.resolver.js';
import { AuditLogResolver } from '../platform/audit/audit.resolver.js';
import { SessionsResolver } from '../identity/users/sessions.resolver.js';
import { SecondFactorResolver } from '../identity/auth/second-factor.js';
import { authChecker } from './auth-checker.js';
import { wireLifecycle } from './lifecycle.js';

/** Every module's resolvers, by layer (docs/architecture.md). */
export const resolvers = [
  AuthResolver, ApiClientsResolver, OrganizationResolver, OrgUnitResolver, UserResolver, UserAdminResolver, OrgUnitManagerResolver, NotificationResolver,
  SessionsResolver, SecondFactorResolver,
  ContactResolver, EmployeeResolver, RosterChangeResolver, InvitationResolver, MailBatchResolver, WaveMailingResolver, ExportResolver, PrivacyResolver, PublicSurveyResolver, ResponseResolver,
  FollowUpResolver, FollowUpNoteResolver, ResponseFollowUpResolver, WaveResolver, TransactionResolver, ThemeResolver, TaggingResolver, LiveResolver, FeedResolver, FeedItemResolver,
  AnalyticsResolver, NpsBandResolver, EmployeeResultsResolver, WaveResultsResolver, ThemeResultsResolver, LeaderboardResolver, AwardResolver, CriteriaResolver, TeamPackResolver,
  ImprovementResolver, ImprovementWaveResolver, ImprovementEventResolver, WaveStagesResolver,
  TeamDiscussionResolver, TeamDiscussionSlotResolver, DiscussionCoverageResolver, DiscussionCoverageTeamResolver, YouSaidWeDidTeamsResolver, NewsResolver,
  BoardResolver, BoardThemesResolver, BoardDiscussionsResolver, BoardValueResolver, HomeResolver,
  JobAdminResolver, ImportJobResolver, AuditLogResolver, WebhookResolver, WebhookDeliveryResolver,
] as const;

/**
 * type-graphql asks for a pub/sub of topics as soon as there are subscriptions; Tandem's give their
 * own `subscribe` (survey/live over platform/live's hub), so a topic subscription is a mistake.
 */
const NO_TOPICS: PubSub = {
  publish() {
    throw new Error('Publish live events through the outbox (platform/events), not type-graphql topics');
  },
  subscribe() {
    throw new Error('A subscription gives its own subscribe (see survey/live); type-graphql topics are not used');
  },
};

export function buildTandemSchema(): Promise<GraphQLSchema> {
  wireLifecycle();
  return buildSchema({
    resolvers,
    authChecker,
    authMode: 'error',
    validate: { forbidUnknownValues: false },
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    pubSub: NO_TOPICS,
  });
}

/** The SDL as committed in apps/api/schema.graphql: sorted, so the file changes only when the schema does. */
export function printSdl(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
