import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { authenticateAs, type Context, type Principal } from '../../kernel/context.js';
import { DomainError, unauthenticated } from '../../kernel/errors.js';
import { UserEntity } from '../users/user.entity.js';
import { UserType } from '../users/user.type.js';
import { signAccessToken } from './access-tokens.js';
import { ApiClientEntity } from './api-client.entity.js';
import { recordUse } from './api-client-use.js';
import type { AuthPayload } from './auth-payload.type.js';
import { decoyHash, verifySecret } from '../../kernel/passwords.js';
import { findRefreshToken, issueRefreshToken, revokeFamily, spendRefreshToken, tokenHash } from '../users/sessions.js';
import { loginLimitsOf } from './login-limits.js';
import { spendTotpCode } from './second-factor.js';
import { spendRecoveryCode } from './recovery-codes.js';

const REFRESH_TOKEN_TTL_MS = 30 * 24 * 3600 * 1000;

const invalidCredentials = () => new DomainError('INVALID_CREDENTIALS', 'Email or password is incorrect');
const invalidRefreshToken = () => unauthenticated('The refresh token is not valid; please log in again');

function userPrincipal(user: UserEntity, sessionId: string): Principal {
  return { kind: 'user', id: user.id, organizationId: user.organizationId, roles: user.roles, scopes: [], sessionId };
}

async function payloadFor(ctx: Context, db: EntityManager, user: UserEntity, familyId: string): Promise<AuthPayload> {
  const now = ctx.app.now();
  const principal = userPrincipal(user, familyId);
  const access = signAccessToken(principal, ctx.app.config.jwtSecret, now);
  authenticateAs(ctx, principal);
  return {
    accessToken: access.token,
    expiresAt: access.expiresAt,
    refreshToken: await issueRefreshToken(db, user, familyId, now, REFRESH_TOKEN_TTL_MS, { userAgent: ctx.userAgent, address: ctx.address }),
    user: UserType.from(user),
  };
}

const totpRequired = () => new DomainError('TOTP_REQUIRED', 'Enter the 6-digit code of your authenticator app', 'totpCode');
const totpRefused = () => new DomainError('INVALID_CREDENTIALS', 'The code is not right; enter the current 6-digit code of your authenticator app', 'totpCode');

/**
 * Wrong password and unknown email answer the same, after the same amount of work. Failures count
 * per account and per address (login-limits.ts); while either is locked out, every attempt is
 * refused with TOO_MANY_ATTEMPTS before the password is looked at. A user with a second factor
 * is asked for its code (TOTP_REQUIRED) once the password is right, or may give one of its recovery
 * codes instead; a wrong code, or a recovery code wrong or used already, counts as a failure.
 */
export async function login(ctx: Context, email: string, password: string, totpCode: string | null = null, recoveryCode: string | null = null): Promise<AuthPayload> {
  const account = email.trim().toLowerCase();
  const limits = loginLimitsOf(ctx.app);
  const keys = { account: `user:${account}`, address: ctx.address ?? null };
  await limits.check(keys);
  const user = await ctx.db.findOneBy(UserEntity, { email: account, active: true });
  // An invited user without a password yet is checked against the decoy too: the same time as a miss.
  const ok = await verifySecret(password, user?.passwordHash || (await decoyHash()));
  if (!user || !ok) {
    await limits.failed(keys);
    ctx.logger.info({ event: 'login.failed' }, 'login failed');
    throw invalidCredentials();
  }
  if (user.totpEnabledAt && recoveryCode) {
    try {
      await spendRecoveryCode(ctx.db, user.id, recoveryCode, ctx.app.now());
    } catch (error) {
      await limits.failed(keys);
      ctx.logger.info({ event: 'login.recovery_code_failed', userId: user.id }, 'login refused: wrong or used recovery code');
      throw error;
    }
    ctx.logger.info({ event: 'login.recovery_code_used', userId: user.id }, 'logged in with a recovery code');
  } else if (user.totpEnabledAt) {
    if (!totpCode) throw totpRequired();
    if (!(await spendTotpCode(ctx, user, totpCode))) {
      await limits.failed(keys);
      ctx.logger.info({ event: 'login.totp_failed', userId: user.id }, 'login refused: wrong second-factor code');
      throw totpRefused();
    }
  }
  await limits.succeeded(keys.account);
  return payloadFor(ctx, ctx.db, user, randomUUID());
}

/**
 * Rotates a refresh token: the presented one is spent and a new one of the same family returned.
 * Presenting a spent or revoked token means it was copied, so the whole family is revoked.
 */
export async function refresh(ctx: Context, token: string): Promise<AuthPayload> {
  const limits = loginLimitsOf(ctx.app);
  const keys = { address: ctx.address ?? null };
  await limits.check(keys);
  const now = ctx.app.now();
  const hash = tokenHash(token);
  const outcome = await ctx.db.transaction(async (tx) => {
    const spent = await spendRefreshToken(tx, hash, now);
    if (spent.length === 0) {
      const known = await findRefreshToken(tx, hash);
      if (known) {
        await revokeFamily(tx, known.familyId, now);
        return { kind: 'reused' as const };
      }
      return null;
    }
    const [row] = spent;
    if (row.expires_at.getTime() <= now.getTime()) return null;
    const user = await tx.findOneBy(UserEntity, { id: row.user_id, active: true });
    if (!user) return null;
    return { kind: 'ok' as const, payload: await payloadFor(ctx, tx, user, row.family_id) };
  });
  if (outcome?.kind === 'reused') {
    ctx.logger.warn({ event: 'refresh.reuse' }, 'a spent refresh token was presented; its family is revoked');
  }
  if (outcome?.kind !== 'ok') {
    await limits.failed(keys);
    throw invalidRefreshToken();
  }
  return outcome.payload;
}

/** Ends a login: revokes the token's whole family. Answers true whatever it finds. */
export async function logout(ctx: Context, token: string): Promise<boolean> {
  const known = await findRefreshToken(ctx.db, tokenHash(token));
  if (known) {
    await revokeFamily(ctx.db, known.familyId, ctx.app.now());
  }
  return true;
}

const invalidClientCredentials = () =>
  new DomainError('INVALID_CREDENTIALS', 'The client id or client secret is incorrect, or the API client is revoked');

/** The current secret, or the one before a rotation while its overlap lasts. */
async function clientSecretMatches(client: ApiClientEntity | null, secret: string, now: Date): Promise<boolean> {
  if (await verifySecret(secret, client?.secretHash ?? (await decoyHash()))) return true;
  const overlap = client?.previousSecretExpiresAt;
  return !!client?.previousSecretHash && !!overlap && overlap.getTime() > now.getTime() && verifySecret(secret, client.previousSecretHash);
}

/**
 * An integrator exchanges its client id and secret for a short-lived token carrying its scopes.
 * Unknown id, wrong secret and revoked client answer the same.
 */
export async function issueApiToken(ctx: Context, clientId: string, clientSecret: string): Promise<AuthPayload> {
  const limits = loginLimitsOf(ctx.app);
  const keys = { account: `client:${clientId}`, address: ctx.address ?? null };
  await limits.check(keys);
  const now = ctx.app.now();
  const client = await ctx.db.findOneBy(ApiClientEntity, { clientId });
  const ok = await clientSecretMatches(client, clientSecret, now);
  if (!client || !ok || client.revokedAt) {
    await limits.failed(keys);
    ctx.logger.info({ event: 'api-token.refused' }, 'API token refused');
    throw invalidClientCredentials();
  }
  await limits.succeeded(keys.account);
  await recordUse(ctx.db, client.id, client.lastUsedAt, now);
  const access = signAccessToken(
    { kind: 'api', id: client.id, organizationId: client.organizationId, roles: [], scopes: client.scopes },
    ctx.app.config.jwtSecret,
    now,
  );
  return { accessToken: access.token, expiresAt: access.expiresAt, refreshToken: null, user: null };
}
