import { Field, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { UserType } from '../users/user.type.js';

@ObjectType('AuthPayload')
export class AuthPayload {
  @Field(() => String, { description: 'JWT (HS256) for the Authorization: Bearer header; valid 15 minutes' })
  accessToken: string;

  @Field(() => String, { nullable: true, description: 'Single-use: refresh() returns a new one. Null for API clients.' })
  refreshToken: string | null;

  @Field(() => DateTimeResolver)
  expiresAt: Date;

  @Field(() => UserType, { nullable: true })
  user: UserType | null;
}
