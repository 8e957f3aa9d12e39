import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kernel/context.js';
import { ContactEntity } from '../contacts/contact.entity.js';
import { OrgUnitEntity } from '../../identity/org-units/org-unit.entity.js';
import { UserType } from '../../identity/users/user.type.js';
import { WaveType } from '../waves/wave.type.js';
import { ResponseConnection, ResponseFilter, ResponseType } from './response.types.js';
import { listResponses } from './response.service.js';
import { RESPONSE_READERS } from '../../kernel/policies.js';

@Resolver(() => ResponseType)
export class ResponseResolver {
  @Authorized(...RESPONSE_READERS)
  @Query(() => ResponseConnection, {
    description: 'Identified responses, newest first. A manager sees the responses of the contacts they owned when they answered.',
  })
  responses(
    @Arg('filter', () => ResponseFilter, { nullable: true }) filter: ResponseFilter | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    return listResponses(ctx, filter, { first, after });
  }

  @FieldResolver(() => WaveType)
  async wave(@Root() response: ResponseType, @Ctx() ctx: Context): Promise<WaveType> {
    const wave = await ctx.loaders.wave.load(response.waveId);
    if (!wave) throw new Error(`wave ${response.waveId} of response ${response.id} is missing`);
    return WaveType.from(wave);
  }

  @FieldResolver(() => ContactEntity, { nullable: true, description: 'Who answered; null once the contact is deleted' })
  contact(@Root() response: ResponseType, @Ctx() ctx: Context) {
    return response.contactId ? ctx.loaders.contact.load(response.contactId) : null;
  }

  @FieldResolver(() => OrgUnitEntity, { nullable: true, description: "The contact's org unit when they answered" })
  orgUnit(@Root() response: ResponseType, @Ctx() ctx: Context) {
    return response.orgUnitId ? ctx.loaders.orgUnit.load(response.orgUnitId) : null;
  }

  @FieldResolver(() => UserType, { nullable: true, description: "The contact's owner when they answered" })
  async owner(@Root() response: ResponseType, @Ctx() ctx: Context): Promise<UserType | null> {
    const user = response.ownerId ? await ctx.loaders.user.load(response.ownerId) : null;
    return user ? UserType.from(user) : null;
  }
}
