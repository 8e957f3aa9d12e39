import { describe, expect, it, vi } from 'vitest';
import { ApolloLink, Observable, execute, gql, type FetchResult } from '@apollo/client/core';
import { createAuthLink, createRefreshLink } from './apollo';

const query = gql`
  query Probe {
    me {
      id
    }
  }
`;

const unauthenticated: FetchResult = {
  errors: [{ message: 'expired', extensions: { code: 'UNAUTHENTICATED' } }] as never,
};
const ok: FetchResult = { data: { me: { id: '1' } } };

/** A terminating link that answers with the given results in turn and records the headers it saw. */
function server(...results: (FetchResult | Error)[]) {
  const seen: (string | undefined)[] = [];
  const link = new ApolloLink(
    (operation) =>
      new Observable<FetchResult>((observer) => {
        seen.push((operation.getContext().headers as Record<string, string> | undefined)?.authorization);
        const next = results.shift() ?? ok;
        if (next instanceof Error) observer.error(next);
        else {
          observer.next(next);
          observer.complete();
        }
      }),
  );
  return { link, seen };
}

const run = (link: ApolloLink) =>
  new Promise<FetchResult>((resolve, reject) => {
    const results: FetchResult[] = [];
    execute(link, { query }).subscribe({
      next: (result) => results.push(result),
      error: reject,
      complete: () => (results.length === 1 ? resolve(results[0]!) : reject(new Error(`${results.length} results`))),
    });
  });

describe('refresh link', () => {
  it('refreshes once and retries with the new token on UNAUTHENTICATED', async () => {
    let token = 'old';
    const refresh = vi.fn(async () => {
      token = 'new';
      return true;
    });
    const { link, seen } = server(unauthenticated, ok);
    const chain = ApolloLink.from([createRefreshLink({ refresh }), createAuthLink({ getAccessToken: async () => token }), link]);

    await expect(run(chain)).resolves.toEqual(ok);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(seen).toEqual(['Bearer old', 'Bearer new']);
  });

  it('does not retry a second time', async () => {
    const refresh = vi.fn(async () => true);
    const { link, seen } = server(unauthenticated, unauthenticated);
    const result = await run(ApolloLink.from([createRefreshLink({ refresh }), link]));
    expect(result).toEqual(unauthenticated);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(seen).toHaveLength(2);
  });

  it('passes the original result on when the refresh fails', async () => {
    const refresh = vi.fn(async () => false);
    const { link, seen } = server(unauthenticated);
    await expect(run(ApolloLink.from([createRefreshLink({ refresh }), link]))).resolves.toEqual(unauthenticated);
    expect(seen).toHaveLength(1);
  });

  it('also handles UNAUTHENTICATED in the body of an HTTP error', async () => {
    const httpError = Object.assign(new Error('401'), {
      statusCode: 401,
      result: { errors: [{ message: 'expired', extensions: { code: 'UNAUTHENTICATED' } }] },
    });
    const refresh = vi.fn(async () => true);
    const { link } = server(httpError, ok);
    await expect(run(ApolloLink.from([createRefreshLink({ refresh }), link]))).resolves.toEqual(ok);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('leaves other errors alone', async () => {
    const refresh = vi.fn(async () => true);
    const forbidden: FetchResult = { errors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }] as never };
    const { link } = server(forbidden);
    await expect(run(ApolloLink.from([createRefreshLink({ refresh }), link]))).resolves.toEqual(forbidden);
    await expect(run(ApolloLink.from([createRefreshLink({ refresh }), server(new TypeError('offline')).link]))).rejects.toThrow(
      'offline',
    );
    expect(refresh).not.toHaveBeenCalled();
  });
});

describe('auth link', () => {
  it('sends no Authorization header without a token', async () => {
    const { link, seen } = server(ok);
    await run(ApolloLink.from([createAuthLink({ getAccessToken: async () => null }), link]));
    expect(seen).toEqual([undefined]);
  });
});
