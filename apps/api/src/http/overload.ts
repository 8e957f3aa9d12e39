import type { ApolloServerPlugin } from '@apollo/server';

/**
 * A refusal for load (OVERLOADED, kernel/errors.ts: the answer writer's queue is full) answers
 * with HTTP 503 and Retry-After, so clients, load balancers and the respondent's page see what it
 * is and come back later, instead of the usual 200 with an error in the body.
 */
export function overloadedAsHttp503<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const refusal = response.body.singleResult.errors?.find((error) => error.extensions?.code === 'OVERLOADED');
          if (!refusal) return;
          const retryAfter = Number(refusal.extensions?.retryAfter);
          response.http.status = 503;
          response.http.headers.set('retry-after', String(Number.isFinite(retryAfter) && retryAfter > 0 ? Math.ceil(retryAfter) : 1));
        },
      };
    },
  };
}
