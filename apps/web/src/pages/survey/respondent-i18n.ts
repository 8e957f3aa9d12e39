import { inject, ref, watch, type App, type InjectionKey, type Ref } from 'vue';

// The respondent's page speaks through this small translator instead of vue-i18n: its messages are
// a handful of plain texts with {named} values (no plurals, no linked messages), and a phone on a
// slow network should not download a message compiler for them. The texts are the app's own
// (src/locales/*.json), picked at build time for the respondent's keys (vite.config.ts).

export type MessageTree = { [key: string]: string | MessageTree };

export interface RespondentI18n {
  /** The language the page speaks now. */
  readonly locale: Ref<string>;
  /** The message at a dotted key with its {named} values filled in; the English one when the language lacks it; else the key. */
  t(key: string, named?: Record<string, unknown>, options?: { locale?: string }): string;
  /** True when the current language has a message at the key. */
  te(key: string): boolean;
  /** True when the page has messages in that language. */
  has(locale: string): boolean;
  install(app: App): void;
}

const I18N: InjectionKey<RespondentI18n> = Symbol('respondent-i18n');
const FALLBACK = 'en';

function lookup(tree: MessageTree | undefined, key: string): string | undefined {
  let node: string | MessageTree | undefined = tree;
  for (const part of key.split('.')) {
    if (!node || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export function createRespondentI18n(messages: Record<string, MessageTree>, locale: string = FALLBACK): RespondentI18n {
  const current = ref(locale in messages ? locale : FALLBACK);
  const i18n: RespondentI18n = {
    locale: current,
    t(key, named = {}, options = {}) {
      const text = lookup(messages[options.locale ?? current.value], key) ?? lookup(messages[FALLBACK], key);
      if (text === undefined) return key;
      return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in named ? String(named[name]) : whole));
    },
    te: (key) => lookup(messages[current.value], key) !== undefined,
    has: (code) => code in messages,
    install(app) {
      app.provide(I18N, i18n);
    },
  };
  return i18n;
}

export function useRespondentI18n(): RespondentI18n {
  const i18n = inject(I18N);
  if (!i18n) throw new Error('createRespondentI18n() is not installed');
  return i18n;
}

/** The page speaks the language its content comes in (and <html lang> says so), without saving it anywhere. */
export function useFollowedLanguage(language: () => string | null | undefined): void {
  const i18n = useRespondentI18n();
  watch(
    language,
    (code) => {
      if (code && i18n.has(code)) {
        i18n.locale.value = code;
        if (typeof document !== 'undefined') document.documentElement.lang = code;
      }
    },
    { immediate: true },
  );
}

/** The browser's first language the page has, else English: what "Loading…" is said in. */
export function browserLocale(messages: Record<string, MessageTree>, languages: readonly string[]): string {
  for (const tag of languages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary in messages) return primary;
  }
  return FALLBACK;
}
