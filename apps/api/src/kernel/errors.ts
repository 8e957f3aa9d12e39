import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';

/**
 * The codes a client can rely on (extensions.code). BAD_USER_INPUT, NOT_FOUND and CONFLICT also
 * carry extensions.field, the argument or input field at fault. Where a client may want to word
 * the message in its user's language, details carry extensions.reason (a stable code such as
 * NAME_TOO_LONG) and extensions.params (the values the message names).
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'INVALID_CREDENTIALS'
  | 'CONFLICT'
  | 'INVALID_STATE'
  /** Too many failed logins or token exchanges: extensions.retryAfterSeconds says when to try again. */
  | 'TOO_MANY_ATTEMPTS'
  /** The password was right and the account has a second factor: log in again with totpCode. */
  | 'TOTP_REQUIRED'
  /** Too many answers waiting to be written (HTTP 503 with Retry-After): send again later with the same submissionId. */
  | 'OVERLOADED'
  /** The operation ran past QUERY_TIMEOUT_SECONDS (db/query-timeout.ts): nothing of it was kept; ask for less, or later. */
  | 'QUERY_TIMEOUT';

/** An expected failure a service throws; the edge turns it into a typed GraphQL error. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const unauthenticated = (message = 'You need to log in') => new DomainError('UNAUTHENTICATED', message);
export const forbidden = (message = 'You are not allowed to do this', details?: Record<string, unknown>) =>
  new DomainError('FORBIDDEN', message, undefined, details);
/** Also used for another organization's objects: guessing an id must look exactly like a miss. */
export const notFound = (what: string, field = 'id') => new DomainError('NOT_FOUND', `${what} not found`, field);
export const badInput = (field: string, message: string, details?: Record<string, unknown>) =>
  new DomainError('BAD_USER_INPUT', message, field, details);
/** BAD_USER_INPUT from a checked field's problem, with its reason and values (extensions.reason, params). */
export const badInputOf = (field: string, problem: { message: string; reason: string; params?: Record<string, string | number> }) =>
  badInput(field, problem.message, { reason: problem.reason, params: problem.params ?? {} });
export const conflict = (field: string, message: string) => new DomainError('CONFLICT', message, field);
export const invalidState = (message: string, field?: string) => new DomainError('INVALID_STATE', message, field);
/** The server is too busy to take this now: HTTP 503 with Retry-After (http/overload.ts); extensions.retryAfter in seconds. */
export const overloaded = (message: string, retryAfterSeconds: number) =>
  new DomainError('OVERLOADED', message, undefined, { retryAfter: retryAfterSeconds });

/** GraphQL's own request errors are safe to show as they are. */
const PASS_THROUGH = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  // Introspection refused to a caller who is not a signed-in admin (graphql/introspection.ts).
  'FORBIDDEN',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

function firstFailure(errors: ValidationError[], prefix = ''): { field: string; message: string } | null {
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const message = e.constraints ? Object.values(e.constraints)[0] : undefined;
    if (message) return { field, message };
    const nested = firstFailure(e.children ?? [], field);
    if (nested) return nested;
  }
  return null;
}

/** True when the error is one we expect and show to the client as it is. */
export function isExpectedError(error: unknown): boolean {
  const original = unwrapResolverError(error);
  return original instanceof DomainError || original instanceof ArgumentValidationError;
}

/** Apollo's formatError: typed domain errors out, everything unexpected masked. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) {
    return {
      message: original.message,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: original.code, ...(original.field ? { field: original.field } : {}), ...(original.details ?? {}) },
    };
  }
  if (original instanceof ArgumentValidationError) {
    const failure = firstFailure(original.extensions.validationErrors as unknown as ValidationError[]);
    return {
      message: failure ? `${failure.field}: ${failure.message}` : 'Invalid input',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'BAD_USER_INPUT', ...(failure ? { field: failure.field } : {}) },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PASS_THROUGH.has(code)) {
    // The cost limit's refusal names the cost and the limit.
    const { cost, maxCost } = formatted.extensions ?? {};
    const limits = typeof cost === 'number' && typeof maxCost === 'number' ? { cost, maxCost } : {};
    const field = typeof formatted.extensions?.field === 'string' ? { field: formatted.extensions.field } : {};
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code, ...limits, ...field } };
  }
  return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
