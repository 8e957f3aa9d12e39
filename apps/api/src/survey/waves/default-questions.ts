import type { QuestionKind } from './wave-question.entity.js';
import type { Audience } from './wave.entity.js';

/** The languages a wave can be run in, in display order; a wave without a list gets all of them. */
export const WAVE_LANGUAGES = ['en', 'pl', 'da', 'ru', 'sl'] as const;
export type WaveLanguage = (typeof WAVE_LANGUAGES)[number];

export const isWaveLanguage = (value: string): value is WaveLanguage => (WAVE_LANGUAGES as readonly string[]).includes(value);

type Texts = Record<WaveLanguage, string>;

/** Likelihood to recommend (0–10), asked of customers, candidates and associates. */
const RECOMMEND: Texts = {
  en: 'How likely is it that you would recommend us to a friend or colleague?',
  pl: 'Jak prawdopodobne jest, że polecisz nas znajomemu lub współpracownikowi?',
  da: 'Hvor sandsynligt er det, at du vil anbefale os til en ven eller kollega?',
  ru: 'Насколько вероятно, что вы порекомендуете нас другу или коллеге?',
  sl: 'Kako verjetno je, da bi nas priporočili prijatelju ali sodelavcu?',
};

/** Likelihood to recommend (0–10) as an employer, asked of employees (eNPS). */
const RECOMMEND_AS_EMPLOYER: Texts = {
  en: 'How likely is it that you would recommend us as a place to work?',
  pl: 'Jak prawdopodobne jest, że polecisz nas jako miejsce pracy?',
  da: 'Hvor sandsynligt er det, at du vil anbefale os som arbejdsplads?',
  ru: 'Насколько вероятно, что вы порекомендуете нас как место работы?',
  sl: 'Kako verjetno je, da bi nas priporočili kot delodajalca?',
};

const REASON: Texts = {
  en: 'What is the main reason for your score?',
  pl: 'Jaki jest główny powód Twojej oceny?',
  da: 'Hvad er hovedårsagen til din bedømmelse?',
  ru: 'Какова основная причина вашей оценки?',
  sl: 'Kaj je glavni razlog za vašo oceno?',
};

const SUGGESTION: Texts = {
  en: 'What could we do better?',
  pl: 'Co moglibyśmy robić lepiej?',
  da: 'Hvad kunne vi gøre bedre?',
  ru: 'Что мы могли бы делать лучше?',
  sl: 'Kaj bi lahko naredili bolje?',
};

export interface DefaultQuestion {
  kind: Exclude<QuestionKind, 'RATING'>;
  texts: Texts;
}

/** The standard questions every wave starts with, in order: the 0–10 question, then the two free texts. */
export function defaultQuestions(audience: Audience): DefaultQuestion[] {
  return [
    { kind: 'NPS', texts: audience === 'EMPLOYEE' ? RECOMMEND_AS_EMPLOYER : RECOMMEND },
    { kind: 'REASON', texts: REASON },
    { kind: 'SUGGESTION', texts: SUGGESTION },
  ];
}

/** The texts of the given languages only. */
export function textsIn(texts: Texts, languages: readonly WaveLanguage[]): Record<string, string> {
  return Object.fromEntries(languages.map((language) => [language, texts[language]]));
}
