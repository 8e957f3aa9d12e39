import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kernel/context.js';
import type { Connection } from '../../kernel/connection.js';
import { ADMINS } from '../../kernel/policies.js';
import * as webhooks from './webhook.service.js';
import {
  CreateWebhookEndpointInput,
  WebhookDelivery,
  WebhookDeliveryAttempt,
  WebhookDeliveryConnection,
  WebhookEndpoint,
  WebhookEndpointSecret,
  WebhookEventEnum,
  type WebhookEvent,
} from './webhook.types.js';

/** Webhooks (issue 18): an admin's endpoints, their deliveries, tests and replays. */
@Resolver(() => WebhookEndpoint)
export class WebhookResolver {
  @Authorized(...ADMINS)
  @Query(() => [WebhookEndpoint], { description: "The organization's webhook endpoints, oldest first" })
  webhookEndpoints(@Ctx() ctx: Context) {
    return webhooks.webhookEndpoints(ctx);
  }

  @Authorized(...ADMINS)
  @Mutation(() => WebhookEndpointSecret, {
    description: 'Registers an endpoint; its signing secret is in the answer only. BAD_USER_INPUT names input.url, input.events or input.orgUnitIds.',
  })
  createWebhookEndpoint(@Arg('input', () => CreateWebhookEndpointInput) input: CreateWebhookEndpointInput, @Ctx() ctx: Context) {
    return webhooks.createWebhookEndpoint(ctx, input);
  }

  @Authorized(...ADMINS)
  @Mutation(() => WebhookEndpointSecret, {
    description:
      'Gives an endpoint a new signing secret, in the answer only. The one it replaces still signs for 24 hours (until endpoint.previousSecretExpiresAt): each request carries both signatures, the new one first. NOT_FOUND (id).',
  })
  rotateWebhookSecret(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return webhooks.rotateWebhookSecret(ctx, id);
  }

  @Authorized(...ADMINS)
  @Mutation(() => Boolean, { description: 'Deletes an endpoint and its deliveries. NOT_FOUND (id).' })
  deleteWebhookEndpoint(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return webhooks.deleteWebhookEndpoint(ctx, id);
  }

  @Authorized(...ADMINS)
  @Mutation(() => WebhookDelivery, {
    description: 'Sends a test request ("test": true) of the event (default: the endpoint\'s first) now, tried once; enables a disabled endpoint. NOT_FOUND (endpointId).',
  })
  sendTestWebhook(
    @Arg('endpointId', () => ID) endpointId: string,
    @Arg('event', () => WebhookEventEnum, { nullable: true }) event: WebhookEvent | null,
    @Ctx() ctx: Context,
  ) {
    return webhooks.sendTestWebhook(ctx, endpointId, event);
  }

  @Authorized(...ADMINS)
  @Mutation(() => WebhookDelivery, { description: 'Sends a delivery again now, same webhook-id and body, tried once. NOT_FOUND (id).' })
  replayWebhookDelivery(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return webhooks.replayWebhookDelivery(ctx, id);
  }

  @FieldResolver(() => WebhookDeliveryConnection, { description: 'Newest first. BAD_USER_INPUT (first) outside 1–100.' })
  deliveries(
    @Root() endpoint: WebhookEndpoint,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<WebhookDelivery>> {
    return webhooks.endpointDeliveries(ctx, endpoint, { first, after });
  }
}

@Resolver(() => WebhookDelivery)
export class WebhookDeliveryResolver {
  @FieldResolver(() => [WebhookDeliveryAttempt], { description: 'Every try, oldest first: status code, latency, error' })
  attemptHistory(@Root() delivery: WebhookDelivery, @Ctx() ctx: Context) {
    return ctx.loaders.webhookAttempts.load(delivery.id);
  }
}
