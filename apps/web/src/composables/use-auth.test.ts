import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OperationDefinitionNode } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { ApiRequestError } from '../api/errors';
import { REFRESH_TOKEN_KEY, createAuth } from './use-auth';

const MINUTE = 60_000;
const user = { id: 'u1', email: 'admin@demo.test', name: 'Ada Admin', roles: ['ADMIN' as const], orgUnit: { id: 'o1', name: 'HQ' } };
const unauthenticated = () => new ApiRequestError({ code: 'UNAUTHENTICATED', message: 'no' });

/**
 * An auth server with the real rules: refresh tokens are single-use, and
 * presenting a spent one revokes the whole family.
 */
function fakeServer({ lifetimeMs = 15 * MINUTE } = {}) {
  let serial = 0;
  const live = new Set<string>();
  const spent = new Set<string>();
  const state = { familyRevoked: false, failNext: null as Error | null };
  const calls: { op: string; variables: Record<string, unknown>; token: string | null | undefined }[] = [];

  const issue = () => {
    serial += 1;
    live.add(`refresh-${serial}`);
    return {
      accessToken: `access-${serial}`,
      refreshToken: `refresh-${serial}`,
      expiresAt: new Date(Date.now() + lifetimeMs).toISOString(),
    };
  };

  const request = async <TData, TVariables>(
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
    token?: string | null,
  ): Promise<TData> => {
    const op = (document.definitions[0] as OperationDefinitionNode).name!.value;
    const vars = variables as Record<string, string>;
    calls.push({ op, variables: vars, token });
    await Promise.resolve();
    if (state.failNext) {
      const error = state.failNext;
      state.failNext = null;
      throw error;
    }
    switch (op) {
      case 'Login':
        if (vars.password !== 'tandem-demo') throw new ApiRequestError({ code: 'INVALID_CREDENTIALS', message: 'bad' });
        return { login: issue() } as TData;
      case 'Refresh': {
        const presented = vars.refreshToken!;
        if (spent.has(presented)) {
          state.familyRevoked = true;
          live.clear();
        }
        if (!live.has(presented)) throw unauthenticated();
        live.delete(presented);
        spent.add(presented);
        return { refresh: issue() } as TData;
      }
      case 'Me':
        if (!token?.startsWith('access-')) throw unauthenticated();
        return { me: user } as TData;
      case 'Logout':
        live.delete(vars.refreshToken!);
        return { logout: true } as TData;
      default:
        throw new Error(`unexpected ${op}`);
    }
  };

  const count = (op: string) => calls.filter((call) => call.op === op).length;
  return { request, calls, state, live, count };
}

function memoryStorage() {
  const values = new Map<string, string>();
  return {
    values,
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
    removeItem: (key: string) => void values.delete(key),
  };
}

function setup(options: { lifetimeMs?: number } = {}) {
  const server = fakeServer(options);
  const storage = memoryStorage();
  const locks: string[] = [];
  const auth = createAuth({
    request: server.request as never,
    storage,
    lock: async (name, task) => {
      locks.push(name);
      return task();
    },
  });
  const ended: string[] = [];
  auth.onSessionEnd((reason) => ended.push(reason));
  return { auth, server, storage, ended, locks };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2025-03-01T09:00:00Z'));
});

afterEach(() => {
  vi.useRealTimers();
});

describe('login', () => {
  it('keeps the access token in memory and the refresh token in storage', async () => {
    const { auth, storage } = setup();
    await expect(auth.login('admin@demo.test', 'tandem-demo')).resolves.toEqual(user);
    expect(auth.isAuthenticated.value).toBe(true);
    expect(auth.user.value).toEqual(user);
    expect(auth.accessToken.value).toBe('access-1');
    expect(auth.expiresAt.value).toBe(Date.now() + 15 * MINUTE);
    expect(storage.values.get(REFRESH_TOKEN_KEY)).toBe('refresh-1');
    expect([...storage.values.values()]).not.toContain('access-1');
    expect(auth.hasAnyRole(['ADMIN', 'HR'])).toBe(true);
    expect(auth.hasAnyRole(['LEADER'])).toBe(false);
  });

  it('loads the user with me, using the new access token', async () => {
    const { auth, server } = setup();
    await auth.login('admin@demo.test', 'tandem-demo');
    expect(server.calls.map((call) => [call.op, call.token ?? null])).toEqual([
      ['Login', null],
      ['Me', 'access-1'],
    ]);
  });

  it('rejects bad credentials with a typed error and stores nothing', async () => {
    const { auth, storage } = setup();
    const failure = auth.login('admin@demo.test', 'wrong');
    await expect(failure).rejects.toBeInstanceOf(ApiRequestError);
    await expect(failure).rejects.toMatchObject({ error: { code: 'INVALID_CREDENTIALS' } });
    expect(auth.isAuthenticated.value).toBe(false);
    expect(storage.values.size).toBe(0);
  });
});

describe('refresh', () => {
  it('stores the rotated token and never sends a spent one', async () => {
    const { auth, server, storage, locks } = setup();
    await auth.login('admin@demo.test', 'tandem-demo');
    await expect(auth.refresh()).resolves.toBe(true);
    await expect(auth.refresh()).resolves.toBe(true);

    const sent = server.calls.filter((call) => call.op === 'Refresh').map((call) => call.variables.refreshToken);
    expect(sent).toEqual(['refresh-1', 'refresh-2']);
    expect(storage.values.get(REFRESH_TOKEN_KEY)).toBe('refresh-3');
    expect(auth.accessToken.value).toBe('access-3');
    expect(server.state.familyRevoked).toBe(false);
    expect(locks).toEqual(['tandem.refresh', 'tandem.refresh']);
  });

  it('shares one in-flight refresh between concurrent callers', async () => {
    const { auth, server } = setup();
    await auth.login('admin@demo.test', 'tandem-demo');
    const results = await Promise.all([auth.refresh(), auth.refresh(), auth.refresh()]);
    expect(results).toEqual([true, true, true]);
    expect(server.count('Refresh')).toBe(1);
    expect(server.state.familyRevoked).toBe(false);
    // The next one is a new request, with the newest token.
    await auth.refresh();
    expect(server.count('Refresh')).toBe(2);
    expect(server.state.familyRevoked).toBe(false);
  });

  it('uses the newest token in storage (another tab may have rotated it)', async () => {
    const { auth, server, storage } = setup();
    await auth.login('admin@demo.test', 'tandem-demo');
    server.live.add('refresh-from-other-tab');
    storage.setItem(REFRESH_TOKEN_KEY, 'refresh-from-other-tab');
    await auth.refresh();
    expect(server.calls.at(-1)?.variables.refreshToken).toBe('refresh-from-other-tab');
  });

  it('runs about a minute before the access token expires', async () => {
    const { auth, server } = setup();
    await auth.login('admin@demo.test', 'tandem-demo');
    await vi.advanceTimersByTimeAsync(14 * MINUTE - 1000);
    expect(server.count('Refresh')).toBe(0);
    await vi.advanceTimersByTimeAsync(2000);
    expect(server.count('Refresh')).toBe(1);
    expect(auth.accessToken.value).toBe('access-2');
    // ...and keeps going with each new token.
    await vi.advanceTimersByTimeAsync(14 * MINUTE);
    expect(server.count('Refresh')).toBe(2);
    expect(server.state.familyRevoked).toBe(false);
  });

  it('runs at half the lifetime of a token shorter than two minutes', async () => {
    const { auth, server } = setup({ lifetimeMs: 30_000 });
    await auth.login('admin@demo.test', 'tandem-demo');
    await vi.advanceTimersByTimeAsync(14_000);
    expect(server.count('Refresh')).toBe(0);
    await vi.advanceTimersByTimeAsync(2000);
    expect(server.count('Refresh')).toBe(1);
  });

  it('runs before a request when the token is about to expire (timers asleep)', async () => {
    const { auth, server } = setup();
    await auth.login('admin@demo.test', 'tandem-demo');
    expect(await auth.getAccessToken()).toBe('access-1');
    vi.setSystemTime(Date.now() + 15 * MINUTE - 5000); // the clock moved, no timer ran
    expect(await auth.getAccessToken()).toBe('access-2');
    expect(server.count('Refresh')).toBe(1);
  });

  it('ends the session when the server refuses', async () => {
    const { auth, server, storage, ended } = setup();
    await auth.login('admin@demo.test', 'tandem-demo');
    server.live.clear();
    await expect(auth.refresh()).resolves.toBe(false);
    expect(auth.isAuthenticated.value).toBe(false);
    expect(auth.user.value).toBeNull();
    expect(storage.values.has(REFRESH_TOKEN_KEY)).toBe(false);
    expect(ended).toEqual(['expired']);
    // Nothing left to send.
    await expect(auth.refresh()).resolves.toBe(false);
    expect(server.count('Refresh')).toBe(1);
  });

  it('ends the session when the server cannot be reached', async () => {
    const { auth, server, ended } = setup();
    await auth.login('admin@demo.test', 'tandem-demo');
    server.state.failNext = new ApiRequestError({ code: 'NETWORK_ERROR', message: 'offline' });
    await expect(auth.refresh()).resolves.toBe(false);
    expect(ended).toEqual(['expired']);
  });
});

describe('logout', () => {
  it('revokes the refresh token on the server, then clears the session', async () => {
    const { auth, server, storage, ended } = setup();
    await auth.login('admin@demo.test', 'tandem-demo');
    await auth.logout();
    expect(server.calls.at(-1)).toEqual({ op: 'Logout', variables: { refreshToken: 'refresh-1' }, token: 'access-1' });
    expect(server.calls.map((call) => call.op)).toEqual(['Login', 'Me', 'Logout']);
    expect(server.live.size).toBe(0);
    expect(auth.isAuthenticated.value).toBe(false);
    expect(storage.values.size).toBe(0);
    expect(ended).toEqual(['logout']);
  });

  it('clears the session even when the server fails', async () => {
    const { auth, server } = setup();
    await auth.login('admin@demo.test', 'tandem-demo');
    server.state.failNext = new ApiRequestError({ code: 'NETWORK_ERROR', message: 'offline' });
    await auth.logout();
    expect(auth.isAuthenticated.value).toBe(false);
  });

  it('waits for a running refresh and revokes the new token', async () => {
    const { auth, server } = setup();
    await auth.login('admin@demo.test', 'tandem-demo');
    const refreshing = auth.refresh();
    await auth.logout();
    await refreshing;
    expect(server.calls.map((call) => call.op)).toEqual(['Login', 'Me', 'Refresh', 'Logout']);
    expect(server.calls.at(-1)?.variables.refreshToken).toBe('refresh-2');
    expect(server.live.size).toBe(0);
  });

  it('stops the refresh timer', async () => {
    const { auth, server } = setup();
    await auth.login('admin@demo.test', 'tandem-demo');
    await auth.logout();
    await vi.advanceTimersByTimeAsync(60 * MINUTE);
    expect(server.count('Refresh')).toBe(0);
  });
});

describe('restore (page load)', () => {
  it('refreshes with the stored token, then loads me', async () => {
    const first = setup();
    await first.auth.login('admin@demo.test', 'tandem-demo');

    // A new page: same storage and server, fresh memory.
    const auth = createAuth({ request: first.server.request as never, storage: first.storage, lock: (_n, task) => task() });
    await expect(auth.restore()).resolves.toBe(true);
    expect(first.server.calls.slice(-2).map((call) => [call.op, call.token ?? call.variables.refreshToken])).toEqual([
      ['Refresh', 'refresh-1'],
      ['Me', 'access-2'],
    ]);
    expect(auth.user.value).toEqual(user);
    expect(first.storage.values.get(REFRESH_TOKEN_KEY)).toBe('refresh-2');
  });

  it('does nothing without a stored token', async () => {
    const { auth, server } = setup();
    await expect(auth.restore()).resolves.toBe(false);
    expect(server.calls).toEqual([]);
  });

  it('forgets a token the server refuses, quietly', async () => {
    const { auth, storage, ended } = setup();
    storage.setItem(REFRESH_TOKEN_KEY, 'revoked');
    await expect(auth.restore()).resolves.toBe(false);
    expect(storage.values.size).toBe(0);
    expect(ended).toEqual([]);
  });
});
