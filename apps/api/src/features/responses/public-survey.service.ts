import type { EntityManager } from 'typeorm';
import type { Context } from '../../graphql/context.js';
import { invalidState, conflict, notFound } from '../../graphql/errors.js';
import { ContactEntity } from '../contacts/contact.entity.js';
import { InvitationEntity } from '../invitations/invitation.entity.js';
import { hashSurveyToken, isSurveyToken } from '../invitations/tokens.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { DEFAULT_SETTINGS } from '../organizations/organization.service.js';
import { WaveQuestionEntity } from '../waves/wave-question.entity.js';
import { WaveEntity } from '../waves/wave.entity.js';
import { MAX_TEXT_LENGTH, RATING_MAX, RATING_MIN, recordResponse, surveyLanguage, validateAnswer } from './answer.js';
import type { PublicQuestion, PublicSurvey, ResponseInput, SubmitResult } from './public-survey.types.js';

interface Found {
  invitation: InvitationEntity;
  wave: WaveEntity;
  contact: ContactEntity;
}

/**
 * The invitation behind a respondent's token, with its wave and contact. The token names the
 * organization, so this is the one lookup that does not start from orgOf(ctx).
 */
async function findByToken(db: EntityManager, token: string): Promise<Found | null> {
  if (!isSurveyToken(token)) return null;
  const invitation = await db.findOneBy(InvitationEntity, { tokenHash: hashSurveyToken(token) });
  if (!invitation) return null;
  const [wave, contact] = await Promise.all([
    db.findOneBy(WaveEntity, { id: invitation.waveId, organizationId: invitation.organizationId }),
    db.findOneBy(ContactEntity, { id: invitation.contactId, organizationId: invitation.organizationId }),
  ]);
  return wave && contact ? { invitation, wave, contact } : null;
}

const isClosed = (wave: WaveEntity, now: Date) => wave.status !== 'OPEN' || (wave.closesAt !== null && wave.closesAt.getTime() <= now.getTime());

const questionsOf = (db: EntityManager, waveId: string) => db.find(WaveQuestionEntity, { where: { waveId }, order: { position: 'ASC' } });

/** A question's text in the language, else in the wave's first language, else any it has. */
function textIn(texts: Record<string, string>, language: string, fallback: string | undefined): string {
  return texts[language] ?? (fallback ? texts[fallback] : undefined) ?? texts.en ?? Object.values(texts)[0] ?? '';
}

function publicQuestion(q: WaveQuestionEntity, language: string, fallback: string | undefined): PublicQuestion {
  const scale = q.kind === 'NPS' ? [0, 10] : q.kind === 'RATING' ? [RATING_MIN, RATING_MAX] : [null, null];
  return {
    id: q.id,
    kind: q.kind,
    text: textIn(q.texts, language, fallback),
    criterion: q.criterion,
    min: scale[0],
    max: scale[1],
    maxLength: q.kind === 'REASON' || q.kind === 'SUGGESTION' ? MAX_TEXT_LENGTH : null,
  };
}

/**
 * What a respondent's link shows, or null for a link we do not know. Opening it marks the
 * invitation OPENED (once, while the wave is open).
 */
export async function surveyByToken(ctx: Context, token: string, language: string | null | undefined): Promise<PublicSurvey | null> {
  const found = await findByToken(ctx.db, token);
  if (!found) return null;
  const { invitation, wave, contact } = found;
  const now = ctx.app.now();
  const closed = isClosed(wave, now);
  if (!closed && (invitation.status === 'PENDING' || invitation.status === 'SENT')) {
    await ctx.db.query(`UPDATE invitations SET status = 'OPENED', opened_at = $2 WHERE id = $1 AND status IN ('PENDING', 'SENT')`, [invitation.id, now]);
  }
  const lang = surveyLanguage(wave, language, contact.language);
  const questions = await questionsOf(ctx.db, wave.id);
  return {
    waveName: wave.name,
    audience: wave.audience,
    language: lang,
    languages: wave.languages,
    questions: questions.map((q) => publicQuestion(q, lang, wave.languages[0])),
    alreadyAnswered: invitation.status === 'RESPONDED',
    closed,
    closesAt: wave.closesAt,
    unsubscribed: contact.unsubscribedAt !== null,
  };
}

async function slaHoursOf(db: EntityManager, organizationId: string): Promise<number> {
  const org = await db.findOneByOrFail(OrganizationEntity, { id: organizationId });
  return { ...DEFAULT_SETTINGS, ...org.settings }.followUpSlaHours;
}

/**
 * A respondent's answer. Unknown token: NOT_FOUND (token); closed wave: INVALID_STATE; used
 * token: CONFLICT (token), and the first answer stays; bad input: BAD_USER_INPUT naming the field.
 * Any refusal changes nothing.
 */
export async function submitResponse(ctx: Context, token: string, input: ResponseInput): Promise<SubmitResult> {
  const found = await findByToken(ctx.db, token);
  if (!found) throw notFound('Survey', 'token');
  const { invitation, wave, contact } = found;
  const now = ctx.app.now();
  if (isClosed(wave, now)) throw invalidState('This survey is closed');
  if (invitation.status === 'RESPONDED') throw conflict('token', 'This survey has already been answered');
  const answer = validateAnswer(wave, await questionsOf(ctx.db, wave.id), contact.language, input);
  const slaHours = await slaHoursOf(ctx.db, wave.organizationId);
  const recorded = await ctx.db.transaction((tx) =>
    recordResponse(tx, {
      organizationId: wave.organizationId,
      wave,
      invitationId: invitation.id,
      contactId: contact.id,
      answer,
      submittedAt: now,
      slaHours,
    }),
  );
  ctx.logger.info(
    { event: 'response.created', waveId: wave.id, responseId: recorded.responseId, category: answer.category, followUpId: recorded.followUpId },
    'response recorded',
  );
  return { ok: true };
}

/** The link's contact is never invited again. Idempotent; NOT_FOUND (token) for a link we do not know. */
export async function unsubscribe(ctx: Context, token: string): Promise<boolean> {
  const invitation = isSurveyToken(token) ? await ctx.db.findOneBy(InvitationEntity, { tokenHash: hashSurveyToken(token) }) : null;
  if (!invitation) throw notFound('Survey', 'token');
  await ctx.db.query(`UPDATE contacts SET unsubscribed_at = $2, updated_at = $2 WHERE id = $1 AND unsubscribed_at IS NULL`, [
    invitation.contactId,
    ctx.app.now(),
  ]);
  ctx.logger.info({ event: 'contact.unsubscribed', contactId: invitation.contactId }, 'a contact unsubscribed');
  return true;
}
