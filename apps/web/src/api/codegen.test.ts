// @vitest-environment node
import { readFile, readdir } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import type { DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import config from '../../codegen';

// The typed operations in src/gql are generated from the API's committed SDL and the operations
// in src; they are committed too. Generate them again in memory (nothing is written) and compare:
// a changed schema or operation without `npm run codegen -w @tandem/web` fails here.

const webRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const gqlDir = join(webRoot, 'src/gql');

describe('src/gql', () => {
  it('is what graphql-codegen generates from apps/api/schema.graphql and the operations in src', async () => {
    const outputs: { filename: string; content: string }[] = await generate({ ...config, cwd: webRoot, silent: true }, false);
    const generated = new Map(outputs.map((o) => [relative(webRoot, resolve(webRoot, o.filename)), o.content]));
    const committed = new Map<string, string>();
    for (const name of await readdir(gqlDir)) committed.set(relative(webRoot, join(gqlDir, name)), await readFile(join(gqlDir, name), 'utf8'));

    const hint = 'src/gql is stale: run `npm run codegen -w @tandem/web` and commit the result';
    expect([...committed.keys()].sort(), hint).toEqual([...generated.keys()].sort());
    // One line per stale file, at its first difference (the whole files would drown the message).
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
});

describe('the operations in src/gql', () => {
  it('are valid against apps/api/schema.graphql as Apollo sends them (client directives such as @unmask removed)', async () => {
    const { buildSchema, validate } = await import('graphql');
    const { removeDirectivesFromDocument } = await import('@apollo/client/utilities');
    const documents = await import('../gql/graphql');
    const schema = buildSchema(await readFile(join(webRoot, '../api/schema.graphql'), 'utf8'));
    const operations = Object.entries(documents).filter(([name, value]) => name.endsWith('Document') && typeof value === 'object');
    expect(operations.length).toBeGreaterThan(50);
    const errors = operations.flatMap(([name, document]) => {
      const sent = removeDirectivesFromDocument([{ name: 'client', remove: true }, { name: 'connection' }, { name: 'nonreactive' }, { name: 'unmask' }], document as DocumentNode);
      return sent ? validate(schema, sent).map((error) => `${name}: ${error.message}`) : [`${name}: nothing left to send`];
    });
    expect(errors).toEqual([]);
  });
});
