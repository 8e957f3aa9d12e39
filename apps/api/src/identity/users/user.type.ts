import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ROLES, type Role, type UserEntity } from './user.entity.js';

export const RoleEnum = Object.fromEntries(ROLES.map((r) => [r, r])) as { [R in Role]: R };
registerEnumType(RoleEnum, { name: 'Role', description: 'What a user may do in their organization' });

/** The public face of a user: never the password hash. */
@ObjectType('User')
export class UserType {
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

  @Field(() => Boolean, { description: 'Logins ask for a TOTP code (an ADMIN or HR second factor, confirmed)' })
  totpEnabled: boolean;

  /** Resolved to OrgUnit through the request's loader. */
  orgUnitId: string | null;

  static from(user: UserEntity): UserType {
    return Object.assign(new UserType(), {
      id: user.id,
      email: user.email,
      name: user.name,
      roles: user.roles,
      language: user.language,
      orgUnitId: user.orgUnitId,
      totpEnabled: !!user.totpEnabledAt,
    });
  }
}
