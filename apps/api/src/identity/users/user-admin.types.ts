import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { RoleEnum } from './user.type.js';
import type { Role, UserEntity } from './user.entity.js';

export const USER_STATUSES = ['ACTIVE', 'INVITED', 'DEACTIVATED'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];
export const UserStatusEnum = Object.fromEntries(USER_STATUSES.map((s) => [s, s])) as { [S in UserStatus]: S };
registerEnumType(UserStatusEnum, {
  name: 'UserStatus',
  description: 'ACTIVE: can log in. INVITED: has not set a password yet. DEACTIVATED: cannot log in.',
});

/** A user as an admin manages them: never the password hash, but whether they can log in. */
@ObjectType('ManagedUser')
export class ManagedUser {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  email: string;

  @Field(() => String)
  name: string;

  @Field(() => [RoleEnum])
  roles: Role[];

  @Field(() => String)
  language: string;

  @Field(() => UserStatusEnum)
  status: UserStatus;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Boolean, { description: 'Their logins ask for a TOTP code' })
  totpEnabled: boolean;

  /** Resolved to OrgUnit. */
  orgUnitId: string | null;

  static from(user: UserEntity): ManagedUser {
    const status: UserStatus = !user.active ? 'DEACTIVATED' : user.passwordHash === '' ? 'INVITED' : 'ACTIVE';
    return Object.assign(new ManagedUser(), {
      id: user.id,
      email: user.email,
      name: user.name,
      roles: user.roles,
      language: user.language,
      status,
      createdAt: user.createdAt,
      orgUnitId: user.orgUnitId,
      totpEnabled: !!user.totpEnabledAt,
    });
  }
}

@InputType('InviteUserInput')
export class InviteUserInput {
  @Field(() => String)
  email: string;

  @Field(() => String)
  name: string;

  @Field(() => [RoleEnum], { description: 'At least one' })
  roles: Role[];

  @Field(() => String, { nullable: true, description: 'en, pl, da, ru or sl (the mail and the app); en when empty' })
  language?: string | null;

  @Field(() => ID, { nullable: true })
  orgUnitId?: string | null;
}

@InputType('UpdateUserInput', { description: 'Fields left out stay as they are' })
export class UpdateUserInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => [RoleEnum], { nullable: true, description: 'Replaces the roles; at least one. The last active admin keeps ADMIN.' })
  roles?: Role[] | null;

  @Field(() => String, { nullable: true })
  language?: string | null;

  @Field(() => ID, { nullable: true, description: 'An org unit of the organization' })
  orgUnitId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: the user has no org unit' })
  clearOrgUnit?: boolean | null;
}

@ObjectType('PasswordLink', { description: 'What a set-password link is for, before it is used' })
export class PasswordLinkType {
  @Field(() => String, { description: 'INVITE (first password) or RESET' })
  purpose: string;

  @Field(() => String)
  name: string;

  @Field(() => String)
  language: string;

  @Field(() => Date)
  expiresAt: Date;
}
