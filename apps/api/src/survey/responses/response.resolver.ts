import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kernel/context.js';
import { ContactEntity } from '../contacts/contact.entity.js';
import { OrgUnitEntity } from '../../identity/org-units/org-unit.entity.js';
import { UserType } from '../../identity/users/user.type.js';
import { WaveType } from '../waves/wave.type.js';
import { ResponseConnection, ResponseFilter, ResponseType } from './response.types.js';
import { listResponses } from './response.service.js';
import { RESPONSE_READERS } from '../../kernel/policies.js';
import { ListOrderEnum, type ListOrder } from '../../kernel/connection.js';

@Resolver(() => ResponseType)
export class ResponseResolver {
  @Authorized(...RESPONSE_READERS)
  @Query(() => ResponseConnection, {
    description:
      'Identified responses, newest first (order: OLDEST_FIRST for an incremental sync, with filter.updatedSince). ' +
      'A manager sees the responses of the contacts they owned when they answered.',
  })
  responses(
    @Arg('filter', () => ResponseFilter, { nullable: true }) filter: ResponseFilter | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('order', () => ListOrderEnum, { nullable: true }) order: ListOrder | null,
    @Ctx() ctx: Context,
  ) {
    return listResponses(ctx, filter, { first, after, order });
  }

  @FieldResolver(() => Date, { description: 'Last change: submitted, or its themes tagged, accepted or removed (incremental sync: filter.updatedSince)' })
  updatedAt(@Root() response: ResponseType, @Ctx() ctx: Context): Promise<Date> {
    return ctx.loaders.responseUpdatedAt.load(response);
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
