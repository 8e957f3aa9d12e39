import type { Context } from '../../kernel/context.js';
import { orgOf, userOf } from '../../kernel/context.js';
import { isUuid } from '../../kernel/batch.js';
import { badInput, invalidState, notFound } from '../../kernel/errors.js';
import { updateReturning } from '../../kernel/sql.js';
import { ownScopeOf } from '../../kernel/scope.js';
import { ResponseEntity } from '../responses/response.entity.js';
import { ResponseType } from '../responses/response.types.js';
import { FEEDBACK_OWNERS_OF_ALL } from '../../kernel/policies.js';

/**
 * Tagging identified responses with themes (CX, ADMIN; a MANAGER only the responses of the
 * contacts they owned when they answered — responses/access.ts). Only identified responses live in
 * `responses`, so an employee answer can never be tagged by hand. Unknown ids, another
 * organization's, and (for a manager) someone else's responses all answer NOT_FOUND naming the field.
 */

export const MAX_THEMES = 50;
export const MAX_RESPONSES = 500;

function distinct(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

/** The responses the caller may tag, in the order asked; NOT_FOUND naming `field` for any other. */
async function taggableResponses(ctx: Context, ids: string[], field: string): Promise<ResponseEntity[]> {
  const own = ownScopeOf(ctx, FEEDBACK_OWNERS_OF_ALL);
  const rows = await ctx.loaders.response.loadMany(ids);
  return rows.map((row) => {
    if (!row || row instanceof Error || (own !== null && row.ownerId !== own)) throw notFound('Response', field);
    return row;
  });
}

async function requireThemes(ctx: Context, ids: string[], field: string): Promise<void> {
  if (ids.length > MAX_THEMES) throw badInput(field, `At most ${MAX_THEMES} themes`);
  const rows = await ctx.loaders.themeById.loadMany(ids);
  if (rows.some((row) => !row || row instanceof Error)) throw notFound('Theme', field);
}

/** A fresh Response for the mutation's answer (its themes through fresh loaders). */
function answer(ctx: Context, rows: ResponseEntity[]): ResponseType[] {
  ctx.loaders.acceptedThemeIdsByResponse.clearAll();
  ctx.loaders.suggestedThemeIdsByResponse.clearAll();
  return rows.map(ResponseType.from);
}

/**
 * tagResponse: the response's ACCEPTED themes become exactly `themeIds`. A listed theme that was
 * suggested or dismissed becomes ACCEPTED; an accepted theme not listed is removed; a suggestion
 * not listed stays a suggestion.
 */
export async function tagResponse(ctx: Context, responseId: string, themeIds: string[]): Promise<ResponseType> {
  const organizationId = orgOf(ctx);
  const by = userOf(ctx).id;
  const [response] = await taggableResponses(ctx, [responseId], 'responseId');
  const themes = distinct(themeIds);
  await requireThemes(ctx, themes, 'themeIds');
  const now = ctx.app.now();
  await ctx.db.transaction(async (tx) => {
    await tx.query(
      `DELETE FROM response_themes WHERE response_id = $1 AND organization_id = $2 AND status = 'ACCEPTED' AND NOT (theme_id = ANY($3::uuid[]))`,
      [response.id, organizationId, themes],
    );
    await accept(tx, organizationId, [response.id], themes, by, now);
  });
  return answer(ctx, [response])[0];
}

/** tagResponses: adds `themeIds` as ACCEPTED to every response listed; nothing is removed. */
export async function tagResponses(ctx: Context, responseIds: string[], themeIds: string[]): Promise<ResponseType[]> {
  const organizationId = orgOf(ctx);
  const by = userOf(ctx).id;
  const ids = distinct(responseIds);
  if (ids.length === 0) throw badInput('responseIds', 'List at least one response');
  if (ids.length > MAX_RESPONSES) throw badInput('responseIds', `At most ${MAX_RESPONSES} responses`);
  const themes = distinct(themeIds);
  if (themes.length === 0) throw badInput('themeIds', 'List at least one theme');
  const responses = await taggableResponses(ctx, ids, 'responseIds');
  await requireThemes(ctx, themes, 'themeIds');
  await ctx.db.transaction((tx) => accept(tx, organizationId, ids, themes, by, ctx.app.now()));
  return answer(ctx, responses);
}

/** Every (response, theme) pair ACCEPTED by `by`, in one statement, whatever it was before. */
async function accept(
  tx: Context['db'],
  organizationId: string,
  responseIds: string[],
  themeIds: string[],
  by: string,
  now: Date,
): Promise<void> {
  if (responseIds.length === 0 || themeIds.length === 0) return;
  await tx.query(
    `INSERT INTO response_themes (response_id, theme_id, organization_id, status, tagged_by, tagged_at)
     SELECT r, t, $3, 'ACCEPTED', $4, $5 FROM unnest($1::uuid[]) AS r CROSS JOIN unnest($2::uuid[]) AS t
     ON CONFLICT (response_id, theme_id) DO UPDATE SET status = 'ACCEPTED', tagged_by = EXCLUDED.tagged_by, tagged_at = EXCLUDED.tagged_at
     WHERE response_themes.status <> 'ACCEPTED'`,
    [responseIds, themeIds, organizationId, by, now],
  );
}

/**
 * A person's answer to one suggestion: accept makes it ACCEPTED (idempotent), dismiss makes it
 * DISMISSED (idempotent; never suggested again). A theme that was never suggested for the response
 * is NOT_FOUND (themeId); dismissing an accepted theme is INVALID_STATE (untag it with tagResponse).
 */
export async function decideSuggestion(ctx: Context, responseId: string, themeId: string, decision: 'ACCEPTED' | 'DISMISSED'): Promise<ResponseType> {
  const organizationId = orgOf(ctx);
  const by = userOf(ctx).id;
  const [response] = await taggableResponses(ctx, [responseId], 'responseId');
  if (!isUuid(themeId)) throw notFound('Suggestion', 'themeId');
  const [row]: { status: string }[] = await ctx.db.query(
    `SELECT status FROM response_themes WHERE response_id = $1 AND theme_id = $2 AND organization_id = $3`,
    [response.id, themeId, organizationId],
  );
  if (!row) throw notFound('Suggestion', 'themeId');
  if (row.status === decision) return answer(ctx, [response])[0];
  if (decision === 'DISMISSED' && row.status === 'ACCEPTED') throw invalidState('The theme is accepted; remove it with tagResponse', 'themeId');
  const changed = await updateReturning(
    ctx.db,
    `UPDATE response_themes SET status = $4, tagged_by = $5, tagged_at = $6
      WHERE response_id = $1 AND theme_id = $2 AND organization_id = $3 AND status = $7 RETURNING 1`,
    [response.id, themeId, organizationId, decision, by, ctx.app.now(), row.status],
  );
  if (changed.length === 0) throw invalidState('The suggestion changed meanwhile; try again', 'themeId');
  return answer(ctx, [response])[0];
}
