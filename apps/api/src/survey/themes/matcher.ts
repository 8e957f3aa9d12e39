import { StemmerDa } from '@nlpjs/lang-da';
import { StemmerEn } from '@nlpjs/lang-en-min';
import { StemmerPl } from '@nlpjs/lang-pl';
import { StemmerRu } from '@nlpjs/lang-ru';
import { StemmerSl } from '@nlpjs/lang-sl';
import { isThemeLanguage, type ThemeKeywordMap, type ThemeLanguage } from './theme.entity.js';

/**
 * The theme matcher: which themes a comment mentions, by the themes' keywords in the comment's
 * language. Pure and synchronous (no I/O), so suggestions are computed the same way on submit,
 * by suggestThemes and by the seed.
 *
 * Words are reduced to comparable forms in three steps:
 *  1. nlp.js's stemmer for the language (Porter/Snowball-style rules for en, da, ru; nlp.js's own
 *     for pl and sl) tokenizes and stems the lower-cased text;
 *  2. each stem loses its diacritics (NFD marks, ł → l, ё → е) and its trailing vowels (while it
 *     keeps at least 3 letters): the pl and sl stemmers leave short nouns alone ("cena", "ceny",
 *     "cenę" → "cen"), and a respondent who types without diacritics ("cene", "racun") still matches;
 *  3. two stems match when equal, or when both have at least PREFIX_MIN letters and one begins with
 *     the other: the sl stemmer cuts "skrbnika" to "skrbn" but leaves "skrbnik", and Danish
 *     compounds ("kundeservicemedarbejder") begin with their keyword ("kundeservice").
 * A keyword of several words matches the same stems in consecutive positions.
 *
 * What does not match (see matcher.test.ts): irregular and suppletive forms ("paid" for "pay",
 * pl "ludzie" for "człowiek"), synonyms the catalogue does not list, compounds whose first part
 * is shorter than PREFIX_MIN letters, and words split by other words inside a multi-word keyword
 * ("manager of my account" for "account manager"). Languages other than en, pl, da, ru and sl get
 * no suggestions.
 */

export const PREFIX_MIN = 5;

const STEMMERS: Record<ThemeLanguage, { tokenizeAndStem(text: string, keepStops?: boolean): string[] }> = {
  en: new StemmerEn(),
  pl: new StemmerPl(),
  da: new StemmerDa(),
  ru: new StemmerRu(),
  sl: new StemmerSl(),
};

const VOWELS = /[aeiouyаеиоуыэюяь]+$/u;

/** A stem without diacritics and trailing vowels (step 2). */
export function normalizeStem(stem: string): string {
  let s = stem.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l').replace(/ё/g, 'е');
  s = s.replace(/[^\p{L}\p{N}]/gu, '');
  while (s.length > 3 && VOWELS.test(s.slice(-1))) s = s.slice(0, -1);
  return s;
}

/** The comparable forms of a text's words, in order (steps 1 and 2). */
export function stemsOf(text: string, language: ThemeLanguage): string[] {
  const lower = text.toLowerCase();
  // The stemmers expect letters; other characters only separate words.
  const cleaned = lower.replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ').trim();
  if (!cleaned) return [];
  return STEMMERS[language]
    .tokenizeAndStem(cleaned, false)
    .map(normalizeStem)
    .filter((s) => s.length > 0);
}

/** Step 3: do two normalized stems name the same word? */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < PREFIX_MIN || b.length < PREFIX_MIN) return false;
  return a.startsWith(b) || b.startsWith(a);
}

export interface MatchableTheme {
  id: string;
  keywords: ThemeKeywordMap;
}

/** Themes with their keywords of one language stemmed once, for matching many comments. */
export interface CompiledThemes {
  language: ThemeLanguage;
  themes: { id: string; phrases: string[][] }[];
}

export function compileThemes(themes: readonly MatchableTheme[], language: string): CompiledThemes | null {
  if (!isThemeLanguage(language)) return null;
  return {
    language,
    themes: themes
      .map((t) => ({
        id: t.id,
        phrases: (t.keywords[language] ?? []).map((k) => stemsOf(k, language)).filter((p) => p.length > 0),
      }))
      .filter((t) => t.phrases.length > 0),
  };
}

function contains(words: readonly string[], phrase: readonly string[]): boolean {
  for (let i = 0; i + phrase.length <= words.length; i++) {
    if (phrase.every((p, j) => sameWord(words[i + j], p))) return true;
  }
  return false;
}

/** The ids of the compiled themes the texts mention, in catalogue order, each once. */
export function matchCompiled(compiled: CompiledThemes | null, texts: readonly (string | null | undefined)[]): string[] {
  if (!compiled) return [];
  const words = texts.filter((t): t is string => !!t && t.trim().length > 0).map((t) => stemsOf(t, compiled.language));
  if (words.length === 0) return [];
  return compiled.themes.filter((t) => t.phrases.some((p) => words.some((w) => contains(w, p)))).map((t) => t.id);
}

/** The ids of the themes a comment (its reason and suggestion) mentions, in its language. */
export function matchThemes(themes: readonly MatchableTheme[], language: string, texts: readonly (string | null | undefined)[]): string[] {
  return matchCompiled(compileThemes(themes, language), texts);
}
