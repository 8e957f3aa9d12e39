import { GraphQLError } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';

/** The first path of the variables at which a string holds a NUL character, or null. */
export function nulPath(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulPath(value[i], `${path}.${i}`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = nulPath(inner, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

/**
 * PostgreSQL text cannot hold the NUL character (U+0000): a variable carrying one would fail deep
 * in a statement as an unexpected error. It is refused up front, as BAD_USER_INPUT naming the
 * variable (a NUL inside the query document itself is already a parse error). Found by the fuzz
 * test (test/fuzz-mutations.test.ts) on login, issueApiToken, requestPasswordReset and unfollow.
 */
export function refuseNulText<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request }) {
          const field = nulPath(request.variables ?? {}, '');
          if (field) {
            throw new GraphQLError(`${field}: text may not contain the NUL character`, {
              extensions: { code: 'BAD_USER_INPUT', field, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
