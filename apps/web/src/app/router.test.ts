import { describe, expect, it } from 'vitest';
import { resolveAccess, safeRedirect } from './router';
import { navigationFor } from './navigation';

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
    expect(navigationFor(['ADMIN']).map((item) => item.name)).toEqual(['home', 'organization']);
    expect(navigationFor(['MANAGER']).map((item) => item.name)).toEqual(['home']);
    expect(navigationFor(['HR', 'ADMIN']).map((item) => item.name)).toEqual(['home', 'organization']);
  });
});
