import type { Context } from './context.js';
import type { Role } from './policies.js';

/**
 * The owner a caller is limited to: a user whose roles include none of `seeAll` (in practice a
 * MANAGER) sees and acts on only the contacts, responses and follow-ups they own, so this returns
 * their id; for everyone else (and API clients, whose scopes were checked already) null, meaning
 * the whole organization.
 */
export function ownScopeOf(ctx: Context, seeAll: readonly Role[]): string | null {
  const principal = ctx.principal;
  if (!principal || principal.kind !== 'user') return null;
  return principal.roles.some((role) => seeAll.includes(role)) ? null : principal.id;
}
