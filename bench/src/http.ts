/** GraphQL over HTTP, timing loops and percentiles. */

export interface Stats {
  /** Timed samples (after warm-up). */
  n: number;
  p50: number;
  p95: number;
  min: number;
  max: number;
  mean: number;
}

/** The nearest-rank percentile (0 < p ≤ 100) of samples; NaN for none. */
export function percentile(samples: readonly number[], p: number): number {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1];
}

export function stats(samples: readonly number[]): Stats {
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    n: samples.length,
    p50: round(percentile(samples, 50)),
    p95: round(percentile(samples, 95)),
    min: round(Math.min(...samples)),
    max: round(Math.max(...samples)),
    mean: round(samples.reduce((a, b) => a + b, 0) / samples.length),
  };
}

export interface TimingOptions {
  warmup: number;
  iterations: number;
  /** Stop timing after this long, with at least `minIterations` samples. */
  budgetMs: number;
  minIterations: number;
}

/**
 * Runs `fn` sequentially: `warmup` times untimed (at most a quarter of the budget long, and at
 * least twice), then up to `iterations` times timed (ms each), stopping once over the budget with
 * at least `minIterations` samples. Returns the samples and the last result.
 */
export async function timeLoop<T>(fn: () => Promise<T>, o: TimingOptions): Promise<{ samples: number[]; last: T }> {
  let last: T | undefined;
  const warm = performance.now() + o.budgetMs / 4;
  for (let i = 0; i < o.warmup && (i < 2 || performance.now() < warm); i++) last = await fn();
  const samples: number[] = [];
  const deadline = performance.now() + o.budgetMs;
  for (let i = 0; i < o.iterations; i++) {
    const started = performance.now();
    last = await fn();
    samples.push(performance.now() - started);
    if (samples.length >= o.minIterations && performance.now() > deadline) break;
  }
  if (last === undefined) last = await fn();
  return { samples, last };
}

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
