import jwt from 'jsonwebtoken';
import type { Principal } from '../../kernel/context.js';
import { unauthenticated } from '../../kernel/errors.js';
import { ROLES, type Role } from '../users/user.entity.js';
import { SCOPES, type Scope } from './api-client.entity.js';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
const ISSUER = 'tandem';
const AUDIENCE = 'tandem-api';

interface Claims {
  sub: string;
  org: string;
  typ: 'user' | 'api';
  roles?: Role[];
  scopes?: Scope[];
  /** A user's session (login family), so the session list can mark the current one. */
  sid?: string;
}

export function signAccessToken(principal: Principal, secret: string, now: Date): { token: string; expiresAt: Date } {
  const iat = Math.floor(now.getTime() / 1000);
  const claims: Claims & { iat: number; exp: number } = {
    sub: principal.id,
    org: principal.organizationId,
    typ: principal.kind,
    ...(principal.kind === 'user' ? { roles: principal.roles } : { scopes: principal.scopes }),
    ...(principal.sessionId ? { sid: principal.sessionId } : {}),
    iat,
    exp: iat + ACCESS_TOKEN_TTL_SECONDS,
  };
  const token = jwt.sign(claims, secret, { algorithm: 'HS256', issuer: ISSUER, audience: AUDIENCE });
  return { token, expiresAt: new Date((iat + ACCESS_TOKEN_TTL_SECONDS) * 1000) };
}

const isList = <T extends string>(value: unknown, allowed: readonly T[]): value is T[] =>
  Array.isArray(value) && value.every((v) => (allowed as readonly unknown[]).includes(v));

/**
 * Verifies an access token: HS256 only (so "none" and RS/HS confusion are refused), our issuer and
 * audience, not expired, and claims of the expected shape.
 */
export function verifyAccessToken(token: string, secret: string, now: Date): Principal {
  let payload: string | jwt.JwtPayload;
  try {
    payload = jwt.verify(token, secret, {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience: AUDIENCE,
      clockTimestamp: Math.floor(now.getTime() / 1000),
    });
  } catch (error) {
    if (error instanceof jwt.TokenExpiredError) throw unauthenticated('Your session has expired');
    throw unauthenticated('The access token is not valid');
  }
  if (typeof payload === 'string' || typeof payload.sub !== 'string' || typeof payload.org !== 'string') {
    throw unauthenticated('The access token is not valid');
  }
  if (payload.typ === 'user' && isList(payload.roles, ROLES)) {
    return { kind: 'user', id: payload.sub, organizationId: payload.org, roles: payload.roles, scopes: [], ...(typeof payload.sid === 'string' ? { sessionId: payload.sid } : {}) };
  }
  if (payload.typ === 'api' && isList(payload.scopes, SCOPES)) {
    return { kind: 'api', id: payload.sub, organizationId: payload.org, roles: [], scopes: payload.scopes };
  }
  throw unauthenticated('The access token is not valid');
}
