import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import vue from '@vitejs/plugin-vue';

const api = 'http://127.0.0.1:4000';
const root = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/** The respondent's pages: what the light entry (survey.html) serves, in dev as the API server does in production. */
const RESPONDENT_PATH = /^\/(?:s|unsubscribe)\/[^/?#]+/;

/** The messages the respondent's pages use, in every language; everything else in src/locales stays out of their bundle. */
const RESPONDENT_KEYS = ['survey', 'unsubscribe', 'language', 'common.loading', 'common.saving', 'errors'];
const RESPONDENT_LEFT_OUT = ['errors.reasons', 'errors.line'];
const LOCALES = ['en', 'pl', 'da', 'ru', 'sl'];
type Tree = { [key: string]: string | Tree };

function pick(tree: Tree, prefix = ''): Tree {
  const out: Tree = {};
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix + key;
    if (RESPONDENT_LEFT_OUT.includes(path)) continue;
    const inside = RESPONDENT_KEYS.some((k) => path === k || path.startsWith(`${k}.`));
    const above = RESPONDENT_KEYS.some((k) => k.startsWith(`${path}.`));
    if (typeof value === 'string') {
      if (inside) out[key] = value;
    } else if (inside || above) out[key] = pick(value, `${path}.`);
  }
  return out;
}

/** `virtual:respondent-messages`: the respondent's messages, { en: {...}, pl: {...}, ... }. */
function respondentMessages(): Plugin {
  const id = 'virtual:respondent-messages';
  return {
    name: 'tandem-respondent-messages',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load(resolved) {
      if (resolved !== `\0${id}`) return null;
      const messages: Record<string, Tree> = {};
      for (const code of LOCALES) {
        const file = root(`./src/locales/${code}.json`);
        this.addWatchFile(file);
        messages[code] = pick(JSON.parse(readFileSync(file, 'utf8')) as Tree);
      }
      return `export default ${JSON.stringify(messages)};`;
    },
  };
}

/** In dev, the respondent's paths get survey.html, as the API server answers them in production. */
function respondentPages(): Plugin {
  return {
    name: 'tandem-respondent-pages',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.method === 'GET' && req.url && RESPONDENT_PATH.test(req.url)) req.url = '/survey.html';
        next();
      });
    },
  };
}

export default defineConfig({
  plugins: [vue(), respondentMessages(), respondentPages()],
  define: {
    // vue-i18n feature flags: Composition API only, no devtools in production.
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  server: {
    proxy: {
      '/graphql': { target: api, ws: true },
      '/uploads': api,
      '/healthz': api,
      '/readyz': api,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The staff app; the respondent's light entry (survey.html) is built on its own, after it
    // (vite.survey.config.ts), so that nothing the staff app uses ends up in the respondent's files.
    rollupOptions: { input: { main: root('./index.html') } },
  },
});
