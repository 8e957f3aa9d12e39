import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../logger.js';

declare module 'express-serve-static-core' {
  interface Request {
    id: string;
    log: Logger;
  }
}

const SAFE_ID = /^[\w.-]{1,100}$/;

import { redactPath } from '../kernel/redact-path.js';

export { redactPath };

/**
 * Gives every request an id (a caller's X-Request-Id if sane), a child logger, and an access log
 * line. A route adds to that line through `res.locals.logFields` (GraphQL: the operation and the caller).
 */
export function requestContext(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const given = req.header('x-request-id');
    req.id = given && SAFE_ID.test(given) ? given : randomUUID();
    req.log = logger.child({ reqId: req.id });
    res.setHeader('x-request-id', req.id);
    const started = process.hrtime.bigint();
    // Read now: by the time the response finishes a mounted router (app.use('/graphql', …)) may have cut it to "/".
    const path = redactPath(req.path);
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const quiet = req.path === '/healthz' || req.path === '/readyz';
      const more = typeof res.locals.logFields === 'function' ? (res.locals.logFields as () => Record<string, unknown>)() : {};
      req.log[quiet ? 'debug' : 'info']({ method: req.method, path, status: res.statusCode, ms: Math.round(ms * 10) / 10, ...more }, 'request');
    });
    next();
  };
}
