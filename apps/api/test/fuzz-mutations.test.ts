import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Issue 21: a fuzz test over every mutation of the committed SDL. For each mutation, fast-check
 * makes arguments of the right types with random contents (and sometimes of the wrong type), sent
 * with a token of a random staff role. No answer may be a 500 or an INTERNAL_SERVER_ERROR, and a
 * refused call must change nothing: a fingerprint of the organization (row counts and the latest
 * updated_at of its main tables) is the same before and after it.
 */
let app: TestApp;
let tokens: string[] = [];
let ids: string[] = [];
let fingerprintSql = '';
let organizationId = '';

const schema = buildSchema(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));
const mutations = Object.values(schema.getMutationType()!.getFields());
/** Mutations that end the fuzzer's own sessions or need no organization: covered by their own tests. */
const SKIPPED = new Set(['logout', 'refresh']);
const RUNS = Number(process.env.FUZZ_RUNS ?? 3);
const SEED = Number(process.env.FUZZ_SEED ?? 21);

/** Tables a refused call must not change; background work (mail, events, jobs) writes none of them. */
const TABLES = [
  'contacts', 'waves', 'wave_questions', 'responses', 'follow_ups', 'follow_up_notes', 'themes', 'response_themes', 'users', 'api_clients', 'org_units',
  'employees', 'improvements', 'improvement_events', 'webhook_endpoints', 'nps_targets', 'nps_benchmarks', 'award_periods', 'awards', 'follows', 'privacy_settings',
];

const text = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('', ' ', 'x'.repeat(5000), '<script>alert(1)</script>', "'; DROP TABLE users; --", '\u0000', 'ł€😀'));
const wrong = fc.oneof(fc.constant(null), fc.integer(), fc.string({ maxLength: 10 }), fc.boolean(), fc.constant({}), fc.constant([]));

function scalar(type: GraphQLNamedType): fc.Arbitrary<unknown> {
  switch (type.name) {
    case 'ID':
      return fc.oneof(fc.constantFrom(...ids), fc.uuid(), text);
    case 'Int':
      return fc.oneof(fc.integer({ min: -5, max: 200 }), fc.constantFrom(0, -1, 2147483647, -2147483648));
    case 'Float':
      return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), fc.constantFrom(0, -100, 100, 1e300));
    case 'Boolean':
      return fc.boolean();
    case 'DateTime':
    case 'Date':
      return fc.oneof(fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((d) => (type.name === 'Date' ? d.toISOString().slice(0, 10) : d.toISOString())), text);
    default:
      return text;
  }
}

/** A value for an input type: right-typed with random contents, and now and then of the wrong type. */
function valueOf(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return fc.oneof({ weight: 19, arbitrary: valueOf(type.ofType as GraphQLInputType, depth) }, { weight: 1, arbitrary: wrong });
  const inner = (): fc.Arbitrary<unknown> => {
    if (isListType(type)) return fc.array(valueOf(type.ofType as GraphQLInputType, depth + 1), { maxLength: depth > 1 ? 1 : 3 });
    if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((v) => v.value as string));
    if (isInputObjectType(type)) {
      if (depth > 3) return fc.constant({});
      const fields = Object.values(type.getFields());
      return fc.record(Object.fromEntries(fields.map((f) => [f.name, valueOf(f.type, depth + 1)])), {
        requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name),
      });
    }
    return scalar(type as GraphQLNamedType);
  };
  return fc.oneof({ weight: 12, arbitrary: inner() }, { weight: 2, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: wrong });
}

function documentOf(field: GraphQLField<unknown, unknown>): string {
  const vars = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const named = getNamedType(field.type);
  const selection = isScalarType(named) || isEnumType(named) ? '' : ' { __typename }';
  return `mutation${vars ? `(${vars})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
}

async function post(query: string, variables: Record<string, unknown>, token: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json().catch(() => null);
  if (/inviteToWave|remindWave|retryFailedMail/.test(query)) await app.mailSettled();
  return { status: res.status, body };
}

const fingerprint = async () => JSON.stringify(await app.db.dataSource.query(fingerprintSql, [organizationId]));

beforeAll(async () => {
  app = await startTestApp();
  for (const email of ['admin@demo.test', 'hr@demo.test', 'cx@demo.test', 'manager@demo.test', 'leader@demo.test']) tokens.push(await app.login(email));
  const sql = (q: string) => app.db.dataSource.query(q);
  [{ id: organizationId }] = await sql(`SELECT id FROM organizations WHERE slug = 'demo'`);
  // Real ids of the demo organization, so some calls reach past "not found".
  const real = await sql(`
    (SELECT id::text FROM waves ORDER BY created_at LIMIT 3) UNION ALL (SELECT id::text FROM contacts LIMIT 2) UNION ALL (SELECT id::text FROM responses LIMIT 2)
    UNION ALL (SELECT id::text FROM follow_ups LIMIT 2) UNION ALL (SELECT id::text FROM themes LIMIT 2) UNION ALL (SELECT id::text FROM org_units LIMIT 2)
    UNION ALL (SELECT id::text FROM improvements LIMIT 1) UNION ALL (SELECT id::text FROM employees LIMIT 1)`);
  ids = real.map((r: { id: string }) => r.id);
  const columns: { table_name: string; column_name: string }[] = await sql(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND column_name IN ('updated_at', 'organization_id') AND table_name = ANY('{${TABLES.join(',')}}')`,
  );
  const has = (table: string, column: string) => columns.some((c) => c.table_name === table && c.column_name === column);
  // Tables without an organization column are counted whole (the demo organization is the only one written).
  fingerprintSql = `SELECT ${TABLES.map(
    (t) => `(SELECT json_build_array(count(*)${has(t, 'updated_at') ? ', max(updated_at)' : ''}) FROM ${t}${has(t, 'organization_id') ? ' WHERE organization_id = $1' : ' WHERE $1::uuid IS NOT NULL'}) AS ${t}`,
  ).join(', ')}`;
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('fuzzing every mutation', () => {
  it('answers no 500 and no INTERNAL_SERVER_ERROR, and a refused call changes nothing', async () => {
    const findings: string[] = [];
    let calls = 0;
    let refused = 0;
    for (const field of mutations) {
      if (SKIPPED.has(field.name)) continue;
      const query = documentOf(field);
      const args = fc.record(Object.fromEntries(field.args.map((a) => [a.name, valueOf(a.type)])));
      await fc.assert(
        fc.asyncProperty(args, fc.nat({ max: tokens.length - 1 }), async (variables, who) => {
          const before = await fingerprint();
          const { status, body } = await post(query, variables as Record<string, unknown>, tokens[who]);
          calls++;
          const errors: { message: string; extensions?: { code?: string } }[] = body?.errors ?? [];
          const shown = `${field.name} ${JSON.stringify(variables).slice(0, 300)}`;
          if (status >= 500 || errors.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR')) findings.push(`500: ${shown} -> ${status} ${JSON.stringify(errors).slice(0, 200)}`);
          if (errors.length && body?.data?.[field.name] == null) {
            refused++;
            const after = await fingerprint();
            if (after !== before) findings.push(`changed while refused: ${shown} -> ${errors[0]?.extensions?.code}`);
          }
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    }
    console.info(`fuzz: ${calls} calls over ${mutations.length - SKIPPED.size} mutations, ${refused} refused`);
    expect(findings).toEqual([]);
  }, 300_000);

  it('refuses a NUL character in any text variable as BAD_USER_INPUT naming it (found by the fuzzer: a 500 from PostgreSQL before)', async () => {
    const login = await post(`mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }`, { email: 'a\u0000b', password: 'x' }, '');
    expect(login.status).toBe(400);
    expect(login.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'email' });
    const unfollow = await post(`mutation($key: String!) { unfollow(key: $key, kind: ORG_UNIT) { __typename } }`, { key: '\u0000' }, tokens[0]);
    expect(unfollow.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'key' });
    const nested = await post(`mutation($input: [ContactInput!]!) { upsertContacts(input: $input) { created } }`, { input: [{ email: 'a@b.c', name: 'A\u0000' }] }, tokens[0]);
    expect(nested.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.0.name' });
  });
});
