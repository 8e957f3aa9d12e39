import { categorize, InvalidScoreError, type NpsCategory } from '@tandem/nps-core';
import { badInput } from '../../kernel/errors.js';
import type { WaveQuestionEntity } from '../waves/wave-question.entity.js';
import type { WaveEntity } from '../waves/wave.entity.js';
import { respondentLanguage } from '../waves/respondent-language.js';
import type { RatingAnswer } from '../responses/response.entity.js';

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

/**
 * The survey's language: the one the respondent switched to on the page when the wave has it,
 * else the one rule of respondentLanguage (the contact's if the wave has it, else the wave's first).
 */
export function surveyLanguage(wave: Pick<WaveEntity, 'languages'>, requested: string | null | undefined, contactLanguage: string | null): string {
  if (requested && wave.languages.includes(requested)) return requested;
  return respondentLanguage(wave.languages, contactLanguage);
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
