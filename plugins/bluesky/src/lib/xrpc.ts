/** XRPC over the platform's HttpClient: `GET /xrpc/<query>`, `POST /xrpc/<procedure>`, typed errors. */
import { ConnectorError, expectOk, parseJson } from '@socle/connector-sdk';
import type { ConnectorContext, HttpResponse } from '@socle/connector-sdk';

export type XrpcParams = Record<string, string | number | boolean | undefined | readonly string[]>;

/** `https://pds.example/` -> `https://pds.example`; rejects what is not an http(s) URL. */
export function serviceBaseUrl(serviceUrl: string): string {
  let url: URL;
  try {
    url = new URL(String(serviceUrl ?? '').trim());
  } catch {
    throw new ConnectorError('REJECTED', `Bluesky: "${serviceUrl}" is not a PDS URL`, { networkReason: 'invalid PDS URL' });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConnectorError('REJECTED', `Bluesky: the PDS URL must use https (got ${url.protocol})`, { networkReason: 'invalid PDS URL' });
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export class XrpcClient {
  readonly baseUrl: string;

  constructor(
    private readonly ctx: ConnectorContext,
    serviceUrl: string,
    private readonly token?: string,
  ) {
    this.baseUrl = serviceBaseUrl(serviceUrl);
  }

  withToken(token: string): XrpcClient {
    return new XrpcClient(this.ctx, this.baseUrl, token);
  }

  private url(nsid: string, params: XrpcParams = {}): string {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) {
      if (value === undefined) continue;
      if (Array.isArray(value)) for (const entry of value) search.append(name, entry);
      else search.append(name, String(value));
    }
    const query = search.toString();
    return `${this.baseUrl}/xrpc/${nsid}${query ? `?${query}` : ''}`;
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    const headers: Record<string, string> = { accept: 'application/json', ...extra };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    return headers;
  }

  private read<T>(response: HttpResponse, context: string): T {
    expectOk(response, context, { now: this.ctx.now?.() });
    if (response.body.byteLength === 0) return {} as T;
    const data = parseJson<T>(response, context);
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      throw new ConnectorError('UNKNOWN', `${context}: expected a JSON object`, { status: response.status });
    }
    return data;
  }

  async query<T>(nsid: string, params: XrpcParams, context: string): Promise<T> {
    const response = await this.ctx.http.request({ method: 'GET', url: this.url(nsid, params), headers: this.headers() });
    return this.read<T>(response, context);
  }

  async procedure<T>(nsid: string, body: unknown, context: string): Promise<T> {
    const response = await this.ctx.http.request({
      method: 'POST',
      url: this.url(nsid),
      headers: this.headers(body === undefined ? {} : { 'content-type': 'application/json' }),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return this.read<T>(response, context);
  }

  async upload<T>(nsid: string, data: Uint8Array, mimeType: string, context: string): Promise<T> {
    const response = await this.ctx.http.request({
      method: 'POST',
      url: this.url(nsid),
      headers: this.headers({ 'content-type': mimeType }),
      body: data,
    });
    return this.read<T>(response, context);
  }
}
