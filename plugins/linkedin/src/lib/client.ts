/**
 * One place that talks to LinkedIn: the versioned REST API (`/rest`), its two required headers,
 * bearer auth, JSON in and out, and typed errors. Shapes of answers are checked where they are read.
 */
import { ConnectorError, expectOk, mapHttpError, parseJson } from '@socle/connector-sdk';
import type { ConnectorContext, Credentials, HttpRequest, HttpResponse } from '@socle/connector-sdk';

/** Production host of the API; its authorisation server is then www.linkedin.com. */
export const LINKEDIN_API_ORIGIN = 'https://api.linkedin.com';
export const LINKEDIN_AUTH_ORIGIN = 'https://www.linkedin.com';
/**
 * The `LinkedIn-Version` sent by default (YYYYMM). LinkedIn supports a version for at least a year:
 * https://learn.microsoft.com/en-us/linkedin/marketing/versioning
 */
export const LINKEDIN_DEFAULT_API_VERSION = '202603';

export interface LinkedinEndpoints {
  /** Where `/rest/...` lives. */
  apiBase: string;
  /** Where `/oauth/v2/...` lives. */
  authBase: string;
}

/**
 * `https://api.linkedin.com` -> the API there and the authorisation server at www.linkedin.com;
 * any other URL (a test server) -> both at that URL.
 */
export function linkedinEndpoints(serviceUrl: string): LinkedinEndpoints {
  let url: URL;
  try {
    url = new URL(String(serviceUrl ?? '').trim());
  } catch {
    throw new ConnectorError('REJECTED', `LinkedIn: "${String(serviceUrl).slice(0, 80)}" is not a URL`, {
      networkReason: 'invalid service URL',
    });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConnectorError('REJECTED', `LinkedIn: the service URL must use https (got ${url.protocol})`, {
      networkReason: 'invalid service URL',
    });
  }
  const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  if (url.origin === LINKEDIN_API_ORIGIN) return { apiBase: LINKEDIN_API_ORIGIN, authBase: LINKEDIN_AUTH_ORIGIN };
  return { apiBase: base, authBase: base };
}

/** A URN as a path segment or query value: Rest.li 2.0 wants it URL-encoded (`urn%3Ali%3A...`). */
export function encodeUrn(urn: string): string {
  return encodeURIComponent(urn);
}

export interface CallOptions {
  json?: unknown;
  headers?: Record<string, string>;
  /** Statuses accepted besides 2xx. */
  acceptStatuses?: number[];
}

export class LinkedinClient {
  readonly endpoints: LinkedinEndpoints;

  constructor(
    private readonly ctx: ConnectorContext,
    serviceUrl: string,
    private readonly accessToken: string,
    private readonly apiVersion: string,
  ) {
    this.endpoints = linkedinEndpoints(serviceUrl);
  }

  static forCredentials(ctx: ConnectorContext, credentials: Credentials, apiVersion: string): LinkedinClient {
    const token = credentials?.secrets?.accessToken;
    if (typeof token !== 'string' || !token) {
      throw new ConnectorError('AUTH_EXPIRED', 'LinkedIn: the credentials hold no access token; connect the account again', {
        networkReason: 'missing access token',
      });
    }
    return new LinkedinClient(ctx, credentials.serviceUrl, token, apiVersion);
  }

  /**
   * Sends one request to `/rest<path>` with the headers every versioned API requires
   * (`LinkedIn-Version`, `X-Restli-Protocol-Version: 2.0.0`):
   * https://learn.microsoft.com/en-us/linkedin/marketing/versioning
   */
  async send(method: HttpRequest['method'], path: string, context: string, options: CallOptions = {}): Promise<HttpResponse> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      authorization: `Bearer ${this.accessToken}`,
      'linkedin-version': this.apiVersion,
      'x-restli-protocol-version': '2.0.0',
      ...(options.headers ?? {}),
    };
    let body: string | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    const response = await this.ctx.http.request({ method, url: `${this.endpoints.apiBase}/rest${path}`, headers, body });
    if (options.acceptStatuses?.includes(response.status)) return response;
    return expectOk(response, context, { now: this.ctx.now?.() });
  }

  /** `send`, then the JSON object of the answer (anything else is a typed error). */
  async call(method: HttpRequest['method'], path: string, context: string, options: CallOptions = {}): Promise<Record<string, unknown>> {
    const response = await this.send(method, path, context, options);
    return jsonObject(response, context);
  }

  /**
   * PUTs bytes to an upload URL the Images or Videos API returned, and returns LinkedIn's answer (a video part's
   * `ETag` is in its headers). LinkedIn's example sends the member's bearer token there, so it goes only to a
   * LinkedIn host (or the API's own origin, a test server): an upload URL anywhere else is refused rather than
   * handed the token.
   * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/images-api
   * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/videos-api
   */
  async upload(uploadUrl: string, data: Uint8Array, mimeType: string, context: string): Promise<HttpResponse> {
    let url: URL;
    try {
      url = new URL(uploadUrl);
    } catch {
      throw new ConnectorError('UNKNOWN', `${context}: the upload URL LinkedIn gave is not a URL`);
    }
    const apiOrigin = new URL(this.endpoints.apiBase).origin;
    const linkedinHost = url.protocol === 'https:' && (url.hostname === 'linkedin.com' || url.hostname.endsWith('.linkedin.com'));
    if (!linkedinHost && url.origin !== apiOrigin) {
      throw new ConnectorError('UNKNOWN', `${context}: LinkedIn gave an upload URL outside LinkedIn (${url.host}); nothing was sent there`);
    }
    const response = await this.ctx.http.request({
      method: 'PUT',
      url: url.toString(),
      headers: { authorization: `Bearer ${this.accessToken}`, 'content-type': mimeType },
      body: data,
    });
    return expectOk(response, context, { now: this.ctx.now?.() });
  }
}

/** The JSON object of a response; anything else (a list, a string, no JSON) is a typed error. */
export function jsonObject(response: HttpResponse, context: string): Record<string, unknown> {
  const data = parseJson<unknown>(response, context);
  if (!isRecord(data)) {
    throw new ConnectorError('UNKNOWN', `${context}: expected a JSON object, got ${describe(data)}`, { status: response.status });
  }
  return data;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** A short description of an unexpected value for an error message (never the value in full). */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** An answer LinkedIn sent whose shape is not what its documentation says. */
export function unexpected(context: string, what: string): ConnectorError {
  return new ConnectorError('UNKNOWN', `${context}: unexpected answer from LinkedIn (${what})`);
}

/** `elements` of a collection answer, as objects; a missing or wrong list is a typed error. */
export function elementsOf(data: Record<string, unknown>, context: string): Record<string, unknown>[] {
  const elements = data.elements;
  if (!Array.isArray(elements)) throw unexpected(context, `"elements" is ${describe(elements)}, not a list`);
  return elements.filter(isRecord);
}

export function stringField(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

export function countField(value: unknown): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : 0;
}

/** A token endpoint's failure: the refresh grant's 400/401 mean the member must authorise again. */
export function tokenError(response: HttpResponse, context: string, now?: Date): ConnectorError {
  const error = mapHttpError(response, context, { now });
  if (response.status === 400 || response.status === 401) {
    return new ConnectorError('AUTH_EXPIRED', error.message, { status: response.status, networkReason: error.networkReason });
  }
  return error;
}
