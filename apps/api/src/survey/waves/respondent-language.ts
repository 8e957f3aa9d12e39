/**
 * The one rule for what language a respondent reads (PRODUCT.md section 3): the person's own
 * language when the wave runs in it, else the wave's first language. Mail, survey page, thank-you,
 * unsubscribe and "you said, we did" pages all call this, so one person never sees two languages.
 */
export function respondentLanguage(waveLanguages: readonly string[], personLanguage: string | null | undefined): string {
  const own = (personLanguage ?? '').trim().toLowerCase();
  if (own && waveLanguages.includes(own)) return own;
  const primary = own.slice(0, 2);
  if (primary && waveLanguages.includes(primary)) return primary;
  return waveLanguages[0] ?? 'en';
}

/** The title a respondent sees when the wave has none in their language: neutral, never the internal wave name. */
export const DEFAULT_PUBLIC_TITLE: Record<string, string> = {
  en: 'Feedback survey',
  pl: 'Ankieta opinii',
  da: 'Feedbackundersøgelse',
  ru: 'Опрос мнений',
  sl: 'Anketa o mnenju',
};

/** The wave's public title in the language, else the neutral default in that language (English when we have none). */
export function publicTitleIn(titles: Record<string, string> | null | undefined, language: string): string {
  const own = titles?.[language]?.trim();
  return own || DEFAULT_PUBLIC_TITLE[language] || DEFAULT_PUBLIC_TITLE.en;
}

/** A translated text in the language, falling back to the original. */
export function translatedIn(original: string, translations: Record<string, string> | null | undefined, language: string | null | undefined): string {
  return (language && translations?.[language]?.trim()) || original;
}

/** The five languages respondents and users read. */
export const TEXT_LANGUAGES = ['en', 'pl', 'da', 'ru', 'sl'] as const;

/**
 * Translations of one text as given ({ language, text } rows): known languages once each, at most
 * `max` characters; a blank text drops that language. BAD_USER_INPUT (via `fail`) names the field.
 */
export function validTranslations(
  rows: readonly { language: string; text: string }[],
  max: number,
  fail: (message: string) => Error,
): Record<string, string> {
  const result: Record<string, string> = {};
  const seen = new Set<string>();
  for (const row of rows) {
    const language = row.language.trim().toLowerCase();
    if (!(TEXT_LANGUAGES as readonly string[]).includes(language)) throw fail(`Unknown language "${row.language}"; use ${TEXT_LANGUAGES.join(', ')}`);
    if (seen.has(language)) throw fail(`Language "${language}" is listed twice`);
    seen.add(language);
    const text = row.text.trim();
    if ([...text].length > max) throw fail(`The text in "${language}" must be at most ${max} characters`);
    if (text) result[language] = text;
  }
  return result;
}
