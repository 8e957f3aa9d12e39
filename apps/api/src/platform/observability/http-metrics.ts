import type { NextFunction, Request, Response } from 'express';
import { processMetrics } from './metrics.js';

/** Route kinds of the one port, by path prefix; anything else is the web app ("app") or "other". */
const KINDS: [RegExp, string][] = [
  [/^\/graphql(\/|$)/, 'graphql'],
  [/^\/uploads(\/|$)/, 'uploads'],
  [/^\/exports(\/|$)/, 'exports'],
  [/^\/team-packs(\/|$)/, 'team-packs'],
  [/^\/(healthz|readyz)$/, 'health'],
  [/^\/metrics$/, 'metrics'],
  [/^\/(s|unsubscribe)\//, 'survey-page'],
  [/^\/assets\//, 'assets'],
];

/** A request path as a label: its route kind, never the path (which holds ids and survey tokens). */
export function routeKind(path: string, method: string): string {
  for (const [pattern, kind] of KINDS) if (pattern.test(path)) return kind;
  return method === 'GET' || method === 'HEAD' ? 'app' : 'other';
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Times every HTTP request into tandem_http_request_duration_seconds{route, method, status}. */
export function httpMetrics() {
  const { httpDuration } = processMetrics();
  return (req: Request, res: Response, next: NextFunction) => {
    const end = httpDuration.startTimer();
    // Read now: inside a mounted router (app.use('/graphql', …)) req.path is the rest after the mount.
    const route = routeKind(req.path, req.method);
    const method = METHODS.has(req.method) ? req.method : 'other';
    res.on('finish', () => end({ route, method, status: String(res.statusCode) }));
    next();
  };
}
