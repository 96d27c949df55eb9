/**
 * The Instagram API with Facebook Login (graph.facebook.com) over `ctx.http`: URLs, Meta's error bodies mapped to
 * typed errors, and readers that check the shape of every answer (a wrong shape is a clear ConnectorError).
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

/** The Graph API host of the Instagram API with Facebook Login (https://developers.facebook.com/docs/instagram-platform/overview). */
export const INSTAGRAM_GRAPH_URL = 'https://graph.facebook.com';
/** The Facebook Login dialog's host in production (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow). */
export const INSTAGRAM_DIALOG_HOST = 'https://www.facebook.com';
/** The Graph API version called by default (https://developers.facebook.com/docs/graph-api/guides/versioning). */
export const INSTAGRAM_API_VERSION = 'v21.0';

/** The service's origin without a trailing slash; REJECTED when it is not an http(s) URL. */
export function serviceOrigin(serviceUrl: string): string {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    throw new ConnectorError('REJECTED', `Instagram: the service URL ${JSON.stringify(String(serviceUrl).slice(0, 200))} is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConnectorError('REJECTED', `Instagram: the service URL must be http(s), got ${url.protocol}`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** True for the production host, whose login dialog lives on www.facebook.com. */
export function isProduction(serviceUrl: string): boolean {
  return serviceOrigin(serviceUrl) === INSTAGRAM_GRAPH_URL;
}

/** `https://graph.facebook.com/<version>/<path>?<query>`. */
export function apiUrl(serviceUrl: string, version: string, path: string, query: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined) params.set(name, value);
  const encoded = params.toString();
  const base = `${serviceOrigin(serviceUrl)}/${version}/${path}`;
  return encoded ? `${base}?${encoded}` : base;
}

/** A form body, as the Graph API's POST endpoints take it. */
export function form(values: Record<string, string | undefined>): Pick<HttpRequest, 'headers' | 'body'> {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value !== undefined) params.set(name, value);
  return { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: params.toString() };
}

/** Meta's error object (https://developers.facebook.com/docs/graph-api/guides/error-handling). */
export interface GraphError {
  message?: string;
  code?: number;
  subcode?: number;
}

export function graphErrorOf(response: HttpResponse): GraphError | undefined {
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
  // `error_user_msg` says what to do (the size limit of an image, …); `message` is the technical wording.
  const userMessage = typeof error.error_user_msg === 'string' && error.error_user_msg.trim() ? error.error_user_msg.trim() : undefined;
  const technical = typeof error.message === 'string' && error.message.trim() ? error.message.trim() : undefined;
  const message = [technical, userMessage].filter(Boolean).join(' — ').slice(0, 300) || undefined;
  return { message, code: number(error.code), subcode: number(error.error_subcode) };
}

/**
 * Seconds until Meta lets the app or the account call again: the largest `estimated_time_to_regain_access` (minutes) of
 * the X-Business-Use-Case-Usage header (https://developers.facebook.com/docs/graph-api/overview/rate-limiting#business-use-case-rate-limits;
 * Instagram calls count under the `instagram` business use case). X-App-Usage (platform rate limits) gives percentages
 * only, no time: a 100 % there falls back to the default wait.
 */
export function regainAccessSeconds(headers: Record<string, string>): number | undefined {
  const raw = headers['x-business-use-case-usage'];
  if (!raw || raw.length > REASON_SCAN_BYTES) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!isRecord(parsed)) return undefined;
  let minutes: number | undefined;
  for (const entries of Object.values(parsed)) {
    if (!Array.isArray(entries)) continue;
    for (const entry of entries) {
      const value = isRecord(entry) ? entry.estimated_time_to_regain_access : undefined;
      if (typeof value === 'number' && Number.isFinite(value) && value >= 0) minutes = Math.max(minutes ?? 0, value);
    }
  }
  return minutes === undefined || minutes === 0 ? undefined : Math.ceil(Math.min(minutes, 7 * 24 * 60) * 60);
}

/**
 * Throttling: Graph API codes 4 (app), 17 (user), 32 (page), 613 (custom)
 * (https://developers.facebook.com/docs/graph-api/overview/rate-limiting), and Instagram's code 9 / subcode 2207042, the
 * daily publishing limit (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes).
 */
const RATE_LIMIT_CODES = new Set([4, 17, 32, 613]);
/** Instagram's "reached maximum number of posts" (code 9, subcode 2207042): the 24-hour publishing quota. */
export const PUBLISHING_LIMIT_SUBCODE = 2207042;
/** 1 (unknown, retry) and 2 (service temporarily unavailable); Instagram's -1/-2 are its server and download timeouts. */
const TRANSIENT_CODES = new Set([1, 2, -1, -2]);
/** Seconds to wait after the publishing quota was reached: the window is a moving 24 hours, so room comes back bit by bit. */
export const QUOTA_RETRY_SECONDS = 3600;

/**
 * A non-2xx answer as a typed error, reading Meta's `{ error: { message, type, code, error_subcode, error_user_msg } }`:
 * code 190 (token expired or revoked) and the permission codes 10 and 200–299 (a permission not granted or removed) ->
 * AUTH_EXPIRED (the person reconnects and grants it); 4/17/32/613, 9/2207042 or HTTP 429 -> RATE_LIMITED; 5xx and 1/2/-1/-2
 * -> TRANSIENT; other codes (100 invalid parameter, 9004 media not fetched, 36000 image too large, 36001 format, …) ->
 * REJECTED with Meta's message. Bodies without Meta's shape fall back to the SDK's mapping by status.
 */
export function instagramError(response: HttpResponse, context: string, now?: Date): ConnectorError {
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
  const code = graph?.code;
  if (code === 9 && graph?.subcode === PUBLISHING_LIMIT_SUBCODE) {
    return make('RATE_LIMITED', 'publishing limit of the account reached', retryAfterSeconds(response.headers, now) ?? QUOTA_RETRY_SECONDS);
  }
  if (status === 429 || (code !== undefined && RATE_LIMIT_CODES.has(code))) {
    const wait = retryAfterSeconds(response.headers, now) ?? regainAccessSeconds(response.headers) ?? DEFAULT_RETRY_AFTER_SECONDS;
    return make('RATE_LIMITED', 'rate limited', wait);
  }
  if (status >= 500 && status <= 599) return make('TRANSIENT', 'server error', retryAfterSeconds(response.headers, now));
  if (!graph || code === undefined) return generic;
  if (code === 190) return make('AUTH_EXPIRED', 'access token expired or revoked: reconnect the account');
  if (code === 10 || (code >= 200 && code <= 299)) return make('AUTH_EXPIRED', 'permission missing or removed: reconnect and grant it');
  if (TRANSIENT_CODES.has(code)) return make('TRANSIENT', 'temporary error');
  if (status === 401) return make('AUTH_EXPIRED', 'not authorized');
  return make('REJECTED', 'rejected');
}

/** Sends one request through `ctx.http` and returns its parsed JSON body, or throws the typed error. */
export async function callJson(ctx: ConnectorContext, request: HttpRequest, context: string): Promise<unknown> {
  const response = await ctx.http.request(request);
  return readJson(response, context, ctx.now?.() ?? new Date());
}

/** An answer's parsed JSON body, or the typed error it stands for. */
export function readJson(response: HttpResponse, context: string, now: Date): unknown {
  if (response.status < 200 || response.status > 299) throw instagramError(response, context, now);
  const body = parseJson<unknown>(response, context);
  // Graph endpoints may answer 200 with an error object; read it the same way.
  if (isRecord(body) && isRecord(body.error)) throw instagramError(createHttpResponse(400, response.headers, response.body), context, now);
  return body;
}

// ---------------------------------------------------------------- readers of remote JSON

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** REJECTED: the network answered 2xx with something this connector cannot read. */
export function shapeError(context: string, what: string): ConnectorError {
  return new ConnectorError('REJECTED', `${context}: unexpected answer from Instagram (${what})`, { networkReason: what });
}

export function record(value: unknown, context: string, what = 'an object'): Record<string, unknown> {
  if (!isRecord(value)) throw shapeError(context, `expected ${what}`);
  return value;
}

export const ID = /^[0-9A-Za-z_-]{1,64}$/;

/** A Graph id: a non-empty string of digits (ids are strings: 17-digit Instagram ids do not fit a double). */
export function idOf(value: unknown, context: string, what = 'id'): string {
  if (typeof value === 'string' && ID.test(value)) return value;
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

/** `{ data: [...], paging?: { cursors?: { after }, next? } }`, the Graph API's list shape. */
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

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
