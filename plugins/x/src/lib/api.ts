/**
 * The X API v2 over `ctx.http`: URLs, X's error bodies mapped to typed errors, and readers
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
} from '@socle/connector-sdk';

/** The production API host (https://docs.x.com/x-api/introduction). */
export const X_API_URL = 'https://api.x.com';
/** The former host, still served (https://docs.x.com/x-api/introduction). */
export const X_LEGACY_API_URL = 'https://api.twitter.com';
/** Consent page (https://docs.x.com/resources/fundamentals/authentication/oauth-2-0/authorization-code). */
export const X_AUTHORIZE_URL = 'https://x.com/i/oauth2/authorize';

/** The service's origin without a trailing slash; REJECTED when it is not an http(s) URL. */
export function serviceOrigin(serviceUrl: string): string {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    throw new ConnectorError('REJECTED', `X: the service URL ${JSON.stringify(serviceUrl)} is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConnectorError('REJECTED', `X: the service URL must be http(s), got ${url.protocol}`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** True for X's production hosts, whose consent page lives on x.com. */
export function isProduction(serviceUrl: string): boolean {
  const origin = serviceOrigin(serviceUrl);
  return origin === X_API_URL || origin === X_LEGACY_API_URL;
}

export function apiUrl(serviceUrl: string, path: string, query: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined) params.set(name, value);
  const encoded = params.toString();
  return `${serviceOrigin(serviceUrl)}/${path}${encoded ? `?${encoded}` : ''}`;
}

export function json(value: unknown): Pick<HttpRequest, 'headers' | 'body'> {
  return { headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The words of X's error body: problem+json `{ title, detail, type }` or `{ errors: [{ message | detail }] }`, `{ error_description }` (OAuth). */
function xReasonOf(response: HttpResponse): { reason?: string; type?: string } {
  const parsed = scannedJson(response);
  if (!isRecord(parsed)) return {};
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim().slice(0, 300) : undefined);
  const first = Array.isArray(parsed.errors) && isRecord(parsed.errors[0]) ? parsed.errors[0] : undefined;
  const reason =
    text(parsed.detail) ??
    text(first?.detail) ??
    text(first?.message) ??
    text(parsed.error_description) ??
    text(parsed.title) ??
    text(parsed.error);
  return { reason, type: text(parsed.type) ?? text(first?.type) };
}

/**
 * Seconds until the window resets: `x-rate-limit-reset` is the epoch second the window ends
 * (https://docs.x.com/x-api/fundamentals/rate-limits).
 */
export function rateLimitResetSeconds(headers: Record<string, string>, now: Date): number | undefined {
  const raw = headers['x-rate-limit-reset'];
  if (!raw || !/^\d{1,12}$/.test(raw.trim())) return undefined;
  return Math.max(1, Number(raw.trim()) - Math.floor(now.getTime() / 1000));
}

/**
 * A non-2xx answer as a typed error (https://docs.x.com/x-api/fundamentals/response-codes-and-errors):
 * 401 → AUTH_EXPIRED; 429 → RATE_LIMITED, retry at `x-rate-limit-reset`; 5xx → TRANSIENT;
 * 400/403 (duplicate content among them) and the rest → REJECTED with X's own words.
 */
export function xError(response: HttpResponse, context: string, now: Date = new Date()): ConnectorError {
  const generic = mapHttpError(response, context, { now });
  const { reason: xReason, type } = xReasonOf(response);
  const reason = xReason ?? generic.networkReason;
  const status = response.status;
  const make = (kind: ConnectorError['kind'], what: string, retryAfterSeconds?: number) =>
    new ConnectorError(kind, `${context}: ${what} (HTTP ${status})${reason ? `: ${reason}` : ''}`, {
      status,
      networkReason: reason,
      retryAfterSeconds,
    });
  if (status === 429) {
    return make(
      'RATE_LIMITED',
      'rate limited',
      rateLimitResetSeconds(response.headers, now) ?? generic.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS,
    );
  }
  if (status >= 500 && status <= 599) return make('TRANSIENT', 'server error', generic.retryAfterSeconds);
  if (status === 401) return make('AUTH_EXPIRED', 'access token expired or revoked');
  if (status === 400 || status === 403 || status === 404 || status === 409 || status === 413 || status === 422) {
    return make('REJECTED', type?.includes('duplicate') || reason?.includes('duplicate content') ? 'duplicate content' : 'rejected');
  }
  return generic;
}

export async function callJson(ctx: ConnectorContext, request: HttpRequest, context: string): Promise<unknown> {
  const response = await ctx.http.request(request);
  if (response.status < 200 || response.status > 299) throw xError(response, context, ctx.now?.() ?? new Date());
  if (response.status === 204 || response.body.byteLength === 0) return {};
  return parseJson<unknown>(response, context);
}

export function shapeError(context: string, what: string): ConnectorError {
  return new ConnectorError('REJECTED', `${context}: unexpected answer from X (${what})`, { networkReason: what });
}

export function record(value: unknown, context: string, what = 'an object'): Record<string, unknown> {
  if (!isRecord(value)) throw shapeError(context, `expected ${what}`);
  return value;
}

/** `{ data: {...} }`, X's single-object shape. */
export function dataOf(body: unknown, context: string): Record<string, unknown> {
  return record(record(body, context).data, context, 'data to be an object');
}

/** `{ data?: [...], includes?, meta? }`: X omits `data` when there is no result. */
export function listOf(body: unknown, context: string): { data: unknown[]; root: Record<string, unknown>; nextToken?: string } {
  const root = record(body, context);
  if (root.data !== undefined && !Array.isArray(root.data)) throw shapeError(context, 'data is not a list');
  const meta = isRecord(root.meta) ? root.meta : undefined;
  return { data: (root.data as unknown[] | undefined) ?? [], root, nextToken: optionalString(meta?.next_token) };
}

/** A tweet or user id: digits, as X sends them (strings, https://docs.x.com/x-api/fundamentals/data-dictionary). */
export function idOf(value: unknown, context: string, what = 'id'): string {
  if (typeof value === 'string' && /^[0-9]{1,32}$/.test(value)) return value;
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

export function optionalCount(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

export function dateOf(value: unknown, context: string, what: string): string {
  const at = Date.parse(stringOf(value, context, what));
  if (Number.isNaN(at)) throw shapeError(context, `${what} is not a date`);
  return new Date(at).toISOString();
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
