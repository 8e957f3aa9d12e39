import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildTandemSchema, printSdl } from './schema.js';

/** npm run schema: writes the SDL the code serves to apps/api/schema.graphql. */
const target = fileURLToPath(new URL('../../schema.graphql', import.meta.url));
writeFileSync(target, printSdl(await buildTandemSchema()));
console.log(`wrote ${target}`);
