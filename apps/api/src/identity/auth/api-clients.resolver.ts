import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../kernel/context.js';
import { ADMINS, EVERY_CALLER } from '../../kernel/policies.js';
import { ApiClient, ApiClientSecret, CreateApiClientInput } from './api-client.types.js';
import * as clients from './api-clients.service.js';
import { Viewer, viewer } from './viewer.js';

@Resolver()
export class ApiClientsResolver {
  @Authorized(...ADMINS)
  @Query(() => [ApiClient], { description: "The organization's API clients, newest first, revoked ones included" })
  apiClients(@Ctx() ctx: Context) {
    return clients.listApiClients(ctx);
  }

  @Authorized(...ADMINS)
  @Mutation(() => ApiClientSecret, {
    description: 'A new API client; its secret is in this answer only. BAD_USER_INPUT on input.name (empty) or input.scopes (none, or unknown).',
  })
  createApiClient(@Arg('input', () => CreateApiClientInput) input: CreateApiClientInput, @Ctx() ctx: Context) {
    return clients.createApiClient(ctx, input);
  }

  @Authorized(...ADMINS)
  @Mutation(() => ApiClientSecret, {
    description: 'A new secret, shown once; the previous one keeps working for 24 hours. INVALID_STATE for a revoked client.',
  })
  rotateApiClientSecret(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return clients.rotateApiClientSecret(ctx, id);
  }

  @Authorized(...ADMINS)
  @Mutation(() => ApiClient, { description: "Revokes the client for good: its secrets and its tokens stop working at once" })
  revokeApiClient(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return clients.revokeApiClient(ctx, id);
  }

  @Authorized(...EVERY_CALLER)
  @Query(() => Viewer, { description: "The token's owner, a user or an API client, with its roles or scopes" })
  viewer(@Ctx() ctx: Context) {
    return viewer(ctx);
  }
}
