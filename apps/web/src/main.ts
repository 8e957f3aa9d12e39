import { createApp, h, provide } from 'vue';
import { DefaultApolloClient } from '@vue/apollo-composable';
import App from './App.vue';
import { createApolloClient } from './api/apollo';
import { createAppI18n, type Locale } from './app/i18n';
import { createAppRouter } from './app/router';
import { useAuth } from './composables/use-auth';
import { applyDocumentLocale } from './composables/use-locale';
// Shared styles in cascade order; each page imports its own (src/pages/**/*.css) and loads it with its route.
import './styles/tokens.css';
import './styles/base.css';
import './styles/components.css';

const auth = useAuth();
const apollo = createApolloClient(auth);
auth.onSessionEnd(() => void apollo.clearStore());

// Restore the session (stored refresh token → new tokens → me) before the first route resolves.
const ready = auth.restore();
const router = createAppRouter(auth, ready);
const i18n = createAppI18n();
applyDocumentLocale(i18n.global.locale.value as Locale);

createApp({
  setup() {
    provide(DefaultApolloClient, apollo);
    return () => h(App);
  },
})
  .use(i18n)
  .use(router)
  .mount('#app');
