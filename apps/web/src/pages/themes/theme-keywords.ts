// Keywords per language as the form edits them: one text per language, words separated by commas
// or new lines; the server trims, merges duplicates and refuses blank ones.

export const KEYWORD_LANGUAGES = ['en', 'pl', 'da', 'ru', 'sl'] as const;
export type KeywordLanguage = (typeof KEYWORD_LANGUAGES)[number];

export interface KeywordsEntry {
  language: string;
  words: string[];
}

/** The form's texts from the server's entries (every language present, empty when it has none). */
export function keywordTexts(entries: readonly KeywordsEntry[]): Record<KeywordLanguage, string> {
  const texts = Object.fromEntries(KEYWORD_LANGUAGES.map((l) => [l, ''])) as Record<KeywordLanguage, string>;
  for (const entry of entries) if ((KEYWORD_LANGUAGES as readonly string[]).includes(entry.language)) texts[entry.language as KeywordLanguage] = entry.words.join(', ');
  return texts;
}

/** The input's entries from the form's texts: split on commas and new lines, blanks dropped, languages without words left out. */
export function keywordEntries(texts: Record<KeywordLanguage, string>): KeywordsEntry[] {
  return KEYWORD_LANGUAGES.map((language) => ({
    language,
    words: texts[language]
      .split(/[,\n]/)
      .map((w) => w.trim())
      .filter((w) => w.length > 0),
  })).filter((e) => e.words.length > 0);
}

/** A theme as the form edits it. */
export interface EditedTheme {
  id: string;
  name: string;
  description?: string | null;
  parent?: { id: string } | null;
  keywords: KeywordsEntry[];
  nameTranslations?: { language: string; text: string }[];
  audiences?: string[];
}
