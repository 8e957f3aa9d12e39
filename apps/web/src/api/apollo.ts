import {
  ApolloClient,
  ApolloLink,
  HttpLink,
  InMemoryCache,
  Observable,
  type FetchResult,
  type NormalizedCacheObject,
} from '@apollo/client/core';
import { setContext } from '@apollo/client/link/context';
import { isUnauthenticated } from './errors';
import { GRAPHQL_ENDPOINT } from './request';

export interface SessionHooks {
  /** The access token to send, refreshed first when about to expire. */
  getAccessToken(): Promise<string | null>;
  /** Refreshes the session; false when it could not (the session has then ended). */
  refresh(): Promise<boolean>;
}

/** Adds `Authorization: Bearer <token>` to every operation. */
export function createAuthLink(session: Pick<SessionHooks, 'getAccessToken'>): ApolloLink {
  return setContext(async (_operation, context) => {
    const token = await session.getAccessToken();
    if (!token) return {};
    return { headers: { ...(context.headers as Record<string, string> | undefined), authorization: `Bearer ${token}` } };
  });
}

/**
 * When an operation fails with UNAUTHENTICATED (in the GraphQL errors, or in
 * the body of an HTTP error), refreshes the session once and retries the
 * operation. If the refresh fails, the original result is passed on and the
 * session has ended (the router then shows the login page).
 */
export function createRefreshLink(session: Pick<SessionHooks, 'refresh'>): ApolloLink {
  return new ApolloLink(
    (operation, forward) =>
      new Observable<FetchResult>((observer) => {
        let subscription: { unsubscribe(): void } | undefined;
        let closed = false;

        const refreshThenRetry = (giveUp: () => void) => {
          session.refresh().then(
            (refreshed) => {
              if (closed) return;
              if (refreshed) attempt(false);
              else giveUp();
            },
            () => {
              if (!closed) giveUp();
            },
          );
        };

        const attempt = (mayRetry: boolean) => {
          let retrying = false;
          subscription = forward(operation).subscribe({
            next(result) {
              if (mayRetry && result.errors && isUnauthenticated(result.errors)) {
                retrying = true;
                refreshThenRetry(() => {
                  observer.next(result);
                  observer.complete();
                });
                return;
              }
              observer.next(result);
            },
            error(error) {
              if (mayRetry && isUnauthenticated(error)) {
                retrying = true;
                refreshThenRetry(() => observer.error(error));
                return;
              }
              observer.error(error);
            },
            complete() {
              if (!retrying) observer.complete();
            },
          });
        };

        attempt(true);
        return () => {
          closed = true;
          subscription?.unsubscribe();
        };
      }),
  );
}

export function createApolloClient(session: SessionHooks): ApolloClient<NormalizedCacheObject> {
  return new ApolloClient({
    link: ApolloLink.from([
      createRefreshLink(session),
      createAuthLink(session),
      new HttpLink({ uri: GRAPHQL_ENDPOINT, credentials: 'same-origin' }),
    ]),
    cache: new InMemoryCache(),
    defaultOptions: {
      watchQuery: { fetchPolicy: 'cache-and-network', errorPolicy: 'none' },
    },
  });
}
