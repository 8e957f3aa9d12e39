// Errors the server can return, as one typed union, each with a message a
// person understands. Everything that talks to the API turns what it caught
// into an ApiError with toApiError(); components show it with describeError().

/** The codes the server puts in `extensions.code`. */
export const SERVER_ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'INVALID_CREDENTIALS',
  'CONFLICT',
  'INVALID_STATE',
  'TOO_MANY_ATTEMPTS',
  'TOTP_REQUIRED',
  'INTERNAL_SERVER_ERROR',
  'OVERLOADED',
  'QUERY_TIMEOUT',
] as const;

export type ServerErrorCode = (typeof SERVER_ERROR_CODES)[number];

/** Codes whose error names the argument or input field at fault (extensions.field). */
export const FIELD_ERROR_CODES = ['BAD_USER_INPUT', 'CONFLICT', 'NOT_FOUND'] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

/** Client-side outcomes: the server could not be reached, or said something we do not know. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'UNKNOWN';

/** One of several problems a field error may list (extensions.problems), each naming its field. */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * What the server's message says, as a stable reason (extensions.reason, e.g. NAME_TOO_LONG) and
 * the values it names (extensions.params): the app says it in the user's language
 * (`errors.reasons.<reason>`), and falls back to the server's English message.
 */
export interface Explained {
  reason?: string;
  params?: Record<string, string>;
}

export type ApiError = Explained &
  (
    | { code: FieldErrorCode; field: string | null; message: string; problems?: FieldProblem[] }
    | { code: Exclude<ServerErrorCode, FieldErrorCode>; message: string }
    | { code: ClientErrorCode; message: string }
  );

export type ApiErrorCode = ApiError['code'];

/** An Error carrying a typed ApiError, thrown by the auth transport. */
export class ApiRequestError extends Error {
  readonly error: ApiError;
  constructor(error: ApiError) {
    super(error.message || error.code);
    this.name = 'ApiRequestError';
    this.error = error;
  }
}

interface GraphQLErrorLike {
  message?: unknown;
  extensions?: { code?: unknown; field?: unknown; problems?: unknown; reason?: unknown; params?: unknown; retryAfterSeconds?: unknown } | null;
}

const isServerCode = (code: unknown): code is ServerErrorCode =>
  typeof code === 'string' && (SERVER_ERROR_CODES as readonly string[]).includes(code);

const isFieldCode = (code: ServerErrorCode): code is FieldErrorCode =>
  (FIELD_ERROR_CODES as readonly string[]).includes(code);

/** Maps one GraphQL error object (as found in `errors[]`) to an ApiError. */
export function fromGraphQLError(error: GraphQLErrorLike): ApiError {
  const message = typeof error.message === 'string' ? error.message : '';
  const code = error.extensions?.code;
  if (!isServerCode(code)) return { code: 'UNKNOWN', message };
  // A lock-out says when to try again: worded with the seconds it names.
  const retryAfter = error.extensions?.retryAfterSeconds;
  if (code === 'TOO_MANY_ATTEMPTS' && typeof retryAfter === 'number') {
    return { code, message, reason: 'TOO_MANY_ATTEMPTS', params: { seconds: String(retryAfter) } };
  }
  const explained = readExplained(error.extensions?.reason, error.extensions?.params);
  if (isFieldCode(code)) {
    const field = error.extensions?.field;
    const result: ApiError = { code, field: typeof field === 'string' && field ? field : null, message, ...explained };
    const problems = readProblems(error.extensions?.problems);
    if (problems.length > 0) result.problems = problems;
    return result;
  }
  return { code, message, ...explained };
}

/** extensions.reason and extensions.params (an object), or a RowError's params list. */
export function readExplained(reason: unknown, params: unknown): Explained {
  if (typeof reason !== 'string' || !reason) return {};
  const named: Record<string, string> = {};
  if (Array.isArray(params)) {
    for (const p of params) if (isObject(p) && typeof p.name === 'string') named[p.name] = String(p.value ?? '');
  } else if (isObject(params)) {
    for (const [name, value] of Object.entries(params)) named[name] = String(value ?? '');
  }
  return { reason, params: named };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** `extensions.problems`: every bad field of an input at once, so a form can mark them all. */
function readProblems(value: unknown): FieldProblem[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) =>
    isObject(item) && typeof item.field === 'string' && item.field
      ? [{ field: item.field, message: typeof item.message === 'string' ? item.message : '' }]
      : [],
  );
}

const firstGraphQLError = (errors: unknown): GraphQLErrorLike | undefined =>
  Array.isArray(errors) && errors.length > 0 && isObject(errors[0]) ? (errors[0] as GraphQLErrorLike) : undefined;

/**
 * Turns anything caught around an API call into an ApiError: an
 * ApiRequestError, an ApolloError (GraphQL errors, or a network error whose
 * body carries GraphQL errors), a GraphQL error, a response body with
 * `errors`, or a failed fetch.
 */
export function toApiError(caught: unknown): ApiError {
  if (caught instanceof ApiRequestError) return caught.error;
  if (!isObject(caught)) return { code: 'UNKNOWN', message: String(caught ?? '') };

  // ApolloError: graphQLErrors first, then the network error.
  const graphQLError = firstGraphQLError(caught.graphQLErrors) ?? firstGraphQLError(caught.errors);
  if (graphQLError) return fromGraphQLError(graphQLError);
  if ('networkError' in caught && caught.networkError) return toNetworkError(caught.networkError);
  if ('protocolErrors' in caught && firstGraphQLError(caught.protocolErrors)) {
    return fromGraphQLError(firstGraphQLError(caught.protocolErrors)!);
  }

  // A single GraphQL error object.
  if (isObject(caught.extensions) && 'code' in caught.extensions) return fromGraphQLError(caught as GraphQLErrorLike);

  // A failed fetch (TypeError: Failed to fetch) or an HTTP error from Apollo's HttpLink.
  if (caught instanceof TypeError || 'statusCode' in caught) return toNetworkError(caught);

  return { code: 'UNKNOWN', message: typeof caught.message === 'string' ? caught.message : '' };
}

/** A network error may still carry GraphQL errors in its body (HTTP 4xx/5xx with JSON). */
function toNetworkError(networkError: unknown): ApiError {
  if (isObject(networkError)) {
    const body = networkError.result;
    const inner = isObject(body) ? firstGraphQLError(body.errors) : undefined;
    if (inner) return fromGraphQLError(inner);
    const message = typeof networkError.message === 'string' ? networkError.message : '';
    return { code: 'NETWORK_ERROR', message };
  }
  return { code: 'NETWORK_ERROR', message: String(networkError) };
}

/** True when the caught value (or GraphQL error list) says the access token is missing or expired. */
export function isUnauthenticated(caught: unknown): boolean {
  if (Array.isArray(caught)) return caught.some((e) => isObject(e) && fromGraphQLError(e).code === 'UNAUTHENTICATED');
  return toApiError(caught).code === 'UNAUTHENTICATED';
}

/** The i18n key of each error's message. Adding a code without a message fails to compile. */
export const ERROR_MESSAGE_KEYS: Record<ApiErrorCode, string> = {
  UNAUTHENTICATED: 'errors.unauthenticated',
  FORBIDDEN: 'errors.forbidden',
  BAD_USER_INPUT: 'errors.badUserInput',
  NOT_FOUND: 'errors.notFound',
  INVALID_CREDENTIALS: 'errors.invalidCredentials',
  CONFLICT: 'errors.conflict',
  INVALID_STATE: 'errors.invalidState',
  TOO_MANY_ATTEMPTS: 'errors.tooManyAttempts',
  TOTP_REQUIRED: 'errors.totpRequired',
  INTERNAL_SERVER_ERROR: 'errors.internal',
  OVERLOADED: 'errors.overloaded',
  QUERY_TIMEOUT: 'errors.queryTimeout',
  NETWORK_ERROR: 'errors.network',
  UNKNOWN: 'errors.unknown',
};

type Translate = (key: string, named?: Record<string, unknown>) => string;
type HasKey = (key: string) => boolean;

/** Messages for errors that name their field; they say which field, by its label. */
export const FIELD_MESSAGE_KEYS: Record<FieldErrorCode, string> = {
  BAD_USER_INPUT: 'errors.badUserInputField',
  CONFLICT: 'errors.conflictField',
  NOT_FOUND: 'errors.notFoundField',
};

/** The field an error is about, if any: forms show such an error at that field. */
export const errorField = (error: ApiError | null | undefined): string | null =>
  error && 'field' in error ? error.field : null;

/**
 * The form field a server field path names: the input wrapper is dropped, so `input.closesAt`
 * is `closesAt` and `input.ratings[1].criterion` is `ratings[1].criterion`.
 */
export const formField = (path: string): string => path.replace(/^(input|filter)\./, '');

/** The i18n key of a field's label: the last name in the path, `fields.criterion` for `input.ratings[1].criterion`. */
export const fieldLabelKey = (path: string): string => {
  const names = formField(path).replace(/\[\d+\]/g, '').split('.');
  return `fields.${names[names.length - 1]}`;
};

/**
 * The message to show for an error, in the current language. An error that
 * names a field names it too, by its label (`fields.<name>`) when there is one.
 */
export function describeError(error: ApiError, t: Translate, te?: HasKey): string {
  const explained = describeReason(error, t, te);
  if (explained) return explained;
  const field = errorField(error);
  if (field && error.code in FIELD_MESSAGE_KEYS) {
    const labelKey = fieldLabelKey(field);
    const label = te?.(labelKey) ? t(labelKey) : field;
    return t(FIELD_MESSAGE_KEYS[error.code as FieldErrorCode], { field: label });
  }
  return t(ERROR_MESSAGE_KEYS[error.code]);
}

/** The reason's message in the current language, or null when the app has no text for it. */
export function describeReason(error: Explained, t: Translate, te?: HasKey): string | null {
  const key = error.reason ? `errors.reasons.${error.reason}` : null;
  return key && te?.(key) ? t(key, error.params ?? {}) : null;
}
