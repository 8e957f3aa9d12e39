/**
 * The API's architecture, checked on every `npm test` (test/architecture.test.ts) and described in
 * docs/architecture.md. Layers, bottom to top; a module imports only its own layer or lower ones:
 *
 *   kernel     src/kernel, src/config.ts, src/logger.ts  context types, errors, batching, pagination, SQL helpers
 *   platform   src/platform/*                            mail, CSV files, jobs and events: no product knowledge
 *   identity   src/identity/*                            organizations, users, org units, auth
 *   survey     src/survey/*                              waves, contacts, employees, invitations, responses, themes, follow-ups, the respondent
 *   reporting  src/reporting/*                           the reporting base, the anonymity guard, analytics, leaderboards, awards
 *   loop       src/loop/*                                improvements
 *   overview   src/overview/*                            the board and the home page, which read everything
 *   integrations src/integrations/*                      webhooks: events out to other systems, about anything below
 *   wiring     src/graphql, src/db, src/http, src/seed, src/main.ts, src/api-main.ts, src/worker.ts, src/worker-main.ts, src/jobs.ts, src/process.ts   the only code that imports every module
 *
 * No cycles: not between files (type-only imports included: the swc parser cannot tell them apart,
 * and a type cycle is a design cycle too) and not between module folders.
 */
const LAYERS = [
  ['kernel', '^src/(kernel/|config\\.ts$|logger\\.ts$)'],
  ['platform', '^src/platform/'],
  ['identity', '^src/identity/'],
  ['survey', '^src/survey/'],
  ['reporting', '^src/reporting/'],
  ['loop', '^src/loop/'],
  ['overview', '^src/overview/'],
  ['integrations', '^src/integrations/'],
  ['wiring', '^src/(graphql|db|http|seed)/|^src/(main|api-main|worker|worker-main|jobs|process)\\.ts$'],
];

const upward = LAYERS.slice(0, -1).map(([name, path], index) => ({
  name: `layer-${name}`,
  comment: `${name} imports only itself and the layers below it (see docs/architecture.md)`,
  severity: 'error',
  from: { path },
  to: { path: LAYERS.slice(index + 1).map(([, above]) => above) },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-file-cycle',
      comment: 'A file may not reach itself through its imports',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-folder-cycle',
      comment: 'A module folder may not reach itself through the folders it imports',
      severity: 'error',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
    ...upward,
    {
      name: 'tests-stay-out',
      comment: 'Production code never imports a test file or the test harness',
      severity: 'error',
      from: { pathNot: '\\.test\\.ts$' },
      to: { path: ['\\.test\\.ts$', '^test/'] },
    },
  ],
  options: {
    parser: 'swc',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^src/db/migrations/'] },
  },
};
