import { createRouter, createWebHistory, type RouteLocationRaw, type RouteRecordRaw, type RouterHistory } from 'vue-router';
import type { Role } from '../gql/graphql';
import type { Auth } from '../composables/use-auth';
import { NAVIGATION, isFeedOnly } from './navigation';
import { landsOnBoard } from '../pages/home/home-role';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without a session (the login page, the account mails' links). */
    public?: boolean;
    /** Roles that may open the route; absent means any signed-in user. */
    roles?: readonly Role[];
  }
}

export const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('../pages/LoginPage.vue'), meta: { public: true } },
  // The respondent's pages (/s/<token>, /unsubscribe/<token>) are not here: they are their own light
  // entry, survey.html (src/survey-main.ts), which the server serves for those paths.
  // A wave's public "you said, we did" page: the link CX or HR share with the people surveyed.
  // The single-use links of account mails (invitation, password reset), and asking for a reset.
  { path: '/digest-off/:token', name: 'digest-off', component: () => import('../pages/feed/DigestOffPage.vue'), meta: { public: true } },
  { path: '/set-password/:token', name: 'set-password', component: () => import('../pages/account/SetPasswordPage.vue'), meta: { public: true } },
  { path: '/forgot-password', name: 'forgot-password', component: () => import('../pages/account/ForgotPasswordPage.vue'), meta: { public: true } },
  { path: '/you-said-we-did/:token', name: 'you-said-we-did', component: () => import('../pages/improvements/YouSaidWeDidPage.vue'), meta: { public: true } },
  {
    path: '/',
    component: () => import('../components/AppShell.vue'),
    children: [
      ...NAVIGATION.map((item) => ({ path: item.path, name: item.name, component: item.component, meta: { roles: item.roles } })),
      // The link of a follow-up's mail (`${PUBLIC_URL}/follow-ups/<id>`): the list with it open.
      { path: 'follow-ups/:id', name: 'follow-up', redirect: (to) => ({ name: 'follow-ups', query: { open: String(to.params.id) } }) },
      { path: ':pathMatch(.*)*', name: 'not-found', component: () => import('../pages/NotFoundPage.vue') },
    ],
  },
];

/** A path we may send someone to after login: same-origin, app-internal, not the login page. */
export function safeRedirect(value: unknown): string | null {
  const path = Array.isArray(value) ? value[0] : value;
  if (typeof path !== 'string' || !path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return null;
  if (path === '/login' || path.startsWith('/login?')) return null;
  return path;
}

interface GuardTarget {
  fullPath: string;
  name?: unknown;
  query: Record<string, unknown>;
  meta: { public?: boolean; roles?: readonly Role[] };
}

/** Where a navigation may go: `true` to proceed, or where to go instead. */
export function resolveAccess(
  to: GuardTarget,
  session: { authenticated: boolean; roles: readonly Role[] },
): true | RouteLocationRaw {
  if (to.meta.public) {
    if (session.authenticated && to.name === 'login') return safeRedirect(to.query.redirect) ?? { name: 'home' };
    return true;
  }
  if (!session.authenticated) {
    return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
  }
  // The light FEED role's app is the feed.
  if (isFeedOnly(session.roles) && to.meta.roles && !to.meta.roles.includes('FEED')) return { name: 'feed' };
  if (to.meta.roles && !to.meta.roles.some((role) => session.roles.includes(role))) return landsOnBoard(session.roles) ? { name: 'board' } : { name: 'home' };
  // A leader's start is the board.
  if (to.name === 'home' && landsOnBoard(session.roles)) return { name: 'board' };
  return true;
}

/**
 * The router, guarded by the session. Navigation waits for `ready` (the
 * session restored from a stored refresh token on page load).
 */
export function createAppRouter(auth: Auth, ready: Promise<unknown>, history: RouterHistory = createWebHistory()) {
  const router = createRouter({ history, routes });

  router.beforeEach(async (to) => {
    await ready;
    return resolveAccess(to, { authenticated: auth.isAuthenticated.value, roles: auth.user.value?.roles ?? [] });
  });

  // A session that ends (logout here or in another tab, refresh failed) leaves protected pages.
  auth.onSessionEnd((reason) => {
    const current = router.currentRoute.value;
    if (current.meta.public) return;
    const query: Record<string, string> = reason === 'expired' ? { expired: '1' } : {};
    if (reason === 'expired' && current.fullPath !== '/') query.redirect = current.fullPath;
    void router.replace({ name: 'login', query });
  });

  return router;
}
