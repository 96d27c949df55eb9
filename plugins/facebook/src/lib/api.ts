/**
 * The Facebook Graph API (Pages) over `ctx.http`: URLs, Meta's error bodies mapped to typed errors, and
 * readers that check the shape of every answer (a wrong shape is a clear ConnectorError).
 */
import {
  ConnectorContext,
  ConnectorError,
  createHttpResponse,
  DEFAULT_RETRY_AFTER_SECONDS,
  HttpRequest,
  HttpResponse,
  mapHttpError,
  parseJson,
  REASON_SCAN_BYTES,
  retryAfterSeconds,
} from '@socle/connector-sdk';

/** The production Graph API host (https://developers.facebook.com/docs/graph-api/overview). */
export const FACEBOOK_GRAPH_URL = 'https://graph.facebook.com';
/** The login dialog's host in production (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow). */
export const FACEBOOK_DIALOG_HOST = 'https://www.facebook.com';
/** Meta's host for video uploads (https://developers.facebook.com/docs/graph-api/video-uploads). */
export const FACEBOOK_GRAPH_VIDEO_URL = 'https://graph-video.facebook.com';
/** The Graph API version called by default (https://developers.facebook.com/docs/graph-api/guides/versioning). */
export const FACEBOOK_API_VERSION = 'v21.0';

/** The service's origin without a trailing slash; REJECTED when it is not an http(s) URL. */
export function serviceOrigin(serviceUrl: string): string {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    throw new ConnectorError('REJECTED', `Facebook: the service URL ${JSON.stringify(String(serviceUrl).slice(0, 200))} is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConnectorError('REJECTED', `Facebook: the service URL must be http(s), got ${url.protocol}`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

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

function withQuery(base: string, query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined) params.set(name, value);
  const encoded = params.toString();
  return encoded ? `${base}?${encoded}` : base;
}

/** A form body, as the Graph API's POST endpoints take it. */
export function form(values: Record<string, string | undefined>): Pick<HttpRequest, 'headers' | 'body'> {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value !== undefined) params.set(name, value);
  return { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: params.toString() };
}

/** Meta's error object (https://developers.facebook.com/docs/graph-api/guides/error-handling). */
interface GraphError {
  message?: string;
  type?: string;
  code?: number;
  subcode?: number;
}

function graphErrorOf(response: HttpResponse): GraphError | undefined {
  if (!(response.body instanceof Uint8Array) || response.body.byteLength > REASON_SCAN_BYTES) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(response.text());
  } catch {
    return undefined;
  }
  const error = isRecord(parsed) ? parsed.error : undefined;
  if (!isRecord(error)) return undefined;
  const number = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
  const message = typeof error.message === 'string' && error.message.trim() ? error.message.trim().slice(0, 300) : undefined;
  return {
    message,
    type: typeof error.type === 'string' ? error.type : undefined,
    code: number(error.code),
    subcode: number(error.error_subcode),
  };
}

/**
 * Seconds until Meta lets the app or the account call again: `estimated_time_to_regain_access` (minutes) of the
 * X-Business-Use-Case-Usage header (https://developers.facebook.com/docs/graph-api/overview/rate-limiting).
 */
function regainAccessSeconds(headers: Record<string, string>): number | undefined {
  const raw = headers['x-business-use-case-usage'];
  if (!raw || raw.length > REASON_SCAN_BYTES) return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!isRecord(parsed)) return undefined;
    let minutes: number | undefined;
    for (const entries of Object.values(parsed)) {
      if (!Array.isArray(entries)) continue;
      for (const entry of entries) {
        const value = isRecord(entry) ? entry.estimated_time_to_regain_access : undefined;
        if (typeof value === 'number' && Number.isFinite(value) && value >= 0) minutes = Math.max(minutes ?? 0, value);
      }
    }
    return minutes === undefined || minutes === 0 ? undefined : Math.ceil(minutes * 60);
  } catch {
    return undefined;
  }
}

/**
 * Graph API throttling codes: 4 (app), 17 (user), 32 (page), 613 (custom), 80001 (Pages business use case)
 * (https://developers.facebook.com/docs/graph-api/guides/error-handling,
 * https://developers.facebook.com/docs/graph-api/overview/rate-limiting).
 */
const RATE_LIMIT_CODES = new Set([4, 17, 32, 613, 80001]);
/** 1 (unknown, retry), 2 (service temporarily unavailable). */
const TRANSIENT_CODES = new Set([1, 2]);

/**
 * A non-2xx answer as a typed error, reading Meta's `{ error: { message, type, code, error_subcode } }`:
 * code 190 -> AUTH_EXPIRED; 4/17/32/613/80001 or HTTP 429 -> RATE_LIMITED; 5xx and 1/2 -> TRANSIENT; other codes
 * (100 invalid parameter, 200 permissions, 368 blocked for policy, …) -> REJECTED with Meta's message. Bodies without Meta's shape fall back to the
 * SDK's mapping by status.
 */
export function facebookError(response: HttpResponse, context: string, now?: Date): ConnectorError {
  const generic = mapHttpError(response, context, { now });
  const graph = graphErrorOf(response);
  const status = response.status;
  const reason = graph?.message ?? generic.networkReason;
  const label = graph?.code !== undefined ? ` (Meta error ${graph.code}${graph.subcode !== undefined ? `/${graph.subcode}` : ''})` : '';
  const make = (kind: ConnectorError['kind'], what: string, retryAfter?: number) =>
    new ConnectorError(kind, `${context}: ${what} (HTTP ${status})${label}${reason ? `: ${reason}` : ''}`, {
      status,
      networkReason: reason,
      retryAfterSeconds: retryAfter,
    });
  if (status === 429 || (graph?.code !== undefined && RATE_LIMIT_CODES.has(graph.code))) {
    const wait = retryAfterSeconds(response.headers, now) ?? regainAccessSeconds(response.headers) ?? DEFAULT_RETRY_AFTER_SECONDS;
    return make('RATE_LIMITED', 'rate limited', wait);
  }
  if (status >= 500 && status <= 599) return make('TRANSIENT', 'server error', retryAfterSeconds(response.headers, now));
  if (!graph || graph.code === undefined) return generic;
  if (graph.code === 190) return make('AUTH_EXPIRED', 'access token expired or revoked');
  if (TRANSIENT_CODES.has(graph.code)) return make('TRANSIENT', 'temporary error');
  if (status === 401) return make('AUTH_EXPIRED', 'not authorized');
  return make('REJECTED', 'rejected');
}

/** Sends one request through `ctx.http` and returns its parsed JSON body, or throws the typed error. */
export async function callJson(ctx: ConnectorContext, request: HttpRequest, context: string): Promise<unknown> {
  const response = await ctx.http.request(request);
  const now = ctx.now?.() ?? new Date();
  if (response.status < 200 || response.status > 299) throw facebookError(response, context, now);
  const body = parseJson<unknown>(response, context);
  // Graph endpoints may answer 200 with an error object; read it the same way.
  if (isRecord(body) && isRecord(body.error)) throw facebookError(createHttpResponse(400, response.headers, response.body), context, now);
  return body;
}

// ---------------------------------------------------------------- readers of remote JSON

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** REJECTED: the network answered 2xx with something this connector cannot read. */
export function shapeError(context: string, what: string): ConnectorError {
  return new ConnectorError('REJECTED', `${context}: unexpected answer from Facebook (${what})`, { networkReason: what });
}

export function record(value: unknown, context: string, what = 'an object'): Record<string, unknown> {
  if (!isRecord(value)) throw shapeError(context, `expected ${what}`);
  return value;
}

/** A Graph id: a non-empty string of digits (numbers are accepted, as the code exchange sends `user_id`). */
export function idOf(value: unknown, context: string, what = 'id'): string {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value === 'string' && /^[0-9A-Za-z_-]{1,64}$/.test(value)) return value;
  throw shapeError(context, `${what} missing or not an id`);
}

export function stringOf(value: unknown, context: string, what: string): string {
  if (typeof value !== 'string' || !value) throw shapeError(context, `${what} missing or not a string`);
  return value;
}

export function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

export function count(value: unknown, context: string, what: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw shapeError(context, `${what} is not a whole number`);
  return value;
}

export function httpUrl(value: unknown, context: string, what: string): string {
  const text = stringOf(value, context, what);
  try {
    const { protocol } = new URL(text);
    if (protocol === 'https:' || protocol === 'http:') return text;
  } catch {
    // Reported below.
  }
  throw shapeError(context, `${what} is not an http(s) URL`);
}

/** `{ data: [...], paging?: { cursors?: { after } , next? } }`, the Graph API's list shape. */
export function listOf(body: unknown, context: string): { data: unknown[]; after?: string; hasNext: boolean } {
  const root = record(body, context);
  if (!Array.isArray(root.data)) throw shapeError(context, 'data is not a list');
  const paging = isRecord(root.paging) ? root.paging : undefined;
  const cursors = paging && isRecord(paging.cursors) ? paging.cursors : undefined;
  return { data: root.data, after: optionalString(cursors?.after), hasNext: typeof paging?.next === 'string' };
}

/** Meta's ISO dates carry `+0000`; Date.parse reads them. REJECTED when not a date. */
export function dateOf(value: unknown, context: string, what: string): string {
  const text = stringOf(value, context, what);
  const at = Date.parse(text);
  if (Number.isNaN(at)) throw shapeError(context, `${what} is not a date`);
  return new Date(at).toISOString();
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
  if (!(response.body instanceof Uint8Array) || response.body.byteLength > REASON_SCAN_BYTES) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(response.text());
  } catch {
    return undefined;
  }
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
