import { useI18n } from 'vue-i18n';

/** One translation of a text the organization wrote (a theme name, an improvement title). */
export interface Translation {
  language: string;
  text: string;
}

/** The text in the language when it was translated (and not blank), else the original. */
export function localized(original: string, translations: readonly Translation[] | null | undefined, language: string): string {
  const own = translations?.find((entry) => entry.language === language)?.text.trim();
  return own || original;
}

/** Theme names and improvement titles in the interface language, falling back to the original. */
export function useLocalized(): (original: string, translations: readonly Translation[] | null | undefined) => string {
  const { locale } = useI18n({ useScope: 'global' });
  return (original, translations) => localized(original, translations, locale.value);
}
