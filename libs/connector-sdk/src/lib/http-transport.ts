/**
 * How the connectors' HTTP client (http.ts) puts one request on the wire: undici
 * pools, kept alive per origin and per checked address, driven through
 * `dispatch` with a handler of our own (no response stream, no promise per
 * chunk, no abort signal per request).
 *
 * Each pool connects only to the address the outbound guard checked: its
 * connector hands that address to the socket through a `lookup` that answers
 * it whatever the name (an IP literal is connected to as it is), so there is
 * no second resolution to rebind. TLS still verifies the certificate against
 * the name, sent as SNI.
 *
 * The body is decompressed here (gzip, deflate, br) and counted after
 * decompression; undici itself never decompresses. Idle sockets are unref'd by
 * undici, so a pool never keeps the process alive, and a pool left without
 * connections or requests is closed and forgotten.
 */
import type { LookupFunction } from 'node:net';
import type { Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { buildConnector, Pool } from 'undici';
import type { Dispatcher } from 'undici';
import { ConnectorError } from './errors';
import type { ResolvedAddress } from './outbound-guard';

/** What a request is waiting on when its time limit passes: `giveUp` is called then (it replaces the previous wait). */
export interface TimeLimit {
  waitOn(giveUp: () => void): void;
}

export interface WireRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

/** An answer: status, lower-cased headers, and the body (null for a redirect, whose body is discarded). */
export interface WireAnswer {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array | null;
}

export interface ExchangeOptions {
  /** Largest body, after decompression. */
  maxBytes: number;
  /** Names the request in messages. */
  target: string;
  /** Statuses answered without reading the body, when a `Location` is given (redirects). */
  redirectStatuses: ReadonlySet<number>;
}

const EMPTY = new Uint8Array(0);

/** A lookup that answers the address the guard already checked, whatever the name (no second resolution). */
function pinnedLookup(destination: ResolvedAddress): LookupFunction {
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address: destination.address, family: destination.family }]);
    else callback(null, destination.address, destination.family);
  }) as unknown as LookupFunction;
}

/** The keep-alive pools of one client, one per origin and checked address. */
export class Pools {
  private readonly pools = new Map<string, Pool>();

  /** `connectTimeoutMs`: how long a connection attempt may take (the request's own limit usually gives up first). */
  constructor(private readonly connectTimeoutMs: number) {}

  /** Sends `request` to `destination` (checked by the guard); resolves with the whole answer or rejects. */
  exchange(request: WireRequest, destination: ResolvedAddress, limit: TimeLimit, options: ExchangeOptions): Exchange {
    const exchange = new Exchange(request.method, limit, options);
    const body = request.body;
    this.poolFor(request.url, destination).dispatch(
      {
        path: `${request.url.pathname}${request.url.search}`,
        method: request.method as Dispatcher.HttpMethod,
        headers: request.headers,
        body: body === undefined ? undefined : typeof body === 'string' ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength),
      },
      exchange,
    );
    return exchange;
  }

  private poolFor(url: URL, destination: ResolvedAddress): Pool {
    const key = `${url.origin} ${destination.address}`;
    let pool = this.pools.get(key);
    if (pool) return pool;
    const created = new Pool(url.origin, {
      // An IP literal is connected to as it is (the guard checked it); a name goes through the pinned lookup.
      connect: buildConnector({ lookup: pinnedLookup(destination), timeout: this.connectTimeoutMs } as buildConnector.BuildOptions),
      // The request's one time limit covers headers and body: no timer of undici's per request.
      headersTimeout: 0,
      bodyTimeout: 0,
    });
    const forgetWhenIdle = () => {
      const stats = created.stats;
      if (stats.connected > 0 || stats.size > 0 || this.pools.get(key) !== created) return;
      this.pools.delete(key);
      created.close().catch(() => undefined);
    };
    created.on('disconnect', forgetWhenIdle).on('connectionError', forgetWhenIdle);
    pool = created;
    this.pools.set(key, pool);
    return pool;
  }
}

/** Duplicates Node's HTTP client drops (it keeps the first), as `IncomingMessage.headers` does. */
const SINGLE_VALUED = new Set([
  'age',
  'authorization',
  'content-length',
  'content-type',
  'etag',
  'expires',
  'from',
  'host',
  'if-modified-since',
  'if-unmodified-since',
  'last-modified',
  'location',
  'max-forwards',
  'proxy-authorization',
  'referer',
  'retry-after',
  'server',
  'user-agent',
]);

/** Raw header lines (name, value, name, value…) as lower-cased names; repeated values joined as Node joins them. */
function headersOf(raw: Buffer[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i].toString('latin1').toLowerCase();
    const value = raw[i + 1].toString('latin1');
    const previous = headers[name];
    if (previous === undefined) headers[name] = value;
    else if (!SINGLE_VALUED.has(name)) headers[name] = `${previous}${name === 'cookie' ? '; ' : ', '}${value}`;
  }
  return headers;
}

function decoderFor(encoding: string | undefined): Transform | undefined {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      return undefined;
  }
}

/** Codes undici and Node give when the connection went away while the body was being read. */
const CUT_CODES = new Set(['UND_ERR_SOCKET', 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH', 'ECONNRESET', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE']);

/**
 * One request on the wire, as undici's dispatch handler: it settles `answer`
 * once, with the whole (decompressed, bounded) body, or with a failure: more
 * than `maxBytes`, the connection closed before the body ended, or the time
 * limit passed (then the request is aborted, its connection destroyed).
 */
export class Exchange implements Dispatcher.DispatchHandlers {
  readonly answer: Promise<WireAnswer>;
  private resolveAnswer!: (answer: WireAnswer) => void;
  private rejectAnswer!: (error: unknown) => void;
  private abortRequest: ((error?: Error) => void) | null = null;
  private settled = false;
  /** Undici is done with the request (completed or failed). */
  private done = false;
  private status = 0;
  private headers: Record<string, string> = {};
  private chunks: Buffer[] = [];
  private total = 0;
  private decoder: Transform | undefined;

  constructor(
    private readonly method: string,
    limit: TimeLimit,
    private readonly options: ExchangeOptions,
  ) {
    this.answer = new Promise<WireAnswer>((resolve, reject) => {
      this.resolveAnswer = resolve;
      this.rejectAnswer = reject;
    });
    limit.waitOn(() => this.fail(new Error('aborted')));
  }

  /** Gives up on what is left of the request (a redirect's body still coming): its connection is not reused. */
  abandon(): void {
    if (!this.done) this.abortRequest?.(new Error('aborted'));
  }

  onConnect(abort: (error?: Error) => void): void {
    // Given up while the request waited for a connection: it goes no further.
    if (this.settled) abort(new Error('aborted'));
    else this.abortRequest = abort;
  }

  onHeaders(status: number, rawHeaders: Buffer[], resume: () => void): boolean {
    if (status < 200) return true;
    if (this.settled) return true;
    const headers = headersOf(rawHeaders);
    this.status = status;
    this.headers = headers;
    const location = headers.location;
    if ((this.options.redirectStatuses.has(status) && location) || this.method === 'HEAD' || status === 204 || status === 304) {
      // The body (if any) is read and dropped; the connection stays in the pool.
      this.settle(this.options.redirectStatuses.has(status) && location ? null : EMPTY);
      return true;
    }
    const declared = Number(headers['content-length']);
    const decoder = decoderFor(headers['content-encoding']);
    if (!decoder && Number.isFinite(declared) && declared > this.options.maxBytes) {
      this.fail(
        new ConnectorError(
          'REJECTED',
          `${this.options.target}: response of ${declared} bytes exceeds the ${this.options.maxBytes}-byte limit`,
        ),
      );
      return false;
    }
    if (decoder) {
      this.decoder = decoder;
      decoder.on('data', (chunk: Buffer) => this.take(chunk));
      decoder.on('error', (error) => this.fail(error));
      decoder.on('end', () => this.finish());
      decoder.on('drain', resume);
    }
    return true;
  }

  onData(chunk: Buffer): boolean {
    if (this.settled) return true;
    if (this.decoder) return this.decoder.write(chunk);
    this.take(chunk);
    return true;
  }

  onComplete(): void {
    this.done = true;
    if (this.settled) return;
    if (this.decoder) this.decoder.end();
    else this.finish();
  }

  onError(error: Error): void {
    this.done = true;
    if (this.settled) return;
    const code = (error as { code?: unknown }).code;
    // Headers came, the body did not end: the answer was cut short.
    if (this.status && typeof code === 'string' && CUT_CODES.has(code)) this.fail(cut());
    else this.fail(error);
  }

  /** A decompressed (or plain) chunk of the body, counted against the limit. */
  private take(chunk: Buffer): void {
    if (this.settled) return;
    this.total += chunk.byteLength;
    // Counted after decompression: a small compressed body cannot expand past the limit.
    if (this.total > this.options.maxBytes) {
      this.fail(new ConnectorError('REJECTED', `${this.options.target}: response exceeds the ${this.options.maxBytes}-byte limit`));
    } else this.chunks.push(chunk);
  }

  private finish(): void {
    if (this.settled) return;
    if (!this.done) return this.fail(cut());
    const chunks = this.chunks;
    const body = chunks.length === 0 ? EMPTY : chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, this.total);
    this.settle(body === EMPTY ? EMPTY : new Uint8Array(body.buffer, body.byteOffset, body.byteLength));
  }

  private settle(body: Uint8Array | null): void {
    this.settled = true;
    this.chunks = [];
    this.resolveAnswer({ status: this.status, headers: this.headers, body });
  }

  private fail(error: unknown): void {
    if (this.settled) return;
    this.settled = true;
    this.chunks = [];
    this.decoder?.destroy();
    this.abortRequest?.(error instanceof Error ? error : new Error(String(error)));
    this.rejectAnswer(error);
  }
}

function cut(): Error {
  return Object.assign(new Error('terminated: the connection closed before the body ended'), { code: 'ECONNRESET' });
}
