import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // type-graphql is CommonJS and loads graphql's CJS build; point every import at the same
    // file so there is one graphql realm (otherwise "Cannot use GraphQLObjectType from another realm").
    alias: { graphql: require.resolve('graphql') },
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two files at a time even on two cores: a file spends most of its time waiting for the
    // database, its server or a job's timer, not computing.
    maxWorkers: 2,
    // A worker keeps the modules it loaded from one file to the next: each file builds its own
    // server, schema and database from them, and reloading the app for every file cost more than
    // the tests (PostgreSQL 500 → 320 s, embedded 600 → 330 s on two cores). A file that changes
    // module state (process.env, mocks, timers) puts it back in its own hooks.
    isolate: false,
  },
});
