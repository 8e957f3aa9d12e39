import { ApiRequestError, fromGraphQLError, toApiError } from '../../api/errors';

// The respondent's page talks to /graphql with plain fetch POSTs: no Apollo client, no graphql-js
// printer. The documents are strings (codegen still reads them by their GraphQL comment and types them).

type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** Sends one operation; returns its data or throws an ApiRequestError (NETWORK_ERROR when the server was not reached). */
export async function request<TData>(
  query: string,
  variables: Record<string, unknown>,
  fetchImpl: FetchLike = (...args) => globalThis.fetch(...args),
): Promise<TData> {
  let response: Response;
  try {
    response = await fetchImpl('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    throw new ApiRequestError({ code: 'NETWORK_ERROR', message: error instanceof Error ? error.message : String(error) });
  }
  let body: { data?: unknown; errors?: unknown[] } | undefined;
  try {
    body = (await response.json()) as typeof body;
  } catch {
    body = undefined;
  }
  const first = Array.isArray(body?.errors) ? body.errors[0] : undefined;
  if (first && typeof first === 'object') throw new ApiRequestError(fromGraphQLError(first as Parameters<typeof fromGraphQLError>[0]));
  if (!response.ok || !body || body.data == null) throw new ApiRequestError({ code: 'NETWORK_ERROR', message: `HTTP ${response.status}` });
  return body.data as TData;
}

/** A random id for one answer, the same for each retry of its submit. randomUUID needs a secure context; plain http falls back to getRandomValues. */
export function newSubmissionId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Waits between attempts: 1 s, 2 s, 4 s, 8 s (a flaky phone network, or a server asking to come back). */
export const RETRY_DELAYS_MS = [1000, 2000, 4000, 8000] as const;

/**
 * Runs a submit and retries it while the failure is the network's or the server's load (NETWORK_ERROR,
 * OVERLOADED): the caller passes the same submission id every time, so the server answers a retry of
 * a submit it already stored with ok. Any other error is the answer's own and is thrown at once.
 */
export async function withRetries<T>(
  attempt: () => Promise<T>,
  delays: readonly number[] = RETRY_DELAYS_MS,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await attempt();
    } catch (caught) {
      const code = toApiError(caught).code;
      if (i >= delays.length || (code !== 'NETWORK_ERROR' && code !== 'OVERLOADED')) throw caught;
      await sleep(delays[i]!);
    }
  }
}
