import express, { type RequestHandler } from 'express';

/**
 * Body limits per route. GraphQL takes up to 10 MB, room for a CSV import sent inline; uploads
 * have their own route and limit (uploads.ts). The public operations an anonymous caller can send
 * (login, refresh, the API token exchange, setting a password, the respondent's submit and
 * unsubscribe) share /graphql, so they are held to 100 KB after parsing: a request naming one of
 * them in a larger body is refused with 413 before anything runs.
 */
export const GRAPHQL_BODY_LIMIT = '10mb';
export const SMALL_BODY_BYTES = 100 * 1024;

const SMALL_OPERATIONS = /\b(login|refresh|issueApiToken|setPassword|requestPasswordReset|submitResponse|unsubscribe)\s*[({]/;

const LENGTH = Symbol('body length');

/** express.json with the GraphQL limit, remembering the body's length for smallBodyLimit. */
export function graphqlJson(): RequestHandler {
  return express.json({
    limit: GRAPHQL_BODY_LIMIT,
    verify: (req, _res, buf) => {
      (req as unknown as Record<symbol, number>)[LENGTH] = buf.length;
    },
  });
}

/** 413 for a body over SMALL_BODY_BYTES that names one of the small public operations. */
export function smallBodyLimit(sendError: (res: Parameters<RequestHandler>[1], status: number, code: string, message: string) => void): RequestHandler {
  return (req, res, next) => {
    const length = (req as unknown as Record<symbol, number | undefined>)[LENGTH] ?? 0;
    if (length <= SMALL_BODY_BYTES) return next();
    const bodies: unknown[] = Array.isArray(req.body) ? req.body : [req.body];
    const small = bodies.some((body) => {
      const query = body && typeof body === 'object' ? (body as { query?: unknown }).query : undefined;
      return typeof query === 'string' && SMALL_OPERATIONS.test(query);
    });
    if (!small) return next();
    return sendError(res, 413, 'BAD_REQUEST', `The request body is too large: login, token and survey answer requests may be at most ${SMALL_BODY_BYTES / 1024} KB`);
  };
}

/**
 * Where a NUL character sits in a parsed value: the dotted path of the first string (or key)
 * holding one ('' for the value itself), or null when none does.
 */
export function nulPath(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (depth > 64 || value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    const inner = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return inner;
    const found = nulPath(item, inner, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/**
 * PostgreSQL text cannot hold NUL (\u0000): such a string would fail deep inside a statement as
 * an unexpected error (found on login, issueApiToken, requestPasswordReset and unfollow by the
 * fuzz test). It is refused at the edge instead, with 400 BAD_USER_INPUT, for every operation
 * alike; a NUL in a variable is named by its path (`email`, `input.0.name`) as `field`.
 */
export function refuseNul(sendError: (res: Parameters<RequestHandler>[1], status: number, code: string, message: string, field?: string) => void): RequestHandler {
  return (req, res, next) => {
    const body = req.body as { variables?: unknown } | undefined;
    const variable = body && typeof body === 'object' ? nulPath(body.variables ?? null) : null;
    if (variable) return sendError(res, 400, 'BAD_USER_INPUT', `${variable}: text may not contain the NUL character (\\u0000)`, variable);
    return nulPath(body) !== null ? sendError(res, 400, 'BAD_USER_INPUT', 'Text may not contain the NUL character (\\u0000)') : next();
  };
}
