import type { AuthChecker } from 'type-graphql';
import type { Context, Principal } from '../kernel/context.js';
import { forbidden, unauthenticated, type DomainError } from '../kernel/errors.js';
import type { Rule } from '../kernel/policies.js';

/**
 * Whether the caller passes an operation's rules (kernel/policies.ts): true, or throws
 * UNAUTHENTICATED (no caller; the token's own problem when it had one) or FORBIDDEN. GraphQL's
 * @Authorized and the HTTP routes beside it (POST /uploads) both ask here.
 */
export function checkRules(principal: Principal | null, authError: DomainError | null, rules: readonly Rule[]): true {
  if (rules.includes('PUBLIC')) return true;
  if (!principal) throw authError ?? unauthenticated();
  if (principal.kind === 'user') {
    if (rules.includes('ANY_USER') || principal.roles.some((role) => rules.includes(role))) return true;
  } else if (principal.scopes.some((scope) => rules.includes(scope))) {
    return true;
  }
  throw forbidden();
}

/** Checks an operation's @Authorized rules against the caller. */
export const authChecker: AuthChecker<Context, Rule> = ({ context }, rules) => checkRules(context.principal, context.authError, rules);
