import type { Context } from '../../kernel/context.js';
import { orgOf } from '../../kernel/context.js';
import { isUuid } from '../../kernel/batch.js';
import { badInput, notFound } from '../../kernel/errors.js';
import { FollowUpEntity } from '../../survey/follow-ups/follow-up.entity.js';
import { ResponseEntity } from '../../survey/responses/response.entity.js';
import { feedbackOwnerScope } from './improvement-access.js';
import { insertImprovement, MAX_TITLE } from './improvement.service.js';
import { ImprovementType } from './improvement.types.js';

/** The start of a comment as a title: its first line, cut at a word near MAX_TITLE characters. */
export function titleFromComment(comment: string): string {
  const line = comment.trim().split(/\r?\n/)[0].trim();
  const chars = [...line];
  if (chars.length <= MAX_TITLE) return line;
  const cut = chars.slice(0, MAX_TITLE - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_TITLE / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Turns a follow-up into an improvement in one step: the title is the one given, else the start of
 * the response's comment (its reason, else its suggestion) — edit it before it is implemented, since
 * implemented titles appear on the wave's public "you said, we did" page; the owner is the
 * follow-up's; org unit and audience are the response's (as at answer time); the response, the
 * follow-up, the response's wave and the themes the response is tagged with (ACCEPTED) are linked.
 * A MANAGER turns only their own follow-ups; another's is NOT_FOUND, like another organization's.
 */
export async function createImprovementFromFollowUp(ctx: Context, followUpId: string, title: string | null | undefined): Promise<ImprovementType> {
  const organizationId = orgOf(ctx);
  if (!isUuid(followUpId)) throw notFound('Follow-up', 'followUpId');
  const own = feedbackOwnerScope(ctx);
  const row = await ctx.db.transaction(async (tx) => {
    const followUp = await tx.findOneBy(FollowUpEntity, { id: followUpId, organizationId });
    if (!followUp || (own && followUp.ownerId !== own)) throw notFound('Follow-up', 'followUpId');
    const response = await tx.findOneByOrFail(ResponseEntity, { id: followUp.responseId, organizationId });
    const given = title?.trim();
    const comment = response.reason?.trim() || response.suggestion?.trim();
    if (title !== null && title !== undefined && !given) throw badInput('title', 'A title must be 1 to 200 characters');
    if (!given && !comment) throw badInput('title', 'The response has no comment to take a title from: give a title');
    const finalTitle = given ?? titleFromComment(comment!);
    if ([...finalTitle].length > MAX_TITLE) throw badInput('title', `A title must be 1 to ${MAX_TITLE} characters`);
    const themes: { theme_id: string }[] = await tx.query(
      `SELECT theme_id FROM response_themes WHERE organization_id = $1 AND response_id = $2 AND status = 'ACCEPTED'`,
      [organizationId, response.id],
    );
    return insertImprovement(
      tx,
      ctx,
      organizationId,
      { title: finalTitle, description: null, ownerId: followUp.ownerId, orgUnitId: response.orgUnitId, audience: response.audience, dueDate: null },
      { responseIds: [response.id], followUpIds: [followUp.id], themeIds: themes.map((t) => t.theme_id), waves: [{ waveId: response.waveId, orgUnitId: null }] },
    );
  });
  ctx.logger.info({ event: 'improvement.created', improvementId: row.id, followUpId }, 'improvement created from a follow-up');
  return ImprovementType.from(row, ctx.app.now());
}
