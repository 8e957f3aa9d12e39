import { trace } from '@opentelemetry/api';
import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

/**
 * The active span's trace and span ids on every line logged inside one (traceId, spanId), so a log
 * line leads to its trace and back. Without tracing (no OTEL_EXPORTER_OTLP_ENDPOINT) there is never
 * an active span, and this adds nothing.
 */
function traceFields(): Record<string, string> {
  const span = trace.getActiveSpan();
  if (!span) return {};
  const { traceId, spanId } = span.spanContext();
  return { traceId, spanId };
}

/**
 * JSON lines on stdout (format 'json', for a log collector), or readable lines in development
 * ('pretty'); every request logs through a child carrying its request id.
 */
export function createLogger(level: string, format: 'pretty' | 'json' = 'json'): Logger {
  const options = {
    level,
    mixin: traceFields,
    base: { service: 'tandem-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['req.headers.authorization', '*.password', '*.refreshToken', '*.clientSecret'], censor: '[redacted]' },
  };
  if (format === 'json') return pino(options);
  return pino(options, pretty({ sync: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,service', singleLine: true }));
}
