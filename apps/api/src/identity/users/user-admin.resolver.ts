import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kernel/context.js';
import { OrgUnitEntity } from '../org-units/org-unit.entity.js';
import * as admin from './user-admin.service.js';
import { InviteUserInput, ManagedUser, PasswordLinkType, UpdateUserInput } from './user-admin.types.js';
import { ADMINS } from '../../kernel/policies.js';

@Resolver(() => ManagedUser)
export class UserAdminResolver {
  @Authorized(...ADMINS)
  @Query(() => [ManagedUser], { description: "Every user of the organization, invited and deactivated ones included, by name" })
  managedUsers(@Ctx() ctx: Context) {
    return admin.listManagedUsers(ctx);
  }

  @Authorized(...ADMINS)
  @Mutation(() => ManagedUser, {
    description:
      'Creates a user without a password and mails them a single-use link to set one (valid 7 days). ' +
      'CONFLICT on input.email when any organization has a user with that email; NOT_FOUND on input.orgUnitId.',
  })
  inviteUser(@Arg('input', () => InviteUserInput) input: InviteUserInput, @Ctx() ctx: Context) {
    return admin.inviteUser(ctx, input);
  }

  @Authorized(...ADMINS)
  @Mutation(() => ManagedUser, { description: 'Name, roles, language, org unit. INVALID_STATE (roles) when it would leave no active admin.' })
  updateUser(@Arg('id', () => ID) id: string, @Arg('input', () => UpdateUserInput) input: UpdateUserInput, @Ctx() ctx: Context) {
    return admin.updateUser(ctx, id, input);
  }

  @Authorized(...ADMINS)
  @Mutation(() => ManagedUser, { description: 'The user can no longer log in; their sessions end. Not yourself, not the last active admin.' })
  deactivateUser(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return admin.setUserActive(ctx, id, false);
  }

  @Authorized(...ADMINS)
  @Mutation(() => ManagedUser)
  reactivateUser(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return admin.setUserActive(ctx, id, true);
  }

  @Authorized(...ADMINS)
  @Mutation(() => ManagedUser, {
    description: 'Mails the user a single-use link: an invitation again if they never set a password, else a password reset (valid 2 hours)',
  })
  sendPasswordLink(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return admin.sendPasswordLink(ctx, id);
  }

  @Authorized('PUBLIC')
  @Mutation(() => Boolean, { description: 'Forgot password: mails a reset link if the email has an active account. Always true.' })
  requestPasswordReset(@Arg('email', () => String) email: string, @Ctx() ctx: Context) {
    return admin.requestPasswordReset(ctx, email);
  }

  @Authorized('PUBLIC')
  @Query(() => PasswordLinkType, { nullable: true, description: 'What a set-password link is for; null when it is used, expired or unknown' })
  passwordLink(@Arg('token', () => String) token: string, @Ctx() ctx: Context) {
    return admin.passwordLink(ctx, token);
  }

  @Authorized('PUBLIC')
  @Mutation(() => Boolean, {
    description: 'Sets the password with a mailed link, once. BAD_USER_INPUT on token (used, expired, unknown) or password (at least 12 characters, not the email, not a common leaked password: extensions.reason PASSWORD_TOO_SHORT, PASSWORD_TOO_LONG, PASSWORD_IS_EMAIL or PASSWORD_BREACHED).',
  })
  setPassword(@Arg('token', () => String) token: string, @Arg('password', () => String) password: string, @Ctx() ctx: Context) {
    return admin.setPasswordWithLink(ctx, token, password);
  }

  @FieldResolver(() => OrgUnitEntity, { nullable: true })
  orgUnit(@Root() user: ManagedUser, @Ctx() ctx: Context): Promise<OrgUnitEntity | null> | null {
    return user.orgUnitId ? ctx.loaders.orgUnit.load(user.orgUnitId) : null;
  }
}
