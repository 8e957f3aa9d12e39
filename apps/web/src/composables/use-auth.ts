import { computed, readonly, shallowRef, type ComputedRef, type Ref } from 'vue';
import { graphql } from '../gql';
import type { MeQuery, Role } from '../gql/graphql';
import { createGraphQLRequest, type GraphQLRequest } from '../api/request';

// The session: a short-lived access token kept in memory, a rotating refresh
// token kept in localStorage, and the signed-in user.
//
// Refresh tokens rotate: every refresh returns a new one and the old one is
// spent; sending a spent token again makes the server revoke the whole family.
// So a refresh always reads the newest token from storage, stores the new one
// before anything else can run, and concurrent callers share one in-flight
// refresh (and, across tabs, one Web Lock).

export const REFRESH_TOKEN_KEY = 'tandem.refresh';
/** Refresh this long before the access token expires. */
export const REFRESH_LEAD_MS = 60_000;
/** A request made this close to expiry refreshes first. */
const EXPIRY_MARGIN_MS = 10_000;

const LoginMutation = graphql(`
  mutation Login($email: String!, $password: String!, $totpCode: String, $recoveryCode: String) {
    login(email: $email, password: $password, totpCode: $totpCode, recoveryCode: $recoveryCode) {
      accessToken
      refreshToken
      expiresAt
    }
  }
`);

const RefreshMutation = graphql(`
  mutation Refresh($refreshToken: String!) {
    refresh(refreshToken: $refreshToken) {
      accessToken
      refreshToken
      expiresAt
    }
  }
`);

const LogoutMutation = graphql(`
  mutation Logout($refreshToken: String!) {
    logout(refreshToken: $refreshToken)
  }
`);

const MeQueryDocument = graphql(`
  query Me {
    me {
      id
      email
      name
      roles
      orgUnit {
        id
        name
      }
    }
  }
`);

export type SessionUser = MeQuery['me'];
export type SessionEndReason = 'logout' | 'expired';

interface TokenPayload {
  accessToken: string;
  refreshToken?: string | null;
  expiresAt: string;
}

interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface AuthOptions {
  request?: GraphQLRequest;
  storage?: KeyValueStorage;
  now?: () => number;
  /** Serializes refreshes across tabs; defaults to the Web Locks API when present. */
  lock?: <T>(name: string, task: () => Promise<T>) => Promise<T>;
}

export interface Auth {
  readonly user: Readonly<Ref<SessionUser | null>>;
  readonly accessToken: Readonly<Ref<string | null>>;
  /** Access token expiry, epoch milliseconds. */
  readonly expiresAt: Readonly<Ref<number | null>>;
  readonly isAuthenticated: ComputedRef<boolean>;
  hasAnyRole(roles: readonly Role[]): boolean;
  /**
   * Logs in; throws an ApiRequestError (INVALID_CREDENTIALS, TOO_MANY_ATTEMPTS, NETWORK_ERROR, ...) on
   * failure, TOTP_REQUIRED when the account has a second factor and no totpCode (nor recoveryCode) was given.
   */
  login(email: string, password: string, totpCode?: string | null, recoveryCode?: string | null): Promise<SessionUser>;
  /** Revokes the refresh token on the server (best effort) and clears the session. */
  logout(): Promise<void>;
  /** Exchanges the stored refresh token for new tokens; on failure the session ends. */
  refresh(): Promise<boolean>;
  /** Restores a session from a stored refresh token (page load). Resolves once settled. */
  restore(): Promise<boolean>;
  /** The access token for a request, refreshed first when it is about to expire. */
  getAccessToken(): Promise<string | null>;
  /** Ends the session in this tab only (for example when another tab logged out). */
  clear(reason: SessionEndReason): void;
  /** Called whenever a session ends, with why. Returns an unsubscribe function. */
  onSessionEnd(listener: (reason: SessionEndReason) => void): () => void;
}

const memoryStorage = (): KeyValueStorage => {
  const values = new Map<string, string>();
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
    removeItem: (key) => void values.delete(key),
  };
};

const defaultLock = <T>(name: string, task: () => Promise<T>): Promise<T> => {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? (locks.request(name, task) as Promise<T>) : task();
};

export function createAuth(options: AuthOptions = {}): Auth {
  const request = options.request ?? createGraphQLRequest();
  const storage = options.storage ?? (typeof localStorage !== 'undefined' ? localStorage : memoryStorage());
  const now = options.now ?? Date.now;
  const lock = options.lock ?? defaultLock;

  const user = shallowRef<SessionUser | null>(null);
  const accessToken = shallowRef<string | null>(null);
  const expiresAt = shallowRef<number | null>(null);
  const listeners = new Set<(reason: SessionEndReason) => void>();

  let refreshInFlight: Promise<boolean> | null = null;
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;

  const storedRefreshToken = (): string | null => storage.getItem(REFRESH_TOKEN_KEY);

  function scheduleRefresh(): void {
    clearTimeout(refreshTimer);
    refreshTimer = undefined;
    if (expiresAt.value === null || !storedRefreshToken()) return;
    const lifetime = expiresAt.value - now();
    // ~60 s before expiry; for very short-lived tokens, at half their lifetime.
    const delay = Math.max(lifetime - REFRESH_LEAD_MS, lifetime / 2, 0);
    refreshTimer = setTimeout(() => void refresh(), delay);
  }

  function applyTokens(payload: TokenPayload): void {
    // Store the rotated refresh token first: the old one is spent from now on.
    if (payload.refreshToken) storage.setItem(REFRESH_TOKEN_KEY, payload.refreshToken);
    accessToken.value = payload.accessToken;
    const expiry = Date.parse(payload.expiresAt);
    expiresAt.value = Number.isNaN(expiry) ? null : expiry;
    scheduleRefresh();
  }

  function clear(reason: SessionEndReason): void {
    const hadSession = accessToken.value !== null || user.value !== null;
    clearTimeout(refreshTimer);
    refreshTimer = undefined;
    storage.removeItem(REFRESH_TOKEN_KEY);
    accessToken.value = null;
    expiresAt.value = null;
    user.value = null;
    if (hadSession) for (const listener of listeners) listener(reason);
  }

  async function loadMe(): Promise<SessionUser> {
    const data = await request(MeQueryDocument, {}, accessToken.value);
    user.value = data.me;
    return data.me;
  }

  async function login(email: string, password: string, totpCode: string | null = null, recoveryCode: string | null = null): Promise<SessionUser> {
    await refreshInFlight?.catch(() => undefined);
    const data = await request(LoginMutation, { email, password, ...(totpCode ? { totpCode } : {}), ...(recoveryCode ? { recoveryCode } : {}) });
    applyTokens(data.login);
    // `me` is the one source of the session's user, after login as after a page load.
    try {
      return await loadMe();
    } catch (error) {
      clear('expired');
      throw error;
    }
  }

  function refresh(): Promise<boolean> {
    refreshInFlight ??= (async () => {
      try {
        const refreshed = await lock('tandem.refresh', async () => {
          // Read inside the lock: another tab may have rotated it meanwhile.
          const refreshToken = storedRefreshToken();
          if (!refreshToken) return false;
          const data = await request(RefreshMutation, { refreshToken });
          applyTokens(data.refresh);
          return true;
        });
        if (!refreshed) clear('expired');
        return refreshed;
      } catch {
        clear('expired');
        return false;
      } finally {
        refreshInFlight = null;
      }
    })();
    return refreshInFlight;
  }

  async function restore(): Promise<boolean> {
    if (!storedRefreshToken()) return false;
    if (!(await refresh())) return false;
    try {
      await loadMe();
      return true;
    } catch {
      clear('expired');
      return false;
    }
  }

  async function logout(): Promise<void> {
    // Let a running refresh finish, so we revoke the newest token, not a spent one.
    await refreshInFlight;
    const refreshToken = storedRefreshToken();
    const token = accessToken.value;
    clear('logout');
    if (refreshToken) {
      try {
        await request(LogoutMutation, { refreshToken }, token);
      } catch {
        // The session is gone locally either way; the token expires on its own.
      }
    }
  }

  async function getAccessToken(): Promise<string | null> {
    if (refreshInFlight) await refreshInFlight;
    const expiry = expiresAt.value;
    if (accessToken.value && expiry !== null && expiry - now() < EXPIRY_MARGIN_MS && storedRefreshToken()) {
      await refresh();
    }
    return accessToken.value;
  }

  return {
    user: readonly(user) as Readonly<Ref<SessionUser | null>>,
    accessToken: readonly(accessToken),
    expiresAt: readonly(expiresAt),
    isAuthenticated: computed(() => user.value !== null && accessToken.value !== null),
    hasAnyRole: (roles) => user.value?.roles.some((role) => roles.includes(role)) ?? false,
    login,
    logout,
    refresh,
    restore,
    getAccessToken,
    clear,
    onSessionEnd(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

let appAuth: Auth | undefined;

/** The app's one session. Another tab logging out ends it here too. */
export function useAuth(): Auth {
  if (!appAuth) {
    const auth = createAuth();
    if (typeof window !== 'undefined') {
      window.addEventListener('storage', (event) => {
        if (event.key === REFRESH_TOKEN_KEY && event.newValue === null && auth.isAuthenticated.value) {
          auth.clear('logout');
        }
      });
    }
    appAuth = auth;
  }
  return appAuth;
}
