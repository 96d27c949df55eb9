import { useSyncExternalStore } from 'react';

/**
 * The signed-in session. The access token lives in memory only (never in storage a script could read later);
 * the refresh token, which the API hands over in the response body (it sets no cookie), is kept in this tab's
 * sessionStorage so a reload does not sign the person out, and it is gone when the tab closes. Each refresh
 * returns a new single-use refresh token (reusing one revokes the family), so the stored one is replaced every time.
 */
export interface Tokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  userId: string;
}

interface State {
  status: 'restoring' | 'anonymous' | 'signedIn';
  accessToken: string | null;
  userId: string | null;
}

const REFRESH_KEY = 'socle.refreshToken';
let state: State = { status: sessionStorage.getItem(REFRESH_KEY) ? 'restoring' : 'anonymous', accessToken: null, userId: null };
const listeners = new Set<() => void>();
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let refreshing: Promise<boolean> | undefined;

function set(next: State): void {
  state = next;
  for (const listener of listeners) listener();
}

export function currentSession(): State {
  return state;
}

export function useSession(): State {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}

export function startSession(tokens: Tokens): void {
  sessionStorage.setItem(REFRESH_KEY, tokens.refreshToken);
  clearTimeout(refreshTimer);
  // Renewed a little before it expires, so a page left open keeps working.
  refreshTimer = setTimeout(() => void refreshSession(), Math.max(5, tokens.expiresIn - 30) * 1000);
  set({ status: 'signedIn', accessToken: tokens.accessToken, userId: tokens.userId });
}

export function endSession(): void {
  sessionStorage.removeItem(REFRESH_KEY);
  clearTimeout(refreshTimer);
  set({ status: 'anonymous', accessToken: null, userId: null });
}

const REFRESH = `mutation Refresh($input: RefreshSessionInput!) { refreshSession(input: $input) { accessToken refreshToken expiresIn userId } }`;

/** Exchanges the stored refresh token for new tokens (once at a time); false when there is none or it was refused. */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    const refreshToken = sessionStorage.getItem(REFRESH_KEY);
    if (!refreshToken) {
      endSession();
      return false;
    }
    try {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        body: JSON.stringify({ query: REFRESH, variables: { input: { refreshToken } } }),
      });
      const body = (await response.json()) as { data?: { refreshSession?: Tokens } | null };
      if (!body.data?.refreshSession) {
        endSession();
        return false;
      }
      startSession(body.data.refreshSession);
      return true;
    } catch {
      endSession();
      return false;
    } finally {
      refreshing = undefined;
    }
  })();
  return refreshing;
}

function isUnauthenticated(body: unknown): boolean {
  const errors = (body as { errors?: { extensions?: { code?: string } }[] } | null)?.errors;
  return Array.isArray(errors) && errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
}

/** fetch for the GraphQL client: adds the access token, and after an expired one refreshes once and retries. */
export async function authenticatedFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const attempt = () => {
    const headers = new Headers(init.headers);
    if (state.accessToken) headers.set('authorization', `Bearer ${state.accessToken}`);
    return fetch(input, { ...init, headers });
  };
  const hadToken = state.accessToken !== null;
  const response = await attempt();
  if (!hadToken || (response.status !== 401 && response.status !== 200)) return response;
  const body: unknown = await response
    .clone()
    .json()
    .catch(() => null);
  if (!isUnauthenticated(body)) return response;
  return (await refreshSession()) ? attempt() : response;
}
