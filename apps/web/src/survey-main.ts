import { createApp, h } from 'vue';
import messages from 'virtual:respondent-messages';
import { browserLocale, createRespondentI18n } from './pages/survey/respondent-i18n';
import SurveyPage from './pages/survey/SurveyPage.vue';
import UnsubscribePage from './pages/survey/UnsubscribePage.vue';
import './styles/tokens.css';
import './styles/base.css';
import './styles/components.css';

// The respondent's light entry (survey.html): what a survey mail's links open on a phone, and
// nothing of the staff app: no router, no Apollo client, no vue-i18n; only the respondent's
// messages in the five languages. The server serves this page for /s/<token> and
// /unsubscribe/<token> (apps/api/src/http/static-assets.ts).

const [, page, token = ''] = /^\/(s|unsubscribe)\/([^/?#]+)/.exec(window.location.pathname) ?? [];
const i18n = createRespondentI18n(messages, browserLocale(messages, navigator.languages ?? [navigator.language]));

createApp({ render: () => h(page === 'unsubscribe' ? UnsubscribePage : SurveyPage, { token: decodeURIComponent(token) }) })
  .use(i18n)
  .mount('#app');
