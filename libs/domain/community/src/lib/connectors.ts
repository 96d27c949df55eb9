import type { ConnectorContext, Credentials, HttpClient } from '@socle/connector-sdk';

export const CONNECTOR_REGISTRY = Symbol('CONNECTOR_REGISTRY');
export const CONNECTOR_CONTEXT = Symbol('CONNECTOR_CONTEXT');

/**
 * The account's identity as the unique key (organisation, network, handle) uses
 * it, from the credentials alone: the `handle` secret, else `username`, qualified
 * by the service's host when it is a bare name (a user name is unique per
 * instance only); networks without authentication (feeds) are their URL.
 */
export function handleOf(credentials: Credentials, authKind: string): string | null {
  if (authKind === 'none') return credentials.serviceUrl;
  const name: unknown = credentials.secrets.handle ?? credentials.secrets.username;
  if (name === undefined || name === null || name === '') return credentials.serviceUrl;
  // A name that is not a text (a network answering a list or an object) names no account.
  if (typeof name !== 'string') return null;
  if (/[.@]/.test(name)) return name;
  try {
    return `${name}@${new URL(credentials.serviceUrl).host}`;
  } catch {
    return name;
  }
}

/** Secrets whose name says they refresh the others (refreshToken, refreshJwt…). */
export function isRefreshSecret(name: string): boolean {
  return /refresh/i.test(name);
}

/**
 * New credentials over old ones: a refresh secret the network did not issue again
 * is kept, never dropped (a reconnect or a refresh without a new one must not
 * destroy the only way back in), with the old values it works with (e.g. the
 * OAuth client id and secret) when the new credentials lack them.
 */
export function keepRefreshSecrets(previous: Credentials | null, next: Credentials): Credentials {
  if (!previous) return next;
  const kept = Object.entries(previous.secrets).filter(([name, value]) => isRefreshSecret(name) && value && !next.secrets[name]);
  if (kept.length === 0) return next;
  const secrets = { ...next.secrets };
  for (const [name, value] of Object.entries(previous.secrets)) if (!secrets[name] && value) secrets[name] = value;
  return { ...next, secrets };
}

/** Removes every secret value from a message before it is stored, logged or returned. */
export function scrub(message: string, ...sources: (Record<string, string | undefined> | null | undefined)[]): string {
  let out = message;
  for (const source of sources) {
    for (const value of Object.values(source ?? {})) {
      if (typeof value === 'string' && value.length >= 4) out = out.split(value).join('[redacted]');
    }
  }
  return out.length > 500 ? `${out.slice(0, 497)}...` : out;
}

/**
 * What a connector call did on the network, for describing its failure without
 * echoing the network: whether any HTTP answer came back, and which errors the
 * HTTP client itself raised (its messages name the target and the failure — a
 * timeout, a refused connection, a refused destination — never a body).
 */
export interface NetworkObservation {
  readonly answers: number;
  /** True for an error the HTTP client threw as it is, not one a connector built from an answer. */
  raisedByClient(error: unknown): boolean;
}

/** A per-call view of the platform's connector context that records what `NetworkObservation` reports. */
export function observe(base: ConnectorContext): { ctx: ConnectorContext; observation: NetworkObservation } {
  let answers = 0;
  const clientErrors = new WeakSet<object>();
  const http: HttpClient = {
    async request(req) {
      try {
        const response = await base.http.request(req);
        answers += 1;
        return response;
      } catch (error) {
        if (error && typeof error === 'object') clientErrors.add(error);
        throw error;
      }
    },
  };
  return {
    ctx: { ...base, http },
    observation: {
      get answers() {
        return answers;
      },
      raisedByClient: (error) => !!error && typeof error === 'object' && clientErrors.has(error),
    },
  };
}
