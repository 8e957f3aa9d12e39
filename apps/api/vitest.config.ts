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
  },
});
