import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import express, { type ErrorRequestHandler, type Response } from 'express';
import type { Database } from '../db/data-source.js';
import { createLoaders } from '../graphql/loaders.js';
import { buildContext, type AppServices, type Context } from '../kernel/context.js';
import { formatError, isExpectedError } from '../kernel/errors.js';
import { buildTandemSchema } from '../graphql/schema.js';
import { requestContext } from './request-id.js';
import { authenticate } from './authenticate.js';
import { queryCostLimit } from '../graphql/query-cost.js';
import { uploadRoute } from './uploads.js';
import { exportRoute } from './exports.js';
import { teamPackPdfRoute } from './team-packs.js';
import { rateLimits, redisStore } from './rate-limits.js';
import { Redis } from 'ioredis';
import { serveSubscriptions } from './subscriptions.js';
import { auditTrail } from '../platform/audit/audit.plugin.js';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { introspectionForAdmins } from '../graphql/introspection.js';
import { LoginLimits, useLoginLimits } from '../identity/auth/login-limits.js';
import { securityHeaders } from './security-headers.js';
import { graphqlJson, refuseNul, smallBodyLimit } from './body-limits.js';
import { overloadedAsHttp503 } from './overload.js';
import { noStore } from './no-store.js';
import { serveWebApp } from './static-assets.js';
import { requestManager } from '../db/query-timeout.js';
import { httpMetrics } from '../platform/observability/http-metrics.js';
import { graphqlMetrics, requestLogFields } from '../platform/observability/graphql-metrics.js';
import { metricsRoute } from '../platform/observability/metrics-route.js';
import { watchDatabase } from '../platform/observability/database-metrics.js';

export interface RunningServer {
  url: string;
  port: number;
  /** Stops taking requests, lets in-flight ones finish, then returns. The database stays open. */
  stop(): Promise<void>;
}

/** Unexpected errors are logged with the request id; the client only sees them masked. */
const logUnexpectedErrors: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ contextValue, errors }) {
        for (const error of errors) {
          if (!isExpectedError(error) && !error.extensions?.code) {
            contextValue.logger.error({ err: error.originalError ?? error, path: error.path }, 'unexpected error');
          }
        }
      },
    };
  },
};

/** Longest query document, in tokens (graphql's parser refuses longer ones). */
const MAX_QUERY_TOKENS = 1000;

function sendError(res: Response, status: number, code: string, message: string, field?: string): void {
  res.status(status).json({ errors: [{ message, extensions: field ? { code, field } : { code } }] });
}

/** Express's body parser failures (malformed JSON, a body too large) as GraphQL-shaped JSON errors. */
const bodyErrors: ErrorRequestHandler = (error: unknown, req, res, next) => {
  if (res.headersSent) return next(error);
  const failure = error as { type?: string; status?: number };
  if (failure.type === 'entity.parse.failed') return sendError(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON');
  if (failure.type === 'entity.too.large') return sendError(res, 413, 'BAD_REQUEST', 'The request body is too large');
  if (typeof failure.status === 'number' && failure.status >= 400 && failure.status < 500) {
    return sendError(res, failure.status, 'BAD_REQUEST', 'The request could not be read');
  }
  req.log.error({ err: error }, 'unexpected error');
  return sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
};

/** One process, one port: the GraphQL API, health probes, and the built web app. */
export async function startServer(services: AppServices, db: Database): Promise<RunningServer> {
  const { config, logger } = services;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  const httpServer = http.createServer(app);
  // A client (or a load balancer, whose idle timeout is usually 60 s) must drop an idle keep-alive
  // connection before the server does; otherwise a request sent just as the server closes it is
  // reset (ECONNRESET). Node's default of 5 s raced with clients' own 4 s whenever the machine was busy.
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;

  // Query limits: depth, aliases, tokens and cost, so one request cannot ask for the whole database.
  // Tokens are counted by graphql's own parser (a refusal is a 400 GRAPHQL_PARSE_FAILED, where
  // armor's parser answered 500), the cost by our plugin, which sees the variables (query-cost.ts).
  const armor = new ApolloArmor({
    maxDepth: { n: 10 },
    maxAliases: { n: 20 },
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: config.env === 'production' },
  }).protect();
  const schema = await buildTandemSchema();
  const apollo = new ApolloServer<Context>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    // main.ts handles SIGTERM and SIGINT itself and stops everything in order. Apollo's own handler
    // would call stop() a second time, and Apollo Server 5.5's stop() never resolves a concurrent call.
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: MAX_QUERY_TOKENS },
    validationRules: armor.validationRules,
    plugins: [
      ...(armor.plugins as ApolloServerPlugin<Context>[]),
      // Subscriptions (graphql-ws) on the same path; stopping closes their sockets while HTTP drains.
      serveSubscriptions(httpServer, schema, services, db, armor.validationRules),
      queryCostLimit<Context>(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      logUnexpectedErrors,
      graphqlMetrics(),
      auditTrail(),
      introspectionForAdmins(),
      ...(config.introspection === 'admins' ? [ApolloServerPluginLandingPageDisabled()] : []),
      overloadedAsHttp503<Context>(),
      // No per-field cache policy (no-store.ts): every answer is no-store.
      ApolloServerPluginCacheControlDisabled(),
      noStore<Context>(),
    ],
  });
  await apollo.start();

  app.use(httpMetrics());
  app.use(requestContext(logger));
  app.use(securityHeaders(config));
  // Prometheus: only with METRICS_TOKEN and its bearer token, else 404 (platform/observability, docs/observability.md).
  app.get('/metrics', metricsRoute(config.metricsToken));
  const unwatchDatabase = watchDatabase(db.dataSource, logger);
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (req, res) => {
    try {
      await db.dataSource.query('SELECT 1');
      res.json({ status: 'ready', database: db.mode });
    } catch (error) {
      req.log.warn({ err: error }, 'database not reachable');
      res.status(503).json({ status: 'unavailable', database: db.mode });
    }
  });
  // Shared counts across API processes when there is Redis; each process its own otherwise.
  const limitsRedis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 1, connectionName: 'tandem-rate-limits', lazyConnect: true }) : null;
  limitsRedis?.on('error', (error: unknown) => logger.warn({ err: error }, 'rate limits: Redis connection error; requests pass meanwhile'));
  useLoginLimits(services, new LoginLimits(config, limitsRedis));
  const limiter = rateLimits(config, services.now, limitsRedis ? redisStore(limitsRedis) : undefined, sendError);
  if (limiter) {
    app.use('/graphql', limiter);
    app.use('/uploads', limiter);
    app.use('/exports', limiter);
    app.use('/team-packs', limiter);
  }
  // Import files beyond a GraphQL request (issue 17): streamed to disk, no body parser before it.
  app.post('/uploads', uploadRoute(services, db));
  app.get('/exports/:id', exportRoute(services, db));
  app.get('/team-packs/:waveId/:file', teamPackPdfRoute(services, db));
  app.use(
    '/graphql',
    graphqlJson(),
    smallBodyLimit(sendError),
    refuseNul(sendError),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const now = services.now();
        const ctx = buildContext({ requestId: req.id, address: req.ip ?? null, userAgent: req.header('user-agent') ?? null, logger: req.log, app: services, db: requestManager(db.dataSource, config.queryTimeoutMs), createLoaders, ...(await authenticate(req, config, db.dataSource.manager, now)) });
        // The access log line names the operation and the caller (as the operation ended: a login's caller is the user it logged in).
        res.locals.logFields = () => requestLogFields(ctx);
        return ctx;
      },
    }),
  );
  // A body that is not JSON, or too large, answers as a GraphQL error too: never Express's HTML page with a stack.
  app.use('/graphql', bodyErrors);

  // The built web app: precompressed files, immutable hashed assets, the respondent's light entry (static-assets.ts).
  if (!serveWebApp(app, config.webDist)) logger.warn({ webDist: config.webDist }, 'web app not built; serving the API only (npm run build)');

  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const { port } = httpServer.address() as AddressInfo;
  return {
    port,
    url: `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`,
    stop: async () => {
      await apollo.stop();
      unwatchDatabase();
      limitsRedis?.disconnect();
    },
  };
}
