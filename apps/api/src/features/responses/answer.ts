import { categorize, InvalidScoreError, type NpsCategory } from '@tandem/nps-core';
import type { EntityManager } from 'typeorm';
import { isUniqueViolation } from '../../db/pg-errors.js';
import { badInput, conflict } from '../../graphql/errors.js';
import { suggestOnSubmit } from '../themes/suggest.service.js';
import { updateReturning } from '../invitations/invitation.service.js';
import type { WaveQuestionEntity } from '../waves/wave-question.entity.js';
import type { WaveEntity } from '../waves/wave.entity.js';
import type { RatingAnswer } from './response.entity.js';

/** Longest free-text answer, in characters. */
export const MAX_TEXT_LENGTH = 5000;
export const RATING_MIN = 1;
export const RATING_MAX = 5;

/** A respondent's answer once checked: what recordResponse writes. */
export interface ValidAnswer {
  score: number;
  category: NpsCategory;
  reason: string | null;
  suggestion: string | null;
  language: string;
  ratings: RatingAnswer[];
}

export interface AnswerInput {
  score: unknown;
  reason?: string | null;
  suggestion?: string | null;
  language?: string | null;
  ratings?: { criterion: string; value: number }[] | null;
}

/** The survey's language: the requested one if the wave has it, else the contact's, else the wave's first. */
export function surveyLanguage(wave: Pick<WaveEntity, 'languages'>, requested: string | null | undefined, contactLanguage: string | null): string {
  const has = (code: string | null | undefined): code is string => !!code && wave.languages.includes(code);
  if (has(requested)) return requested;
  if (has(contactLanguage)) return contactLanguage;
  return wave.languages[0] ?? 'en';
}

function text(field: string, value: string | null | undefined): string | null {
  const trimmed = (value ?? '').trim();
  if (trimmed.length === 0) return null;
  if ([...trimmed].length > MAX_TEXT_LENGTH) throw badInput(field, `At most ${MAX_TEXT_LENGTH.toLocaleString('en')} characters`);
  return trimmed;
}

/**
 * Checks an answer against its wave and answers the first problem with BAD_USER_INPUT naming the
 * field (input.score, input.reason, input.suggestion, input.language, input.ratings). Pure: it
 * runs before anything is written.
 */
export function validateAnswer(
  wave: Pick<WaveEntity, 'languages'>,
  questions: Pick<WaveQuestionEntity, 'kind' | 'criterion'>[],
  contactLanguage: string | null,
  input: AnswerInput,
): ValidAnswer {
  let category: NpsCategory;
  try {
    category = categorize(input.score);
  } catch (error) {
    if (error instanceof InvalidScoreError) throw badInput('input.score', 'The score must be a whole number from 0 to 10');
    throw error;
  }
  const reason = text('input.reason', input.reason);
  const suggestion = text('input.suggestion', input.suggestion);
  if (input.language !== null && input.language !== undefined && !wave.languages.includes(input.language)) {
    throw badInput('input.language', `The language must be one of this survey's: ${wave.languages.join(', ')}`);
  }
  const criteria = new Set(questions.filter((q) => q.kind === 'RATING' && q.criterion).map((q) => q.criterion!));
  const ratings: RatingAnswer[] = [];
  const seen = new Set<string>();
  for (const rating of input.ratings ?? []) {
    if (!criteria.has(rating.criterion)) {
      throw badInput(
        'input.ratings',
        criteria.size ? `Unknown criterion "${rating.criterion}"; this survey rates ${[...criteria].join(', ')}` : 'This survey has no ratings',
      );
    }
    if (!Number.isInteger(rating.value) || rating.value < RATING_MIN || rating.value > RATING_MAX) {
      throw badInput('input.ratings', `The rating of "${rating.criterion}" must be a whole number from ${RATING_MIN} to ${RATING_MAX}`);
    }
    if (seen.has(rating.criterion)) throw badInput('input.ratings', `"${rating.criterion}" is rated more than once`);
    seen.add(rating.criterion);
    ratings.push({ criterion: rating.criterion, value: rating.value });
  }
  return {
    score: input.score as number,
    category,
    reason,
    suggestion,
    language: input.language ?? surveyLanguage(wave, null, contactLanguage),
    ratings,
  };
}

/**
 * Writes one identified answer, in the caller's transaction: stores the response with a snapshot of
 * the contact's org unit, owner and segments, its theme suggestions, a follow-up for a detractor
 * (for the contact's owner, due slaHours after the answer), and spends the invitation last.
 *
 * Of two concurrent submits of one link exactly one gets through: the second waits on the unique
 * invitation_id of responses and fails there (CONFLICT, token), and the conditional UPDATE of the
 * invitation refuses a link already spent. The order matters for speed: the statements whose
 * triggers add into shared counter rows (the wave's responded count, on the invitation) come last,
 * so concurrent answers to one wave hold those row locks only briefly before the commit.
 */
export async function recordResponse(
  tx: EntityManager,
  args: {
    organizationId: string;
    wave: Pick<WaveEntity, 'id' | 'audience'>;
    invitationId: string;
    contactId: string;
    answer: ValidAnswer;
    submittedAt: Date;
    slaHours: number;
  },
): Promise<{ responseId: string; followUpId: string | null }> {
  const { organizationId, wave, answer, submittedAt } = args;
  const response: { id: string; owner_id: string | null } | undefined = await insertResponse(
    tx,
    `INSERT INTO responses (organization_id, wave_id, audience, invitation_id, contact_id, score, category, reason, suggestion,
                            language, ratings, org_unit_id, owner_id, segments, submitted_at)
     SELECT $1, $2, $3, $4, c.id, $5, $6, $7, $8, $9, $10::jsonb, c.org_unit_id, c.owner_id, c.segments, $11
       FROM contacts c
      WHERE c.id = $12 AND c.organization_id = $1
     RETURNING id, owner_id`,
    [
      organizationId,
      wave.id,
      wave.audience,
      args.invitationId,
      answer.score,
      answer.category,
      answer.reason,
      answer.suggestion,
      answer.language,
      JSON.stringify(answer.ratings),
      submittedAt,
      args.contactId,
    ],
  );
  if (!response) throw new Error(`contact ${args.contactId} of invitation ${args.invitationId} is missing`);
  await suggestOnSubmit(tx, { organizationId, answer: { responseId: response.id }, language: answer.language, texts: [answer.reason, answer.suggestion] });
  let followUpId: string | null = null;
  if (answer.category === 'DETRACTOR') {
    const dueAt = new Date(submittedAt.getTime() + args.slaHours * 3600_000);
    const [followUp]: { id: string }[] = await tx.query(
      `INSERT INTO follow_ups (organization_id, response_id, wave_id, owner_id, status, due_at, created_at)
       VALUES ($1, $2, $3, $4, 'OPEN', $5, $6)
       RETURNING id`,
      [organizationId, response.id, wave.id, response.owner_id, dueAt, submittedAt],
    );
    followUpId = followUp.id;
  }
  const spent = await updateReturning(
    tx,
    `UPDATE invitations SET status = 'RESPONDED', responded_at = $2
      WHERE id = $1 AND status <> 'RESPONDED'
      RETURNING id`,
    [args.invitationId, submittedAt],
  );
  if (spent.length === 0) throw conflict('token', ALREADY_ANSWERED);
  return { responseId: response.id, followUpId };
}

const ALREADY_ANSWERED = 'This survey has already been answered';

/** The response row; a second answer on the same invitation (a concurrent submit) is CONFLICT. */
async function insertResponse(tx: EntityManager, sql: string, params: unknown[]): Promise<{ id: string; owner_id: string | null } | undefined> {
  try {
    const [row]: { id: string; owner_id: string | null }[] = await tx.query(sql, params);
    return row;
  } catch (error) {
    if (isUniqueViolation(error, 'responses_invitation_id_key')) throw conflict('token', ALREADY_ANSWERED);
    throw error;
  }
}
