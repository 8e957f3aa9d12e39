import type { AuthChecker } from 'type-graphql';
import type { Context } from '../kernel/context.js';
import { forbidden, unauthenticated } from '../kernel/errors.js';
import type { Rule } from '../kernel/policies.js';

/** Checks an operation's @Authorized rules (kernel/policies.ts) against the caller. */
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
