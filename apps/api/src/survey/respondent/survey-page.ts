import type { EntityManager } from 'typeorm';
import { entityOf, preparedRows, selectColumns } from '../../kernel/prepared.js';
import { WaveQuestionEntity } from '../waves/wave-question.entity.js';
import type { WaveEntity } from '../waves/wave.entity.js';
import { publicTitleIn } from '../waves/respondent-language.js';
import { MAX_TEXT_LENGTH, RATING_MAX, RATING_MIN, surveyLanguage } from './answer.js';
import type { PublicQuestion, PublicSurvey } from './public-survey.types.js';

/**
 * The respondent's page, the same for identified and anonymous (employee) surveys: which
 * questions, in which language, and whether the wave still takes answers.
 */

export const isClosed = (wave: WaveEntity, now: Date) => wave.status !== 'OPEN' || (wave.closesAt !== null && wave.closesAt.getTime() <= now.getTime());

/** A wave's questions in order: a prepared statement, since every page view and answer asks (never inside a transaction). */
export async function questionsOf(db: EntityManager, waveId: string): Promise<WaveQuestionEntity[]> {
  const rows = await preparedRows(db, 'wave-questions', `SELECT ${selectColumns(db, WaveQuestionEntity, 'q')} FROM wave_questions q WHERE q.wave_id = $1 ORDER BY q.position`, [
    waveId,
  ]);
  return rows.map((row) => entityOf(db, WaveQuestionEntity, row, 'q'));
}

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

/** What a link shows, in the requested language when the wave has it, else the respondent's. */
export async function surveyPage(
  db: EntityManager,
  wave: WaveEntity,
  args: {
    /** The wave's questions when the caller has read them already. */
    questions?: WaveQuestionEntity[];
    requestedLanguage: string | null | undefined;
    respondentLanguage: string | null;
    alreadyAnswered: boolean;
    unsubscribed: boolean;
    /** The organization's reporting threshold, for an anonymous survey; null for identified ones. */
    anonymityThreshold: number | null;
    now: Date;
  },
): Promise<PublicSurvey> {
  const lang = surveyLanguage(wave, args.requestedLanguage, args.respondentLanguage);
  const questions = args.questions ?? (await questionsOf(db, wave.id));
  const title = publicTitleIn(wave.publicTitles, lang);
  return {
    title,
    waveName: title,
    audience: wave.audience,
    language: lang,
    languages: wave.languages,
    questions: questions.map((q) => publicQuestion(q, lang, wave.languages[0])),
    alreadyAnswered: args.alreadyAnswered,
    closed: isClosed(wave, args.now),
    closesAt: wave.closesAt,
    unsubscribed: args.unsubscribed,
    anonymous: wave.anonymous,
    anonymityThreshold: wave.anonymous ? args.anonymityThreshold : null,
  };
}
