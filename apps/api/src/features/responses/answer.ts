import { categorize, InvalidScoreError, type NpsCategory } from '@tandem/nps-core';
import type { EntityManager } from 'typeorm';
import { isUniqueViolation } from '../../db/pg-errors.js';
import { badInput, conflict } from '../../graphql/errors.js';
import type { MatchableTheme } from '../themes/matcher.js';
import { suggestedThemeIds } from '../themes/suggest.service.js';
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
 * Writes one identified answer as ONE statement, in the caller's transaction or on its own: spends
 * the invitation, stores the response with a snapshot of the contact's org unit, owner and
 * segments, its theme suggestions, and for a detractor a follow-up for the contact's owner, due
 * slaHours after the answer. A single statement is atomic without a transaction around it, so an
 * answer costs one round trip to the database instead of seven (on a machine where every system
 * call is slow, the round trips were what limited answers per second).
 *
 * Of two concurrent submits of one link exactly one gets through: the second waits on the row lock
 * of the first's invitation UPDATE, then finds it RESPONDED and inserts nothing (CONFLICT, token);
 * the unique invitation_id of responses stands behind it. The triggers that add into shared counter
 * rows run at the end of the statement, so those row locks are held only until its commit.
 */
export async function recordResponse(
  db: EntityManager,
  args: {
    organizationId: string;
    wave: Pick<WaveEntity, 'id' | 'audience'>;
    invitationId: string;
    contactId: string;
    answer: ValidAnswer;
    submittedAt: Date;
    slaHours: number;
    /** The organization's theme catalogue when the caller has read it already. */
    themes?: readonly MatchableTheme[];
  },
): Promise<{ responseId: string; followUpId: string | null }> {
  const { organizationId, wave, answer, submittedAt } = args;
  const themeIds = await suggestedThemeIds(db, organizationId, answer.language, [answer.reason, answer.suggestion], args.themes);
  const dueAt = new Date(submittedAt.getTime() + args.slaHours * 3600_000);
  const rows: { response_id: string; follow_up_id: string | null }[] = await refusingASecondAnswer(() =>
    db.query(
      `WITH spent AS (
         UPDATE invitations SET status = 'RESPONDED', responded_at = $11
          WHERE id = $4 AND organization_id = $1 AND status <> 'RESPONDED'
          RETURNING id
       ), response AS (
         INSERT INTO responses (organization_id, wave_id, audience, invitation_id, contact_id, score, category, reason, suggestion,
                                language, ratings, org_unit_id, owner_id, segments, submitted_at)
         SELECT $1, $2, $3, spent.id, c.id, $5, $6, $7, $8, $9, $10::jsonb, c.org_unit_id, c.owner_id, c.segments, $11
           FROM spent JOIN contacts c ON c.id = $12 AND c.organization_id = $1
         RETURNING id, owner_id
       ), suggested AS (
         INSERT INTO response_themes (response_id, theme_id, organization_id, status)
         SELECT response.id, t, $1, 'SUGGESTED' FROM response, unnest($13::uuid[]) AS t
         ON CONFLICT DO NOTHING
       ), follow_up AS (
         INSERT INTO follow_ups (organization_id, response_id, wave_id, owner_id, status, due_at, created_at)
         SELECT $1, response.id, $2, response.owner_id, 'OPEN', $14, $11 FROM response WHERE $6 = 'DETRACTOR'
         RETURNING id
       )
       SELECT response.id AS response_id, (SELECT id FROM follow_up) AS follow_up_id FROM response`,
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
        themeIds,
        dueAt,
      ],
    ),
  );
  // Nothing was written: the link was spent already.
  if (rows.length === 0) throw conflict('token', ALREADY_ANSWERED);
  return { responseId: rows[0].response_id, followUpId: rows[0].follow_up_id };
}

const ALREADY_ANSWERED = 'This survey has already been answered';

/** A second answer on the same invitation that got past the spent check anyway is CONFLICT too. */
async function refusingASecondAnswer<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error, 'responses_invitation_id_key')) throw conflict('token', ALREADY_ANSWERED);
    throw error;
  }
}
