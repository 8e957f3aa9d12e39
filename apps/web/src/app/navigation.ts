import type { RouteComponent } from 'vue-router';
import type { Role } from '../gql/graphql';

export const ALL_ROLES: readonly Role[] = ['ADMIN', 'HR', 'CX', 'MANAGER', 'LEADER'];

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
}

// The app's pages, in menu order. Adding a page is one line here (plus its file).
export const NAVIGATION: readonly NavItem[] = [
  { name: 'home', path: '', label: 'nav.home', roles: ALL_ROLES, component: () => import('../pages/HomePage.vue') },
  { name: 'organization', path: 'organization', label: 'nav.organization', roles: ['ADMIN'], component: () => import('../pages/organization/OrganizationPage.vue') },
];

export const canSee = (item: Pick<NavItem, 'roles'>, roles: readonly Role[]): boolean =>
  item.roles.some((role) => roles.includes(role));

/** The items a user with these roles sees. */
export const navigationFor = (roles: readonly Role[]): NavItem[] => NAVIGATION.filter((item) => canSee(item, roles));
