import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLArgument,
  type GraphQLInputType,
} from 'graphql';

/** What stands for a value the audit log does not keep. */
export const REDACTED = '[redacted]';

/** An argument or input field named like an id (id, ids, waveId, orgUnitIds): its value is a reference, never content. */
export const isIdName = (name: string) => /^(id|ids)$|[a-z](Id|Ids)$/.test(name);

function unwrap(type: GraphQLInputType): GraphQLInputType {
  return isNonNullType(type) ? unwrap(type.ofType as GraphQLInputType) : type;
}

/**
 * An argument's value as the audit log keeps it, led by its GraphQL type: ids (ID, or a string
 * field named like an id), enums and booleans are kept; input objects keep their field names
 * with each value judged the same way; every other value (text, numbers, dates, JSON — which may
 * hold an answer, a comment, a password or a secret) is replaced by [redacted].
 */
export function redactValue(type: GraphQLInputType, name: string, value: unknown): unknown {
  if (value === null || value === undefined) return value ?? null;
  const t = unwrap(type);
  if (isListType(t)) {
    return Array.isArray(value) ? value.slice(0, 50).map((v) => redactValue(t.ofType as GraphQLInputType, name, v)) : REDACTED;
  }
  if (isInputObjectType(t)) {
    if (typeof value !== 'object') return REDACTED;
    const fields = t.getFields();
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      const field = fields[key];
      out[key] = field ? redactValue(field.type, key, v) : REDACTED;
    }
    return out;
  }
  const named = getNamedType(t);
  if (isEnumType(named) || named.name === 'Boolean') return value;
  if ((named.name === 'ID' || isIdName(name)) && typeof value === 'string' && value.length <= 100) return value;
  return REDACTED;
}

/** A field's arguments as the audit log keeps them. */
export function redactArgs(defs: readonly GraphQLArgument[], args: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const def of defs) if (def.name in args) out[def.name] = redactValue(def.type, def.name, args[def.name]);
  return out;
}

/** Every id kept in redacted arguments (the objects a change touched), at most 100. */
export function idsIn(args: unknown, name = ''): string[] {
  const out: string[] = [];
  const walk = (value: unknown, key: string) => {
    if (out.length >= 100 || value === null || value === undefined) return;
    if (Array.isArray(value)) return value.forEach((v) => walk(v, key));
    if (typeof value === 'object') return Object.entries(value as Record<string, unknown>).forEach(([k, v]) => walk(v, k));
    if (typeof value === 'string' && value !== REDACTED && isIdName(key)) out.push(value);
  };
  walk(args, name);
  return [...new Set(out)];
}
