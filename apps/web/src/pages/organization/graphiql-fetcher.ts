import type { Fetcher, FetcherParams } from '@graphiql/toolkit';
import type { UploadSession } from '../../api/upload';

export const EXPLORER_ENDPOINT = '/graphql';

const isUnauthenticated = (body: unknown): boolean =>
  Array.isArray((body as { errors?: unknown } | null)?.errors) &&
  (body as { errors: { extensions?: { code?: unknown } }[] }).errors.some((error) => error.extensions?.code === 'UNAUTHENTICATED');

/**
 * GraphiQL's fetcher on the admin's own session: each request carries the current access token,
 * and one that meets UNAUTHENTICATED (the token expired while the page stood open) is sent again
 * once after a refresh, as the app's Apollo link does. Queries and mutations only: subscriptions
 * are documented in docs/api.md.
 */
export function sessionFetcher(session: UploadSession, fetchImpl: typeof fetch = (...args) => globalThis.fetch(...args)): Fetcher {
  const send = async (params: FetcherParams) => {
    const token = await session.getAccessToken();
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetchImpl(EXPLORER_ENDPOINT, { method: 'POST', headers, credentials: 'same-origin', body: JSON.stringify(params) });
    return (await response.json()) as unknown;
  };
  return async (params) => {
    const first = await send(params);
    if (!isUnauthenticated(first) || !(await session.refresh())) return first as never;
    return (await send(params)) as never;
  };
}
