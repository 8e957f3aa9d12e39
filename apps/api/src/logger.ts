import { pino, type Logger } from 'pino';

export type { Logger };

/** JSON lines on stdout; every request logs through a child carrying its request id. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'tandem-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['req.headers.authorization', '*.password', '*.refreshToken', '*.clientSecret'], censor: '[redacted]' },
  });
}
