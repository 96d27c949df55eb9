/**
 * The HTTP layer connectors use: a small client over Node's global `fetch` with a
 * hard timeout, and the mapping from a network's answer to a typed `ConnectorError`.
 *
 * Nothing here throws anything but a `ConnectorError`: a plugin facing an answer it
 * does not understand (HTML error page, truncated JSON, 500, a server that stalls)
 * gets a typed error within its timeout and never crashes.
 */
import { ConnectorError, ConnectorErrorKind } from './errors';
import type { HttpClient, HttpRequest, HttpResponse } from './contract';

export interface HttpClientOptions {
  /** Upper bound for one request, headers and body included. Default 10 000 ms. */
  timeoutMs?: number;
  /** Sent as `User-Agent` unless the request sets its own. */
  userAgent?: string;
  /** Largest body read before giving up with a REJECTED error. Default 20 MiB. */
  maxBodyBytes?: number;
  /** The fetch implementation; defaults to Node's global `fetch` (undici). */
  fetch?: typeof fetch;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_USER_AGENT = 'Socle-Connector/1.0 (+https://socle.app)';
const DEFAULT_MAX_BODY_BYTES = 20 * 1024 * 1024;
/** Used when a 429 answer says nothing about when to retry. */
export const DEFAULT_RETRY_AFTER_SECONDS = 60;
const REASON_MAX_LENGTH = 200;

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

/** Network error codes (from undici / libuv) that mean "try again later". */
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
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
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

function describeTarget(req: HttpRequest): string {
  try {
    const url = new URL(req.url);
    return `${req.method} ${url.origin}${url.pathname}`;
  } catch {
    return `${req.method} ${req.url}`;
  }
}

/**
 * An `HttpClient` over the global `fetch`. Every failure becomes a `ConnectorError`:
 * a timeout (headers or body) is TRANSIENT "timed out after N ms", a refused or reset
 * connection is TRANSIENT, an invalid URL is REJECTED. HTTP error statuses are NOT
 * thrown here: the response is returned and the connector calls `expectOk`.
 */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const defaultTimeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const doFetch = options.fetch ?? globalThis.fetch;

  return {
    async request(req: HttpRequest): Promise<HttpResponse> {
      const timeoutMs = req.timeoutMs ?? defaultTimeout;
      const target = describeTarget(req);
      let url: URL;
      try {
        url = new URL(req.url);
      } catch {
        throw new ConnectorError('REJECTED', `${target}: invalid URL`, { networkReason: 'invalid URL' });
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new ConnectorError('REJECTED', `${target}: only http and https URLs are supported`);
      }

      const headers: Record<string, string> = { ...(req.headers ?? {}) };
      if (!Object.keys(headers).some((name) => name.toLowerCase() === 'user-agent')) headers['user-agent'] = userAgent;

      const controller = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, timeoutMs);
      try {
        const response = await doFetch(url, {
          method: req.method,
          headers,
          body: req.body as NonNullable<Parameters<typeof fetch>[1]>['body'],
          signal: controller.signal,
          redirect: 'follow',
        });
        const body = await readBody(response, maxBodyBytes, target);
        const responseHeaders: Record<string, string> = {};
        response.headers.forEach((value, name) => {
          responseHeaders[name.toLowerCase()] = value;
        });
        return createHttpResponse(response.status, responseHeaders, body);
      } catch (error) {
        if (error instanceof ConnectorError) throw error;
        if (timedOut) {
          throw new ConnectorError('TRANSIENT', `${target} timed out after ${timeoutMs} ms`);
        }
        const code = networkCode(error);
        if (code && TRANSIENT_NETWORK_CODES.has(code)) {
          throw new ConnectorError('TRANSIENT', `${target} failed: connection error ${code}`);
        }
        const message = error instanceof Error ? error.message : String(error);
        // undici reports most socket failures as a bare "fetch failed" / "terminated".
        if (/fetch failed|terminated|socket|other side closed/i.test(message)) {
          throw new ConnectorError('TRANSIENT', `${target} failed: ${message}${code ? ` (${code})` : ''}`);
        }
        throw new ConnectorError('UNKNOWN', `${target} failed: ${message}`);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

async function readBody(response: Response, maxBytes: number, target: string): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(0);
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body.cancel().catch(() => undefined);
    throw new ConnectorError('REJECTED', `${target}: response of ${declared} bytes exceeds the ${maxBytes}-byte limit`);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new ConnectorError('REJECTED', `${target}: response exceeds the ${maxBytes}-byte limit`);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0];
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

function shorten(text: string, max = REASON_MAX_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');
}

function stringOf(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim()) return value.trim();
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** The reason a JSON error body gives, in the shapes networks commonly use. */
function reasonFromJson(value: unknown): string | undefined {
  if (typeof value === 'string') return stringOf(value);
  if (Array.isArray(value)) {
    const parts = value.map((entry) => reasonFromJson(entry)).filter((part): part is string => !!part);
    return parts.length ? parts.join('; ') : undefined;
  }
  if (!value || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  const error = record.error;
  const errorText = stringOf(error) ?? (error && typeof error === 'object' ? reasonFromJson(error) : undefined);
  const detail =
    stringOf(record.error_description) ??
    stringOf(record.message) ??
    stringOf(record.detail) ??
    stringOf(record.title) ??
    stringOf(record.msg) ??
    (Array.isArray(record.errors) ? reasonFromJson(record.errors) : undefined) ??
    (record.errors && typeof record.errors === 'object' ? reasonFromErrorMap(record.errors as Record<string, unknown>) : undefined);
  if (errorText && detail && errorText !== detail) return `${errorText}: ${detail}`;
  return errorText ?? detail;
}

/** `{errors: {text: ["is too long"]}}` (Rails-style validation maps). */
function reasonFromErrorMap(map: Record<string, unknown>): string | undefined {
  const parts: string[] = [];
  for (const [field, value] of Object.entries(map)) {
    const reason = reasonFromJson(value);
    if (reason) parts.push(`${field} ${reason}`);
  }
  return parts.length ? parts.join('; ') : undefined;
}

/**
 * A short, readable reason taken from an error body: the JSON error fields, the
 * title of an HTML page, or the start of a plain-text body. Never throws.
 */
export function extractReason(response: HttpResponse): string | undefined {
  let text: string;
  try {
    text = response.text();
  } catch {
    return undefined;
  }
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const contentType = response.headers['content-type'] ?? '';
  if (/json/i.test(contentType) || /^[[{]/.test(trimmed)) {
    try {
      const reason = reasonFromJson(JSON.parse(trimmed));
      if (reason) return shorten(reason);
    } catch {
      return `unreadable JSON body: ${shorten(trimmed, 80)}`;
    }
  }
  if (/html/i.test(contentType) || /^<(!doctype\s+html|html)/i.test(trimmed)) {
    const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(trimmed)?.[1];
    const heading = /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(trimmed)?.[1];
    const words = (title ?? heading ?? trimmed.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ''))
      .replace(/<[^>]*>/g, ' ');
    const reason = shorten(decodeEntities(words));
    return reason ? `HTML page: ${reason}` : 'HTML page';
  }
  return shorten(trimmed);
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
      throw new ConnectorError('TRANSIENT', `${context}: truncated JSON body (HTTP ${response.status}, ${response.body.byteLength} bytes)`, {
        status: response.status,
      });
    }
    const reason = extractReason(response) ?? shorten(trimmed, 80);
    throw new ConnectorError('UNKNOWN', `${context}: expected JSON, got ${reason}`, { status: response.status, networkReason: reason });
  }
}

/** Wraps anything thrown into a `ConnectorError` (UNKNOWN unless it already is one). */
export function toConnectorError(error: unknown, context: string): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ConnectorError('UNKNOWN', `${context}: ${message}`);
}
