import client from 'prom-client';

/**
 * The process's Prometheus metrics (docs/observability.md). One registry per process, made on first
 * use: the counters cost an addition each, so they are always kept; the Node process metrics
 * (event loop lag, heap, GC) are collected only once /metrics is served (serveProcessMetrics).
 *
 * The cardinality rule: a label takes only values from a set the server fixes (route kinds, status
 * codes, error codes, queue names it defines, operation names bounded by boundedOperationName). Never
 * an organization, user, API client, invitation or employee id, an email, or any text a caller chose
 * that was not bounded first.
 */
export interface Metrics {
  registry: client.Registry;
  httpDuration: client.Histogram<'route' | 'method' | 'status'>;
  graphqlDuration: client.Histogram<'operation' | 'type' | 'outcome'>;
  graphqlErrors: client.Counter<'operation' | 'type' | 'code'>;
  answerQueue: client.Gauge;
  answerRefusals: client.Counter;
}

let metrics: Metrics | undefined;
let processMetricsOn = false;

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export function processMetrics(): Metrics {
  if (metrics) return metrics;
  const registry = new client.Registry();
  metrics = {
    registry,
    httpDuration: new client.Histogram({
      name: 'tandem_http_request_duration_seconds',
      help: 'HTTP requests by route kind (never the path itself), method and status code',
      labelNames: ['route', 'method', 'status'] as const,
      buckets: SECONDS,
      registers: [registry],
    }),
    graphqlDuration: new client.Histogram({
      name: 'tandem_graphql_operation_duration_seconds',
      help: 'GraphQL operations by bounded operation name, type and outcome (ok or error); _count is the number of operations',
      labelNames: ['operation', 'type', 'outcome'] as const,
      buckets: SECONDS,
      registers: [registry],
    }),
    graphqlErrors: new client.Counter({
      name: 'tandem_graphql_errors_total',
      help: 'Errors in GraphQL answers by bounded operation name, type and error code',
      labelNames: ['operation', 'type', 'code'] as const,
      registers: [registry],
    }),
    answerQueue: new client.Gauge({
      name: 'tandem_answer_queue_length',
      help: "Respondents' answers waiting for the answer writer in this process (ANSWER_QUEUE_LIMIT bounds it)",
      registers: [registry],
    }),
    answerRefusals: new client.Counter({
      name: 'tandem_answer_refusals_total',
      help: 'Answers refused with OVERLOADED because the answer writer queue was full',
      registers: [registry],
    }),
  };
  return metrics;
}

/** Starts collecting the Node process metrics (CPU, memory, event loop lag, GC, handles) into the registry, once. */
export function serveProcessMetrics(): void {
  if (processMetricsOn) return;
  processMetricsOn = true;
  client.collectDefaultMetrics({ register: processMetrics().registry });
}

/** The exposition text and its content type, as GET /metrics answers it. */
export async function exposition(): Promise<{ contentType: string; text: string }> {
  const { registry } = processMetrics();
  return { contentType: registry.contentType, text: await registry.metrics() };
}

/** An operation name as a label: only a plain GraphQL name of at most 64 characters, with nothing that looks like an id in it. */
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
/** A run of 4 digits, or of 6 hexadecimal characters with a digit among them (a number, a UUID's part, a hash). */
const ID_LIKE = /\d{4}|(?=[0-9a-f]*\d)[0-9a-f]{6}/i;
/** Distinct operation names one process labels; later ones count under "other". */
export const MAX_OPERATION_NAMES = 200;
const seenNames = new Set<string>();

/**
 * A client's operation name, bounded for a label: "anonymous" when it gave none; its name when that
 * is a plain name (nothing id-like in it) and among the first MAX_OPERATION_NAMES the process saw;
 * "other" otherwise. The web app and the SDK use a few dozen names, so the cap is never reached
 * in normal use, and a client sending random names adds at most MAX_OPERATION_NAMES series.
 */
export function boundedOperationName(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  if (!PLAIN_NAME.test(name) || ID_LIKE.test(name)) return 'other';
  if (seenNames.has(name)) return name;
  if (seenNames.size >= MAX_OPERATION_NAMES) return 'other';
  seenNames.add(name);
  return name;
}

const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,39}$/;

/** An error code as a label: the server's codes are upper-case words; anything else is "OTHER". */
export const boundedErrorCode = (code: unknown): string => (typeof code === 'string' && ERROR_CODE.test(code) ? code : 'OTHER');

const OPERATION_TYPES = new Set(['query', 'mutation', 'subscription']);
export const boundedOperationType = (type: string | undefined): string => (type && OPERATION_TYPES.has(type) ? type : 'unknown');
