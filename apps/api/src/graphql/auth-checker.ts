import type { AuthChecker } from 'type-graphql';
import type { Role } from '../identity/users/user.entity.js';
import type { Scope } from '../identity/auth/api-client.entity.js';
import type { Context } from '../kernel/context.js';
import { forbidden, unauthenticated } from '../kernel/errors.js';

/**
 * What an operation declares in @Authorized: the roles and API scopes that may call it, or
 * PUBLIC (no login: login itself, the respondent's survey link) or ANY_USER (any logged-in user).
 */
export type Rule = Role | Scope | 'PUBLIC' | 'ANY_USER';

export const authChecker: AuthChecker<Context, Rule> = ({ context }, rules) => {
  if (rules.includes('PUBLIC')) return true;
  const principal = context.principal;
  if (!principal) throw context.authError ?? unauthenticated();
  if (principal.kind === 'user') {
    if (rules.includes('ANY_USER') || principal.roles.some((role) => rules.includes(role))) return true;
  } else if (principal.scopes.some((scope) => rules.includes(scope))) {
    return true;
  }
  throw forbidden();
};
