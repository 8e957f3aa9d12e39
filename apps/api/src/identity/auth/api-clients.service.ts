import { randomBytes } from 'node:crypto';
import { orgOf, type Context } from '../../kernel/context.js';
import { isUuid } from '../../kernel/batch.js';
import { badInput, invalidState, notFound } from '../../kernel/errors.js';
import { hashSecret } from '../../kernel/passwords.js';
import { SCOPES, type Scope } from '../../kernel/policies.js';
import { ApiClientEntity } from './api-client.entity.js';
import { ApiClient, type ApiClientSecret, type CreateApiClientInput } from './api-client.types.js';

/** After a rotation the previous secret keeps working this long, so integrations can move over. */
export const SECRET_OVERLAP_MS = 24 * 3600 * 1000;
const NAME_MAX = 100;

const newClientId = () => `tnd_${randomBytes(12).toString('hex')}`;
const newSecret = () => `tnds_${randomBytes(32).toString('base64url')}`;

export async function listApiClients(ctx: Context): Promise<ApiClient[]> {
  const rows = await ctx.db.find(ApiClientEntity, { where: { organizationId: orgOf(ctx) }, order: { createdAt: 'DESC', id: 'ASC' } });
  const now = ctx.app.now();
  return rows.map((row) => ApiClient.from(row, now));
}

function checkInput(input: CreateApiClientInput): { name: string; scopes: Scope[] } {
  const name = input.name.trim();
  if (!name) throw badInput('input.name', 'Give the API client a name');
  if (name.length > NAME_MAX) throw badInput('input.name', `The name can have at most ${NAME_MAX} characters`);
  if (input.scopes.length === 0) throw badInput('input.scopes', `Choose at least one scope: ${SCOPES.join(', ')}`);
  const unknown = input.scopes.find((scope) => !(SCOPES as readonly string[]).includes(scope));
  if (unknown !== undefined) throw badInput('input.scopes', `Unknown scope "${unknown}"; the scopes are ${SCOPES.join(', ')}`);
  return { name, scopes: SCOPES.filter((scope) => input.scopes.includes(scope)) };
}

/** A new client of the caller's organization; its secret is in the answer and nowhere else. */
export async function createApiClient(ctx: Context, input: CreateApiClientInput): Promise<ApiClientSecret> {
  const organizationId = orgOf(ctx);
  const { name, scopes } = checkInput(input);
  const secret = newSecret();
  const row = ctx.db.create(ApiClientEntity, {
    organizationId,
    name,
    clientId: newClientId(),
    secretHash: await hashSecret(secret),
    scopes,
    revokedAt: null,
    previousSecretHash: null,
    previousSecretExpiresAt: null,
    lastUsedAt: null,
  });
  await ctx.db.save(row);
  ctx.logger.info({ event: 'api-client.created', apiClientId: row.id }, 'API client created');
  return { client: ApiClient.from(row, ctx.app.now()), clientSecret: secret };
}

async function findOwn(ctx: Context, id: string): Promise<ApiClientEntity> {
  const organizationId = orgOf(ctx);
  const row = isUuid(id) ? await ctx.db.findOneBy(ApiClientEntity, { id, organizationId }) : null;
  if (!row) throw notFound('API client');
  return row;
}

/**
 * A new secret; the one before keeps working for SECRET_OVERLAP_MS (a second rotation in that
 * window ends the first one's overlap). Tokens already issued stay valid until they expire.
 */
export async function rotateApiClientSecret(ctx: Context, id: string): Promise<ApiClientSecret> {
  const row = await findOwn(ctx, id);
  if (row.revokedAt) throw invalidState('A revoked API client cannot get a new secret', 'id');
  const now = ctx.app.now();
  const secret = newSecret();
  const secretHash = await hashSecret(secret);
  const [updated] = (await ctx.db.query(
    `UPDATE api_clients SET previous_secret_hash = secret_hash, previous_secret_expires_at = $3, secret_hash = $4
      WHERE id = $1 AND organization_id = $2 AND revoked_at IS NULL RETURNING id`,
    [row.id, row.organizationId, new Date(now.getTime() + SECRET_OVERLAP_MS), secretHash],
  )) as [{ id: string }[], number];
  if (updated.length === 0) throw invalidState('A revoked API client cannot get a new secret', 'id');
  ctx.logger.info({ event: 'api-client.rotated', apiClientId: row.id }, 'API client secret rotated');
  const fresh = await ctx.db.findOneByOrFail(ApiClientEntity, { id: row.id });
  return { client: ApiClient.from(fresh, now), clientSecret: secret };
}

/** Revokes a client for good: its secrets stop working, and so do its tokens, from the next request. */
export async function revokeApiClient(ctx: Context, id: string): Promise<ApiClient> {
  const row = await findOwn(ctx, id);
  const now = ctx.app.now();
  if (!row.revokedAt) {
    await ctx.db.query(
      `UPDATE api_clients SET revoked_at = $3, previous_secret_hash = NULL, previous_secret_expires_at = NULL
        WHERE id = $1 AND organization_id = $2 AND revoked_at IS NULL`,
      [row.id, row.organizationId, now],
    );
    ctx.logger.info({ event: 'api-client.revoked', apiClientId: row.id }, 'API client revoked');
  }
  return ApiClient.from(await ctx.db.findOneByOrFail(ApiClientEntity, { id: row.id }), now);
}
