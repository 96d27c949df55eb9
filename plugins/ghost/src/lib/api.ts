/**
 * The Ghost Admin API over `ctx.http`: the site address, the Admin API key and the short-lived token signed with it,
 * Ghost's error bodies mapped to typed errors, and readers that check every answer's shape (a wrong shape is a clear
 * ConnectorError, never a crash).
 */
import { createHmac } from 'node:crypto';
import { ConnectorContext, ConnectorError, HttpRequest, HttpResponse, mapHttpError, parseJson, scannedJson } from '@socle/connector-sdk';

/** The API version the connector is written for (https://docs.ghost.org/admin-api#accept-version-header). */
export const ACCEPT_VERSION = 'v5.0';

/** Lifetime of a token: Ghost refuses tokens valid for more than 5 minutes (https://docs.ghost.org/admin-api#token-authentication). */
export const TOKEN_LIFETIME_SECONDS = 5 * 60;

/** What the connector keeps of a connected site. */
export interface Site {
  /** The site's address as typed, normalised (origin and path, no trailing slash). */
  siteUrl: string;
  keyId: string;
  /** The secret, hex-decoded: the HMAC key. */
  secret: Buffer;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/**
 * The site's (admin) address: https, or http on a loopback address only (a local test site; the platform's outbound
 * guard refuses loopback in production anyway). A token signed with the Admin API key travels in every request and
 * grants write access for five minutes, so never in clear text over the internet (https://docs.ghost.org/admin-api:
 * "Using the correct domain and protocol are critical"; Ghost(Pro) admin domains require https).
 */
export function siteUrlOf(serviceUrl: unknown): URL {
  let url: URL;
  try {
    url = new URL(String(serviceUrl ?? '').trim());
  } catch {
    throw new ConnectorError('REJECTED', `Ghost: the site address ${JSON.stringify(serviceUrl)} is not a URL`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    throw new ConnectorError('REJECTED', `Ghost: the site address must start with https:// (got ${url.protocol}//${url.host})`);
  }
  if (url.username || url.password)
    throw new ConnectorError('REJECTED', 'Ghost: give the site address without a user name or password in it');
  url.hash = '';
  url.search = '';
  // The admin address may be given as `https://site/ghost/`: the API base is added by the connector.
  url.pathname = url.pathname.replace(/\/ghost\/?$/, '/');
  return url;
}

/** `https://example.com/blog` (no trailing slash). */
export function siteString(url: URL): string {
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * An Admin API key is `{id}:{secret}`, the secret hex-encoded (https://docs.ghost.org/admin-api#token-authentication).
 * Ghost issues a 24-character id and a 64-character secret; other lengths of hex are accepted, anything else is
 * refused before a request. The error never repeats the key.
 */
export function parseAdminKey(key: unknown): { keyId: string; secret: Buffer } {
  const text = typeof key === 'string' ? key.trim() : '';
  const match = /^([0-9a-f]{8,64}):((?:[0-9a-f]{2}){16,128})$/i.exec(text);
  if (!match) {
    throw new ConnectorError(
      'REJECTED',
      'Ghost: the Admin API key must be "id:secret" in hexadecimal, as Ghost Admin shows it (Settings → Integrations → custom integration)',
    );
  }
  return { keyId: match[1].toLowerCase(), secret: Buffer.from(match[2], 'hex') };
}

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

/**
 * A token for one request (https://docs.ghost.org/admin-api#token-authentication): a JWT signed HS256 with the
 * hex-decoded secret, header `kid` = the key id, payload `iat`, `exp` (5 minutes later at most) and `aud: '/admin/'`.
 * Signed with node:crypto: a JWT is three base64url parts and an HMAC.
 */
export function adminToken(site: Pick<Site, 'keyId' | 'secret'>, now: Date = new Date()): string {
  const iat = Math.floor(now.getTime() / 1000);
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: site.keyId }));
  const payload = base64url(JSON.stringify({ iat, exp: iat + TOKEN_LIFETIME_SECONDS, aud: '/admin/' }));
  const signature = createHmac('sha256', site.secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

/** The address of an Admin API resource: `<site>/ghost/api/admin/<path>/?…` (https://docs.ghost.org/admin-api#base-url). */
export function apiUrl(siteUrl: string, path: string, query: Record<string, string | undefined> = {}): string {
  const url = new URL(`${siteUrl}/ghost/api/admin/${path.replace(/^\/+|\/+$/g, '')}/`);
  for (const [name, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(name, value);
  return url.toString();
}

export interface GhostErrorBody {
  type?: string;
  message: string;
  context?: string;
}

/**
 * `{ errors: [{ message, context, type }] }`, Ghost's error body (https://docs.ghost.org/admin-api#errors); the first
 * error, or undefined when the body is not one.
 */
export function ghostErrorOf(response: HttpResponse): GhostErrorBody | undefined {
  const parsed = scannedJson(response);
  if (!isRecord(parsed) || !Array.isArray(parsed.errors) || !isRecord(parsed.errors[0])) return undefined;
  const first = parsed.errors[0];
  const text = (value: unknown, max: number) => (typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : undefined);
  const message = text(first.message, 300);
  if (!message) return undefined;
  return { message, type: text(first.type, 100), context: text(first.context, 300) };
}

/** Error types of a site that understood the key and refuses the action: reconnecting with the same key cannot help. */
const REFUSALS = new Set(['NoPermissionError', 'HostLimitError', 'EmailError', 'ValidationError', 'IncorrectUsageError']);

/**
 * A non-2xx answer as a typed error. Through `mapHttpError` (401 AUTH_EXPIRED, 429 RATE_LIMITED with Retry-After,
 * 404/422 REJECTED, 5xx TRANSIENT, HTML pages readable), then Ghost's error types: a 403 `NoPermissionError` or
 * `HostLimitError` (the key works; the site refuses the action, e.g. email sending not allowed) and an `EmailError`
 * (a newsletter that cannot be sent) are REJECTED with Ghost's own message.
 */
export function ghostError(response: HttpResponse, context: string, now?: Date): ConnectorError {
  const mapped = mapHttpError(response, context, { now });
  const ghost = ghostErrorOf(response);
  if (!ghost) return mapped;
  const networkReason = `${ghost.type ? `${ghost.type}: ` : ''}${ghost.message}${ghost.context ? ` (${ghost.context})` : ''}`;
  let kind = mapped.kind;
  if (response.status !== 401 && response.status !== 429 && ghost.type && REFUSALS.has(ghost.type)) kind = 'REJECTED';
  return new ConnectorError(kind, `${context}: HTTP ${response.status} ${networkReason}`, {
    status: response.status,
    networkReason,
    retryAfterSeconds: mapped.retryAfterSeconds,
  });
}

export interface CallOptions {
  query?: Record<string, string | undefined>;
  json?: unknown;
  body?: Uint8Array;
  headers?: Record<string, string>;
  /** Statuses returned to the caller instead of thrown (404 of a post already gone). */
  accept?: number[];
}

/** One authenticated call; the response when 2xx or accepted, else the mapped error. A fresh token for each call. */
export async function call(
  ctx: ConnectorContext,
  site: Site,
  method: HttpRequest['method'],
  path: string,
  context: string,
  options: CallOptions = {},
): Promise<HttpResponse> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-version': ACCEPT_VERSION,
    authorization: `Ghost ${adminToken(site, ctx.now?.())}`,
    ...(options.headers ?? {}),
  };
  let body: string | Uint8Array | undefined = options.body;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  const response = await ctx.http.request({ method, url: apiUrl(site.siteUrl, path, options.query), headers, body });
  if ((response.status >= 200 && response.status <= 299) || options.accept?.includes(response.status)) return response;
  throw ghostError(response, context, ctx.now?.());
}

/** The JSON object of a 2xx answer; UNKNOWN when it is not an object. */
export function objectOf(response: HttpResponse, context: string): Record<string, unknown> {
  const value = parseJson<unknown>(response, context);
  if (!isRecord(value)) throw new ConnectorError('UNKNOWN', `${context}: expected a JSON object`, { status: response.status });
  return value;
}

export function unexpected(context: string, what: string): ConnectorError {
  return new ConnectorError('UNKNOWN', `${context}: unexpected answer (${what})`);
}

/** The array under `key` of a Ghost answer (`{ posts: [...] }`, `{ images: [...] }`). */
export function listOf(response: HttpResponse, key: string, context: string): unknown[] {
  const value = objectOf(response, context)[key];
  if (!Array.isArray(value)) throw unexpected(context, `no ${key} array`);
  return value;
}

/** Ghost ids are 24-character hexadecimal object ids. */
export const GHOST_ID = /^[0-9a-f]{24}$/;

export function idOf(value: unknown, context: string, what: string): string {
  if (typeof value === 'string' && GHOST_ID.test(value)) return value;
  throw unexpected(context, `${what} is not a Ghost id`);
}

/** An http(s) URL from the answer; UNKNOWN otherwise. */
export function urlOf(value: unknown, context: string, what: string): string {
  if (typeof value === 'string') {
    try {
      const url = new URL(value);
      if (url.protocol === 'https:' || url.protocol === 'http:') return url.toString();
    } catch {
      // reported below
    }
  }
  throw unexpected(context, `${what} is not an http(s) URL`);
}

/**
 * A `multipart/form-data` body (RFC 7578) with text fields and one file, as the image upload takes it
 * (https://docs.ghost.org/admin-api/images/uploading-an-image). Built by hand: the connector sends bytes through
 * `ctx.http`, not a FormData through fetch.
 */
export function multipart(
  fields: Record<string, string>,
  file: { field: string; filename: string; contentType: string; data: Uint8Array },
  boundary: string,
): { body: Uint8Array; contentType: string } {
  const quote = (value: string) => value.replace(/["\r\n\\]/g, '_');
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"\r\n\r\n${value}\r\n`, 'utf8'));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${quote(file.field)}"; filename="${quote(file.filename)}"\r\n` +
        `Content-Type: ${file.contentType}\r\n\r\n`,
      'utf8',
    ),
  );
  parts.push(Buffer.from(file.data));
  parts.push(Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8'));
  return { body: new Uint8Array(Buffer.concat(parts)), contentType: `multipart/form-data; boundary=${boundary}` };
}
