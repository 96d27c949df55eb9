/**
 * Meta's Graph API as the Meta family's plugins call it over `ctx.http`: the
 * service URL checked, Meta's error bodies mapped to the SDK's typed errors,
 * and readers that check the shape of every answer (a wrong shape is a clear
 * ConnectorError naming the network). Each plugin makes its own `graphApi`
 * with the codes its network documents.
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
  scannedJson,
} from '@socle/connector-sdk';

/** Meta's error object (https://developers.facebook.com/docs/graph-api/guides/error-handling). */
export interface GraphError {
  /** `message`, with `error_user_msg` after it when Meta gave one (it says what to do: an image's size limit, …); at most 300 characters. */
  message?: string;
  code?: number;
  subcode?: number;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** `base?query`, the query's undefined values left out. */
export function withQuery(base: string, query: Record<string, string | undefined>): string {
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

/** Meta's error object of an answer, when its body has one (bounded: a body larger than the SDK's scan limit is not read). */
export function graphErrorOf(response: HttpResponse): GraphError | undefined {
  const parsed = scannedJson(response);
  const error = isRecord(parsed) ? parsed.error : undefined;
  if (!isRecord(error)) return undefined;
  const number = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
  const userMessage = typeof error.error_user_msg === 'string' && error.error_user_msg.trim() ? error.error_user_msg.trim() : undefined;
  const technical = typeof error.message === 'string' && error.message.trim() ? error.message.trim() : undefined;
  const message = [technical, userMessage].filter(Boolean).join(' — ').slice(0, 300) || undefined;
  return { message, code: number(error.code), subcode: number(error.error_subcode) };
}

/**
 * Seconds until Meta lets the app or the account call again: the largest `estimated_time_to_regain_access` (minutes) of
 * the X-Business-Use-Case-Usage header (https://developers.facebook.com/docs/graph-api/overview/rate-limiting), a week at
 * most. X-App-Usage gives percentages only, no time: a 100 % there falls back to the default wait.
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

export interface GraphApiOptions {
  /** The network's name in messages: "Facebook", "Instagram", "Threads". */
  network: string;
  /** Graph codes that mean throttling (HTTP 429 always does). */
  rateLimitCodes: readonly number[];
  /** Graph codes that mean a temporary failure (a 5xx always does). */
  transientCodes: readonly number[];
  /**
   * A quota the network counts apart (Instagram's daily publishing limit): its code and subcode, read first, RATE_LIMITED
   * for `retryAfterSeconds` unless the answer gives its own Retry-After.
   */
  quota?: { code: number; subcode: number; what: string; retryAfterSeconds: number };
  /** Codes 10 and 200–299 (a permission not granted or removed) read as AUTH_EXPIRED: the person reconnects and grants it. */
  permissionCodesExpire?: boolean;
  /** What an expired or revoked token (code 190) is called (default: "access token expired or revoked"). */
  expiredToken?: string;
  /** Ids may come as JSON numbers (the code exchange's `user_id`); false where ids are too long for a double (Instagram's). */
  numericIds?: boolean;
}

export interface GraphApi {
  /** The service's origin without a trailing slash; REJECTED when it is not an http(s) URL. */
  serviceOrigin(serviceUrl: string): string;
  /**
   * A non-2xx answer as a typed error: code 190 → AUTH_EXPIRED; the rate-limit codes or HTTP 429 → RATE_LIMITED (Retry-After,
   * else the business use case header, else the SDK's default); 5xx and the transient codes → TRANSIENT; other codes →
   * REJECTED with Meta's message. Bodies without Meta's shape fall back to the SDK's mapping by status.
   */
  error(response: HttpResponse, context: string, now?: Date): ConnectorError;
  /** Sends one request through `ctx.http` and returns its parsed JSON body, or throws the typed error. */
  callJson(ctx: ConnectorContext, request: HttpRequest, context: string): Promise<unknown>;
  /** An answer's parsed JSON body, or the typed error it stands for (a 200 with an error object included). */
  readJson(response: HttpResponse, context: string, now: Date): unknown;
  /** REJECTED: the network answered 2xx with something the connector cannot read. */
  shapeError(context: string, what: string): ConnectorError;
  record(value: unknown, context: string, what?: string): Record<string, unknown>;
  /** A Graph id: a non-empty string of letters, digits, `_` and `-` (up to 64). */
  idOf(value: unknown, context: string, what?: string): string;
  stringOf(value: unknown, context: string, what: string): string;
  count(value: unknown, context: string, what: string): number;
  httpUrl(value: unknown, context: string, what: string): string;
  /** `{ data: [...], paging?: { cursors?: { after }, next? } }`, the Graph API's list shape. */
  listOf(body: unknown, context: string): { data: unknown[]; after?: string; hasNext: boolean };
  /** Meta's ISO dates carry `+0000`; Date.parse reads them. REJECTED when not a date. */
  dateOf(value: unknown, context: string, what: string): string;
}

/** A Graph id: letters, digits, `_` and `-`, up to 64. */
export const GRAPH_ID = /^[0-9A-Za-z_-]{1,64}$/;

export function graphApi(options: GraphApiOptions): GraphApi {
  const { network } = options;
  const rateLimitCodes = new Set(options.rateLimitCodes);
  const transientCodes = new Set(options.transientCodes);

  const serviceOrigin = (serviceUrl: string): string => {
    let url: URL;
    try {
      url = new URL(serviceUrl);
    } catch {
      throw new ConnectorError('REJECTED', `${network}: the service URL ${JSON.stringify(String(serviceUrl).slice(0, 200))} is not a URL`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new ConnectorError('REJECTED', `${network}: the service URL must be http(s), got ${url.protocol}`);
    }
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  };

  const error = (response: HttpResponse, context: string, now?: Date): ConnectorError => {
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
    const quota = options.quota;
    if (quota && code === quota.code && graph?.subcode === quota.subcode)
      return make('RATE_LIMITED', quota.what, retryAfterSeconds(response.headers, now) ?? quota.retryAfterSeconds);
    if (status === 429 || (code !== undefined && rateLimitCodes.has(code))) {
      const wait = retryAfterSeconds(response.headers, now) ?? regainAccessSeconds(response.headers) ?? DEFAULT_RETRY_AFTER_SECONDS;
      return make('RATE_LIMITED', 'rate limited', wait);
    }
    if (status >= 500 && status <= 599) return make('TRANSIENT', 'server error', retryAfterSeconds(response.headers, now));
    if (!graph || code === undefined) return generic;
    if (code === 190) return make('AUTH_EXPIRED', options.expiredToken ?? 'access token expired or revoked');
    if (options.permissionCodesExpire && (code === 10 || (code >= 200 && code <= 299)))
      return make('AUTH_EXPIRED', 'permission missing or removed: reconnect and grant it');
    if (transientCodes.has(code)) return make('TRANSIENT', 'temporary error');
    if (status === 401) return make('AUTH_EXPIRED', 'not authorized');
    return make('REJECTED', 'rejected');
  };

  const readJson = (response: HttpResponse, context: string, now: Date): unknown => {
    if (response.status < 200 || response.status > 299) throw error(response, context, now);
    const body = parseJson<unknown>(response, context);
    // Graph endpoints may answer 200 with an error object; read it the same way.
    if (isRecord(body) && isRecord(body.error)) throw error(createHttpResponse(400, response.headers, response.body), context, now);
    return body;
  };

  const shapeError = (context: string, what: string) =>
    new ConnectorError('REJECTED', `${context}: unexpected answer from ${network} (${what})`, { networkReason: what });

  const record = (value: unknown, context: string, what = 'an object'): Record<string, unknown> => {
    if (!isRecord(value)) throw shapeError(context, `expected ${what}`);
    return value;
  };

  const stringOf = (value: unknown, context: string, what: string): string => {
    if (typeof value !== 'string' || !value) throw shapeError(context, `${what} missing or not a string`);
    return value;
  };

  return {
    serviceOrigin,
    error,
    readJson,
    async callJson(ctx, request, context) {
      const response = await ctx.http.request(request);
      return readJson(response, context, ctx.now?.() ?? new Date());
    },
    shapeError,
    record,
    stringOf,
    idOf(value, context, what = 'id') {
      if (options.numericIds && typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
      if (typeof value === 'string' && GRAPH_ID.test(value)) return value;
      throw shapeError(context, `${what} missing or not an id`);
    },
    count(value, context, what) {
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
        throw shapeError(context, `${what} is not a whole number`);
      return value;
    },
    httpUrl(value, context, what) {
      const text = stringOf(value, context, what);
      try {
        const { protocol } = new URL(text);
        if (protocol === 'https:' || protocol === 'http:') return text;
      } catch {
        // Reported below.
      }
      throw shapeError(context, `${what} is not an http(s) URL`);
    },
    listOf(body, context) {
      const root = record(body, context);
      if (!Array.isArray(root.data)) throw shapeError(context, 'data is not a list');
      const paging = isRecord(root.paging) ? root.paging : undefined;
      const cursors = paging && isRecord(paging.cursors) ? paging.cursors : undefined;
      return { data: root.data, after: optionalString(cursors?.after), hasNext: typeof paging?.next === 'string' };
    },
    dateOf(value, context, what) {
      const text = stringOf(value, context, what);
      const at = Date.parse(text);
      if (Number.isNaN(at)) throw shapeError(context, `${what} is not a date`);
      return new Date(at).toISOString();
    },
  };
}
