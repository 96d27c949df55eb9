/**
 * The WordPress REST API over `ctx.http`: the site and API root addresses, HTTP Basic with an application
 * password, WordPress's error bodies mapped to typed errors, and readers that check every answer's shape
 * (a wrong shape is a clear ConnectorError, never a crash).
 */
import { ConnectorContext, ConnectorError, HttpRequest, HttpResponse, mapHttpError, parseJson, scannedJson } from '@socle/connector-sdk';

/** The relation of the API root in the `Link` header (https://developer.wordpress.org/rest-api/using-the-rest-api/discovery/). */
export const API_LINK_RELATION = 'https://api.w.org/';

/** Header bytes the `Link` reader looks at: a site sends a few links; a longer header is cut, never scanned whole. */
export const LINK_SCAN_CHARS = 8 * 1024;

/** What the connector keeps of a connected site. */
export interface Site {
  /** The site's address as the person typed it, normalised (origin and path, no trailing slash). */
  siteUrl: string;
  /** The REST API root, `…/wp-json/` or `…/?rest_route=/`, as discovered. */
  apiRoot: string;
  username: string;
  applicationPassword: string;
  userId: string;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/**
 * The site's address: https, or http on a loopback address only (a local test site; the platform's outbound guard
 * refuses loopback in production anyway). An application password travels in every request, so never in clear
 * text over the internet (https://make.wordpress.org/core/2020/11/05/application-passwords-integration-guide/:
 * application passwords require https unless the site is a local environment).
 */
export function siteUrlOf(serviceUrl: unknown): URL {
  let url: URL;
  try {
    url = new URL(String(serviceUrl ?? '').trim());
  } catch {
    throw new ConnectorError('REJECTED', `WordPress: the site address ${JSON.stringify(serviceUrl)} is not a URL`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    throw new ConnectorError('REJECTED', `WordPress: the site address must start with https:// (got ${url.protocol}//${url.host})`);
  }
  if (url.username || url.password)
    throw new ConnectorError('REJECTED', 'WordPress: give the site address without a user name or password in it');
  url.hash = '';
  url.search = '';
  return url;
}

/** `https://example.com/blog` (no trailing slash). */
export function siteString(url: URL): string {
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * The API root a `Link` header names with `rel="https://api.w.org/"`, or undefined. Links are
 * `<uri>; rel="…"; …` separated by commas (RFC 8288), and a URI may itself hold commas, so the reader scans:
 * one pass over at most `LINK_SCAN_CHARS` characters, no regular expression over the header.
 */
export function apiRootFromLinkHeader(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const text = header.length > LINK_SCAN_CHARS ? header.slice(0, LINK_SCAN_CHARS) : header;
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf('<', at);
    if (open === -1) return undefined;
    const close = text.indexOf('>', open + 1);
    if (close === -1) return undefined;
    const uri = text.slice(open + 1, close).trim();
    // The parameters run to the next comma that is not inside a quoted string.
    let end = close + 1;
    let quoted = false;
    for (; end < text.length; end++) {
      const char = text[end];
      if (char === '"') quoted = !quoted;
      else if (char === ',' && !quoted) break;
    }
    if (relationsOf(text.slice(close + 1, end)).includes(API_LINK_RELATION)) return uri;
    at = end + 1;
  }
  return undefined;
}

/** The `rel` values of one link's parameters (`; rel="a b"; type=…`). */
function relationsOf(params: string): string[] {
  for (const part of params.split(';')) {
    const equals = part.indexOf('=');
    if (equals === -1) continue;
    if (part.slice(0, equals).trim().toLowerCase() !== 'rel') continue;
    let value = part.slice(equals + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    return value.split(' ').filter((relation) => relation.length > 0);
  }
  return [];
}

/**
 * The API root accepted for a site: http(s), on the site's host (or its `www.` twin, a usual redirect). The
 * application password is sent to it, so a home page cannot send it elsewhere.
 */
export function checkApiRoot(site: URL, candidate: string): string {
  let root: URL;
  try {
    root = new URL(candidate, site);
  } catch {
    throw new ConnectorError('REJECTED', 'WordPress: the site names an API root that is not a URL');
  }
  const bare = (host: string) => (host.startsWith('www.') ? host.slice(4) : host);
  if (bare(root.hostname) !== bare(site.hostname) || (root.protocol !== site.protocol && root.protocol !== 'https:')) {
    throw new ConnectorError(
      'REJECTED',
      `WordPress: the site's API root is on another host (${root.host}); connect with the address of the site that serves its API`,
    );
  }
  if (!root.searchParams.has('rest_route') && !root.pathname.endsWith('/')) root.pathname = `${root.pathname}/`;
  root.hash = '';
  return root.toString();
}

/**
 * The address of one route under the API root: `<root>wp/v2/posts?…` with pretty permalinks, or
 * `<site>/?rest_route=/wp/v2/posts&…` without (https://developer.wordpress.org/rest-api/using-the-rest-api/discovery/).
 */
export function apiUrl(apiRoot: string, route: string, query: Record<string, string | undefined> = {}): string {
  const url = new URL(apiRoot);
  if (url.searchParams.has('rest_route')) {
    url.searchParams.set('rest_route', `/${route}`);
  } else {
    url.pathname = `${url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`}${route}`;
  }
  for (const [name, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(name, value);
  return url.toString();
}

/** HTTP Basic with the user name and the application password (https://make.wordpress.org/core/2020/11/05/application-passwords-integration-guide/). */
export function basicAuth(site: Pick<Site, 'username' | 'applicationPassword'>): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${site.username}:${site.applicationPassword}`, 'utf8').toString('base64')}` };
}

/** `{ code, message, data: { status } }`, WordPress's error body (https://developer.wordpress.org/rest-api/using-the-rest-api/global-parameters/#_envelope and WP_Error). */
export function wordpressErrorOf(response: HttpResponse): { code: string; message?: string } | undefined {
  const parsed = scannedJson(response);
  if (!isRecord(parsed) || typeof parsed.code !== 'string' || !parsed.code.trim()) return undefined;
  const message = typeof parsed.message === 'string' ? parsed.message.trim().slice(0, 300) : undefined;
  return { code: parsed.code.trim().slice(0, 100), message: message || undefined };
}

/** Error codes of a user who is signed in but lacks a capability: the account works, the action is refused. */
const CAPABILITY_CODES = /^rest_(cannot|forbidden)/;

/**
 * A non-2xx answer as a typed error. Through `mapHttpError` (401 AUTH_EXPIRED, 429 RATE_LIMITED with Retry-After,
 * 5xx TRANSIENT, HTML pages readable), then WordPress's codes: a 403 `rest_cannot_*` / `rest_forbidden*` is the
 * user's role (REJECTED: reconnecting as the same user cannot help), 404 `rest_no_route` says the REST API is
 * disabled or blocked on the site.
 */
export function wordpressError(response: HttpResponse, context: string, now?: Date): ConnectorError {
  const mapped = mapHttpError(response, context, { now });
  const wp = wordpressErrorOf(response);
  if (!wp) return mapped;
  const networkReason = wp.message ? `${wp.code}: ${wp.message}` : wp.code;
  let kind = mapped.kind;
  let label = '';
  if (response.status === 403 && CAPABILITY_CODES.test(wp.code)) {
    kind = 'REJECTED';
    label = ' (the WordPress user lacks the capability)';
  }
  if (wp.code === 'rest_no_route') label = " (the site's REST API is disabled or blocked by a plugin or the host)";
  return new ConnectorError(kind, `${context}: HTTP ${response.status} ${networkReason}${label}`, {
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

/** One authenticated call to a route; the response when 2xx or accepted, else the mapped error. */
export async function call(
  ctx: ConnectorContext,
  site: Site,
  method: HttpRequest['method'],
  route: string,
  context: string,
  options: CallOptions = {},
): Promise<HttpResponse> {
  const headers: Record<string, string> = { accept: 'application/json', ...basicAuth(site), ...(options.headers ?? {}) };
  let body: string | Uint8Array | undefined = options.body;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  const response = await ctx.http.request({ method, url: apiUrl(site.apiRoot, route, options.query), headers, body });
  if ((response.status >= 200 && response.status <= 299) || options.accept?.includes(response.status)) return response;
  throw wordpressError(response, context, ctx.now?.());
}

/** The JSON object of a 2xx answer; UNKNOWN when it is not an object. */
export function objectOf(response: HttpResponse, context: string): Record<string, unknown> {
  const value = parseJson<unknown>(response, context);
  if (!isRecord(value)) throw new ConnectorError('UNKNOWN', `${context}: expected a JSON object`, { status: response.status });
  return value;
}

/** The JSON array of a 2xx answer; UNKNOWN when it is not an array. */
export function arrayOf(response: HttpResponse, context: string): unknown[] {
  const value = parseJson<unknown>(response, context);
  if (!Array.isArray(value)) throw new ConnectorError('UNKNOWN', `${context}: expected a JSON array`, { status: response.status });
  return value;
}

export function unexpected(context: string, what: string): ConnectorError {
  return new ConnectorError('UNKNOWN', `${context}: unexpected answer (${what})`);
}

/** A positive whole id (WordPress ids are integers), as a string. */
export function idOf(value: unknown, context: string, what: string): string {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return String(value);
  if (typeof value === 'string' && /^[1-9]\d{0,18}$/.test(value)) return value;
  throw unexpected(context, `${what} is not an id`);
}

export function stringOf(value: unknown, context: string, what: string): string {
  if (typeof value !== 'string') throw unexpected(context, `${what} is not a string`);
  return value;
}

/** `{ raw, rendered }` fields: the raw value in the edit context, else the rendered one. */
export function rawOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (!isRecord(value)) return undefined;
  if (typeof value.raw === 'string') return value.raw;
  return typeof value.rendered === 'string' ? value.rendered : undefined;
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

/** WordPress's GMT dates carry no zone (`2026-12-04T13:45:00`); read as UTC. Undefined when absent or unreadable. */
export function gmtDate(value: unknown): Date | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(value)) return undefined;
  const at = Date.parse(/[zZ]|[+-]\d{2}:\d{2}$/.test(value) ? value : `${value}Z`);
  return Number.isNaN(at) ? undefined : new Date(at);
}

/** `X-WP-TotalPages` of a collection (https://developer.wordpress.org/rest-api/using-the-rest-api/pagination/). */
export function totalPages(response: HttpResponse): number | undefined {
  const value = response.headers['x-wp-totalpages'];
  if (value === undefined || !/^\d{1,9}$/.test(value.trim())) return undefined;
  return Number(value.trim());
}
