import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../kernel/context.js';
import { AuthPayload } from './auth-payload.type.js';
import * as auth from './auth.service.js';

@Resolver()
export class AuthResolver {
  @Authorized('PUBLIC')
  @Mutation(() => AuthPayload, {
    description:
      'Log in; wrong email and wrong password give the same INVALID_CREDENTIALS error. After repeated failures for the account or from the address: ' +
      'TOO_MANY_ATTEMPTS with extensions.retryAfterSeconds. With a second factor on: TOTP_REQUIRED (field totpCode), then log in again with totpCode, ' +
      'or with recoveryCode (INVALID_CREDENTIALS on recoveryCode, extensions.reason RECOVERY_CODE_WRONG or RECOVERY_CODE_USED).',
  })
  login(
    @Arg('email', () => String) email: string,
    @Arg('password', () => String) password: string,
    @Arg('totpCode', () => String, { nullable: true, description: 'The current code of the authenticator app, for a user with a second factor' }) totpCode: string | null,
    @Arg('recoveryCode', () => String, { nullable: true, description: 'One of the recovery codes of a user with a second factor, instead of totpCode; each works once' }) recoveryCode: string | null,
    @Ctx() ctx: Context,
  ) {
    return auth.login(ctx, email, password, totpCode ?? null, recoveryCode ?? null);
  }

  @Authorized('PUBLIC')
  @Mutation(() => AuthPayload, { description: 'Spend a refresh token for a new access token and a new refresh token. TOO_MANY_ATTEMPTS after repeated failures from the address.' })
  refresh(@Arg('refreshToken', () => String) refreshToken: string, @Ctx() ctx: Context) {
    return auth.refresh(ctx, refreshToken);
  }

  @Authorized('PUBLIC')
  @Mutation(() => Boolean, { description: 'Revoke the login the refresh token belongs to' })
  logout(@Arg('refreshToken', () => String) refreshToken: string, @Ctx() ctx: Context) {
    return auth.logout(ctx, refreshToken);
  }

  @Authorized('PUBLIC')
  @Mutation(() => AuthPayload, { description: 'Exchange an API client id and secret for a scoped access token. TOO_MANY_ATTEMPTS (extensions.retryAfterSeconds) after repeated failures for the client id or from the address.' })
  issueApiToken(
    @Arg('clientId', () => String) clientId: string,
    @Arg('clientSecret', () => String) clientSecret: string,
    @Ctx() ctx: Context,
  ) {
    return auth.issueApiToken(ctx, clientId, clientSecret);
  }
}
