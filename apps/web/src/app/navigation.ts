import type { RouteComponent } from 'vue-router';
import type { Role } from '../gql/graphql';

/** Every role an admin may give (the users page lists them all). */
export const ALL_ROLES: readonly Role[] = ['ADMIN', 'HR', 'CX', 'MANAGER', 'LEADER', 'FEED'];
/** The staff roles: everything but the light FEED role, which sees only the feed and its own account. */
export const STAFF_ROLES: readonly Role[] = ['ADMIN', 'HR', 'CX', 'MANAGER', 'LEADER'];
/** Who has a feed: FEED and those who read identified answers (not HR). */
export const FEED_ROLES: readonly Role[] = ['FEED', 'CX', 'ADMIN', 'LEADER', 'MANAGER'];

/** A user holding FEED and no staff role: their app is the feed. */
export const isFeedOnly = (roles: readonly Role[]): boolean => roles.length > 0 && roles.every((role) => role === 'FEED');

/** One entry of the main navigation, and the route behind it. */
export interface NavItem {
  /** Route name, unique. */
  name: string;
  /** Path under the app shell, without the leading slash ('' is home). */
  path: string;
  /** i18n key of the label. */
  label: string;
  /** Who sees the item and may open the route. */
  roles: readonly Role[];
  component: () => Promise<RouteComponent>;
  /** A page reached from another one (a wave from the list), not listed in the menu. */
  inMenu?: false;
  /** For a page outside the menu: the menu item it belongs to, shown as the current section. */
  section?: string;
}

// The app's pages, in menu order. Adding a page is one line here (plus its file).
export const NAVIGATION: readonly NavItem[] = [
  { name: 'home', path: '', label: 'nav.home', roles: STAFF_ROLES, component: () => import('../pages/HomePage.vue') },
  { name: 'feed', path: 'feed', label: 'feed.nav', roles: FEED_ROLES, component: () => import('../pages/feed/FeedPage.vue') },
  { name: 'board', path: 'board', label: 'nav.board', roles: ['LEADER', 'ADMIN', 'CX', 'HR'], component: () => import('../pages/board/BoardPage.vue') },
  { name: 'explore', path: 'explore', label: 'nav.explore', roles: ['CX', 'HR', 'ADMIN', 'LEADER', 'MANAGER'], component: () => import('../pages/explore/ExplorePage.vue') },
  { name: 'waves', path: 'waves', label: 'nav.waves', roles: ['CX', 'ADMIN', 'HR', 'MANAGER', 'LEADER'], component: () => import('../pages/waves/WavesPage.vue') },
  { name: 'wave', path: 'waves/:id', label: 'nav.wave', roles: ['CX', 'ADMIN', 'HR', 'MANAGER', 'LEADER'], component: () => import('../pages/waves/WavePage.vue'), inMenu: false, section: 'waves' },
  // A team's discussion pack of a closed wave (issue 20); the managers' mails link here.
  { name: 'team-pack', path: 'waves/:waveId/teams/:orgUnitId', label: 'teamPack.nav', roles: ['CX', 'ADMIN', 'HR', 'MANAGER', 'LEADER'], component: () => import('../pages/team-packs/TeamPackPage.vue'), inMenu: false, section: 'waves' },
  { name: 'team-discussion', path: 'waves/:waveId/teams/:orgUnitId/discussion', label: 'discussions.nav', roles: ['CX', 'ADMIN', 'HR', 'MANAGER', 'LEADER'], component: () => import('../pages/discussions/TeamDiscussionPage.vue'), inMenu: false, section: 'waves' },
  { name: 'programmes', path: 'programmes', label: 'programmes.nav', roles: ['CX', 'ADMIN', 'MANAGER', 'LEADER'], component: () => import('../pages/programmes/ProgrammesPage.vue'), inMenu: false, section: 'waves' },
  { name: 'programme', path: 'programmes/:id', label: 'programmes.navItem', roles: ['CX', 'ADMIN', 'MANAGER', 'LEADER'], component: () => import('../pages/programmes/ProgrammePage.vue'), inMenu: false, section: 'waves' },
  { name: 'employees', path: 'employees', label: 'nav.employees', roles: ['HR', 'ADMIN'], component: () => import('../pages/employees/EmployeesPage.vue') },
  { name: 'contacts', path: 'contacts', label: 'nav.contacts', roles: ['CX', 'ADMIN', 'MANAGER'], component: () => import('../pages/contacts/ContactsPage.vue') },
  { name: 'follow-ups', path: 'follow-ups', label: 'nav.followUps', roles: ['MANAGER', 'CX', 'ADMIN', 'LEADER'], component: () => import('../pages/follow-ups/FollowUpsPage.vue') },
  { name: 'team', path: 'team', label: 'nav.team', roles: ['MANAGER'], component: () => import('../pages/team/TeamPage.vue') },
  { name: 'themes', path: 'themes', label: 'themes.nav', roles: ['CX', 'HR', 'ADMIN', 'MANAGER'], component: () => import('../pages/themes/ThemesPage.vue') },
  { name: 'improvements', path: 'improvements', label: 'improvements.nav', roles: ['CX', 'HR', 'MANAGER', 'LEADER', 'ADMIN'], component: () => import('../pages/improvements/ImprovementsPage.vue') },
  { name: 'improvement', path: 'improvements/:id', label: 'improvements.navItem', roles: ['CX', 'HR', 'MANAGER', 'LEADER', 'ADMIN'], component: () => import('../pages/improvements/ImprovementPage.vue'), inMenu: false, section: 'improvements' },
  { name: 'news', path: 'news', label: 'news.nav', roles: STAFF_ROLES, component: () => import('../pages/news/NewsPage.vue') },
  { name: 'leaderboard', path: 'leaderboard', label: 'leaderboard.nav', roles: STAFF_ROLES, component: () => import('../pages/leaderboards/LeaderboardPage.vue') },
  { name: 'award-certificate', path: 'awards/:id/certificate', label: 'awards.certificate', roles: STAFF_ROLES, component: () => import('../pages/leaderboards/AwardCertificatePage.vue'), inMenu: false, section: 'leaderboard' },
  { name: 'organization', path: 'organization', label: 'nav.organization', roles: ['ADMIN'], component: () => import('../pages/organization/OrganizationPage.vue') },
  { name: 'organization-users', path: 'organization/users', label: 'organization.usersNav', roles: ['ADMIN'], component: () => import('../pages/organization/UsersPage.vue'), inMenu: false, section: 'organization' },
  { name: 'organization-settings', path: 'organization/settings', label: 'organization.settingsNav', roles: ['ADMIN'], component: () => import('../pages/organization/SettingsPage.vue'), inMenu: false, section: 'organization' },
  { name: 'organization-webhooks', path: 'organization/webhooks', label: 'webhooks.nav', roles: ['ADMIN'], component: () => import('../pages/organization/WebhooksPage.vue'), inMenu: false, section: 'organization' },
  { name: 'organization-jobs', path: 'organization/jobs', label: 'jobs.nav', roles: ['ADMIN'], component: () => import('../pages/organization/JobsPage.vue'), inMenu: false, section: 'organization' },
  { name: 'organization-api-clients', path: 'organization/api-clients', label: 'apiClients.nav', roles: ['ADMIN'], component: () => import('../pages/organization/ApiClientsPage.vue'), inMenu: false, section: 'organization' },
  { name: 'organization-audit-log', path: 'organization/audit-log', label: 'audit.nav', roles: ['ADMIN'], component: () => import('../pages/organization/AuditLogPage.vue'), inMenu: false, section: 'organization' },
  { name: 'organization-api-explorer', path: 'organization/api-explorer', label: 'explorer.nav', roles: ['ADMIN'], component: () => import('../pages/organization/ApiExplorerPage.vue'), inMenu: false, section: 'organization' },
  { name: 'account', path: 'account', label: 'account.nav', roles: ALL_ROLES, component: () => import('../pages/account/AccountPage.vue'), inMenu: false },
];

export const canSee = (item: Pick<NavItem, 'roles'>, roles: readonly Role[]): boolean =>
  item.roles.some((role) => roles.includes(role));

/** The menu items a user with these roles sees. */
export const navigationFor = (roles: readonly Role[]): NavItem[] =>
  NAVIGATION.filter((item) => item.inMenu !== false && canSee(item, roles));

/** The menu item a route belongs to: itself, or the section of a page outside the menu. */
export const menuItemOf = (routeName: unknown): string | undefined => {
  const item = NAVIGATION.find((entry) => entry.name === routeName);
  return item ? (item.section ?? item.name) : undefined;
};
