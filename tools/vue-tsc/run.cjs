#!/usr/bin/env node
// Runs vue-tsc on this package's TypeScript 5.9. vue-tsc drives TypeScript's JavaScript compiler
// API, which the repository's TypeScript 7 (native) no longer has; left to itself vue-tsc would load
// the hoisted `typescript`, 7. Arguments pass through: `tandem-vue-tsc -p tsconfig.json` (apps/web's typecheck).
const tsc = require.resolve('typescript/lib/tsc', { paths: [__dirname] });
const { version } = require(require.resolve('typescript/package.json', { paths: [__dirname] }));
if (!version.startsWith('5.')) throw new Error(`vue-tsc needs TypeScript 5, ${tsc} is ${version}`);
require(require.resolve('vue-tsc', { paths: [__dirname] })).run(tsc);
