/**
 * OpenTelemetry traces (docs/observability.md): with OTEL_EXPORTER_OTLP_ENDPOINT set, spans of
 * incoming HTTP requests, Express, GraphQL operations and PostgreSQL statements go to that OTLP
 * collector over HTTP (JSON, to <endpoint>/v1/traces); unset, nothing here is even loaded.
 *
 * The instrumentations patch modules as they load, so this runs before anything imports http
 * servers, express, graphql or pg: main.ts and worker.ts start it, then import the process's code
 * (api-main.ts, worker-main.ts). This file itself imports only what Node has, and the path redaction.
 *
 * The other standard OTEL_* variables apply as the SDK reads them (OTEL_SERVICE_NAME,
 * OTEL_RESOURCE_ATTRIBUTES, OTEL_TRACES_SAMPLER, OTEL_EXPORTER_OTLP_HEADERS, OTEL_BSP_SCHEDULE_DELAY...).
 */

interface Tracing {
  shutdown(): Promise<void>;
}

let running: Tracing | null = null;

/** Paths never traced: probes and the metrics scrape, every few seconds, would drown the traces. */
import { redactPath } from '../../kernel/redact-path.js';

const UNTRACED = /^\/(healthz|readyz|metrics)(\?|$)/;

export async function startTracing(endpoint: string | null, serviceName: string): Promise<boolean> {
  if (!endpoint || running) return running !== null;
  // ES modules (express as this app imports it) are patched through import-in-the-middle's loader
  // hook; CommonJS ones (pg, graphql as type-graphql and pg-boss require them) through require hooks.
  const { register } = await import('node:module');
  register('@opentelemetry/instrumentation/hook.mjs', import.meta.url);
  const [{ NodeTracerProvider, BatchSpanProcessor }, { OTLPTraceExporter }, { resourceFromAttributes }, { registerInstrumentations }, http, express, graphql, pg] =
    await Promise.all([
      import('@opentelemetry/sdk-trace-node'),
      import('@opentelemetry/exporter-trace-otlp-http'),
      import('@opentelemetry/resources'),
      import('@opentelemetry/instrumentation'),
      import('@opentelemetry/instrumentation-http'),
      import('@opentelemetry/instrumentation-express'),
      import('@opentelemetry/instrumentation-graphql'),
      import('@opentelemetry/instrumentation-pg'),
    ]);
  const delay = Number(process.env.OTEL_BSP_SCHEDULE_DELAY);
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': process.env.OTEL_SERVICE_NAME || serviceName }),
    // The exporter reads OTEL_EXPORTER_OTLP_ENDPOINT (adding /v1/traces) and OTEL_EXPORTER_OTLP_HEADERS itself.
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter(), Number.isFinite(delay) && delay > 0 ? { scheduledDelayMillis: delay } : {})],
  });
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new http.HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => UNTRACED.test(req.url ?? ''),
        // A respondent link's token is a credential, and an employee's names their participation:
        // the server span keeps the path without it, as the access log does.
        requestHook: (span, request) => {
          const url = (request as { url?: unknown }).url; // an incoming request's path and query
          if (typeof url !== 'string' || redactPath(url) === url) return;
          for (const key of ['url.path', 'http.target', 'url.full', 'http.url', 'url.query']) span.setAttribute(key, redactPath(url));
        },
      }),
      new express.ExpressInstrumentation(),
      // Resolver spans only for fields that resolve on their own (not every plain property), and no
      // variables: they carry what people typed.
      new graphql.GraphQLInstrumentation({ ignoreTrivialResolveSpans: true, allowValues: false, mergeItems: true }),
      // Statements inside a request or job only: the job queue's polling would fill the traces with roots.
      new pg.PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false }),
    ],
  });
  running = { shutdown: () => provider.shutdown() };
  return true;
}

/** Sends the spans still buffered and stops tracing (at shutdown); nothing when tracing is off. */
export async function stopTracing(): Promise<void> {
  const tracing = running;
  running = null;
  await tracing?.shutdown().catch(() => undefined);
}
