import { describe, expect, it, vi } from 'vitest';
import { sessionFetcher } from './graphiql-fetcher';

const expired = { errors: [{ message: 'expired', extensions: { code: 'UNAUTHENTICATED' } }] };
const ok = { data: { viewer: { name: 'Ada' } } };

/** A fetch that answers the given bodies in turn and records the authorization header of each call. */
function fakeFetch(...bodies: unknown[]) {
  const seen: (string | undefined)[] = [];
  const fetchImpl = vi.fn(async (_url: unknown, init?: RequestInit) => {
    seen.push((init?.headers as Record<string, string>).authorization);
    return new Response(JSON.stringify(bodies.shift() ?? ok), { headers: { 'content-type': 'application/json' } });
  });
  return { fetchImpl: fetchImpl as unknown as typeof fetch, seen };
}

const params = { query: '{ viewer { name } }', operationName: null };

describe('GraphiQL on the session', () => {
  it('sends the current access token', async () => {
    const { fetchImpl, seen } = fakeFetch(ok);
    const fetcher = sessionFetcher({ getAccessToken: async () => 'a1', refresh: async () => true }, fetchImpl);
    await expect(fetcher(params)).resolves.toEqual(ok);
    expect(seen).toEqual(['Bearer a1']);
  });

  it('refreshes once and sends again with the new token when the token expired', async () => {
    let token = 'old';
    const refresh = vi.fn(async () => ((token = 'new'), true));
    const { fetchImpl, seen } = fakeFetch(expired, ok);
    const fetcher = sessionFetcher({ getAccessToken: async () => token, refresh }, fetchImpl);
    await expect(fetcher(params)).resolves.toEqual(ok);
    expect(seen).toEqual(['Bearer old', 'Bearer new']);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('shows the refusal when the session cannot be refreshed', async () => {
    const { fetchImpl, seen } = fakeFetch(expired);
    const fetcher = sessionFetcher({ getAccessToken: async () => 'old', refresh: async () => false }, fetchImpl);
    await expect(fetcher(params)).resolves.toEqual(expired);
    expect(seen).toHaveLength(1);
  });
});
