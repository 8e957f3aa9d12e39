/** GraphQL over HTTP: one request, its errors, and a logged-in session. */

export interface GraphQLError {
  message: string;
  extensions?: { code?: string; field?: string };
}

export class GraphQLRequestError extends Error {
  constructor(readonly errors: GraphQLError[]) {
    super(errors.map((e) => `${e.message}${e.extensions?.code ? ` (${e.extensions.code})` : ''}`).join('; '));
  }
  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

/** One GraphQL request; GraphQL errors are thrown as GraphQLRequestError. */
export async function graphql<T = Record<string, unknown>>(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let body: { data?: T; errors?: GraphQLError[] };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new Error(`HTTP ${response.status} from /graphql: ${text.slice(0, 200)}`);
  }
  if (body.errors?.length) throw new GraphQLRequestError(body.errors);
  if (!response.ok || body.data === undefined) throw new Error(`HTTP ${response.status} from /graphql without data`);
  return body.data;
}

/**
 * A logged-in user's access token, renewed by logging in again before it expires (tokens live
 * 15 minutes; a run at a million responses can take longer).
 */
export function session(url: string, email: string, password: string): () => Promise<string> {
  let token: string | null = null;
  let at = 0;
  return async () => {
    if (!token || Date.now() - at > 10 * 60_000) {
      const data = await graphql<{ login: { accessToken: string } }>(
        url,
        `mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }`,
        { email, password },
      );
      token = data.login.accessToken;
      at = Date.now();
    }
    return token;
  };
}
