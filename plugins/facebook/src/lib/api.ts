/**
 * The Facebook Graph API (Pages) over `ctx.http`: URLs, Meta's error bodies mapped to typed errors, and
 * readers that check the shape of every answer (a wrong shape is a clear ConnectorError), from the Meta
 * family's shared kit (`@socle/meta-graph`); the video upload's own errors and offsets.
 */
import { ConnectorError, HttpResponse, scannedJson } from '@socle/connector-sdk';
import { graphApi, graphErrorOf, isRecord, withQuery } from '@socle/meta-graph';

export { form, isRecord, optionalString } from '@socle/meta-graph';

/** The production Graph API host (https://developers.facebook.com/docs/graph-api/overview). */
export const FACEBOOK_GRAPH_URL = 'https://graph.facebook.com';
/** The login dialog's host in production (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow). */
export const FACEBOOK_DIALOG_HOST = 'https://www.facebook.com';
/** Meta's host for video uploads (https://developers.facebook.com/docs/graph-api/video-uploads). */
export const FACEBOOK_GRAPH_VIDEO_URL = 'https://graph-video.facebook.com';
/** The Graph API version called by default (https://developers.facebook.com/docs/graph-api/guides/versioning). */
export const FACEBOOK_API_VERSION = 'v21.0';

/**
 * Graph API throttling codes: 4 (app), 17 (user), 32 (page), 613 (custom), 80001 (Pages business use case)
 * (https://developers.facebook.com/docs/graph-api/guides/error-handling,
 * https://developers.facebook.com/docs/graph-api/overview/rate-limiting); 1 (unknown, retry) and 2 (service temporarily
 * unavailable) are temporary. Other codes (100 invalid parameter, 200 permissions, 368 blocked for policy, …) are
 * REJECTED with Meta's message.
 */
export const graph = graphApi({ network: 'Facebook', rateLimitCodes: [4, 17, 32, 613, 80001], transientCodes: [1, 2], numericIds: true });

export const { serviceOrigin, callJson, shapeError, record, idOf, stringOf, count, httpUrl, listOf, dateOf } = graph;
/** A non-2xx answer as a typed error (see `GraphApi.error`). */
export const facebookError = graph.error;

/** True for the production host, whose login dialog lives on www.facebook.com. */
export function isProduction(serviceUrl: string): boolean {
  return serviceOrigin(serviceUrl) === FACEBOOK_GRAPH_URL;
}

/**
 * Where video bytes go: Meta's upload host `graph-video.facebook.com` for the production Graph API
 * (https://developers.facebook.com/docs/graph-api/video-uploads), the service itself otherwise (a test server).
 */
export function videoServiceUrl(serviceUrl: string): string {
  return isProduction(serviceUrl) ? FACEBOOK_GRAPH_VIDEO_URL : serviceOrigin(serviceUrl);
}

/** `https://graph.facebook.com/<version>/<path>?<query>`. */
export function apiUrl(serviceUrl: string, version: string, path: string, query: Record<string, string | undefined> = {}): string {
  return withQuery(`${serviceOrigin(serviceUrl)}/${version}/${path}`, query);
}

// ---------------------------------------------------------------- video uploads

/**
 * Upload-phase subcodes the video error page tells to retry (https://developers.facebook.com/docs/video-api/reference/error-codes):
 * 1363030 (upload timed out), 1363019 (a problem uploading, retry), 1363033 (a partial file received, retry).
 */
const VIDEO_RETRY_SUBCODES = new Set([1363030, 1363019, 1363033]);
/** The server received an invalid start offset; the body says which offsets to resume from (same page). */
export const VIDEO_BAD_OFFSET_SUBCODE = 1363037;

/** A video call's error: Meta's usual mapping, with the upload subcodes Meta says to retry read as TRANSIENT. */
export function facebookVideoError(response: HttpResponse, context: string, now?: Date): ConnectorError {
  const mapped = facebookError(response, context, now);
  const subcode = graphErrorOf(response)?.subcode;
  if (mapped.kind === 'REJECTED' && subcode !== undefined && (VIDEO_RETRY_SUBCODES.has(subcode) || subcode === VIDEO_BAD_OFFSET_SUBCODE)) {
    return new ConnectorError('TRANSIENT', mapped.message, { status: mapped.status, networkReason: mapped.networkReason });
  }
  return mapped;
}

/** Digits after `name` and a separator (`"start_offset":"0"`, `start_offset:0`, `start_offset=0`), bounded: linear time. */
function offsetIn(text: string, name: string): number | undefined {
  let from = 0;
  for (;;) {
    const at = text.indexOf(name, from);
    if (at === -1) return undefined;
    const match = /^["']?\s{0,3}[:=]\s{0,3}["']?(\d{1,15})(?!\d)/.exec(text.slice(at + name.length, at + name.length + 32));
    if (match) return Number(match[1]);
    from = at + name.length;
  }
}

function offsetValue(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  if (typeof value === 'string' && /^\d{1,15}$/.test(value)) return Number(value);
  return undefined;
}

/**
 * The offsets an answer of subcode 1363037 gives to resume from. Meta's error page shows them as
 * `error_data:{start_offset:0,end_offset:392695}` and says to parse them from the error
 * (https://developers.facebook.com/docs/video-api/reference/error-codes): read from an `error_data` object (or JSON text)
 * when there is one, else from the message. Undefined when the answer is another error or names no usable pair.
 */
export function videoResumeOffsets(response: HttpResponse): { start: number; end: number } | undefined {
  const parsed = scannedJson(response);
  const error = isRecord(parsed) && isRecord(parsed.error) ? parsed.error : undefined;
  if (!error || error.error_subcode !== VIDEO_BAD_OFFSET_SUBCODE) return undefined;
  const candidates: Array<{ start?: number; end?: number }> = [];
  let data: unknown = error.error_data;
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch {
      candidates.push({ start: offsetIn(data as string, 'start_offset'), end: offsetIn(data as string, 'end_offset') });
    }
  }
  if (isRecord(data)) candidates.push({ start: offsetValue(data.start_offset), end: offsetValue(data.end_offset) });
  for (const text of [error.message, error.error_user_msg]) {
    if (typeof text === 'string') candidates.push({ start: offsetIn(text, 'start_offset'), end: offsetIn(text, 'end_offset') });
  }
  for (const { start, end } of candidates) if (start !== undefined && end !== undefined && start <= end) return { start, end };
  return undefined;
}
