/**
 * The YouTube Data API v3 over `ctx.http`: URLs, Google's error bodies mapped to typed errors, and readers
 * that check the shape of every answer (a wrong shape is a clear ConnectorError, never a crash).
 */
import {
  ConnectorContext,
  ConnectorError,
  DEFAULT_RETRY_AFTER_SECONDS,
  HttpRequest,
  HttpResponse,
  mapHttpError,
  parseJson,
  scannedJson,
  retryAfterSeconds,
} from '@socle/connector-sdk';

/** The production API host (https://developers.google.com/youtube/v3/docs). */
export const YOUTUBE_API_URL = 'https://www.googleapis.com';
/** Google's consent page (https://developers.google.com/identity/protocols/oauth2/web-server#creatingclient). */
export const GOOGLE_AUTHORIZE_URL = 'https://accounts.google.com/o/oauth2/v2/auth';
/** Google's token endpoint (https://developers.google.com/identity/protocols/oauth2/web-server#exchange-authorization-code). */
export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';

/** The service's origin without a trailing slash; the production API when none is given. REJECTED when not http(s). */
export function serviceOrigin(serviceUrl: string | undefined): string {
  const given = serviceUrl?.trim() || YOUTUBE_API_URL;
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    throw new ConnectorError('REJECTED', `YouTube: the service URL ${JSON.stringify(given.slice(0, 200))} is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConnectorError('REJECTED', `YouTube: the service URL must be http(s), got ${url.protocol}`);
  }
  return url.origin;
}

/** True for Google's API host: the consent page and the token endpoint then live on Google's other hosts. */
export function isProduction(serviceUrl: string | undefined): boolean {
  return serviceOrigin(serviceUrl) === YOUTUBE_API_URL;
}

export function withQuery(base: string, query: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined) params.set(name, value);
  const encoded = params.toString();
  return encoded ? `${base}?${encoded}` : base;
}

/** `https://www.googleapis.com/youtube/v3/<resource>?<query>`. */
export function apiUrl(serviceUrl: string, resource: string, query: Record<string, string | undefined> = {}): string {
  return withQuery(`${serviceOrigin(serviceUrl)}/youtube/v3/${resource}`, query);
}

/** The resumable upload endpoint (https://developers.google.com/youtube/v3/guides/using_resumable_upload_protocol). */
export function uploadUrl(serviceUrl: string): string {
  return withQuery(`${serviceOrigin(serviceUrl)}/upload/youtube/v3/videos`, { uploadType: 'resumable', part: 'snippet,status' });
}

export function tokenUrl(serviceUrl: string): string {
  return isProduction(serviceUrl) ? GOOGLE_TOKEN_URL : `${serviceOrigin(serviceUrl)}/token`;
}

export function authorizeUrl(serviceUrl: string): string {
  return isProduction(serviceUrl) ? GOOGLE_AUTHORIZE_URL : `${serviceOrigin(serviceUrl)}/o/oauth2/v2/auth`;
}

export function bearer(accessToken: string): Record<string, string> {
  return { authorization: `Bearer ${accessToken}` };
}

/** Google's error object (https://developers.google.com/youtube/v3/docs/errors): `{ error: { code, message, errors: [{ reason, domain }] } }`. */
interface GoogleError {
  message?: string;
  reasons: string[];
  /** OAuth token endpoint errors: `{ error: "invalid_grant", error_description }` (RFC 6749 §5.2). */
  oauthError?: string;
}

function googleErrorOf(response: HttpResponse): GoogleError | undefined {
  const parsed = scannedJson(response);
  if (!isRecord(parsed)) return undefined;
  const clip = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim().slice(0, 300) : undefined);
  if (typeof parsed.error === 'string') {
    return { oauthError: parsed.error.slice(0, 100), message: clip(parsed.error_description) ?? clip(parsed.error), reasons: [] };
  }
  const error = parsed.error;
  if (!isRecord(error)) return undefined;
  const reasons = Array.isArray(error.errors)
    ? error.errors
        .slice(0, 10)
        .map((entry) => (isRecord(entry) && typeof entry.reason === 'string' ? entry.reason.slice(0, 100) : undefined))
        .filter((reason): reason is string => !!reason)
    : [];
  return { message: clip(error.message), reasons };
}

/**
 * Seconds until the next midnight in the Pacific time zone, when the daily quota resets
 * (https://developers.google.com/youtube/v3/getting-started#quota: "Daily quotas reset at midnight Pacific Time").
 */
export function secondsUntilPacificMidnight(now: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: 'America/Los_Angeles',
    hourCycle: 'h23',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(now);
  const part = (type: string) => Number(parts.find((entry) => entry.type === type)?.value ?? 0);
  const elapsed = part('hour') * 3600 + part('minute') * 60 + part('second');
  return Math.max(1, 24 * 3600 - elapsed);
}

/** Reasons that mean the project or the user is throttled (https://developers.google.com/youtube/v3/docs/errors#general). */
const RATE_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'quotaExceeded', 'dailyLimitExceeded']);
/** Reasons that mean the token no longer works (https://developers.google.com/youtube/v3/docs/errors#general, 401 authError / expired). */
const AUTH_REASONS = new Set(['authError', 'expired', 'invalid', 'unauthorized', 'youtubeSignupRequired']);
/** Google's server side failed; the same call may succeed later (https://developers.google.com/youtube/v3/docs/errors#general, 5xx). */
const TRANSIENT_REASONS = new Set(['backendError', 'internalError', 'serviceUnavailable']);

/**
 * A non-2xx answer as a typed error (https://developers.google.com/youtube/v3/docs/errors):
 * - 401, `authError`, OAuth `invalid_grant` -> AUTH_EXPIRED;
 * - `quotaExceeded` -> RATE_LIMITED until the next midnight Pacific time; `rateLimitExceeded`, `userRateLimitExceeded`
 *   and HTTP 429 -> RATE_LIMITED after `Retry-After` (60 s when absent);
 * - 403 `insufficientPermissions` -> AUTH_EXPIRED (the user must consent again to the missing scope); other 403
 *   (`forbidden`: this video or channel may not be changed by this account) -> REJECTED with Google's message;
 * - 5xx, `backendError` -> TRANSIENT;
 * - other 4xx (`invalid*`, `uploadLimitExceeded`, `videoNotFound`) -> REJECTED with Google's message.
 * Bodies without Google's shape fall back to the SDK's mapping by status.
 */
export function youtubeError(response: HttpResponse, context: string, now: Date = new Date()): ConnectorError {
  const generic = mapHttpError(response, context, { now });
  const google = googleErrorOf(response);
  const status = response.status;
  const reasons = google?.reasons ?? [];
  const reason = google?.message ?? generic.networkReason;
  const label = reasons.length ? ` (${reasons.join(', ')})` : google?.oauthError ? ` (${google.oauthError})` : '';
  const make = (kind: ConnectorError['kind'], what: string, retryAfter?: number) =>
    new ConnectorError(kind, `${context}: ${what} (HTTP ${status})${label}${reason ? `: ${reason}` : ''}`, {
      status,
      networkReason: reason,
      retryAfterSeconds: retryAfter,
    });
  if (reasons.includes('quotaExceeded') || reasons.includes('dailyLimitExceeded')) {
    return make('RATE_LIMITED', 'daily quota exceeded', secondsUntilPacificMidnight(now));
  }
  if (status === 429 || reasons.some((entry) => RATE_REASONS.has(entry))) {
    return make('RATE_LIMITED', 'rate limited', retryAfterSeconds(response.headers, now) ?? DEFAULT_RETRY_AFTER_SECONDS);
  }
  if (status >= 500 && status <= 599) return make('TRANSIENT', 'server error', retryAfterSeconds(response.headers, now));
  if (reasons.some((entry) => TRANSIENT_REASONS.has(entry))) return make('TRANSIENT', 'temporary error');
  if (google?.oauthError === 'invalid_grant') return make('AUTH_EXPIRED', 'authorisation expired or revoked');
  if (status === 401 || reasons.some((entry) => AUTH_REASONS.has(entry))) return make('AUTH_EXPIRED', 'not authorized');
  if (status === 403 && reasons.includes('insufficientPermissions')) return make('AUTH_EXPIRED', 'missing permission');
  if (!google) return generic;
  if (status >= 400 && status <= 499) return make('REJECTED', 'rejected');
  return generic;
}

/** Sends one request through `ctx.http` and returns the answer when 2xx, or throws the typed error. */
export async function send(ctx: ConnectorContext, request: HttpRequest, context: string): Promise<HttpResponse> {
  const response = await ctx.http.request(request);
  if (response.status < 200 || response.status > 299) throw youtubeError(response, context, ctx.now?.() ?? new Date());
  return response;
}

/** `send`, then the parsed JSON body. */
export async function callJson(ctx: ConnectorContext, request: HttpRequest, context: string): Promise<unknown> {
  return parseJson<unknown>(await send(ctx, request, context), context);
}

// ---------------------------------------------------------------- readers of remote JSON

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** UNKNOWN: Google answered 2xx with something this connector cannot read. */
export function shapeError(context: string, what: string): ConnectorError {
  return new ConnectorError('UNKNOWN', `${context}: unexpected answer from YouTube (${what})`, { networkReason: what });
}

export function record(value: unknown, context: string, what = 'an object'): Record<string, unknown> {
  if (!isRecord(value)) throw shapeError(context, `expected ${what}`);
  return value;
}

export function stringOf(value: unknown, context: string, what: string): string {
  if (typeof value !== 'string' || !value) throw shapeError(context, `${what} missing or not a string`);
  return value;
}

/** A YouTube id (video, channel, comment, playlist): letters, digits, `-`, `_` and `.`. */
export function idOf(value: unknown, context: string, what = 'id'): string {
  if (typeof value === 'string' && /^[0-9A-Za-z_.-]{1,128}$/.test(value)) return value;
  throw shapeError(context, `${what} missing or not an id`);
}

export function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

/** The API sends counts as strings of digits (unsigned long, https://developers.google.com/youtube/v3/docs/videos#statistics). */
export function countOf(value: unknown, context: string, what: string): number {
  const number = typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 0) {
    throw shapeError(context, `${what} is not a whole number`);
  }
  return number;
}

export function optionalCount(value: unknown, context: string, what: string): number | undefined {
  return value === undefined || value === null ? undefined : countOf(value, context, what);
}

export function dateOf(value: unknown, context: string, what: string): string {
  const text = stringOf(value, context, what);
  const at = Date.parse(text);
  if (Number.isNaN(at)) throw shapeError(context, `${what} is not a date`);
  return new Date(at).toISOString();
}

/** `{ items: [...], nextPageToken? }`, the API's list shape (https://developers.google.com/youtube/v3/docs/videos/list#response). */
export function listOf(body: unknown, context: string): { items: unknown[]; next?: string } {
  const root = record(body, context);
  const items = root.items === undefined ? [] : root.items;
  if (!Array.isArray(items)) throw shapeError(context, 'items is not a list');
  return { items, next: optionalString(root.nextPageToken) };
}

export function watchUrl(videoId: string): string {
  return `https://www.youtube.com/watch?v=${encodeURIComponent(videoId)}`;
}
