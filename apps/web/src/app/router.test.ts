import { describe, expect, it } from 'vitest';
import { resolveAccess, routes, safeRedirect } from './router';
import { NAVIGATION, menuItemOf, navigationFor } from './navigation';

const to = (fullPath: string, meta: Record<string, unknown> = {}, name?: string, query: Record<string, unknown> = {}) => ({
  fullPath,
  meta,
  name,
  query,
});
const admin = { authenticated: true, roles: ['ADMIN'] as const };
const manager = { authenticated: true, roles: ['MANAGER'] as const };
const anonymous = { authenticated: false, roles: [] };

describe('resolveAccess', () => {
  it('sends an anonymous visitor to login, remembering where they wanted to go', () => {
    expect(resolveAccess(to('/organization?x=1', { roles: ['ADMIN'] }), anonymous)).toEqual({
      name: 'login',
      query: { redirect: '/organization?x=1' },
    });
    expect(resolveAccess(to('/'), anonymous)).toEqual({ name: 'login', query: {} });
  });

  it('lets anyone see public pages, but sends a signed-in user on from login', () => {
    expect(resolveAccess(to('/login', { public: true }, 'login'), anonymous)).toBe(true);
    expect(resolveAccess(to('/login', { public: true }, 'login', { redirect: '/organization' }), admin)).toBe('/organization');
    expect(resolveAccess(to('/login', { public: true }, 'login'), admin)).toEqual({ name: 'home' });
  });

  it('sends a user without the route’s role home', () => {
    expect(resolveAccess(to('/organization', { roles: ['ADMIN'] }), manager)).toEqual({ name: 'home' });
    expect(resolveAccess(to('/organization', { roles: ['ADMIN'] }), admin)).toBe(true);
  });

  it('lands a leader on the board, and keeps home for a leader who also manages', () => {
    const leader = { authenticated: true, roles: ['LEADER'] as const };
    expect(resolveAccess(to('/', {}, 'home'), leader)).toEqual({ name: 'board' });
    expect(resolveAccess(to('/organization', { roles: ['ADMIN'] }), leader)).toEqual({ name: 'board' });
    expect(resolveAccess(to('/', {}, 'home'), { authenticated: true, roles: ['LEADER', 'MANAGER'] })).toBe(true);
    expect(resolveAccess(to('/', {}, 'home'), manager)).toBe(true);
  });
});

describe('safeRedirect', () => {
  it('accepts app paths only', () => {
    expect(safeRedirect('/organization')).toBe('/organization');
    expect(safeRedirect(['/a', '/b'])).toBe('/a');
    expect(safeRedirect('https://evil.test/')).toBeNull();
    expect(safeRedirect('//evil.test/')).toBeNull();
    expect(safeRedirect('/\\evil.test')).toBeNull();
    expect(safeRedirect('/login')).toBeNull();
    expect(safeRedirect(undefined)).toBeNull();
  });
});

describe('navigation', () => {
  it('shows each role its items', () => {
    expect(navigationFor(['ADMIN']).map((item) => item.name)).toEqual(['home', 'feed', 'board', 'explore', 'waves', 'employees', 'contacts', 'follow-ups', 'themes', 'improvements', 'news', 'leaderboard', 'organization']);
    expect(navigationFor(['MANAGER']).map((item) => item.name)).toEqual(['home', 'feed', 'explore', 'waves', 'contacts', 'follow-ups', 'team', 'themes', 'improvements', 'news', 'leaderboard']);
    expect(navigationFor(['LEADER']).map((item) => item.name)).toEqual(['home', 'feed', 'board', 'explore', 'waves', 'follow-ups', 'improvements', 'news', 'leaderboard']);
    expect(navigationFor(['HR']).map((item) => item.name)).toEqual(['home', 'board', 'explore', 'waves', 'employees', 'themes', 'improvements', 'news', 'leaderboard']);
    expect(navigationFor(['CX']).map((item) => item.name)).toEqual(['home', 'feed', 'board', 'explore', 'waves', 'contacts', 'follow-ups', 'themes', 'improvements', 'news', 'leaderboard']);
  });

  it('shows the light FEED role only its feed, and sends it there from anywhere else', () => {
    expect(navigationFor(['FEED']).map((item) => item.name)).toEqual(['feed']);
    const feedOnly = { authenticated: true, roles: ['FEED'] as const };
    for (const name of ['home', 'board', 'leaderboard']) {
      const item = NAVIGATION.find((i) => i.name === name)!;
      expect(resolveAccess({ fullPath: `/${item.path}`, name, query: {}, meta: { roles: item.roles } }, feedOnly)).toEqual({ name: 'feed' });
    }
    const account = NAVIGATION.find((i) => i.name === 'account')!;
    expect(resolveAccess({ fullPath: '/account', name: 'account', query: {}, meta: { roles: account.roles } }, feedOnly)).toBe(true);
  });

  it('keeps a page reached from another out of the menu, under its section', () => {
    expect(NAVIGATION.find((item) => item.name === 'wave')).toMatchObject({ path: 'waves/:id', inMenu: false });
    expect(menuItemOf('wave')).toBe('waves');
    expect(menuItemOf('waves')).toBe('waves');
    expect(menuItemOf('login')).toBeUndefined();
  });
});

describe('the respondent’s pages', () => {
  it('are not in the staff app: survey.html, their own light entry, serves them', () => {
    expect(routes.find((route) => route.name === 'survey' || route.name === 'unsubscribe')).toBeUndefined();
    expect(routes.some((route) => route.path.startsWith('/s/') || route.path.startsWith('/unsubscribe/'))).toBe(false);
  });
});
