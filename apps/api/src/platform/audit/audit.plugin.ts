import type { ApolloServerPlugin } from '@apollo/server';
import { getArgumentValues, getNamedType, isObjectType, Kind, type FieldNode, type GraphQLField, type GraphQLObjectType, type SelectionSetNode } from 'graphql';
import type { Context } from '../../kernel/context.js';
import { appendAudit, type AuditEntry } from './audit.store.js';
import { idsIn, redactArgs } from './redact.js';

/** Queries that hand out personal data or the log itself: always recorded, as exports. */
const AUDITED_QUERIES = new Set(['contactSubjectAccess', 'employeeSubjectAccess', 'auditLogCsv']);

/** Operations that export data: recorded as EXPORT rather than CHANGE. */
const isExport = (name: string) => /^(export|startExport)/.test(name) || /Export$/.test(name);

/** The top-level fields of an operation (inline fragments and fragment spreads followed). */
function topFields(set: SelectionSetNode, fragments: Record<string, { selectionSet: SelectionSetNode }>): FieldNode[] {
  return set.selections.flatMap((s) => {
    if (s.kind === Kind.FIELD) return [s];
    if (s.kind === Kind.INLINE_FRAGMENT) return topFields(s.selectionSet, fragments);
    const fragment = fragments[s.name.value];
    return fragment ? topFields(fragment.selectionSet, fragments) : [];
  });
}

/** The object type a field touches: its own type when it returns an object, else the noun of its name (deleteContact → Contact). */
function objectTypeOf(field: GraphQLField<unknown, unknown>): string | null {
  const named = getNamedType(field.type);
  if (isObjectType(named)) return named.name;
  const noun = /^[a-z]+([A-Z]\w*)$/.exec(field.name)?.[1];
  return noun ?? null;
}

function entryOf(root: GraphQLObjectType, node: FieldNode, variables: Record<string, unknown>, data: Record<string, unknown> | null, errorCode: string | null): AuditEntry | null {
  const field = root.getFields()[node.name.value];
  if (!field || node.name.value.startsWith('__')) return null;
  let args: Record<string, unknown> = {};
  try {
    args = redactArgs(field.args, getArgumentValues(field, node, variables));
  } catch {
    // Arguments that could not be coerced: the names only.
    args = Object.fromEntries(node.arguments?.map((a) => [a.name.value, '[invalid]']) ?? []);
  }
  const key = node.alias?.value ?? node.name.value;
  const result = data?.[key];
  const resultId = result && typeof result === 'object' && !Array.isArray(result) && typeof (result as { id?: unknown }).id === 'string' ? [(result as { id: string }).id] : [];
  return {
    kind: isExport(field.name) ? 'EXPORT' : 'CHANGE',
    action: field.name,
    objectType: objectTypeOf(field),
    objectIds: [...new Set([...idsIn(args), ...resultId])].slice(0, 100),
    args,
    outcome: errorCode ?? 'OK',
  };
}

/**
 * The audit log's recorder (issue 21): after a mutation, one entry per top-level field — who
 * (the user or API client, as authenticated by the end of the request, so a login records the
 * user who logged in), the operation, the object type and ids it touched, the arguments with
 * every value but ids and enums redacted, the outcome (OK or the error code), the caller's address,
 * user agent and request id. After a query that read employee results (the anonymity guard notes
 * every release and participation read: kernel noteEmployeeRead), one READ entry naming the
 * query's fields and the waves. Requests without an authenticated caller (a wrong password, the
 * respondent's link) belong to no organization and are not recorded here.
 */
export function auditTrail(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue: ctx, operation, response, schema, request, document }) {
          const principal = ctx.principal;
          if (!operation || !principal || operation.operation === 'subscription') return;
          const result = response.body.kind === 'single' ? response.body.singleResult : null;
          const errors = result?.errors ?? [];
          const data = (result?.data ?? null) as Record<string, unknown> | null;
          const fragments = Object.fromEntries(
            (document?.definitions ?? []).flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
          );
          const nodes = topFields(operation.selectionSet, fragments);
          const entries: AuditEntry[] = [];
          if (operation.operation === 'mutation') {
            const root = schema.getMutationType();
            if (!root) return;
            const general = errors.find((e) => !e.path?.length);
            for (const node of nodes) {
              const key = node.alias?.value ?? node.name.value;
              const failed = errors.find((e) => e.path?.[0] === key) ?? general;
              const code = failed ? String(failed.extensions?.code ?? 'INTERNAL_SERVER_ERROR') : null;
              const entry = entryOf(root, node, request.variables ?? {}, data, code);
              if (entry) entries.push(entry);
            }
          } else {
            const root = schema.getQueryType();
            for (const node of root ? nodes.filter((n) => AUDITED_QUERIES.has(n.name.value)) : []) {
              const key = node.alias?.value ?? node.name.value;
              const failed = errors.find((e) => e.path?.[0] === key);
              const entry = entryOf(root!, node, request.variables ?? {}, null, failed ? String(failed.extensions?.code ?? 'INTERNAL_SERVER_ERROR') : null);
              if (entry) entries.push({ ...entry, kind: 'EXPORT' });
            }
          }
          if (operation.operation === 'query' && ctx.employeeReads?.size) {
            entries.push({
              kind: 'READ',
              action: nodes.map((n) => n.name.value).join(', ').slice(0, 200),
              objectType: 'EmployeeResults',
              objectIds: [...ctx.employeeReads].slice(0, 100),
              args: {},
              outcome: errors.length ? String(errors[0].extensions?.code ?? 'INTERNAL_SERVER_ERROR') : 'OK',
            });
          }
          if (entries.length === 0) return;
          const actor = {
            organizationId: principal.organizationId,
            kind: principal.kind,
            id: principal.id,
            ip: ctx.address ?? null,
            userAgent: ctx.userAgent ?? null,
            requestId: ctx.requestId,
          };
          try {
            // The data source's own manager: the record is written even when the operation ran out of
            // its time (QUERY_TIMEOUT, db/query-timeout.ts), whose manager refuses further statements.
            await appendAudit(ctx.db.connection.manager, actor, ctx.app.now(), entries);
          } catch (error) {
            ctx.logger.error({ err: error, event: 'audit.failed', actions: entries.map((e) => e.action) }, 'the audit log could not be written');
          }
        },
      };
    },
  };
}
