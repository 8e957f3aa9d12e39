import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { ApiRequestError, fromGraphQLError } from './errors';

export const GRAPHQL_ENDPOINT = '/graphql';

/**
 * Sends one typed operation and returns its data, or throws an ApiRequestError.
 * The auth composable uses this directly (not Apollo), so that logging in and
 * refreshing never pass through the Apollo link that itself triggers refreshes.
 */
export type GraphQLRequest = <TData, TVariables extends Record<string, unknown>>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  accessToken?: string | null,
) => Promise<TData>;

export function createGraphQLRequest(
  endpoint: string = GRAPHQL_ENDPOINT,
  fetchImpl: typeof fetch = (...args) => globalThis.fetch(...args),
): GraphQLRequest {
  return async (document, variables, accessToken) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (accessToken) headers.authorization = `Bearer ${accessToken}`;

    let response: Response;
    try {
      response = await fetchImpl(endpoint, {
        method: 'POST',
        headers,
        credentials: 'same-origin',
        body: JSON.stringify({ query: print(document), variables }),
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

    const firstError = Array.isArray(body?.errors) ? body.errors[0] : undefined;
    if (firstError && typeof firstError === 'object') {
      throw new ApiRequestError(fromGraphQLError(firstError as Parameters<typeof fromGraphQLError>[0]));
    }
    if (!response.ok || !body || body.data == null) {
      throw new ApiRequestError({ code: 'NETWORK_ERROR', message: `HTTP ${response.status}` });
    }
    return body.data as never;
  };
}
