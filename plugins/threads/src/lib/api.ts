/**
 * The Threads API over `ctx.http`: URLs, Meta's error bodies mapped to typed errors, and readers that
 * check the shape of every answer (a wrong shape is a clear ConnectorError), from the Meta family's
 * shared kit (`@socle/meta-graph`).
 */
import { graphApi, withQuery } from '@socle/meta-graph';

export { form, isRecord, optionalString, sleep } from '@socle/meta-graph';

/** The production API host (https://developers.facebook.com/docs/threads). */
export const THREADS_GRAPH_URL = 'https://graph.threads.net';
/** The authorisation window in production (https://developers.facebook.com/docs/threads/get-started/get-access-tokens-and-permissions). */
export const THREADS_AUTHORIZE_URL = 'https://threads.net/oauth/authorize';
export const THREADS_API_VERSION = 'v1.0';

/**
 * Graph API throttling codes: 4 (app), 17 (user), 32 (page), 613 (custom)
 * (https://developers.facebook.com/docs/graph-api/guides/error-handling); 1 (unknown, retry) and 2 (service temporarily
 * unavailable) are temporary; other codes (100 invalid parameter, …) are REJECTED with Meta's message.
 */
const graph = graphApi({ network: 'Threads', rateLimitCodes: [4, 17, 32, 613], transientCodes: [1, 2], numericIds: true });

export const { serviceOrigin, callJson, shapeError, record, idOf, stringOf, count, httpUrl, listOf, dateOf } = graph;
/** A non-2xx answer as a typed error (see `GraphApi.error`). */
export const threadsError = graph.error;

/** True for the production host, whose authorisation window lives on threads.net. */
export function isProduction(serviceUrl: string): boolean {
  return serviceOrigin(serviceUrl) === THREADS_GRAPH_URL;
}

/** `https://graph.threads.net/v1.0/<path>?<query>`. */
export function apiUrl(serviceUrl: string, path: string, query: Record<string, string | undefined> = {}): string {
  return withQuery(`${serviceOrigin(serviceUrl)}/${THREADS_API_VERSION}/${path}`, query);
}

/** An unversioned URL (the OAuth token endpoints live at the root). */
export function rootUrl(serviceUrl: string, path: string, query: Record<string, string | undefined> = {}): string {
  return withQuery(`${serviceOrigin(serviceUrl)}/${path}`, query);
}
