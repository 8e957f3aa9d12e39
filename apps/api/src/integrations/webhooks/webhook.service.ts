import { randomUUID } from 'node:crypto';
import { isIP } from 'node:net';
import type { Context } from '../../kernel/context.js';
import { orgOf } from '../../kernel/context.js';
import { isUuid } from '../../kernel/batch.js';
import { paginate, type Connection, type PageArgs } from '../../kernel/connection.js';
import { badInput, notFound } from '../../kernel/errors.js';
import { keyringOf } from '../../kernel/sealed-column.js';
import { assertAllowedHost, classifyAddress, networkPolicyOf, RefusedAddressError } from './address.js';
import { bodyOf, sendTry } from './deliveries.js';
import { readWebhookSecret, sealWebhookSecret } from './secrets.js';
import { newSigningSecret } from './signing.js';
import { WebhookDeliveryEntity, WebhookEndpointEntity } from './webhook.entity.js';
import {
  DOMAIN_TYPE_OF,
  WEBHOOK_EVENTS,
  type CreateWebhookEndpointInput,
  type DeliveryStatus,
  type WebhookDelivery,
  type WebhookEndpoint,
  type WebhookEndpointSecret,
  type WebhookEvent,
} from './webhook.types.js';

const MAX_URL_LENGTH = 2000;
const MAX_ENDPOINTS = 20;

/** How long the secret a rotation replaced still signs, beside the new one (Standard Webhooks: several signatures per request). */
export const SECRET_GRACE_MS = 24 * 60 * 60 * 1000;

/** The endpoint as the API shows it (never a secret); a grace period that has ended (by `now`) shows as none. */
export const toEndpoint = (e: WebhookEndpointEntity, now: Date): WebhookEndpoint => ({
  id: e.id,
  url: e.url,
  events: e.events as WebhookEvent[],
  orgUnitIds: e.orgUnitIds,
  enabled: e.enabled,
  disabledAt: e.disabledAt,
  previousSecretExpiresAt: e.previousSecret !== null && e.previousSecretExpiresAt && e.previousSecretExpiresAt > now ? e.previousSecretExpiresAt : null,
  createdAt: e.createdAt,
});

export const toDelivery = (d: WebhookDeliveryEntity): WebhookDelivery => ({
  id: d.id,
  endpointId: d.endpointId,
  event: d.event as WebhookEvent,
  status: d.status as DeliveryStatus,
  attempts: d.attempts,
  lastStatusCode: d.lastStatusCode,
  lastLatencyMs: d.lastLatencyMs,
  lastError: d.lastError,
  lastAttemptAt: d.lastAttemptAt,
  nextAttemptAt: d.nextAttemptAt,
  createdAt: d.createdAt,
});

/** The organization's endpoints, oldest first. */
export async function webhookEndpoints(ctx: Context): Promise<WebhookEndpoint[]> {
  const rows = await ctx.db.find(WebhookEndpointEntity, { where: { organizationId: orgOf(ctx) }, order: { createdAt: 'ASC', id: 'ASC' } });
  const now = ctx.app.now();
  return rows.map((row) => toEndpoint(row, now));
}

/** An endpoint's deliveries, newest first (keyset pages). */
export function endpointDeliveries(ctx: Context, endpoint: WebhookEndpoint, args: PageArgs): Promise<Connection<WebhookDelivery>> {
  const qb = ctx.db
    .createQueryBuilder(WebhookDeliveryEntity, 'd')
    .where('d.organization_id = :org AND d.endpoint_id = :endpoint', { org: orgOf(ctx), endpoint: endpoint.id });
  return paginate(qb, args, { alias: 'd', time: 'createdAt' }, toDelivery);
}

/** Checks a receiver's URL: https (http only to loopback outside production), no credentials, and a host the network policy allows. */
async function checkedUrl(ctx: Context, raw: string): Promise<string> {
  const text = raw.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw badInput('input.url', 'The URL is not valid; give one like https://example.com/webhooks');
  }
  if ([...text].length > MAX_URL_LENGTH) throw badInput('input.url', `The URL must be at most ${MAX_URL_LENGTH} characters`);
  if (url.username || url.password) throw badInput('input.url', 'The URL may not carry a user name or password; verify the signature instead');
  const policy = networkPolicyOf(ctx.app.config);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const loopback = host === 'localhost' || (isIP(host) !== 0 && classifyAddress(host) === 'loopback');
  if (url.protocol === 'http:') {
    if (!(loopback && policy.allowLoopback) && !policy.allowPrivateNetworks) throw badInput('input.url', 'The URL must start with https://');
  } else if (url.protocol !== 'https:') throw badInput('input.url', 'The URL must start with https://');
  try {
    await assertAllowedHost(url, policy);
  } catch (error) {
    if (error instanceof RefusedAddressError) throw badInput('input.url', `Webhooks cannot be sent to ${error.message}`);
    throw error;
  }
  return url.toString();
}

/**
 * Registers an endpoint and answers its signing secret, shown this once and stored sealed under
 * the current key, bound to the endpoint's id (secrets.ts). BAD_USER_INPUT names the
 * field: input.url (not https, credentials, a private or unresolvable host), input.events (none,
 * twice), input.orgUnitIds (not this organization's). Nothing is written when any is wrong.
 */
export async function createWebhookEndpoint(ctx: Context, input: CreateWebhookEndpointInput): Promise<WebhookEndpointSecret> {
  const organizationId = orgOf(ctx);
  if (input.events.length === 0) throw badInput('input.events', 'Choose at least one event');
  if (input.events.some((e) => !(WEBHOOK_EVENTS as readonly string[]).includes(e))) throw badInput('input.events', 'Unknown event');
  if (new Set(input.events).size !== input.events.length) throw badInput('input.events', 'An event is listed twice');
  const orgUnitIds = [...new Set(input.orgUnitIds ?? [])];
  if (orgUnitIds.length > 0) {
    const found: { id: string }[] = orgUnitIds.every(isUuid)
      ? await ctx.db.query(`SELECT id FROM org_units WHERE organization_id = $1 AND id = ANY($2::uuid[])`, [organizationId, orgUnitIds])
      : [];
    if (found.length !== orgUnitIds.length) throw badInput('input.orgUnitIds', 'Org unit not found');
  }
  const url = await checkedUrl(ctx, input.url);
  const secret = newSigningSecret();
  // The id is chosen here: the sealed secret is bound to it.
  const id = randomUUID();
  const endpoint = await ctx.db.transaction(async (tx) => {
    const [{ n }]: { n: number }[] = await tx.query(`SELECT count(*)::int AS n FROM webhook_endpoints WHERE organization_id = $1`, [organizationId]);
    if (n >= MAX_ENDPOINTS) throw badInput('input.url', `An organization can have at most ${MAX_ENDPOINTS} webhook endpoints; delete one first`);
    return tx.save(
      tx.create(WebhookEndpointEntity, {
        id,
        organizationId,
        url,
        events: WEBHOOK_EVENTS.filter((e) => input.events.includes(e)),
        orgUnitIds,
        secret: sealWebhookSecret(ctx.app.config.secretEncryptionKey, id, secret),
        previousSecret: null,
        previousSecretExpiresAt: null,
        enabled: true,
        failingSince: null,
        disabledAt: null,
      }),
    );
  });
  ctx.logger.info({ event: 'webhook.endpoint_created', endpointId: endpoint.id }, 'webhook endpoint registered');
  return { endpoint: toEndpoint(endpoint, ctx.app.now()), secret };
}

async function ownEndpoint(ctx: Context, id: string, field: string): Promise<WebhookEndpointEntity> {
  const endpoint = isUuid(id) ? await ctx.db.findOne(WebhookEndpointEntity, { where: { id, organizationId: orgOf(ctx) } }) : null;
  if (!endpoint) throw notFound('Webhook endpoint', field);
  return endpoint;
}

/**
 * Gives an endpoint a new signing secret and answers it, shown this once (Svix / Standard Webhooks
 * rotation). The secret it replaces is kept, sealed, for SECRET_GRACE_MS: until then every request
 * carries two signatures, the new one first, so the receiver switches when it likes. A second
 * rotation within the grace period keeps the secret it replaces (the first rotation's) and drops
 * the older one. A secret no configured key opens is not kept: the new one alone signs (rotation is
 * the remedy for a lost key). NOT_FOUND (id) for another organization's endpoint.
 */
export async function rotateWebhookSecret(ctx: Context, id: string): Promise<WebhookEndpointSecret> {
  const { id: endpointId, organizationId } = await ownEndpoint(ctx, id, 'id');
  const keyring = keyringOf(ctx.app.config);
  const secret = newSigningSecret();
  const now = ctx.app.now();
  const endpoint = await ctx.db.transaction(async (tx) => {
    const [row]: { secret: string }[] = await tx.query(`SELECT secret FROM webhook_endpoints WHERE id = $1 AND organization_id = $2 FOR UPDATE`, [endpointId, organizationId]);
    if (!row) throw notFound('Webhook endpoint', 'id');
    let replaced: string | null = null;
    try {
      replaced = readWebhookSecret(keyring, endpointId, row.secret).plain;
    } catch {
      ctx.logger.warn({ event: 'webhook.rotated_undecryptable', endpointId }, 'the replaced webhook secret cannot be decrypted: not kept for a grace period');
    }
    await tx.query(`UPDATE webhook_endpoints SET secret = $2, previous_secret = $3, previous_secret_expires_at = $4 WHERE id = $1`, [
      endpointId,
      sealWebhookSecret(keyring.current, endpointId, secret),
      replaced === null ? null : sealWebhookSecret(keyring.current, endpointId, replaced, 'previous'),
      replaced === null ? null : new Date(now.getTime() + SECRET_GRACE_MS),
    ]);
    return tx.findOneByOrFail(WebhookEndpointEntity, { id: endpointId });
  });
  ctx.logger.info({ event: 'webhook.secret_rotated', endpointId }, 'webhook signing secret rotated');
  return { endpoint: toEndpoint(endpoint, now), secret };
}

/** Deletes an endpoint with its deliveries; queued tries find nothing and stop. NOT_FOUND (id) for another organization's. */
export async function deleteWebhookEndpoint(ctx: Context, id: string): Promise<boolean> {
  const endpoint = await ownEndpoint(ctx, id, 'id');
  await ctx.db.query(`DELETE FROM webhook_endpoints WHERE id = $1 AND organization_id = $2`, [endpoint.id, endpoint.organizationId]);
  ctx.logger.info({ event: 'webhook.endpoint_deleted', endpointId: endpoint.id }, 'webhook endpoint deleted');
  return true;
}

/**
 * Sends a test event now: a delivery of the given event type (by default the endpoint's first),
 * with "test": true in the body and example ids, tried once. A disabled endpoint is enabled
 * again by a test (an admin fixing the receiver tests it first).
 */
export async function sendTestWebhook(ctx: Context, endpointId: string, event: WebhookEvent | null | undefined): Promise<WebhookDelivery> {
  const endpoint = await ownEndpoint(ctx, endpointId, 'endpointId');
  const type = event ?? (endpoint.events[0] as WebhookEvent);
  const now = ctx.app.now();
  const body = bodyOf(DOMAIN_TYPE_OF[type], now.toISOString(), { example: true }, true);
  const delivery = await ctx.db.transaction(async (tx) => {
    if (!endpoint.enabled) {
      await tx.query(`UPDATE webhook_endpoints SET enabled = true, disabled_at = NULL, failing_since = NULL WHERE id = $1`, [endpoint.id]);
    }
    const saved = await tx.save(
      tx.create(WebhookDeliveryEntity, {
        organizationId: endpoint.organizationId,
        endpointId: endpoint.id,
        event: type,
        eventId: null,
        body,
        status: 'PENDING',
        attempts: 0,
        nextAttemptAt: now,
      }),
    );
    await sendTry(tx, { organizationId: endpoint.organizationId, deliveryId: saved.id, attempt: 1, retries: false }, { key: 'test' });
    return saved;
  });
  return toDelivery(delivery);
}

/**
 * Sends a delivery again now, with the same webhook-id and body (a receiver that deduplicates sees
 * it once): one more try, without a schedule of retries. NOT_FOUND (id) for another organization's.
 */
export async function replayWebhookDelivery(ctx: Context, id: string): Promise<WebhookDelivery> {
  const organizationId = orgOf(ctx);
  const found = isUuid(id) ? await ctx.db.findOne(WebhookDeliveryEntity, { where: { id, organizationId } }) : null;
  if (!found) throw notFound('Webhook delivery', 'id');
  const delivery = await ctx.db.transaction(async (tx) => {
    const [row]: { attempts: number }[] = await tx.query(`SELECT attempts FROM webhook_deliveries WHERE id = $1 FOR UPDATE`, [found.id]);
    await tx.query(`UPDATE webhook_deliveries SET next_attempt_at = $2 WHERE id = $1`, [found.id, ctx.app.now()]);
    await sendTry(tx, { organizationId, deliveryId: found.id, attempt: row.attempts + 1, retries: false }, { key: 'replay' });
    return tx.findOneByOrFail(WebhookDeliveryEntity, { id: found.id });
  });
  ctx.logger.info({ event: 'webhook.replayed', deliveryId: delivery.id }, 'webhook delivery replayed');
  return toDelivery(delivery);
}
