import type { ResponseInput } from '../../gql/graphql';

/** What the respondent's page shows. */
export type SurveyOutcome = 'loading' | 'unknown' | 'answered' | 'closed' | 'form';

/**
 * From what surveyByToken answered: undefined while nothing has loaded yet, null for a link the
 * server does not know. An answered link says so even when the wave has closed since.
 */
export function surveyOutcome(
  survey: { alreadyAnswered: boolean; closed: boolean } | null | undefined,
  loading: boolean,
): SurveyOutcome {
  if (survey === undefined || (survey === null && loading)) return loading ? 'loading' : 'unknown';
  if (survey === null) return 'unknown';
  if (survey.alreadyAnswered) return 'answered';
  if (survey.closed) return 'closed';
  return 'form';
}

export interface SurveyAnswers {
  score: number | null;
  reason: string;
  suggestion: string;
  /** By criterion; null or missing when not answered. */
  ratings: Record<string, number | null | undefined>;
}

/** The submitResponse input: empty texts left out, only the ratings given, for the wave's criteria. */
export function answerInput(
  answers: SurveyAnswers,
  language: string,
  ratingQuestions: readonly { criterion?: string | null }[],
): ResponseInput {
  if (answers.score === null) throw new Error('answerInput needs a score');
  const text = (value: string) => (value.trim() ? value.trim() : null);
  const ratings = ratingQuestions.flatMap((question) => {
    const value = question.criterion ? answers.ratings[question.criterion] : null;
    return question.criterion && typeof value === 'number' ? [{ criterion: question.criterion, value }] : [];
  });
  return {
    score: answers.score,
    reason: text(answers.reason),
    suggestion: text(answers.suggestion),
    language,
    ...(ratings.length ? { ratings } : {}),
  };
}
