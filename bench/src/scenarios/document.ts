/** The GraphQL document sent for a scenario: its field and arguments, selecting every field the served schema has. */
import { getNamedType, isLeafType, isNonNullType, isObjectType, type GraphQLNamedType, type GraphQLSchema } from 'graphql';
import type { Scenario } from './scenario.js';

/** A selection set for a type: every field without required arguments, nested objects up to `depth`. */
function selectionOf(type: GraphQLNamedType, depth: number, path: string[] = []): string | null {
  if (isLeafType(type)) return '';
  if (!isObjectType(type) || depth === 0 || path.includes(type.name)) return null;
  const parts: string[] = [];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const sub = selectionOf(getNamedType(field.type), depth - 1, [...path, type.name]);
    if (sub === '') parts.push(field.name);
    else if (sub) parts.push(`${field.name} { ${sub} }`);
  }
  return parts.length ? parts.join(' ') : null;
}

/** The GraphQL document for a scenario, or why the server cannot answer it. */
export function documentFor(schema: GraphQLSchema, s: Scenario): { query: string } | { skip: string } {
  const field = schema.getQueryType()?.getFields()[s.field];
  if (!field) return { skip: 'not served yet' };
  const missing = Object.keys(s.args).filter((name) => !field.args.some((a) => a.name === name));
  if (missing.length) return { skip: `no argument ${missing.join(', ')}` };
  const selection = selectionOf(getNamedType(field.type), 5);
  const used = field.args.filter((a) => a.name in s.args);
  const vars = used.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const call = used.map((a) => `${a.name}: $${a.name}`).join(', ');
  return { query: `query Bench${vars ? `(${vars})` : ''} { ${s.field}${call ? `(${call})` : ''}${selection ? ` { ${selection} }` : ''} }` };
}
