import type { Request } from 'express';
import type { EntityManager } from 'typeorm';
import type { Config } from '../config.js';
import { verifyAccessToken } from '../identity/auth/access-tokens.js';
import { checkApiClientInUse } from '../identity/auth/api-client-use.js';
import type { Principal } from '../kernel/context.js';
import { DomainError, unauthenticated } from '../kernel/errors.js';

type Caller = { principal: Principal | null; authError: DomainError | null };

/**
 * The caller of a request, from its bearer token (GraphQL and the upload route alike). An API
 * token's client is read on every request, so a revoked client's tokens stop at once.
 */
export function authenticate(req: Request, config: Config, db: EntityManager, now: Date): Promise<Caller> {
  return authenticateBearer(req.header('authorization'), config, db, now);
}

/**
 * The caller named by an Authorization value, "Bearer <token>": a request's header, or the
 * `authorization` of a subscription's connection_init payload (http/subscriptions.ts), checked
 * when each subscription starts.
 */
export async function authenticateBearer(header: string | undefined, config: Config, db: EntityManager, now: Date): Promise<Caller> {
  if (!header) return { principal: null, authError: null };
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) return { principal: null, authError: unauthenticated('The Authorization header must be "Bearer <token>"') };
  try {
    const principal = verifyAccessToken(match[1], config.jwtSecret, now);
    if (principal.kind === 'api') await checkApiClientInUse(db, principal, now);
    return { principal, authError: null };
  } catch (error) {
    if (error instanceof DomainError) return { principal: null, authError: error };
    throw error;
  }
}
