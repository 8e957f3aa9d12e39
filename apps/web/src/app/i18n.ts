import { createI18n, type PluralizationRule } from 'vue-i18n';
import en from '../locales/en.json';
import pl from '../locales/pl.json';
import da from '../locales/da.json';
import ru from '../locales/ru.json';
import sl from '../locales/sl.json';

export const LOCALES = ['en', 'pl', 'da', 'ru', 'sl'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';
export const LOCALE_STORAGE_KEY = 'tandem.locale';

export type MessageSchema = typeof en;
export const messages: Record<Locale, MessageSchema> = { en, pl, da, ru, sl };

export const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

/** The saved choice, else the first browser language we ship, else English. */
export function detectLocale(
  saved: string | null,
  browserLanguages: readonly string[] = [],
): Locale {
  if (isLocale(saved)) return saved;
  for (const tag of browserLanguages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLocale(primary)) return primary;
  }
  return DEFAULT_LOCALE;
}

/**
 * Plural forms from Intl.PluralRules. A message with plural forms lists them
 * in the order of `PLURAL_CATEGORIES[locale]`, separated by `|`, e.g. in ru:
 * "{n} подразделение | {n} подразделения | {n} подразделений | {n} подразделения".
 */
export const PLURAL_CATEGORIES: Record<Locale, readonly Intl.LDMLPluralRule[]> = {
  en: ['one', 'other'],
  da: ['one', 'other'],
  pl: ['one', 'few', 'many', 'other'],
  ru: ['one', 'few', 'many', 'other'],
  sl: ['one', 'two', 'few', 'other'],
};

function pluralRule(locale: Locale): PluralizationRule {
  const rules = new Intl.PluralRules(locale);
  const order = PLURAL_CATEGORIES[locale];
  return (choice, choicesLength) => {
    const index = order.indexOf(rules.select(choice));
    const fallback = order.indexOf('other');
    return Math.min(index >= 0 ? index : fallback, choicesLength - 1);
  };
}

function readSavedLocale(): string | null {
  try {
    return typeof localStorage !== 'undefined' ? localStorage.getItem(LOCALE_STORAGE_KEY) : null;
  } catch {
    return null;
  }
}

export function createAppI18n(locale: Locale = detectLocale(readSavedLocale(), typeof navigator !== 'undefined' ? navigator.languages ?? [navigator.language] : [])) {
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: DEFAULT_LOCALE,
    messages,
    pluralRules: Object.fromEntries(LOCALES.map((code) => [code, pluralRule(code)])),
    missingWarn: import.meta.env.DEV,
    fallbackWarn: import.meta.env.DEV,
  });
}
