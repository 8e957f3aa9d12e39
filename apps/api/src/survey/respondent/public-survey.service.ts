import type { EntityManager } from 'typeorm';
import { entityOf, jsonColumns, preparedRows, selectColumns } from '../../kernel/prepared.js';
import type { Context } from '../../kernel/context.js';
import { DomainError, invalidState, conflict, notFound } from '../../kernel/errors.js';
import { ContactEntity } from '../contacts/contact.entity.js';
import { InvitationEntity } from '../invitations/invitation.entity.js';
import { hashSurveyToken, isSurveyToken } from '../invitations/tokens.js';
import { DEFAULT_SETTINGS } from '../../identity/organizations/organization.service.js';
import { employeeSurvey, findEmployeeLink, languageOf as employeeLanguageOf, submitEmployeeAnswer, type EmployeeLink } from './anonymous-answer.service.js';
import type { MatchableTheme } from '../themes/matcher.js';
import { WaveQuestionEntity } from '../waves/wave-question.entity.js';
import { WaveEntity } from '../waves/wave.entity.js';
import { suggestedThemeIds } from '../themes/suggest.service.js';
import { validateAnswer } from './answer.js';
import { answerWriterOf } from './answer-writer.js';
import { invitationSpentBy, submissionHash } from './submission.js';
import { ALREADY_ANSWERED, type RecordedResponse } from './record-responses.js';
import { RespondentPage, type PublicSurvey, type ResponseInput, type SubmitResult } from './public-survey.types.js';
import { publicTitleIn } from '../waves/respondent-language.js';
import { surveyLanguage } from './answer.js';
import { isClosed, surveyPage } from './survey-page.js';
import { unsubscribeFromLink } from '../contacts/contact.service.js';
import { markOpened } from '../invitations/invitation.service.js';

interface Found {
  invitation: InvitationEntity;
  wave: WaveEntity;
  contact: ContactEntity;
  /** The wave's questions in order. */
  questions: WaveQuestionEntity[];
  /** The organization's theme catalogue, for the suggestions of an answer. */
  themes: MatchableTheme[];
  /** The follow-up SLA of the wave's organization. */
  slaHours: number;
}

/**
 * The invitation behind a token's hash, with its wave, contact, organization, the wave's questions
 * and the organization's theme keywords, in one prepared statement: a respondent's page and answer
 * start here, and at answering time every round trip and every plan counts (with the answer's own
 * single statement, an answer is two round trips to the database). The token names the organization, so this is the one lookup that does not start
 * from orgOf(ctx).
 */
async function findInvitation(db: EntityManager, tokenHash: string): Promise<Found | null> {
  const [row] = await preparedRows(
    db,
    'respondent-invitation',
    `SELECT ${selectColumns(db, InvitationEntity, 'i')}, ${selectColumns(db, WaveEntity, 'w')}, ${selectColumns(db, ContactEntity, 'c')}, o.settings AS o_settings,
            (SELECT coalesce(json_agg(${jsonColumns(db, WaveQuestionEntity, 'q')} ORDER BY q.position), '[]') FROM wave_questions q WHERE q.wave_id = w.id) AS questions,
            (SELECT coalesce(json_agg(json_build_object('id', t.id, 'keywords', t.keywords)), '[]') FROM themes t WHERE t.organization_id = i.organization_id) AS themes
       FROM invitations i
       JOIN waves w ON w.id = i.wave_id AND w.organization_id = i.organization_id
       JOIN contacts c ON c.id = i.contact_id AND c.organization_id = i.organization_id
       JOIN organizations o ON o.id = i.organization_id
      WHERE i.token_hash = $1`,
    [tokenHash],
  );
  if (!row) return null;
  const settings = { ...DEFAULT_SETTINGS, ...(row.o_settings as Partial<typeof DEFAULT_SETTINGS>) };
  return {
    invitation: entityOf(db, InvitationEntity, row, 'i'),
    wave: entityOf(db, WaveEntity, row, 'w'),
    contact: entityOf(db, ContactEntity, row, 'c'),
    questions: (row.questions as Record<string, unknown>[]).map((q) => entityOf(db, WaveQuestionEntity, q, 'q')),
    themes: row.themes as MatchableTheme[],
    slaHours: settings.followUpSlaHours,
  };
}

/**
 * A respondent's link: an identified invitation, or else an employee's anonymous participation
 * (survey/employees/anonymous-answer.service.ts). Null for a link we do not know.
 */
async function findLink(db: EntityManager, token: string): Promise<{ identified: Found } | { employee: EmployeeLink } | null> {
  if (!isSurveyToken(token)) return null;
  const tokenHash = hashSurveyToken(token);
  const identified = await findInvitation(db, tokenHash);
  if (identified) return { identified };
  const employee = await findEmployeeLink(db, tokenHash);
  return employee ? { employee } : null;
}

/**
 * What a respondent's link shows, or null for a link we do not know. Opening an identified link
 * marks the invitation OPENED (once, while the wave is open); an employee's link records nothing.
 */
export async function surveyByToken(ctx: Context, token: string, language: string | null | undefined): Promise<PublicSurvey | null> {
  const link = await findLink(ctx.db, token);
  if (!link) return null;
  if ('employee' in link) return employeeSurvey(ctx, link.employee, language);
  const { invitation, wave, contact, questions } = link.identified;
  const now = ctx.app.now();
  if (!isClosed(wave, now) && (invitation.status === 'PENDING' || invitation.status === 'SENT')) {
    await markOpened(ctx.db, invitation.id, now);
  }
  return surveyPage(ctx.db, wave, {
    questions,
    requestedLanguage: language,
    respondentLanguage: contact.language,
    alreadyAnswered: invitation.status === 'RESPONDED',
    unsubscribed: contact.unsubscribedAt !== null,
    anonymityThreshold: null,
    now,
  });
}

/**
 * A respondent's answer; an employee's goes to the anonymous path, with the same checks and
 * errors and no follow-up. Unknown token: NOT_FOUND (token); closed wave: INVALID_STATE; used
 * token: CONFLICT (token), and the first answer stays; bad input: BAD_USER_INPUT naming the field.
 * Any refusal changes nothing.
 */
export async function submitResponse(ctx: Context, token: string, input: ResponseInput, submissionId?: string | null): Promise<SubmitResult> {
  const link = await findLink(ctx.db, token);
  if (!link) throw notFound('Survey', 'token');
  if ('employee' in link) return submitEmployeeAnswer(ctx, link.employee, input, submissionId);
  const { invitation, wave, contact, questions, themes, slaHours } = link.identified;
  const now = ctx.app.now();
  const hash = submissionHash(submissionId);
  // A retry of the answer that spent this link (its response was lost on the way) is answered ok: stored once.
  if (invitation.status === 'RESPONDED' && hash !== null && invitation.submissionHash === hash) return { ok: true };
  if (isClosed(wave, now)) throw invalidState('This survey is closed');
  if (invitation.status === 'RESPONDED') throw conflict('token', ALREADY_ANSWERED);
  const answer = validateAnswer(wave, questions, contact.language, input);
  const themeIds = await suggestedThemeIds(ctx.db, wave.organizationId, answer.language, [answer.reason, answer.suggestion], themes);
  // One statement, atomic on its own, shared with the answers submitted at the same moment.
  let recorded: RecordedResponse;
  try {
    recorded = await answerWriterOf(ctx.db, ctx.app.config.answerQueueLimit).write({
      organizationId: wave.organizationId,
      wave,
      invitationId: invitation.id,
      contactId: contact.id,
      answer,
      submittedAt: now,
      slaHours,
      themeIds,
      submissionHash: hash,
    });
  } catch (error) {
    // A retry that arrived while its first submit was still being written finds the link spent by itself.
    if (error instanceof DomainError && error.code === 'CONFLICT' && (await invitationSpentBy(ctx.db, invitation.id, hash))) return { ok: true };
    throw error;
  }
  ctx.logger.info(
    { event: 'response.created', waveId: wave.id, responseId: recorded.responseId, category: answer.category, followUpId: recorded.followUpId },
    'response recorded',
  );
  return { ok: true };
}

/**
 * The language and title of a link's pages besides the survey (unsubscribe), by the one rule; it
 * records nothing (mail scanners open links). Null for a link we do not know.
 */
export async function respondentPage(ctx: Context, token: string, language: string | null | undefined): Promise<RespondentPage | null> {
  const link = await findLink(ctx.db, token);
  if (!link) return null;
  const wave = 'employee' in link ? link.employee.wave : link.identified.wave;
  const own = 'employee' in link ? await employeeLanguageOf(ctx.db, link.employee) : link.identified.contact.language;
  const lang = surveyLanguage(wave, language, own);
  return Object.assign(new RespondentPage(), { language: lang, languages: wave.languages, title: publicTitleIn(wave.publicTitles, lang) });
}

/** The link's contact is never invited again. Idempotent; NOT_FOUND (token) for a link we do not know. */
export async function unsubscribe(ctx: Context, token: string): Promise<boolean> {
  const invitation = isSurveyToken(token) ? await ctx.db.findOneBy(InvitationEntity, { tokenHash: hashSurveyToken(token) }) : null;
  if (!invitation) throw notFound('Survey', 'token');
  await unsubscribeFromLink(ctx.db, invitation.contactId, ctx.app.now());
  ctx.logger.info({ event: 'contact.unsubscribed', contactId: invitation.contactId }, 'a contact unsubscribed');
  return true;
}
