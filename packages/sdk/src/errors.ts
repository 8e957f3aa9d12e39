/** One GraphQL error as Tandem's API answers it (extensions.code always; field, requiredScopes, reason where they apply). */
export interface GraphQLErrorBody {
  message: string;
  path?: readonly (string | number)[];
  extensions?: {
    code?: string;
    field?: string;
    requiredScopes?: string[];
    reason?: string;
    [key: string]: unknown;
  };
}

export interface TandemErrorDetails {
  message: string;
  /** extensions.code: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT, CONFLICT, INVALID_STATE, RATE_LIMITED, …; NETWORK_ERROR or HTTP_ERROR when no GraphQL answer came. */
  code: string;
  field?: string;
  requiredScopes?: string[];
  /** The HTTP status of the answer; undefined for a network error. */
  status?: number;
  /** Every GraphQL error of the answer (the first one gives code, field and message). */
  errors?: GraphQLErrorBody[];
  /** What the answer had besides its errors, if anything. */
  data?: unknown;
  cause?: unknown;
}

/**
 * What the SDK throws for a GraphQL error, an HTTP error or a network failure. `code` is the
 * first error's extensions.code; `field` names the argument or input field at fault
 * (BAD_USER_INPUT, NOT_FOUND, CONFLICT); `requiredScopes` names the scope an API token lacks
 * (FORBIDDEN).
 */
export class TandemError extends Error {
  readonly code: string;
  readonly field?: string;
  readonly requiredScopes?: string[];
  readonly status?: number;
  readonly errors: GraphQLErrorBody[];
  readonly data?: unknown;

  constructor(details: TandemErrorDetails) {
    super(details.message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'TandemError';
    this.code = details.code;
    if (details.field !== undefined) this.field = details.field;
    if (details.requiredScopes !== undefined) this.requiredScopes = details.requiredScopes;
    if (details.status !== undefined) this.status = details.status;
    this.errors = details.errors ?? [];
    if (details.data !== undefined) this.data = details.data;
  }
}

/** The TandemError for an answer's GraphQL errors (the first one speaks for all). */
export function errorFromGraphQL(errors: GraphQLErrorBody[], status: number, data?: unknown): TandemError {
  const [first] = errors;
  const extensions = first?.extensions ?? {};
  return new TandemError({
    message: first?.message ?? `HTTP ${status}`,
    code: typeof extensions.code === 'string' ? extensions.code : status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'HTTP_ERROR',
    ...(typeof extensions.field === 'string' ? { field: extensions.field } : {}),
    ...(Array.isArray(extensions.requiredScopes) ? { requiredScopes: extensions.requiredScopes.map(String) } : {}),
    status,
    errors,
    ...(data === undefined || data === null ? {} : { data }),
  });
}

/** The TandemError for an HTTP answer: its GraphQL errors when the body has them, else the status. */
export function errorFromBody(status: number, body: unknown): TandemError {
  const errors = (body as { errors?: unknown } | null)?.errors;
  if (Array.isArray(errors) && errors.length > 0) return errorFromGraphQL(errors as GraphQLErrorBody[], status, (body as { data?: unknown }).data);
  return new TandemError({ message: `HTTP ${status}`, code: status === 429 ? 'RATE_LIMITED' : status === 401 ? 'UNAUTHENTICATED' : 'HTTP_ERROR', status });
}
