/// <reference types="vite/client" />

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}

/** The respondent's messages in every language, picked at build time from src/locales (vite.config.ts). */
declare module 'virtual:respondent-messages' {
  import type { MessageTree } from './pages/survey/respondent-i18n';
  const messages: Record<string, MessageTree>;
  export default messages;
}
