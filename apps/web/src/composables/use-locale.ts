import { computed, watch, type ComputedRef } from 'vue';
import { useI18n } from 'vue-i18n';
import { LOCALES, LOCALE_STORAGE_KEY, isLocale, type Locale } from '../app/i18n';

/** Keeps <html lang> in step with the language, so screen readers and hyphenation follow it. */
export function applyDocumentLocale(locale: Locale): void {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

export interface UseLocale {
  locale: ComputedRef<Locale>;
  locales: readonly Locale[];
  setLocale(next: string): void;
}

/** The interface language: switch it, remember the choice in localStorage. */
export function useLocale(): UseLocale {
  const i18n = useI18n({ useScope: 'global' });
  return {
    locale: computed(() => (isLocale(i18n.locale.value) ? i18n.locale.value : 'en')),
    locales: LOCALES,
    setLocale(next) {
      if (!isLocale(next)) return;
      i18n.locale.value = next;
      applyDocumentLocale(next);
      try {
        localStorage.setItem(LOCALE_STORAGE_KEY, next);
      } catch {
        // Private mode or storage full: the choice lasts for this page only.
      }
    },
  };
}

/**
 * A public page (no login) speaks the language its content comes in: follow it, without saving it
 * as the visitor's choice of app language.
 */
export function useFollowedLanguage(language: () => string | null | undefined): void {
  const i18n = useI18n({ useScope: 'global' });
  watch(
    language,
    (code) => {
      if (code && isLocale(code)) {
        i18n.locale.value = code;
        applyDocumentLocale(code);
      }
    },
    { immediate: true },
  );
}
