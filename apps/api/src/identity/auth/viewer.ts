import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { orgOf, type Context } from '../../kernel/context.js';
import { unauthenticated } from '../../kernel/errors.js';
import type { Role, Scope } from '../../kernel/policies.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { UserEntity } from '../users/user.entity.js';
import { RoleEnum } from '../users/user.type.js';
import { ApiClientEntity } from './api-client.entity.js';

export const ViewerKind = { USER: 'USER', API_CLIENT: 'API_CLIENT' } as const;
export type ViewerKind = (typeof ViewerKind)[keyof typeof ViewerKind];
registerEnumType(ViewerKind, { name: 'ViewerKind', description: 'A signed-in user or an API client' });

/** Who the token belongs to and what it may do: a token asks this before it tries. */
@ObjectType('Viewer')
export class Viewer {
  @Field(() => ViewerKind)
  kind: ViewerKind;

  @Field(() => String, { description: "The user's or the API client's id" })
  id: string;

  @Field(() => String, { description: "The user's or the API client's name" })
  name: string;

  @Field(() => [RoleEnum], { description: "A user's roles; empty for an API client" })
  roles: Role[];

  @Field(() => [String], { description: "An API client's scopes; empty for a user" })
  scopes: Scope[];

  @Field(() => String)
  organizationName: string;
}

export async function viewer(ctx: Context): Promise<Viewer> {
  const organizationId = orgOf(ctx);
  const principal = ctx.principal!;
  const organization = await ctx.db.findOneBy(OrganizationEntity, { id: organizationId });
  const owner =
    principal.kind === 'user'
      ? await ctx.db.findOneBy(UserEntity, { id: principal.id, organizationId })
      : await ctx.db.findOneBy(ApiClientEntity, { id: principal.id, organizationId });
  if (!organization || !owner) throw unauthenticated('The account of this token no longer exists');
  return {
    kind: principal.kind === 'user' ? ViewerKind.USER : ViewerKind.API_CLIENT,
    id: principal.id,
    name: owner.name,
    roles: [...principal.roles],
    scopes: [...principal.scopes],
    organizationName: organization.name,
  };
}
