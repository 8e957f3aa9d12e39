import { Readable } from 'node:stream';
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { errorFromBody, errorFromGraphQL, TandemError, type GraphQLErrorBody } from './errors.js';
import { Subscriptions } from './subscriptions.js';
import { ExportJobDocument, IssueApiTokenDocument, type ExportJobFieldsFragment, type ListOrder } from './gql/graphql.js';

/** A typed operation: the documents of this package (src/gql) or any other generated the same way. */
export type TypedDocument<TResult, TVariables> = DocumentTypeDecoration<TResult, TVariables> & { toString(): string };

/** The variables argument: optional when the operation has no required variable. */
export type VariablesOf<TVariables> = Record<string, never> extends TVariables ? [variables?: TVariables] : [variables: TVariables];

interface CommonOptions {
  /** The GraphQL endpoint, e.g. https://tandem.example.com/graphql (exports are fetched beside it). */
  url: string;
  /** Retries of a request answered 429 (after its Retry-After), 502, 503 or 504, or lost to a network error (default 3). */
  maxRetries?: number;
  /** The first retry's wait when the answer names none, doubling each time, with jitter (default 500 ms). */
  retryDelayMs?: number;
  /** The longest wait before a retry (default 30 s). */
  maxRetryDelayMs?: number;
  /** A fetch implementation (default: the global fetch). */
  fetch?: typeof fetch;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
  /** For subscribe: a WebSocket implementation (default: the global WebSocket of Node 22+, else the `ws` package). */
  webSocketImpl?: unknown;
}

/** An API client's credentials: the SDK asks for access tokens (issueApiToken) and renews them before they expire. */
export interface ClientCredentialsOptions extends CommonOptions {
  clientId: string;
  clientSecret: string;
  /** Renew the access token this long before it expires (default 60 s). */
  renewBeforeMs?: number;
  token?: never;
}

/** A bearer token you already have (a user's access token, or an API client's from elsewhere); never renewed. */
export interface TokenOptions extends CommonOptions {
  token: string;
  clientId?: never;
  clientSecret?: never;
}

export type TandemClientOptions = ClientCredentialsOptions | TokenOptions;

/** The part of a Relay connection paginate and sync need. */
export interface Connection<TNode> {
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges: ReadonlyArray<{ node: TNode }>;
}

/** Variables of a list operation paginate can page through. */
export interface PageVariables {
  first?: number | null;
  after?: string | null;
}

/** Variables of a list operation sync can read (responses, followUps): order and filter.updatedSince. */
export interface SyncVariables extends PageVariables {
  order?: ListOrder | null;
  filter?: { updatedSince?: string | null } | null;
}

export interface SyncOptions<TVariables> {
  /** Read what changed at or after this moment; null or left out for everything (the first run). */
  since?: string | Date | null;
  /** The operation's other variables (filter fields besides updatedSince). */
  variables?: Omit<TVariables, 'after' | 'order'>;
  /** Subtracted from the moment the run starts to give nextSince, for clocks that differ (default 60 s). */
  safetyMarginMs?: number;
}

/** An incremental sync: iterate it to the end, then keep nextSince for the next run. */
export interface SyncRun<TNode> extends AsyncIterable<TNode> {
  /** Where the next run starts: the moment this run started, minus the safety margin. Set once iteration starts. */
  readonly nextSince: string;
}

export interface WaitForExportOptions {
  /** Between two polls of exportJob (default 1 s). */
  intervalMs?: number;
  /** Give up after this long (default 10 minutes). */
  timeoutMs?: number;
}

const RETRY_STATUSES = new Set([429, 502, 503, 504]);

/**
 * A client of Tandem's GraphQL API.
 *
 * ```ts
 * const tandem = new TandemClient({ url: 'https://tandem.example.com/graphql', clientId, clientSecret });
 * const { organization } = await tandem.request(OrganizationDocument);
 * ```
 */
export class TandemClient {
  readonly url: string;
  private readonly options: TandemClientOptions;
  private readonly fetchImpl: typeof fetch;
  private accessToken: { value: string; renewAt: number } | null = null;
  private issuing: Promise<string> | null = null;
  private subscriptions: Subscriptions | null = null;

  constructor(options: TandemClientOptions) {
    if (!options.token && !(options.clientId && options.clientSecret)) throw new TypeError('TandemClient needs { url, token } or { url, clientId, clientSecret }');
    this.options = options;
    this.url = options.url;
    this.fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  /**
   * Runs one operation and returns its data, typed by the document. Throws TandemError for any
   * GraphQL error (code, field, requiredScopes), for an HTTP error, and for a network failure
   * that outlasted the retries. An expired or revoked access token is renewed once per request
   * when the client has credentials.
   */
  async request<TResult, TVariables>(document: TypedDocument<TResult, TVariables>, ...[variables]: VariablesOf<TVariables>): Promise<TResult> {
    const query = document.toString();
    for (let renewed = false; ; renewed = true) {
      const token = await this.token();
      try {
        return await this.post<TResult>(query, variables, token);
      } catch (error) {
        const expired = error instanceof TandemError && error.code === 'UNAUTHENTICATED';
        if (!expired || renewed || this.options.token) throw error;
        this.accessToken = null;
      }
    }
  }

  /**
   * Every node of a connection, a page at a time (`first` per page, default 100): pass the
   * operation's variables without `after`, and where its connection is in the data.
   *
   * ```ts
   * for await (const wave of tandem.paginate(WavesDocument, { first: 100 }, (data) => data.waves)) console.log(wave.name);
   * ```
   */
  async *paginate<TResult, TVariables extends PageVariables, TNode>(
    document: TypedDocument<TResult, TVariables>,
    variables: Omit<TVariables, 'after'>,
    pick: (data: TResult) => Connection<TNode>,
  ): AsyncGenerator<TNode, void, undefined> {
    let after: string | null = null;
    for (;;) {
      const page: Connection<TNode> = pick(await this.request(document, ...([{ first: 100, ...variables, after } as TVariables] as VariablesOf<TVariables>)));
      for (const edge of page.edges) yield edge.node;
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return;
      after = page.pageInfo.endCursor;
    }
  }

  /**
   * An incremental sync of responses or follow-ups: what changed since `since`, oldest first
   * (order OLDEST_FIRST, filter.updatedSince). Upsert each node by id on your side (a row changed
   * during the run may come twice), and once the loop ends store `nextSince` for the next run.
   *
   * ```ts
   * const run = tandem.sync(ResponsesDocument, { since: checkpoint }, (data) => data.responses);
   * for await (const response of run) await save(response);
   * checkpoint = run.nextSince;
   * ```
   */
  sync<TResult, TVariables extends SyncVariables, TNode>(
    document: TypedDocument<TResult, TVariables>,
    options: SyncOptions<TVariables>,
    pick: (data: TResult) => Connection<TNode>,
  ): SyncRun<TNode> {
    const client = this;
    const since = options.since instanceof Date ? options.since.toISOString() : (options.since ?? null);
    const given = (options.variables ?? {}) as SyncVariables;
    let nextSince: string | null = null;
    return {
      get nextSince(): string {
        if (nextSince === null) throw new Error('nextSince is known once the sync has started: iterate it first');
        return nextSince;
      },
      async *[Symbol.asyncIterator]() {
        nextSince = new Date(Date.now() - (options.safetyMarginMs ?? 60_000)).toISOString();
        const variables = { ...given, order: 'OLDEST_FIRST', filter: { ...given.filter, ...(since ? { updatedSince: since } : {}) } } as Omit<TVariables, 'after'>;
        yield* client.paginate(document, variables, pick);
      },
    };
  }

  /** Polls exportJob(id) until the export is DONE and returns it; throws TandemError when it FAILED or EXPIRED. */
  async waitForExport(id: string, options: WaitForExportOptions = {}): Promise<ExportJobFieldsFragment> {
    const end = Date.now() + (options.timeoutMs ?? 600_000);
    for (;;) {
      const { exportJob } = await this.request(ExportJobDocument, { id });
      if (exportJob.status === 'DONE') return exportJob;
      if (exportJob.status === 'FAILED' || exportJob.status === 'EXPIRED') {
        throw new TandemError({ message: exportJob.error ?? `The export is ${exportJob.status}`, code: 'INVALID_STATE', field: 'id' });
      }
      if (Date.now() > end) throw new TandemError({ message: `The export is still ${exportJob.status}`, code: 'TIMEOUT' });
      await sleep(options.intervalMs ?? 1000);
    }
  }

  /**
   * The file of a DONE export, streamed (GET /exports/<id> beside the GraphQL endpoint, with the
   * same bearer token that started it). Pipe it somewhere:
   *
   * ```ts
   * await pipeline(await tandem.downloadExport(job), createWriteStream('responses.csv'));
   * ```
   */
  async downloadExport(job: { id: string } | string): Promise<Readable> {
    const id = typeof job === 'string' ? job : job.id;
    const url = new URL(this.url);
    url.pathname = url.pathname.replace(/\/graphql\/?$/, '') + `/exports/${encodeURIComponent(id)}`;
    url.search = '';
    const response = await this.send(url.toString(), { method: 'GET', headers: { authorization: `Bearer ${await this.token()}` } });
    if (!response.ok || !response.body) throw errorFromBody(response.status, await response.json().catch(() => null));
    return Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>);
  }

  /**
   * A subscription's events over graphql-ws on the same endpoint, each typed as the document's
   * data, until you break out of the loop (or call close()). One connection serves every
   * subscription of the client; its token is renewed at each reconnect. Needs the optional
   * packages graphql-ws and, on Node 20, ws. A refused subscription throws TandemError.
   *
   * ```ts
   * for await (const { responseCreated } of tandem.subscribe(ResponseCreatedDocument, { waveId })) console.log(responseCreated.score);
   * ```
   */
  subscribe<TResult, TVariables>(document: TypedDocument<TResult, TVariables>, ...[variables]: VariablesOf<TVariables>): AsyncGenerator<TResult, void, undefined> {
    this.subscriptions ??= new Subscriptions({ url: this.url, token: () => this.token(), webSocketImpl: this.options.webSocketImpl });
    return this.subscriptions.subscribe<TResult>(document.toString(), variables);
  }

  /** Closes the subscriptions' connection, if one is open (requests need no closing). */
  async close(): Promise<void> {
    const subscriptions = this.subscriptions;
    this.subscriptions = null;
    await subscriptions?.close();
  }

  /** The access token to send: the given one, or a fresh one from issueApiToken (one request at a time). */
  protected async token(): Promise<string> {
    if (this.options.token) return this.options.token;
    if (this.accessToken && Date.now() < this.accessToken.renewAt) return this.accessToken.value;
    this.issuing ??= this.issueToken().finally(() => (this.issuing = null));
    return this.issuing;
  }

  private async issueToken(): Promise<string> {
    const { clientId, clientSecret, renewBeforeMs = 60_000 } = this.options as ClientCredentialsOptions;
    const { issueApiToken } = await this.post<{ issueApiToken: { accessToken: string; expiresAt: string } }>(IssueApiTokenDocument.toString(), { clientId, clientSecret }, null);
    const expiresAt = Date.parse(issueApiToken.expiresAt);
    // Renew before it expires, but never sooner than halfway through its life.
    const renewAt = Math.max(expiresAt - renewBeforeMs, Date.now() + (expiresAt - Date.now()) / 2);
    this.accessToken = { value: issueApiToken.accessToken, renewAt };
    return issueApiToken.accessToken;
  }

  private async post<TResult>(query: string, variables: unknown, token: string | null): Promise<TResult> {
    const response = await this.send(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(variables === undefined ? { query } : { query, variables }),
    });
    const body = (await response.json().catch(() => null)) as { data?: TResult | null; errors?: GraphQLErrorBody[] } | null;
    if (body?.errors?.length) throw errorFromGraphQL(body.errors, response.status, body.data);
    if (!response.ok || !body?.data) throw errorFromBody(response.status, body);
    return body.data;
  }

  /** fetch with the retries: 429 (after Retry-After), 502, 503, 504 and network errors; never another 4xx. */
  private async send(url: string, init: RequestInit): Promise<Response> {
    const maxRetries = this.options.maxRetries ?? 3;
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await this.fetchImpl(url, { ...init, headers: { ...this.options.headers, ...(init.headers as Record<string, string>) } });
      } catch (error) {
        if (attempt >= maxRetries) throw new TandemError({ message: `Could not reach ${url}: ${(error as Error).message}`, code: 'NETWORK_ERROR', cause: error });
        await sleep(this.backoff(attempt, null));
        continue;
      }
      if (!RETRY_STATUSES.has(response.status) || attempt >= maxRetries) return response;
      await response.body?.cancel();
      await sleep(this.backoff(attempt, response.headers));
    }
  }

  /** Retry-After (seconds or an HTTP date) when the answer gives one, else exponential backoff with jitter. */
  private backoff(attempt: number, headers: Headers | null): number {
    const max = this.options.maxRetryDelayMs ?? 30_000;
    const retryAfter = headers?.get('retry-after');
    if (retryAfter) {
      const ms = /^\d+$/.test(retryAfter.trim()) ? Number(retryAfter) * 1000 : Date.parse(retryAfter) - Date.now();
      if (Number.isFinite(ms)) return Math.min(Math.max(ms, 0), max);
    }
    const base = (this.options.retryDelayMs ?? 500) * 2 ** attempt;
    return Math.min(base / 2 + Math.random() * (base / 2), max);
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
