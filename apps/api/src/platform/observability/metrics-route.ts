import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { exposition, serveProcessMetrics } from './metrics.js';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * GET /metrics: the Prometheus exposition, only with METRICS_TOKEN set and the request carrying
 * `Authorization: Bearer <METRICS_TOKEN>` (compared in constant time). Otherwise 404, as for a path
 * that does not exist: the metrics do not announce themselves to the public.
 */
export function metricsRoute(token: string | null) {
  const expected = token ? digest(token) : null;
  if (expected) serveProcessMetrics();
  return async (req: Request, res: Response) => {
    const match = /^Bearer\s+(\S+)$/i.exec(req.header('authorization') ?? '');
    // Both sides hashed to 32 bytes: the comparison takes the same time whatever the length given.
    if (!expected || !match || !timingSafeEqual(digest(match[1]), expected)) {
      res.status(404).type('text/plain').send('Not Found');
      return;
    }
    const { contentType, text } = await exposition();
    res.setHeader('cache-control', 'no-store');
    res.type(contentType).send(text);
  };
}
