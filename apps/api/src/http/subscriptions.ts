import type http from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, getOperationAST, parse, specifiedRules, validate, type GraphQLSchema, type ValidationRule } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Database } from '../db/data-source.js';
import { createLoaders } from '../graphql/loaders.js';
import { buildContext, type AppServices, type Context } from '../kernel/context.js';
import { formatError, isExpectedError } from '../kernel/errors.js';
import { authenticateBearer } from './authenticate.js';

/** Longest subscription document, in tokens, as for HTTP requests. */
const MAX_QUERY_TOKENS = 1000;

const coded = (error: GraphQLError, code: string) =>
  new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { ...error.extensions, code } });

/** A subscription's errors as a request's: DomainErrors keep their code, the unexpected are masked. */
const formatted = (errors: readonly GraphQLError[]) => errors.map((error) => formatError(error.toJSON(), error));

/**
 * GraphQL subscriptions over graphql-ws, on the HTTP server's /graphql path (issue 18). The
 * client sends `{ authorization: 'Bearer <token>' }` as its connection_init payload; every
 * subscribe verifies it then (an expired token is refused) and builds a Context as a request does,
 * organization from the token only (an API client's revocation counts at once, as on HTTP), so @Authorized and the services scope a subscription as they
 * scope the matching query. Only subscriptions go over the socket: queries and mutations stay on
 * HTTP, with its rate limit. Returns Apollo's plugin that closes the sockets when the server stops.
 */
export function serveSubscriptions(
  httpServer: http.Server,
  schema: GraphQLSchema,
  services: AppServices,
  db: Database,
  validationRules: readonly ValidationRule[],
): ApolloServerPlugin {
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const server = useServer<{ authorization?: unknown }>(
    {
      schema,
      onSubscribe: (_ctx, _id, payload) => {
        let document;
        try {
          document = parse(payload.query, { maxTokens: MAX_QUERY_TOKENS });
        } catch (error) {
          return [coded(error instanceof GraphQLError ? error : new GraphQLError('The subscription could not be parsed'), 'GRAPHQL_PARSE_FAILED')];
        }
        const errors = validate(schema, document, [...specifiedRules, ...validationRules]);
        if (errors.length) return errors.map((error) => coded(error, 'GRAPHQL_VALIDATION_FAILED'));
        const operation = getOperationAST(document, payload.operationName);
        if (operation?.operation !== 'subscription') {
          return [coded(new GraphQLError('Only subscriptions go over the WebSocket; send queries and mutations by HTTP POST to /graphql'), 'BAD_REQUEST')];
        }
        return { schema, document, operationName: payload.operationName, variableValues: payload.variables };
      },
      context: async (ctx, id) => {
        const authorization = ctx.connectionParams?.authorization;
        const caller = await authenticateBearer(typeof authorization === 'string' ? authorization : undefined, services.config, db.dataSource.manager, services.now());
        return buildContext({
          requestId: `ws:${id}`,
          logger: services.logger.child({ subscription: id }),
          app: services,
          db: db.dataSource.manager,
          createLoaders,
          ...caller,
        });
      },
      onNext: (_ctx, id, _payload, args, result) => {
        if (!result.errors) return undefined;
        for (const error of result.errors) {
          if (!isExpectedError(error) && !error.extensions?.code) {
            (args.contextValue as Context).logger.error({ err: error.originalError ?? error, path: error.path, subscription: id }, 'unexpected error');
          }
        }
        return { ...result, errors: formatted(result.errors) };
      },
    },
    wsServer,
  );
  return {
    async serverWillStart() {
      return {
        async drainServer() {
          await server.dispose();
        },
      };
    },
  };
}
