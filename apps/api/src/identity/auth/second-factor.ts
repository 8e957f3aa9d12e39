import { Arg, Authorized, Ctx, Field, ID, Mutation, ObjectType, Resolver } from 'type-graphql';
import { isUuid } from '../../kernel/batch.js';
import { orgOf, userOf, type Context } from '../../kernel/context.js';
import { DomainError, forbidden, invalidState, notFound } from '../../kernel/errors.js';
import { ACCOUNT_HOLDERS, ADMINS, SECOND_FACTOR_HOLDERS, hasAnyRole } from '../../kernel/policies.js';
import { keyringOf } from '../../kernel/sealed-column.js';
import { UserEntity } from '../users/user.entity.js';
import { clearRecoveryCodes, issueRecoveryCodes } from './recovery-codes.js';
import { checkTotp, newTotpSecret, totpUri } from './totp.js';
import { readTotpSecret, sealInPlaceOf, sealTotpSecret } from './totp-secrets.js';

/**
 * The optional TOTP second factor of ADMIN and HR users (issue 21). Enrolment gives a secret (and
 * its otpauth:// URI for an authenticator app); confirming it with a code turns it on; from then
 * on login asks for a code (TOTP_REQUIRED, then login again with totpCode). Turning it off takes
 * a current code; an admin can turn off another user's (a lost phone), after which they log in
 * with the password alone and may enrol again. Turning it on issues 10 one-time recovery codes
 * (recovery-codes.ts), each usable once at login instead of a code; new ones take a current code.
 * The secret is stored encrypted (totp-secrets.ts).
 */

@ObjectType('TotpEnrolment', { description: 'A new TOTP secret, to add to an authenticator app and confirm with a code' })
export class TotpEnrolment {
  @Field(() => String, { description: 'Base32 secret, for typing into the app' })
  secret: string;

  @Field(() => String, { description: 'otpauth://totp/... URI (the content of a QR code)' })
  otpauthUri: string;
}

@ObjectType('RecoveryCodes', { description: 'One-time recovery codes of a second factor, shown this once: each can be used once at login instead of a code' })
export class RecoveryCodes {
  @Field(() => [String], { description: '10 codes, xxxxx-xxxxx' })
  codes: string[];
}

const codeRefused = (field = 'code') => new DomainError('INVALID_CREDENTIALS', 'The code is not right; enter the current 6-digit code of your authenticator app', field);

async function me(ctx: Context): Promise<UserEntity> {
  const principal = userOf(ctx);
  const user = await ctx.db.findOneBy(UserEntity, { id: principal.id, organizationId: principal.organizationId, active: true });
  if (!user) throw notFound('User');
  return user;
}

/**
 * Checks a code against the user's secret and spends its time step (a code works once, also when
 * two requests race: the UPDATE's condition lets one through). True when accepted.
 */
export async function spendTotpCode(ctx: Context, user: UserEntity, code: string): Promise<boolean> {
  if (!user.totpSecret) return false;
  const keyring = keyringOf(ctx.app.config);
  const lastStep = user.totpLastStep === null ? null : Number(user.totpLastStep);
  let opened: { plain: string; stale: boolean };
  try {
    opened = readTotpSecret(keyring, user.id, user.totpSecret);
  } catch (error) {
    // Stored under a key that is neither SECRET_ENCRYPTION_KEY nor in SECRET_ENCRYPTION_KEY_PREVIOUS: no code can match.
    ctx.logger.error({ event: 'totp.undecryptable', userId: user.id, err: error }, 'the TOTP secret cannot be decrypted with the configured keys');
    return false;
  }
  const step = await checkTotp(opened.plain, code, ctx.app.now(), lastStep);
  // Stored plain or under a previous key: sealed with the current key from now on.
  if (opened.stale) await sealInPlaceOf(ctx.db, keyring.current, user.id, user.totpSecret, opened.plain);
  if (step === null) return false;
  const [rows] = (await ctx.db.query(
    `UPDATE users SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id`,
    [user.id, step],
  )) as [{ id: string }[], number];
  return rows.length > 0;
}

@Resolver()
export class SecondFactorResolver {
  @Authorized(...SECOND_FACTOR_HOLDERS)
  @Mutation(() => TotpEnrolment, { description: 'Starts (or restarts) enrolling a TOTP second factor; it guards logins once confirmTotp accepts a code. INVALID_STATE when one is on already.' })
  async startTotpEnrolment(@Ctx() ctx: Context): Promise<TotpEnrolment> {
    const user = await me(ctx);
    if (!hasAnyRole(userOf(ctx), SECOND_FACTOR_HOLDERS)) throw forbidden();
    if (user.totpEnabledAt) throw invalidState('A second factor is on already; turn it off first to enrol another');
    const secret = newTotpSecret();
    await ctx.db.query(`UPDATE users SET totp_secret = $2, totp_last_step = NULL WHERE id = $1`, [user.id, sealTotpSecret(ctx.app.config.secretEncryptionKey, user.id, secret)]);
    return { secret, otpauthUri: totpUri(secret, user.email) };
  }

  @Authorized(...SECOND_FACTOR_HOLDERS)
  @Mutation(() => RecoveryCodes, {
    description: 'Turns the enrolled second factor on with a current code and answers its 10 recovery codes (shown this once). INVALID_CREDENTIALS on code; INVALID_STATE without an enrolment or when it is on already.',
  })
  async confirmTotp(@Arg('code', () => String) code: string, @Ctx() ctx: Context): Promise<RecoveryCodes> {
    const user = await me(ctx);
    if (!user.totpSecret) throw invalidState('Start an enrolment first');
    if (user.totpEnabledAt) throw invalidState('The second factor is on already; make new recovery codes with regenerateRecoveryCodes');
    if (!(await spendTotpCode(ctx, user, code))) throw codeRefused();
    const codes = await issueRecoveryCodes(ctx.db, user.id);
    await ctx.db.query(`UPDATE users SET totp_enabled_at = $2 WHERE id = $1`, [user.id, ctx.app.now()]);
    ctx.logger.info({ event: 'totp.enabled', userId: user.id }, 'second factor turned on');
    return { codes };
  }

  @Authorized(...ACCOUNT_HOLDERS)
  @Mutation(() => RecoveryCodes, {
    description: 'Replaces your recovery codes with 10 new ones (shown this once), with a current code. INVALID_CREDENTIALS on code; INVALID_STATE without a second factor.',
  })
  async regenerateRecoveryCodes(@Arg('code', () => String) code: string, @Ctx() ctx: Context): Promise<RecoveryCodes> {
    const user = await me(ctx);
    if (!user.totpEnabledAt) throw invalidState('Turn on the second factor first');
    if (!(await spendTotpCode(ctx, user, code))) throw codeRefused();
    const codes = await issueRecoveryCodes(ctx.db, user.id);
    ctx.logger.info({ event: 'totp.recovery_codes', userId: user.id }, 'recovery codes made again');
    return { codes };
  }

  @Authorized(...ACCOUNT_HOLDERS)
  @Mutation(() => Boolean, { description: 'Turns your second factor off with a current code; its recovery codes are deleted. INVALID_CREDENTIALS on code.' })
  async disableTotp(@Arg('code', () => String) code: string, @Ctx() ctx: Context): Promise<boolean> {
    const user = await me(ctx);
    if (!user.totpSecret) return true;
    if (user.totpEnabledAt && !(await spendTotpCode(ctx, user, code))) throw codeRefused();
    await ctx.db.query(`UPDATE users SET totp_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL WHERE id = $1`, [user.id]);
    await clearRecoveryCodes(ctx.db, user.id);
    ctx.logger.info({ event: 'totp.disabled', userId: user.id }, 'second factor turned off');
    return true;
  }

  @Authorized(...ADMINS)
  @Mutation(() => Boolean, { description: "Turns off a user's second factor (a lost phone) and deletes their recovery codes. NOT_FOUND on userId." })
  async resetUserTotp(@Arg('userId', () => ID) userId: string, @Ctx() ctx: Context): Promise<boolean> {
    if (!isUuid(userId)) throw notFound('User', 'userId');
    const [rows] = (await ctx.db.query(
      `UPDATE users SET totp_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL WHERE id = $1 AND organization_id = $2 RETURNING id`,
      [userId, orgOf(ctx)],
    )) as [{ id: string }[], number];
    if (rows.length === 0) throw notFound('User', 'userId');
    await clearRecoveryCodes(ctx.db, userId);
    ctx.logger.info({ event: 'totp.reset', userId, by: userOf(ctx).id }, 'second factor reset by an admin');
    return true;
  }
}
