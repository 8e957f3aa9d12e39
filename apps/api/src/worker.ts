/**
 * A worker process (npm run worker): tracing first when OTEL_EXPORTER_OTLP_ENDPOINT is set (see
 * main.ts), then the worker itself (worker-main.ts).
 */
import { configOrExit } from './process.js';
import { startTracing } from './platform/observability/tracing.js';

await startTracing(configOrExit().otlpEndpoint, 'tandem-worker');
await import('./worker-main.js');
