import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getMetadataStorage } from 'type-graphql';
import { buildTandemSchema, printSdl } from '../src/graphql/schema.js';
import { SCOPES } from '../src/kernel/policies.js';

describe('the GraphQL schema', () => {
  it('matches the committed apps/api/schema.graphql (run `npm run schema` after changing it)', async () => {
    const committed = readFileSync(fileURLToPath(new URL('../schema.graphql', import.meta.url)), 'utf8');
    expect(printSdl(await buildTandemSchema())).toBe(committed);
  });

  it('declares who may call every query and mutation', async () => {
    // ...and every subscription (kept under the same name, so the snapshot keeps its key).
    const schema = await buildTandemSchema();
    const storage = getMetadataStorage();
    const rules = new Map<string, string[]>();
    for (const a of storage.authorizedFields) rules.set(`${a.target.name}.${a.fieldName}`, a.roles as string[]);
    const declared: Record<string, string> = {};
    const undeclared: string[] = [];
    const roots = [...storage.queries, ...storage.mutations, ...storage.subscriptions];
    const handlersOf = { Query: storage.queries, Mutation: storage.mutations, Subscription: storage.subscriptions };
    for (const [kind, type] of [['Query', schema.getQueryType()], ['Mutation', schema.getMutationType()], ['Subscription', schema.getSubscriptionType()]] as const) {
      for (const field of Object.keys(type?.getFields() ?? {}).sort()) {
        const handler = roots.find((h) => h.schemaName === field && (handlersOf[kind] as readonly object[]).includes(h));
        const rule = handler && rules.get(`${handler.target.name}.${handler.methodName}`);
        if (!rule) undeclared.push(`${kind}.${field}`);
        else declared[`${kind}.${field}`] = [...rule].sort().join(', ');
      }
    }
    expect(undeclared).toEqual([]);
    // The table of who may call what: review every change to it.
    expect(declared).toMatchSnapshot();
    // The same table as an integrator reads it: each API scope and the operations it opens.
    const byScope = Object.fromEntries(
      SCOPES.map((scope) => [scope, Object.keys(declared).filter((op) => declared[op].split(', ').includes(scope))]),
    );
    expect(byScope).toMatchSnapshot();
  });
});
