/**
 * The API process (npm start): tracing first, when OTEL_EXPORTER_OTLP_ENDPOINT asks for it, so its
 * instrumentations see http, express, graphql and pg load; then the process itself (api-main.ts).
 * Nothing else may be imported here: a module loaded before tracing starts is not traced.
 */
import { configOrExit } from './process.js';
import { startTracing } from './platform/observability/tracing.js';

await startTracing(configOrExit().otlpEndpoint, 'tandem-api');
await import('./api-main.js');
