/**
 * A loopback HTTP server for a plugin's tests: it plays the network. The plugin
 * writes a handler that answers like the network does; the server adds what every
 * network does on a bad day (rate limits, 500s, HTML error pages, truncated bodies,
 * stalls, reset connections) on demand, through `inject`.
 */
import { createServer, IncomingHttpHeaders, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface LoopbackRequest {
  method: string;
  url: URL;
  /** Path and query, e.g. `/api/v1/statuses?limit=3`. */
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text(): string;
  json<T = unknown>(): T;
}

export interface LoopbackReply {
  status?: number;
  headers?: Record<string, string>;
  /** A string or bytes are sent as they are; anything else is sent as JSON. */
  body?: string | Uint8Array | object | null;
}

export type LoopbackHandler = (request: LoopbackRequest) => LoopbackReply | Promise<LoopbackReply>;

/** A bad day at the network, served instead of the handler's answer. */
export type InjectedFailure =
  /** Any status with an optional body (JSON by default when `body` is an object). */
  | { type: 'status'; status: number; body?: string | object; contentType?: string; headers?: Record<string, string> }
  /** 429 with `Retry-After` in seconds, or as an HTTP date when `format` is `http-date`. */
  | { type: 'rate-limited'; retryAfterSeconds: number; format?: 'seconds' | 'http-date' }
  /** An HTML error page such as a proxy or load balancer serves (default 502). */
  | { type: 'html-error'; status?: number }
  /** A JSON body cut off mid-way (default status 200). */
  | { type: 'truncated-json'; status?: number }
  /** Waits `delayMs` before sending headers (`phase: 'headers'`, default) or before finishing the body. */
  | { type: 'slow'; delayMs: number; phase?: 'headers' | 'body' }
  /** Destroys the connection without an answer. */
  | { type: 'reset' };

/** What the conformance suite needs from a plugin's test server. `LoopbackServer` has it all. */
export interface ConformanceServer {
  readonly baseUrl: string;
  /** Serve `failure` instead of the normal answer to the next `times` requests (default 1). */
  inject(failure: InjectedFailure, times?: number): void;
  clearInjections(): void;
  close(): Promise<void>;
}

export interface LoopbackServerOptions {
  /** Default 127.0.0.1. */
  host?: string;
}

export class LoopbackServer implements ConformanceServer {
  /** Every request received, oldest first. */
  readonly requests: LoopbackRequest[] = [];
  private readonly injections: InjectedFailure[] = [];
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private handler: LoopbackHandler;

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
    handler: LoopbackHandler,
  ) {
    this.handler = handler;
  }

  /** Starts a server on 127.0.0.1 with a free port. */
  static async start(handler: LoopbackHandler, options: LoopbackServerOptions = {}): Promise<LoopbackServer> {
    const host = options.host ?? '127.0.0.1';
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, host, () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const instance = new LoopbackServer(server, `http://${host}:${port}`, handler);
    server.on('connection', (socket) => {
      instance.sockets.add(socket);
      socket.on('close', () => instance.sockets.delete(socket));
    });
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        const url = new URL(req.url ?? '/', instance.baseUrl);
        const request: LoopbackRequest = {
          method: req.method ?? 'GET',
          url,
          path: `${url.pathname}${url.search}`,
          headers: req.headers,
          body,
          text: () => body.toString('utf8'),
          json: <T>() => JSON.parse(body.toString('utf8')) as T,
        };
        instance.requests.push(request);
        void instance.dispatch(request, res);
      });
    });
    return instance;
  }

  /** Replaces the handler (e.g. to change what the network answers mid-test). */
  setHandler(handler: LoopbackHandler): void {
    this.handler = handler;
  }

  inject(failure: InjectedFailure, times = 1): void {
    for (let i = 0; i < times; i++) this.injections.push(failure);
  }

  clearInjections(): void {
    this.injections.length = 0;
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private later(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
  }

  private async dispatch(request: LoopbackRequest, res: ServerResponse): Promise<void> {
    const failure = this.injections.shift();
    if (failure) {
      this.serveFailure(failure, request, res);
      return;
    }
    let reply: LoopbackReply;
    try {
      reply = await this.handler(request);
    } catch (error) {
      reply = { status: 500, body: { error: `test server handler failed: ${(error as Error).message}` } };
    }
    send(res, reply);
  }

  private serveFailure(failure: InjectedFailure, request: LoopbackRequest, res: ServerResponse): void {
    switch (failure.type) {
      case 'status': {
        const isObject = failure.body !== undefined && typeof failure.body === 'object';
        send(res, {
          status: failure.status,
          headers: { ...(failure.contentType ? { 'content-type': failure.contentType } : {}), ...(failure.headers ?? {}) },
          body: isObject ? failure.body : (failure.body ?? ''),
        });
        return;
      }
      case 'rate-limited': {
        const value =
          failure.format === 'http-date'
            ? new Date(Date.now() + failure.retryAfterSeconds * 1000).toUTCString()
            : String(failure.retryAfterSeconds);
        send(res, { status: 429, headers: { 'retry-after': value }, body: { error: 'RateLimitExceeded', message: 'Too many requests' } });
        return;
      }
      case 'html-error': {
        const status = failure.status ?? 502;
        send(res, {
          status,
          headers: { 'content-type': 'text/html; charset=utf-8' },
          body: `<!DOCTYPE html><html><head><title>${status} Bad Gateway</title></head><body><h1>Bad Gateway</h1><p>The upstream server did not answer.</p><hr><address>nginx</address></body></html>`,
        });
        return;
      }
      case 'truncated-json': {
        send(res, {
          status: failure.status ?? 200,
          headers: { 'content-type': 'application/json' },
          body: '{"id":"1234","url":"https://example.test/1234","content":"Bonjour, voici un message coup',
        });
        return;
      }
      case 'slow': {
        if ((failure.phase ?? 'headers') === 'headers') {
          this.later(failure.delayMs, () => void this.dispatch(request, res));
        } else {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.write('{"slow":');
          this.later(failure.delayMs, () => res.end('true}'));
        }
        return;
      }
      case 'reset':
        res.socket?.destroy();
        return;
    }
  }
}

function send(res: ServerResponse, reply: LoopbackReply): void {
  if (res.destroyed || res.writableEnded) return;
  const headers: Record<string, string> = { ...(reply.headers ?? {}) };
  const hasType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
  let body: string | Uint8Array;
  if (reply.body === undefined || reply.body === null) body = '';
  else if (typeof reply.body === 'string' || reply.body instanceof Uint8Array) body = reply.body;
  else {
    body = JSON.stringify(reply.body);
    if (!hasType) headers['content-type'] = 'application/json; charset=utf-8';
  }
  res.writeHead(reply.status ?? 200, headers);
  res.end(body);
}
