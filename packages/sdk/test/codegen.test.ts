import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../codegen.js';

// src/gql is generated from apps/api/schema.graphql and src/operations, and committed. Generate it
// again in memory (nothing is written) and compare: a changed schema or operation without
// `npm run codegen -w @tandem/sdk` fails here.

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const gqlDir = join(root, 'src/gql');

describe('src/gql', () => {
  it('is what graphql-codegen generates from apps/api/schema.graphql and src/operations', async () => {
    const outputs: { filename: string; content: string }[] = await generate({ ...config, cwd: root, silent: true }, false);
    const generated = new Map(outputs.map((o) => [relative(root, resolve(root, o.filename)), o.content]));
    const committed = new Map<string, string>();
    for (const name of await readdir(gqlDir)) committed.set(relative(root, join(gqlDir, name)), await readFile(join(gqlDir, name), 'utf8'));

    const hint = 'src/gql is stale: run `npm run codegen -w @tandem/sdk` and commit the result';
    expect([...committed.keys()].sort(), hint).toEqual([...generated.keys()].sort());
    const stale = [...generated].flatMap(([file, content]) => {
      const was = committed.get(file)?.split('\n') ?? [];
      const now = content.split('\n');
      const line = now.findIndex((text, i) => text !== was[i]);
      if (line === -1 && was.length === now.length) return [];
      const at = line === -1 ? now.length : line;
      return [`${file}:${at + 1} committed ${JSON.stringify(was[at] ?? '<end>')}, generated ${JSON.stringify(now[at] ?? '<end>')}`];
    });
    expect(stale, hint).toEqual([]);
  }, 60_000);

  it('holds every operation as the complete text the server validates (fragments included)', async () => {
    const { buildSchema, parse, validate } = await import('graphql');
    const documents = await import('../src/gql/graphql.js');
    const schema = buildSchema(await readFile(join(root, '../../apps/api/schema.graphql'), 'utf8'));
    const operations = Object.entries(documents).filter(([name]) => name.endsWith('Document'));
    expect(operations.length).toBeGreaterThan(15);
    const errors = operations.flatMap(([name, document]) => validate(schema, parse(String(document))).map((error) => `${name}: ${error.message}`));
    expect(errors).toEqual([]);
  });
});
