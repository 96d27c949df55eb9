/**
 * The HTTP layer connectors use: a small client over undici pools (see
 * http-transport.ts) with a hard timeout and the outbound guard, and the mapping
 * from a network's answer to a typed `ConnectorError`.
 *
 * Nothing here throws anything but a `ConnectorError`: a plugin facing an answer it
 * does not understand (HTML error page, truncated JSON, 500, a server that stalls)
 * gets a typed error within its timeout and never crashes.
 *
 * Every request, and every redirect it follows, goes where the outbound guard
 * allows (see outbound-guard.ts): the host is resolved once, every address is
 * checked, and the socket connects to the checked address (a `lookup` that hands
 * back that address), so there is no second resolution to rebind.
 */
import { ConnectorError, ConnectorErrorKind } from './errors';
import type { HttpClient, HttpRequest, HttpResponse } from './contract';
import { Exchange, Pools } from './http-transport';
import { defaultOutboundGuard, OutboundGuard, OutboundGuardOptions } from './outbound-guard';

export interface HttpClientOptions {
  /** Upper bound for one request, headers and body included, redirects included. Default 10 000 ms. */
  timeoutMs?: number;
  /** Sent as `User-Agent` unless the request sets its own. */
  userAgent?: string;
  /** Largest body read (after decompression) before giving up with a REJECTED error. Default 20 MiB. */
  maxBodyBytes?: number;
  /**
   * Where requests may go. Default: the guard fully on, letting through only the
   * ranges in OUTBOUND_ALLOWED_RANGES of the process environment (none when unset).
   */
  outbound?: OutboundGuard | OutboundGuardOptions;
  /** Redirects followed per request, each checked like the first hop. Default 5. */
  maxRedirects?: number;
  /**
   * @deprecated Ignored: requests go through the client's own undici pools, where the guard
   * can pin the connection to the address it checked. Kept so existing callers still compile.
   */
  fetch?: typeof fetch;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_USER_AGENT = 'Socle-Connector/1.0 (+https://socle.app)';
const DEFAULT_MAX_BODY_BYTES = 20 * 1024 * 1024;
const DEFAULT_MAX_REDIRECTS = 5;
/** Used when a 429 answer says nothing about when to retry. */
export const DEFAULT_RETRY_AFTER_SECONDS = 60;
const REASON_MAX_LENGTH = 200;
/**
 * Error bodies are read for a reason this long at most: a title, a JSON error
 * field or a first sentence sits in the first bytes, and a bounded input keeps
 * the reader's cost bounded whatever a server sends.
 */
export const REASON_SCAN_BYTES = 16 * 1024;

/**
 * An answer's body as JSON, read for its error: undefined when the body is not bytes, is longer than
 * `REASON_SCAN_BYTES` or is not JSON. What connectors read their network's error object from.
 */
export function scannedJson(response: HttpResponse): unknown {
  if (!(response.body instanceof Uint8Array) || response.body.byteLength > REASON_SCAN_BYTES) return undefined;
  try {
    return JSON.parse(response.text());
  } catch {
    return undefined;
  }
}

const utf8 = new TextDecoder('utf-8');

/** Builds an `HttpResponse` from raw parts (used by the client and by tests). */
export function createHttpResponse(status: number, headers: Record<string, string>, body: Uint8Array): HttpResponse {
  const lowered: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) lowered[name.toLowerCase()] = value;
  let text: string | undefined;
  return {
    status,
    headers: lowered,
    body,
    text() {
      text ??= utf8.decode(body);
      return text;
    },
    json<T = unknown>(): T {
      return parseJson<T>(this, 'response');
    },
  };
}

/** Network error codes (from Node / libuv) that mean "try again later". */
const TRANSIENT_NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ECONNABORTED',
  'ERR_STREAM_PREMATURE_CLOSE',
  'Z_BUF_ERROR',
  'Z_DATA_ERROR',
  // undici: the connection closed or never came up, the body was shorter than announced.
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
]);

function networkCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function describeTarget(method: string, url: URL | string): string {
  try {
    const parsed = typeof url === 'string' ? new URL(url) : url;
    return `${method} ${parsed.origin}${parsed.pathname}`;
  } catch {
    return `${method} ${String(url)}`;
  }
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Headers that carry the caller's identity: never sent on to another origin by a redirect. */
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

interface Hop {
  url: URL;
  method: HttpRequest['method'];
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

/**
 * An `HttpClient` guarded by the outbound guard. Every failure becomes a `ConnectorError`:
 * a timeout (headers or body) is TRANSIENT "timed out after N ms", a refused or reset
 * connection is TRANSIENT, an invalid URL or a refused destination is REJECTED. HTTP
 * error statuses are NOT thrown here: the response is returned and the connector
 * calls `expectOk`. Redirects are followed by hand, at most `maxRedirects`, each
 * hop checked by the guard; credentials are not carried to another origin.
 */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const defaultTimeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const guard =
    options.outbound instanceof OutboundGuard
      ? options.outbound
      : options.outbound
        ? new OutboundGuard(options.outbound)
        : defaultOutboundGuard();
  // Keep-alive pools of this client; idle sockets do not keep the process alive. A connection
  // attempt gets the client's time limit (a request's own limit gives up on it earlier).
  const pools = new Pools(Math.max(defaultTimeout, 1));

  return {
    async request(req: HttpRequest): Promise<HttpResponse> {
      const timeoutMs = req.timeoutMs ?? defaultTimeout;
      let url: URL;
      try {
        url = new URL(req.url);
      } catch {
        throw new ConnectorError('REJECTED', `${describeTarget(req.method, req.url)}: invalid URL`, { networkReason: 'invalid URL' });
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new ConnectorError('REJECTED', `${describeTarget(req.method, url)}: only http and https URLs are supported`);
      }

      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers ?? {})) headers[name.toLowerCase()] = value;
      headers['user-agent'] ??= userAgent;
      headers['accept-encoding'] ??= 'gzip, deflate, br';

      const deadline = new Deadline(timeoutMs);
      let hop: Hop = { url, method: req.method, headers, body: req.body };
      let target = describeTarget(hop.method, hop.url);
      const abandoned: Exchange[] = [];
      try {
        for (let redirects = 0; ; redirects++) {
          target = describeTarget(hop.method, hop.url);
          const destination = await deadline.race(guard.resolve(hop.url.hostname, target));
          const exchange = pools.exchange(hop, destination, deadline, {
            maxBytes: maxBodyBytes,
            target,
            redirectStatuses: REDIRECT_STATUSES,
          });
          const answer = await exchange.answer;
          if (answer.body === null) {
            // A redirect: its body is dropped; whatever of it is still coming when the request ends is given up.
            abandoned.push(exchange);
            if (redirects >= maxRedirects)
              throw new ConnectorError('REJECTED', `${target}: more than ${maxRedirects} redirects`, { status: answer.status });
            hop = nextHop(hop, answer.status, answer.headers.location, target);
            continue;
          }
          return createHttpResponse(answer.status, answer.headers, answer.body);
        }
      } catch (error) {
        if (error instanceof ConnectorError) throw error;
        if (deadline.passed) {
          throw new ConnectorError('TRANSIENT', `${target} timed out after ${timeoutMs} ms`);
        }
        const code = networkCode(error);
        if (code && (TRANSIENT_NETWORK_CODES.has(code) || code.startsWith('HPE_'))) {
          throw new ConnectorError('TRANSIENT', `${target} failed: connection error ${code}`);
        }
        const message = error instanceof Error ? error.message : String(error);
        if (/socket hang up|terminated|socket|other side closed|aborted/i.test(message)) {
          throw new ConnectorError('TRANSIENT', `${target} failed: ${message}${code ? ` (${code})` : ''}`);
        }
        throw new ConnectorError('UNKNOWN', `${target} failed: ${message}`);
      } finally {
        deadline.clear();
        for (const exchange of abandoned) exchange.abandon();
      }
    },
  };
}

/**
 * One request's time limit, redirects included. When it passes, whatever the
 * request is waiting on at that moment (a name resolution, the answer's
 * headers, its body) is given up: `onPass` holds how. A plain timer and a
 * callback rather than an AbortSignal: a request pays no event-target set-up
 * for a limit that almost never fires.
 */
class Deadline {
  passed = false;
  private readonly timer: NodeJS.Timeout;
  private onPass: (() => void) | null = null;

  constructor(ms: number) {
    this.timer = setTimeout(() => {
      this.passed = true;
      const give = this.onPass;
      this.onPass = null;
      give?.();
    }, ms);
  }

  /** What to do if the limit passes from now on (replaces the previous wait). */
  waitOn(giveUp: () => void): void {
    if (this.passed) giveUp();
    else this.onPass = giveUp;
  }

  /** Rejects when the limit passes first (DNS look-ups cannot be cancelled, but the caller need not wait for them). */
  race<T>(work: Promise<T>): Promise<T> {
    if (this.passed) return Promise.reject(new Error('aborted'));
    return new Promise<T>((resolve, reject) => {
      this.onPass = () => reject(new Error('aborted'));
      work.then(
        (value) => {
          this.onPass = null;
          resolve(value);
        },
        (error: unknown) => {
          this.onPass = null;
          reject(error);
        },
      );
    });
  }

  clear(): void {
    this.onPass = null;
    clearTimeout(this.timer);
  }
}

/** The request a redirect asks for: 303 (and 301/302 after a POST) become a GET without body, as browsers and fetch do. */
function nextHop(hop: Hop, status: number, location: string, target: string): Hop {
  let url: URL;
  try {
    url = new URL(location, hop.url);
  } catch {
    throw new ConnectorError('REJECTED', `${target}: redirected to an invalid URL`, { status });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConnectorError('REJECTED', `${target}: redirected to a ${url.protocol} URL, only http and https are followed`, { status });
  }
  const headers = { ...hop.headers };
  if (url.origin !== hop.url.origin) for (const name of CREDENTIAL_HEADERS) delete headers[name];
  const dropBody = status === 303 ? hop.method !== 'GET' : (status === 301 || status === 302) && hop.method === 'POST';
  if (!dropBody) return { url, method: hop.method, headers, body: hop.body };
  delete headers['content-type'];
  delete headers['content-length'];
  return { url, method: 'GET', headers };
}

/** Unicode white space as `\s` knows it, tested by code unit (no regular expression over remote text). */
function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** White space collapsed to single spaces, trimmed, cut to `max` characters; one pass that stops once enough is kept. */
function shorten(text: string, max = REASON_MAX_LENGTH): string {
  let out = '';
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      space = out.length > 0;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += text[i];
    if (out.length > max) return `${out.slice(0, max - 1)}…`;
  }
  return out;
}

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', amp: '&' };

/** The few HTML entities error pages use, decoded in one pass (an unknown or malformed one is kept as written). */
function decodeEntities(text: string): string {
  let out = '';
  let from = 0;
  for (let at = text.indexOf('&'); at !== -1; at = text.indexOf('&', at + 1)) {
    const end = text.indexOf(';', at + 1);
    if (end === -1) break;
    if (end - at > 10) continue;
    const name = text.slice(at + 1, end);
    let decoded: string | undefined = NAMED_ENTITIES[name];
    if (decoded === undefined && name.startsWith('#')) {
      const hex = name[1] === 'x' || name[1] === 'X';
      const digits = name.slice(hex ? 2 : 1);
      const code = /^[0-9a-f]{1,6}$/i.test(digits) ? parseInt(digits, hex ? 16 : 10) : NaN;
      if ((hex || /^\d+$/.test(digits)) && code >= 1 && code <= 0x10ffff) decoded = String.fromCodePoint(code);
    }
    if (decoded === undefined) continue;
    out += text.slice(from, at) + decoded;
    from = end + 1;
    at = end;
  }
  return out + text.slice(from);
}

function stringOf(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim()) return value.trim();
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** How deep and how wide the JSON error reader looks: enough for every network's error shape, bounded for any other. */
const JSON_REASON_DEPTH = 4;
const JSON_REASON_ENTRIES = 10;

/** The reason a JSON error body gives, in the shapes networks commonly use. */
function reasonFromJson(value: unknown, depth = 0): string | undefined {
  if (typeof value === 'string') return stringOf(value);
  if (depth >= JSON_REASON_DEPTH) return undefined;
  if (Array.isArray(value)) {
    const parts = value
      .slice(0, JSON_REASON_ENTRIES)
      .map((entry) => reasonFromJson(entry, depth + 1))
      .filter((part): part is string => !!part);
    return parts.length ? parts.join('; ') : undefined;
  }
  if (!value || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  const error = record.error;
  const errorText = stringOf(error) ?? (error && typeof error === 'object' ? reasonFromJson(error, depth + 1) : undefined);
  const detail =
    stringOf(record.error_description) ??
    stringOf(record.message) ??
    stringOf(record.detail) ??
    stringOf(record.title) ??
    stringOf(record.msg) ??
    (Array.isArray(record.errors) ? reasonFromJson(record.errors, depth + 1) : undefined) ??
    (record.errors && typeof record.errors === 'object'
      ? reasonFromErrorMap(record.errors as Record<string, unknown>, depth + 1)
      : undefined);
  if (errorText && detail && errorText !== detail) return `${errorText}: ${detail}`;
  return errorText ?? detail;
}

/** `{errors: {text: ["is too long"]}}` (Rails-style validation maps). */
function reasonFromErrorMap(map: Record<string, unknown>, depth: number): string | undefined {
  const parts: string[] = [];
  for (const [field, value] of Object.entries(map).slice(0, JSON_REASON_ENTRIES)) {
    const reason = reasonFromJson(value, depth + 1);
    if (reason) parts.push(`${field} ${reason}`);
  }
  return parts.length ? parts.join('; ') : undefined;
}

/** The first `REASON_SCAN_BYTES` of a body as text (a character cut in two at the end decodes as U+FFFD). */
function leadingText(response: HttpResponse, bytes = REASON_SCAN_BYTES): string {
  const body = response.body;
  if (body instanceof Uint8Array) return utf8.decode(body.byteLength > bytes ? body.subarray(0, bytes) : body);
  return response.text().slice(0, bytes);
}

/** The text of the first `<name …>…</name>` element of an already lower-cased page, or undefined. Linear: three `indexOf`. */
function elementText(page: string, lowered: string, name: string): string | undefined {
  const open = lowered.indexOf(`<${name}`);
  if (open === -1) return undefined;
  const after = lowered.indexOf('>', open + name.length + 1);
  if (after === -1) return undefined;
  const close = lowered.indexOf(`</${name}`, after + 1);
  return page.slice(after + 1, close === -1 ? page.length : close);
}

/** The page's text without tags, scripts and styles, in one left-to-right pass. */
function pageWords(page: string, lowered: string): string {
  const parts: string[] = [];
  let at = 0;
  while (at < page.length) {
    const tag = lowered.indexOf('<', at);
    if (tag === -1) {
      parts.push(page.slice(at));
      break;
    }
    parts.push(page.slice(at, tag), ' ');
    const skipped = lowered.startsWith('<script', tag) ? '</script' : lowered.startsWith('<style', tag) ? '</style' : undefined;
    const resume = skipped ? lowered.indexOf(skipped, tag + 1) : tag;
    const end = resume === -1 ? -1 : lowered.indexOf('>', resume + 1);
    if (end === -1) break; // an unterminated tag or script runs to the end: nothing readable after it
    at = end + 1;
  }
  return parts.join('');
}

/**
 * A short, readable reason taken from an error body: the JSON error fields, the
 * title of an HTML page, or the start of a plain-text body. Never throws. Linear
 * and bounded: it reads at most `REASON_SCAN_BYTES` of the body (a JSON body is
 * parsed only when it fits whole in them) and uses no regular expression
 * over the body, so a hostile or huge error page costs the same small time.
 */
export function extractReason(response: HttpResponse): string | undefined {
  try {
    return reasonOf(response);
  } catch {
    return undefined;
  }
}

function reasonOf(response: HttpResponse): string | undefined {
  const window = leadingText(response);
  let first = 0;
  while (first < window.length && isSpace(window.charCodeAt(first))) first++;
  if (first === window.length) return undefined;
  const start = window[first];
  const contentType = response.headers['content-type'] ?? '';
  if (/json/i.test(contentType) || start === '[' || start === '{') {
    // Parsed only when whole within the window: error objects are small, and a larger body is read as text.
    if ((response.body?.byteLength ?? window.length) <= REASON_SCAN_BYTES) {
      try {
        const reason = reasonFromJson(JSON.parse(window));
        if (reason) return shorten(reason);
      } catch {
        return `unreadable JSON body: ${shorten(window, 80)}`;
      }
    }
  }
  const lowered = window.toLowerCase();
  if (/html/i.test(contentType) || lowered.startsWith('<!doctype html', first) || lowered.startsWith('<html', first)) {
    const words = elementText(window, lowered, 'title') ?? elementText(window, lowered, 'h1') ?? pageWords(window, lowered);
    const reason = shorten(decodeEntities(shorten(pageWords(words, words.toLowerCase()), 4 * REASON_MAX_LENGTH)));
    return reason ? `HTML page: ${reason}` : 'HTML page';
  }
  return shorten(window);
}

/**
 * Seconds to wait, from `Retry-After` (delta seconds or an HTTP date), or from
 * `X-RateLimit-Reset` / `RateLimit-Reset` (epoch seconds, epoch milliseconds,
 * an ISO date as Mastodon sends, or delta seconds). Undefined when none is usable.
 */
export function retryAfterSeconds(headers: Record<string, string>, now: Date = new Date()): number | undefined {
  const get = (name: string): string | undefined => {
    const direct = headers[name];
    if (direct !== undefined) return direct;
    const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
    return key ? headers[key] : undefined;
  };
  const nowMs = now.getTime();
  const fromDate = (value: string): number | undefined => {
    const at = Date.parse(value);
    return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - nowMs) / 1000));
  };

  const retryAfter = get('retry-after')?.trim();
  if (retryAfter) {
    if (/^\d+(\.\d+)?$/.test(retryAfter)) return Math.ceil(Number(retryAfter));
    const seconds = fromDate(retryAfter);
    if (seconds !== undefined) return seconds;
  }
  for (const name of ['x-ratelimit-reset', 'ratelimit-reset', 'x-rate-limit-reset']) {
    const value = get(name)?.trim();
    if (!value) continue;
    if (/^\d+(\.\d+)?$/.test(value)) {
      const number = Number(value);
      if (number > 1e12) return Math.max(0, Math.ceil((number - nowMs) / 1000)); // epoch milliseconds
      if (number > 1e9) return Math.max(0, Math.ceil(number - nowMs / 1000)); // epoch seconds
      return Math.ceil(number); // delta seconds (IETF RateLimit headers)
    }
    const seconds = fromDate(value);
    if (seconds !== undefined) return seconds;
  }
  return undefined;
}

const REJECTED_STATUSES = new Set([400, 404, 405, 409, 410, 411, 413, 414, 415, 422]);
/** Error codes some networks send with a 400 for an expired or revoked token (Bluesky, OAuth). */
const AUTH_REASON = /\b(ExpiredToken|InvalidToken|invalid_grant|invalid_token|AuthMissing|AuthenticationRequired)\b/;

export interface MapHttpErrorOptions {
  /** Reference time for HTTP-date and epoch rate-limit headers. */
  now?: Date;
}

/**
 * Maps a non-2xx answer to a typed error:
 * - 401, 403 -> AUTH_EXPIRED (403 with `X-RateLimit-Remaining: 0` -> RATE_LIMITED);
 * - 429 -> RATE_LIMITED with `retryAfterSeconds` (default 60 when the network says nothing);
 * - 400, 404, 409, 410, 413, 415, 422 and other 4xx -> REJECTED with the network's reason
 *   (a 400 whose reason is an expired/invalid token code -> AUTH_EXPIRED);
 * - 408, 425, 5xx -> TRANSIENT (with `retryAfterSeconds` when `Retry-After` is present);
 * - anything else (1xx, 3xx) -> UNKNOWN.
 * The message reads `<context>: <status> <reason>`; HTML and truncated bodies give a
 * short readable reason. Never throws.
 */
export function mapHttpError(response: HttpResponse, context: string, options: MapHttpErrorOptions = {}): ConnectorError {
  const status = response.status;
  const reason = extractReason(response);
  const suffix = reason ? `: ${reason}` : '';
  const details = { status, networkReason: reason };
  const headers = response.headers ?? {};
  const make = (kind: ConnectorErrorKind, label: string, retryAfter?: number): ConnectorError =>
    new ConnectorError(kind, `${context}: ${label} (HTTP ${status})${suffix}`, { ...details, retryAfterSeconds: retryAfter });

  if (status === 429 || (status === 403 && headers['x-ratelimit-remaining'] === '0')) {
    return make('RATE_LIMITED', 'rate limited', retryAfterSeconds(headers, options.now) ?? DEFAULT_RETRY_AFTER_SECONDS);
  }
  if (status === 401 || status === 403) return make('AUTH_EXPIRED', status === 401 ? 'not authorized' : 'forbidden');
  if (status === 408 || status === 425 || (status >= 500 && status <= 599)) {
    return make('TRANSIENT', status === 408 ? 'request timeout' : 'server error', retryAfterSeconds(headers, options.now));
  }
  if (status === 400 && reason && AUTH_REASON.test(reason)) return make('AUTH_EXPIRED', 'credentials expired or revoked');
  if (REJECTED_STATUSES.has(status) || (status >= 400 && status <= 499)) return make('REJECTED', 'rejected');
  return make('UNKNOWN', 'unexpected answer');
}

/** Returns the response when its status is 2xx; otherwise throws `mapHttpError(...)`. */
export function expectOk(response: HttpResponse, context: string, options: MapHttpErrorOptions = {}): HttpResponse {
  if (response.status >= 200 && response.status <= 299) return response;
  throw mapHttpError(response, context, options);
}

/**
 * Parses a JSON body without ever throwing anything but a `ConnectorError`:
 * - an empty or truncated body ("unexpected end of input") -> TRANSIENT, because the
 *   connection most likely dropped mid-answer and the same call can succeed again;
 * - a body that is not JSON at all (an HTML page, text) -> UNKNOWN, with a short excerpt.
 */
export function parseJson<T = unknown>(response: HttpResponse, context: string): T {
  let text: string;
  try {
    text = response.text();
  } catch {
    throw new ConnectorError('UNKNOWN', `${context}: body is not valid UTF-8 text`, { status: response.status });
  }
  const trimmed = text.trim();
  if (!trimmed) {
    throw new ConnectorError('TRANSIENT', `${context}: empty body where JSON was expected (HTTP ${response.status})`, {
      status: response.status,
    });
  }
  try {
    return JSON.parse(trimmed) as T;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const truncated = /^[[{"]/.test(trimmed) && /end of (JSON )?input|Unterminated string/i.test(message);
    if (truncated) {
      throw new ConnectorError(
        'TRANSIENT',
        `${context}: truncated JSON body (HTTP ${response.status}, ${response.body.byteLength} bytes)`,
        {
          status: response.status,
        },
      );
    }
    const reason = extractReason(response) ?? shorten(trimmed.slice(0, REASON_SCAN_BYTES), 80);
    throw new ConnectorError('UNKNOWN', `${context}: expected JSON, got ${reason}`, { status: response.status, networkReason: reason });
  }
}

/** Wraps anything thrown into a `ConnectorError` (UNKNOWN unless it already is one). */
export function toConnectorError(error: unknown, context: string): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ConnectorError('UNKNOWN', `${context}: ${message}`);
}
