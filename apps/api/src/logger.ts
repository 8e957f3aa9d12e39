import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

/**
 * JSON lines on stdout (format 'json', for a log collector), or readable lines in development
 * ('pretty'); every request logs through a child carrying its request id.
 */
export function createLogger(level: string, format: 'pretty' | 'json' = 'json'): Logger {
  const options = {
    level,
    base: { service: 'tandem-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['req.headers.authorization', '*.password', '*.refreshToken', '*.clientSecret'], censor: '[redacted]' },
  };
  if (format === 'json') return pino(options);
  return pino(options, pretty({ sync: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,service', singleLine: true }));
}
