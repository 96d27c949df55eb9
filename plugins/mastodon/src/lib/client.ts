/** One place that talks to an instance: bearer auth, JSON in and out, typed errors. */
import { ConnectorError, expectOk, mapHttpError, parseJson } from '@socle/connector-sdk';
import type { ConnectorContext, Credentials, HttpRequest, HttpResponse } from '@socle/connector-sdk';
import { instanceBaseUrl } from './http-helpers';

export interface MastodonCallOptions {
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as `application/x-www-form-urlencoded`. */
  form?: string;
  /** Sent as is, with `contentType`. */
  raw?: { body: Uint8Array; contentType: string };
  headers?: Record<string, string>;
  /** Statuses accepted besides 2xx (e.g. 404 for an idempotent delete). */
  acceptStatuses?: number[];
}

export interface MastodonResult<T> {
  data: T;
  response: HttpResponse;
}

export class MastodonClient {
  readonly baseUrl: string;

  constructor(
    private readonly ctx: ConnectorContext,
    serviceUrl: string,
    private readonly accessToken?: string,
  ) {
    this.baseUrl = instanceBaseUrl(serviceUrl);
  }

  static forCredentials(ctx: ConnectorContext, credentials: Credentials): MastodonClient {
    const token = credentials?.secrets?.accessToken;
    if (!token) {
      throw new ConnectorError('AUTH_EXPIRED', 'Mastodon: the credentials hold no access token; connect the account again', {
        networkReason: 'missing access token',
      });
    }
    return new MastodonClient(ctx, credentials.serviceUrl, token);
  }

  /** Host name of the instance, used to qualify local handles (`user` -> `user@host`). */
  get host(): string {
    return new URL(this.baseUrl).host;
  }

  /** Sends a request and returns the raw response (2xx or an accepted status), else throws a typed error. */
  async send(method: HttpRequest['method'], path: string, context: string, options: MastodonCallOptions = {}): Promise<HttpResponse> {
    const headers: Record<string, string> = { accept: 'application/json', ...(options.headers ?? {}) };
    if (this.accessToken) headers.authorization = `Bearer ${this.accessToken}`;
    let body: string | Uint8Array | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.form !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = options.form;
    } else if (options.raw) {
      headers['content-type'] = options.raw.contentType;
      body = options.raw.body;
    }
    const response = await this.ctx.http.request({ method, url: `${this.baseUrl}${path}`, headers, body });
    if (options.acceptStatuses?.includes(response.status)) return response;
    if (response.status === 403) {
      // Mastodon answers 403 both for a token lacking a scope (reconnect) and for an action
      // on someone else's status ("This action is not allowed"): only the first is about auth.
      const error = mapHttpError(response, context, { now: this.ctx.now?.() });
      if (error.kind === 'AUTH_EXPIRED' && /not allowed/i.test(error.networkReason ?? '')) {
        throw new ConnectorError('REJECTED', error.message, { status: 403, networkReason: error.networkReason });
      }
      throw error;
    }
    return expectOk(response, context, { now: this.ctx.now?.() });
  }

  /** The JSON object or list in a response; anything else is a typed error. */
  parse<T>(response: HttpResponse, context: string): T {
    const data = parseJson<T>(response, context);
    if (data === null || typeof data !== 'object') {
      throw new ConnectorError('UNKNOWN', `${context}: expected a JSON object or list, got ${JSON.stringify(data).slice(0, 60)}`, {
        status: response.status,
      });
    }
    return data;
  }

  async call<T>(
    method: HttpRequest['method'],
    path: string,
    context: string,
    options: MastodonCallOptions = {},
  ): Promise<MastodonResult<T>> {
    const response = await this.send(method, path, context, options);
    return { data: this.parse<T>(response, context), response };
  }
}
