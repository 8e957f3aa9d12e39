import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import base from './vite.config';

// The respondent's light entry (survey.html → src/survey-main.ts), built on its own into the same
// dist/ after the staff app (`npm run build`): a build of its own tree-shakes Vue to what the
// respondent's pages use (a chunk shared with the staff app would carry the union of both), and
// makes one script and one stylesheet, with no module-preload polyfill.
export default defineConfig({
  ...base,
  define: {
    ...base.define,
    // The respondent's components are all <script setup>: Vue's Options API stays out of the bundle.
    __VUE_OPTIONS_API__: false,
    __VUE_PROD_DEVTOOLS__: false,
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: false,
  },
  build: {
    ...base.build,
    emptyOutDir: false,
    modulePreload: { polyfill: false },
    rollupOptions: { input: { survey: fileURLToPath(new URL('./survey.html', import.meta.url)) } },
  },
});
