import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../../kernel/context.js';
import { boundedErrorCode, boundedOperationName, boundedOperationType, processMetrics } from './metrics.js';

interface Operation {
  /** The name the client gave, for the log line (cut to 100 characters); null when anonymous. */
  name: string | null;
  type: string;
  /** "user:<id>", "api:<id>" or "anonymous", as the operation ended (a login's is the user it logged in). */
  caller: string;
}

/**
 * The operation each request ran, for its access log line (requestLogFields), by the request's
 * logger: Apollo hands each operation a shallow copy of the context, so the context object itself
 * is not the one the HTTP layer holds, while the logger (req.log, one per request) is.
 */
const operations = new WeakMap<object, Operation>();

const callerOf = (ctx: Context) => (ctx.principal ? `${ctx.principal.kind}:${ctx.principal.id}` : 'anonymous');

/**
 * Counts and times every GraphQL operation over HTTP: tandem_graphql_operation_duration_seconds
 * and tandem_graphql_errors_total by bounded operation name (boundedOperationName), type and, for
 * errors, the code the client saw. A request that fails to parse or validate counts with type "unknown".
 */
export function graphqlMetrics(): ApolloServerPlugin<Context> {
  const { graphqlDuration, graphqlErrors } = processMetrics();
  return {
    async requestDidStart({ request, contextValue }) {
      const end = graphqlDuration.startTimer();
      const operation: Operation = { name: request.operationName?.slice(0, 100) ?? null, type: 'unknown', caller: callerOf(contextValue) };
      operations.set(contextValue.logger, operation);
      return {
        async didResolveOperation({ operation: resolved, operationName }) {
          operation.type = resolved?.operation ?? 'unknown';
          operation.name = (operationName ?? resolved?.name?.value ?? null)?.slice(0, 100) ?? null;
        },
        async willSendResponse({ response, contextValue: ctx }) {
          operation.caller = callerOf(ctx);
          const labels = { operation: boundedOperationName(operation.name), type: boundedOperationType(operation.type) };
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          for (const error of errors) graphqlErrors.inc({ ...labels, code: boundedErrorCode(error.extensions?.code) });
          end({ ...labels, outcome: errors.length > 0 ? 'error' : 'ok' });
        },
      };
    },
  };
}

/**
 * What a GraphQL request's access log line adds: the operation (its name as the client gave it,
 * and its type) and the caller: a user's or API client's id, never a name or an email; none for
 * an anonymous caller (a respondent, or a login before it succeeds).
 */
export function requestLogFields(ctx: Context): Record<string, unknown> {
  const operation = operations.get(ctx.logger);
  if (!operation) return { caller: callerOf(ctx) };
  return { operation: operation.name ?? 'anonymous', operationType: operation.type, caller: operation.caller };
}
