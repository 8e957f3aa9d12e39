// Runs vue-tsc on TypeScript 5.9 (the devDependency alias `typescript5`). vue-tsc drives TypeScript's
// JavaScript compiler API, which the repository's TypeScript 7 (native) no longer has, and left to
// itself it would load the hoisted `typescript` (7). Arguments pass through: `node scripts/vue-tsc.cjs -p tsconfig.json`.
const tsc = require.resolve('typescript5/lib/tsc');
const { version } = require('typescript5/package.json');
if (!version.startsWith('5.')) throw new Error(`vue-tsc needs TypeScript 5, typescript5 is ${version}`);
require('vue-tsc').run(tsc);
