import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed operations for the web app, generated from the API's committed SDL.
// Run `npm run codegen -w @tandem/web` after the schema or an operation changes;
// the output in src/gql/ is committed.
const config: CodegenConfig = {
  schema: process.env.TANDEM_SCHEMA ?? '../api/schema.graphql',
  documents: ['src/**/*.{ts,vue}', '!src/gql/**', '!src/**/*.test.ts'],
  ignoreNoDocuments: true,
  generates: {
    './src/gql/': {
      preset: 'client',
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', Date: 'string' },
        // `...Fragment @unmask` keeps a shared fragment's fields in the operation's own type
        // (src/api/fragments.ts); Apollo strips the directive before sending.
        customDirectives: { apolloUnmask: true },
      },
      presetConfig: { fragmentMasking: { unmaskFunctionName: 'useFragment' } },
    },
  },
};

export default config;
