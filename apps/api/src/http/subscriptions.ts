import type http from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, getOperationAST, parse, specifiedRules, validate, type GraphQLSchema, type ValidationRule } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import jwt from 'jsonwebtoken';
import { WebSocketServer, type WebSocket } from 'ws';
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
 * Our close codes, apart from graphql-ws's own (4400, 4401, 4403, 4406, 4408, 4409, 4429, 4499,
 * 4500, 4504): graphql-ws clients treat its 4401 as final, while an expired token is a reason to
 * reconnect with a new one, which they do for any other code (the SDK renews its token then).
 */
export const CLOSE_TOKEN_EXPIRED = 4001;
export const CLOSE_TOO_MANY_CONNECTIONS = 4002;

/** When a bearer token expires, in ms since the epoch, or null when it carries no expiry. */
function expiryOf(authorization: string): number | null {
  const decoded = jwt.decode(authorization.replace(/^Bearer\s+/i, ''));
  return decoded && typeof decoded === 'object' && typeof decoded.exp === 'number' ? decoded.exp * 1000 : null;
}

/**
 * What a caller holds open in this process: at most `limit` sockets per user or API client (one
 * more is closed with 4002), and each socket closed with 4001 when its token expires, so a
 * subscription never outlives the token it was opened with (the client reconnects with a new one).
 */
function connectionGuard(limit: number, now: () => Date) {
  const held = new Map<string, number>();
  const bySocket = new WeakMap<WebSocket, { key: string; timer: NodeJS.Timeout | null }>();
  return {
    admit(socket: WebSocket, principal: { kind: string; id: string }, authorization: string): boolean {
      const key = `${principal.kind}:${principal.id}`;
      const count = held.get(key) ?? 0;
      if (limit > 0 && count >= limit) {
        socket.close(CLOSE_TOO_MANY_CONNECTIONS, `At most ${limit} subscription connections per caller`);
        return false;
      }
      held.set(key, count + 1);
      const expiry = expiryOf(authorization);
      const timer = expiry === null ? null : setTimeout(() => socket.close(CLOSE_TOKEN_EXPIRED, 'The access token expired: connect again with a new one'), Math.max(0, expiry - now().getTime()));
      timer?.unref();
      bySocket.set(socket, { key, timer });
      return true;
    },
    release(socket: WebSocket): void {
      const entry = bySocket.get(socket);
      if (!entry) return;
      bySocket.delete(socket);
      if (entry.timer) clearTimeout(entry.timer);
      const left = (held.get(entry.key) ?? 1) - 1;
      if (left > 0) held.set(entry.key, left);
      else held.delete(entry.key);
    },
  };
}

/**
 * GraphQL subscriptions over graphql-ws, on the HTTP server's /graphql path (issue 18). The
 * client sends `{ authorization: 'Bearer <token>' }` as its connection_init payload; every
 * subscribe verifies it then (an expired token is refused) and builds a Context as a request does,
 * organization from the token only (an API client's revocation counts at once, as on HTTP), so @Authorized and the services scope a subscription as they
 * scope the matching query. Only subscriptions go over the socket: queries and mutations stay on
 * HTTP, with its rate limit. A caller holds a bounded number of sockets, and a socket closes when
 * its token expires (connectionGuard). Returns Apollo's plugin that closes the sockets when the
 * server stops.
 */
export function serveSubscriptions(
  httpServer: http.Server,
  schema: GraphQLSchema,
  services: AppServices,
  db: Database,
  validationRules: readonly ValidationRule[],
): ApolloServerPlugin {
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const guard = connectionGuard(services.config.subscriptionConnectionsPerCaller, services.now);
  const server = useServer<{ authorization?: unknown }>(
    {
      schema,
      // A valid token counts against its caller's sockets; without one the socket stays open, and
      // every subscribe on it is refused UNAUTHENTICATED (as an HTTP request without a token is).
      onConnect: async (ctx) => {
        const authorization = ctx.connectionParams?.authorization;
        if (typeof authorization !== 'string') return true;
        const { principal } = await authenticateBearer(authorization, services.config, db.dataSource.manager, services.now());
        return principal ? guard.admit(ctx.extra.socket, principal, authorization) : true;
      },
      onClose: (ctx) => guard.release(ctx.extra.socket),
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
