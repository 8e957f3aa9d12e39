import type { Request } from 'express';
import type { Config } from '../config.js';
import { verifyAccessToken } from '../identity/auth/access-tokens.js';
import type { Principal } from '../kernel/context.js';
import { DomainError, unauthenticated } from '../kernel/errors.js';

/** The caller of a request, from its bearer token (GraphQL and the upload route alike). */
export function authenticate(req: Request, config: Config, now: Date): { principal: Principal | null; authError: DomainError | null } {
  return authenticateBearer(req.header('authorization'), config, now);
}

/**
 * The caller named by an Authorization value, "Bearer <token>": a request's header, or the
 * `authorization` of a subscription's connection_init payload (http/subscriptions.ts).
 */
export function authenticateBearer(header: string | undefined, config: Config, now: Date): { principal: Principal | null; authError: DomainError | null } {
  if (!header) return { principal: null, authError: null };
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) return { principal: null, authError: unauthenticated('The Authorization header must be "Bearer <token>"') };
  try {
    return { principal: verifyAccessToken(match[1], config.jwtSecret, now), authError: null };
  } catch (error) {
    if (error instanceof DomainError) return { principal: null, authError: error };
    throw error;
  }
}
