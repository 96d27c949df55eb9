/**
 * The Instagram API with Facebook Login (graph.facebook.com) over `ctx.http`: URLs, Meta's error bodies mapped to
 * typed errors, and readers that check the shape of every answer (a wrong shape is a clear ConnectorError), from the
 * Meta family's shared kit (`@socle/meta-graph`).
 */
import { GRAPH_ID, graphApi, withQuery } from '@socle/meta-graph';

export { form, graphErrorOf, isRecord, optionalString, sleep } from '@socle/meta-graph';
/** A Graph id (ids are strings: 17-digit Instagram ids do not fit a double). */
export const ID = GRAPH_ID;

/** The Graph API host of the Instagram API with Facebook Login (https://developers.facebook.com/docs/instagram-platform/overview). */
export const INSTAGRAM_GRAPH_URL = 'https://graph.facebook.com';
/** The Facebook Login dialog's host in production (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow). */
export const INSTAGRAM_DIALOG_HOST = 'https://www.facebook.com';
/** The Graph API version called by default (https://developers.facebook.com/docs/graph-api/guides/versioning). */
export const INSTAGRAM_API_VERSION = 'v21.0';

/** Instagram's "reached maximum number of posts" (code 9, subcode 2207042): the 24-hour publishing quota. */
export const PUBLISHING_LIMIT_SUBCODE = 2207042;
/** Seconds to wait after the publishing quota was reached: the window is a moving 24 hours, so room comes back bit by bit. */
export const QUOTA_RETRY_SECONDS = 3600;

/**
 * Throttling: Graph API codes 4 (app), 17 (user), 32 (page), 613 (custom)
 * (https://developers.facebook.com/docs/graph-api/overview/rate-limiting), and Instagram's code 9 / subcode 2207042, the
 * daily publishing limit (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes).
 * Temporary: 1 (unknown, retry) and 2 (service temporarily unavailable), Instagram's -1/-2 (its server and download
 * timeouts). Code 190 and the permission codes 10 and 200–299 (a permission not granted or removed) are AUTH_EXPIRED: the
 * person reconnects and grants it. Other codes (100 invalid parameter, 9004 media not fetched, 36000 image too large, 36001
 * format, …) are REJECTED with Meta's message. Ids are strings only.
 */
export const graph = graphApi({
  network: 'Instagram',
  rateLimitCodes: [4, 17, 32, 613],
  transientCodes: [1, 2, -1, -2],
  quota: {
    code: 9,
    subcode: PUBLISHING_LIMIT_SUBCODE,
    what: 'publishing limit of the account reached',
    retryAfterSeconds: QUOTA_RETRY_SECONDS,
  },
  permissionCodesExpire: true,
  expiredToken: 'access token expired or revoked: reconnect the account',
});

export const { serviceOrigin, callJson, readJson, shapeError, record, idOf, stringOf, count, httpUrl, listOf, dateOf } = graph;
/** A non-2xx answer as a typed error (see `GraphApi.error`). */
export const instagramError = graph.error;

/** `https://graph.facebook.com/<version>/<path>?<query>`. */
export function apiUrl(serviceUrl: string, version: string, path: string, query: Record<string, string | undefined> = {}): string {
  return withQuery(`${serviceOrigin(serviceUrl)}/${version}/${path}`, query);
}
