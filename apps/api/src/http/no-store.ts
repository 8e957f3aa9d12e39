import type { ApolloServerPlugin } from '@apollo/server';

/**
 * Every GraphQL answer is `Cache-Control: no-store`: it is the caller's own data (no answer is
 * cacheable, the schema gives no cache hints). Apollo's cache control plugin sent the same header,
 * but it is off (ApolloServerPluginCacheControlDisabled, http/server.ts): it computes a cache
 * policy for every field of every answer — objects and closures per field, which a breakdown of 200
 * groups paid for 3,000 times (docs/performance.md, issue 19) — only to conclude `no-store`.
 */
export function noStore<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (!response.http.headers.has('cache-control')) response.http.headers.set('cache-control', 'no-store');
        },
      };
    },
  };
}
