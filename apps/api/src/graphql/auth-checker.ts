import type { AuthChecker } from 'type-graphql';
import type { Context, Principal } from '../kernel/context.js';
import { forbidden, unauthenticated, type DomainError } from '../kernel/errors.js';
import { SCOPES, isFeedOnly, type Rule, type Scope } from '../kernel/policies.js';

/** An API token without the scope an operation needs: the answer names the scopes that would do. */
function missingScope(rules: readonly Rule[]): DomainError {
  const requiredScopes = SCOPES.filter((scope: Scope) => rules.includes(scope));
  const message = requiredScopes.length
    ? `This API token lacks the scope this needs: ${requiredScopes.join(' or ')}`
    : 'API tokens cannot do this; it needs a user login';
  return forbidden(message, { requiredScopes });
}

/**
 * Whether the caller passes an operation's rules (kernel/policies.ts): true, or throws
 * UNAUTHENTICATED (no caller; the token's own problem when it had one) or FORBIDDEN. GraphQL's
 * @Authorized and the HTTP routes beside it (POST /uploads) both ask here.
 */
export function checkRules(principal: Principal | null, authError: DomainError | null, rules: readonly Rule[]): true {
  if (rules.includes('PUBLIC')) return true;
  if (!principal) throw authError ?? unauthenticated();
  if (principal.kind === 'user') {
    // ANY_USER is every user with a staff role: a FEED-only user passes only where FEED is named.
    if (rules.includes('ANY_USER') && !isFeedOnly(principal.roles)) return true;
    if (principal.roles.some((role) => rules.includes(role))) return true;
    throw forbidden();
  }
  if (principal.scopes.some((scope) => rules.includes(scope))) return true;
  throw missingScope(rules);
}

/** Checks an operation's @Authorized rules against the caller. */
export const authChecker: AuthChecker<Context, Rule> = ({ context }, rules) => checkRules(context.principal, context.authError, rules);
