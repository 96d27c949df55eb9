/**
 * A Mastodon instance on loopback for tests, following the documented REST API
 * (https://docs.joinmastodon.org/methods/) for what the connector uses: apps and OAuth,
 * statuses with Idempotency-Key, media, notifications, search, hashtag timelines, context,
 * an account's own statuses.
 *
 * It answers the way Mastodon does: `{"error": "..."}` bodies, 422 validation messages,
 * `X-RateLimit-*` headers on every answer and 429 past the limit, `Link` headers on
 * paginated lists. `inject` serves a bad day instead of the next answers: an HTML 502
 * page, truncated JSON, any status, a response slower than the client's timeout, a reset.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A bad day at the instance, served instead of the normal answer. */
export type MastodonFault =
  | { type: 'status'; status: number; body?: string | object; contentType?: string; headers?: Record<string, string> }
  /**
   * 429 with Mastodon's `X-RateLimit-*` headers (reset `retryAfterSeconds` from now), plus
   * `Retry-After` in seconds (default) or as an HTTP date; `reset-only` sends no
   * `Retry-After`, as Mastodon itself does.
   */
  | { type: 'rate-limited'; retryAfterSeconds: number; format?: 'seconds' | 'http-date' | 'reset-only' }
  /** The HTML page a reverse proxy serves when Puma is down (default 502). */
  | { type: 'html-error'; status?: number }
  /** A JSON body cut off mid-way (default 200). */
  | { type: 'truncated-json'; status?: number }
  /** Waits `delayMs` before the headers (default) or in the middle of the body. */
  | { type: 'slow'; delayMs: number; phase?: 'headers' | 'body' }
  /** Answers normally once `until` settles (a test decides when the request is at the network long enough). */
  | { type: 'held'; until: Promise<unknown> }
  /** Closes the connection without an answer. */
  | { type: 'reset' };

export interface MastodonTestServerOptions {
  /** Requests per window for one token (or one client without a token). Default 300 per 300 s. */
  rateLimit?: { limit: number; windowSeconds: number };
  /** 206 answers to `GET /api/v1/media/:id` before a video is processed. Default 1. */
  mediaProcessingPolls?: number;
  /** Lifetime of OAuth tokens issued by `/oauth/token`; when set, a refresh token comes with each. */
  tokenLifetimeSeconds?: number;
  /** Keep a log of requests (method, path, headers, body). Default true. */
  recordRequests?: boolean;
  /** The loopback port to listen on. Default: any free port. */
  port?: number;
  /** Every answer waits this long before it is made, as a distant instance's would (faults excepted). Default 0. */
  answerDelayMs?: number;
}

/**
 * Everything the instance holds except uploaded media and the request log, as JSON, so that an
 * instance can stop and start again with the same accounts, tokens, statuses and notifications.
 */
export interface MastodonInstanceState {
  version: 1;
  accounts: Account[];
  tokens: TokenRecord[];
  apps: AppRecord[];
  statuses: StatusRecord[];
  notifications: NotificationRecord[];
  lastStatusId: string;
  sequence: number;
}

/** A status as written through the API (`POST /api/v1/statuses`), for whoever watches the instance. */
export interface PostedStatus {
  id: string;
  username: string;
  text: string;
  inReplyToId: string | null;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  params: Params;
}

type ParamValue = string | string[] | UploadedFile;
type Params = Record<string, ParamValue | undefined>;

interface UploadedFile {
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface Account {
  id: string;
  username: string;
  display_name: string;
  created_at: string;
  statusesCount: number;
  /** A number on a well-behaved instance; tests may set any JSON value to play a broken one. */
  followersCount: unknown;
  followingCount: number;
}

export interface TokenRecord {
  token: string;
  accountId: string;
  scopes: string[];
  clientId?: string;
  expiresAt?: number;
  refreshToken?: string;
  revoked?: boolean;
}

export interface AppRecord {
  id: string;
  name: string;
  website: string | null;
  redirectUris: string[];
  scopes: string[];
  clientId: string;
  clientSecret: string;
}

interface CodeRecord {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  accountId: string;
  codeChallenge?: string;
  expiresAt: number;
}

interface MediaRecord {
  id: string;
  accountId: string;
  type: 'image' | 'gifv' | 'video';
  description: string | null;
  bytes: number;
  pollsLeft: number;
  statusId?: string;
}

export interface StatusRecord {
  id: string;
  accountId: string;
  createdAt: string;
  text: string;
  spoilerText: string;
  visibility: string;
  sensitive: boolean;
  language: string | null;
  inReplyToId: string | null;
  mediaIds: string[];
  mentionIds: string[];
  tags: string[];
  favourites: number;
  reblogs: number;
  quotes: number;
  replies: number;
}

export interface NotificationRecord {
  id: string;
  type: string;
  accountId: string;
  fromAccountId: string;
  statusId: string;
  createdAt: string;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(String(body.error));
  }
}

const notFound = () => new HttpError(404, { error: 'Record not found' });
const unprocessable = (message: string) => new HttpError(422, { error: message });

const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif', 'image/heic'];
const VIDEO_TYPES = ['video/mp4', 'video/webm', 'video/quicktime'];
const VISIBILITIES = ['public', 'unlisted', 'private', 'direct'];
const MAX_CHARACTERS = 500;
const URL_LENGTH = 23;
const IDEMPOTENCY_SECONDS = 3600;

const HTML_ERROR_PAGE = (status: number) =>
  `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${status} Bad Gateway</title>\n</head>\n<body class="error">\n<div class="dialog">\n<h1>We're sorry, but something went wrong on our end.</h1>\n</div>\n</body>\n</html>\n`;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return /[&<>"']/.test(text) ? text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]) : text;
}

function asString(value: ParamValue | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value[0];
  return undefined;
}

function asList(value: ParamValue | undefined): string[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return [value];
  return [];
}

function asBoolean(value: ParamValue | undefined): boolean {
  const text = asString(value);
  return text === 'true' || text === '1';
}

function compareIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Mastodon's length: code points, each URL as 23, a remote mention as its local part. */
function statusLength(text: string): number {
  let urls = 0;
  let rest = text.includes('://')
    ? text.replace(/https?:\/\/[^\s<>"]+?(?=[.,;:!?)\]]*(?:\s|$))/g, () => {
        urls++;
        return '';
      })
    : text;
  if (rest.includes('@')) rest = rest.replace(/(@[\w.-]+)@[\w-]+(?:\.[\w-]+)+/g, '$1');
  // Code points: a surrogate pair counts once.
  let length = rest.length;
  for (let i = 0; i < rest.length; i++) {
    const code = rest.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < rest.length) {
      const next = rest.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length--;
        i++;
      }
    }
  }
  return length + urls * URL_LENGTH;
}

/** Rails-style params: `a[]=1&a[]=2` -> `{a: ['1', '2']}`. */
function readQuery(search: URLSearchParams, into: Params): void {
  for (const [rawName, value] of search) {
    const isList = rawName.endsWith('[]');
    const name = isList ? rawName.slice(0, -2) : rawName;
    if (isList) {
      const existing = into[name];
      into[name] = [...(Array.isArray(existing) ? existing : []), value];
    } else {
      into[name] = value;
    }
  }
}

function parseMultipart(body: Buffer, boundary: string, into: Params): void {
  const delimiter = Buffer.from(`--${boundary}`);
  let position = body.indexOf(delimiter);
  while (position !== -1) {
    const start = position + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, start);
    if (next === -1) break;
    const part = body.subarray(start + 2, next - 2); // skip CRLF after delimiter and before the next
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const head = part.subarray(0, headerEnd).toString('utf8');
      const data = part.subarray(headerEnd + 4);
      const name = /name="([^"]*)"/i.exec(head)?.[1];
      const filename = /filename="([^"]*)"/i.exec(head)?.[1];
      const contentType = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1]?.trim() ?? 'application/octet-stream';
      if (name !== undefined) {
        if (filename !== undefined) into[name] = { filename, contentType, data: Buffer.from(data) };
        else if (name.endsWith('[]')) into[name.slice(0, -2)] = [...asList(into[name.slice(0, -2)]), data.toString('utf8')];
        else into[name] = data.toString('utf8');
      }
    }
    position = next;
  }
}

export class MastodonTestServer {
  readonly baseUrl: string;
  readonly host: string;
  /** Every request received, oldest first (when `recordRequests` is on). */
  readonly requests: RecordedRequest[] = [];

  private readonly accounts = new Map<string, Account>();
  private readonly tokens = new Map<string, TokenRecord>();
  private readonly refreshTokens = new Map<string, TokenRecord>();
  private readonly apps = new Map<string, AppRecord>();
  private readonly codes = new Map<string, CodeRecord>();
  private readonly statuses = new Map<string, StatusRecord>();
  private readonly notifications: NotificationRecord[] = [];
  private readonly media = new Map<string, MediaRecord>();
  private readonly idempotency = new Map<string, { statusId: string; at: number }>();
  private readonly buckets = new Map<string, { count: number; resetAt: number; reset: string }>();
  /** Accounts by lower-case username (usernames are unique on an instance, whatever their case). */
  private readonly accountsByName = new Map<string, Account>();
  private readonly faults: Array<{ fault: MastodonFault; match?: RegExp }> = [];
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private rateLimit: { limit: number; windowSeconds: number };
  private signedInAccountId?: string;
  private readonly postListeners: Array<(status: PostedStatus) => void> = [];
  private lastStatusId = 0n;
  private sequence = 0;

  private constructor(
    private readonly server: Server,
    baseUrl: string,
    private readonly options: MastodonTestServerOptions,
  ) {
    this.baseUrl = baseUrl;
    this.host = new URL(baseUrl).host;
    this.rateLimit = options.rateLimit ?? { limit: 300, windowSeconds: 300 };
  }

  static async start(options: MastodonTestServerOptions = {}): Promise<MastodonTestServer> {
    const server = createServer();
    server.keepAliveTimeout = 5000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const instance = new MastodonTestServer(server, `http://127.0.0.1:${port}`, options);
    server.on('connection', (socket: Socket) => {
      instance.sockets.add(socket);
      socket.on('close', () => instance.sockets.delete(socket));
    });
    server.on('request', (req: IncomingMessage, res: ServerResponse) => instance.receive(req, res));
    return instance;
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ------------------------------------------------------------ test controls

  /**
   * Serves `fault` instead of the next `times` answers (default 1). With `match`, only to
   * requests whose `METHOD /path` matches (e.g. `/^POST \/api\/v1\/statuses/`).
   */
  inject(fault: MastodonFault, times = 1, match?: RegExp): void {
    for (let i = 0; i < times; i++) this.faults.push({ fault, match });
  }

  clearInjections(): void {
    this.faults.length = 0;
  }

  /** Injected faults not yet served: how many more requests they are waiting for. */
  get pendingInjections(): number {
    return this.faults.length;
  }

  setRateLimit(limit: number, windowSeconds: number): void {
    this.rateLimit = { limit, windowSeconds };
    this.buckets.clear();
  }

  createAccount(username: string, displayName = username): { id: string; username: string } {
    const existing = this.findAccount(username);
    if (existing) return { id: existing.id, username: existing.username };
    const id = String(100 + this.accounts.size);
    this.keepAccount({
      id,
      username,
      display_name: displayName,
      created_at: new Date().toISOString(),
      statusesCount: 0,
      followersCount: 0,
      followingCount: 0,
    });
    return { id, username };
  }

  private keepAccount(account: Account): void {
    this.accounts.set(account.id, account);
    const name = account.username.toLowerCase();
    if (!this.accountsByName.has(name)) this.accountsByName.set(name, account);
  }

  /** A personal access token for `username` (created if needed); `token` chooses its value. */
  createAccessToken(username: string, options: { scopes?: string[]; expiresInSeconds?: number; token?: string } = {}): string {
    const account = this.createAccount(username);
    const token = options.token ?? randomBytes(24).toString('base64url');
    this.tokens.set(token, {
      token,
      accountId: account.id,
      scopes: options.scopes ?? ['read', 'write', 'follow'],
      expiresAt: options.expiresInSeconds !== undefined ? Date.now() + options.expiresInSeconds * 1000 : undefined,
    });
    return token;
  }

  /** Makes a token expired now (its refresh token, if any, still works). */
  expireToken(token: string): void {
    const record = this.tokens.get(token);
    if (record) record.expiresAt = Date.now() - 1000;
  }

  revokeToken(token: string): void {
    const record = this.tokens.get(token) ?? this.refreshTokens.get(token);
    if (!record) return;
    record.revoked = true;
    if (record.refreshToken) this.refreshTokens.delete(record.refreshToken);
  }

  /** The account `/oauth/authorize` approves for (the user signed in on the instance). */
  signIn(username: string): void {
    this.signedInAccountId = this.createAccount(username).id;
  }

  /**
   * A status written by `username` on the instance (e.g. a mention of the connected account).
   * `createdAt` dates it in the past, its id too (Mastodon's ids are snowflakes of the creation time).
   */
  postAs(
    username: string,
    text: string,
    options: { inReplyToId?: string; visibility?: string; spoilerText?: string; language?: string; createdAt?: Date } = {},
  ): {
    id: string;
    url: string;
  } {
    const account = this.createAccount(username);
    const status = this.createStatus(
      account.id,
      {
        text,
        visibility: options.visibility ?? 'public',
        spoilerText: options.spoilerText ?? '',
        sensitive: false,
        language: options.language ?? 'en',
        inReplyToId: options.inReplyToId ?? null,
        mediaIds: [],
      },
      options.createdAt,
    );
    return { id: status.id, url: this.statusUrl(status) };
  }

  /** Calls `listener` after each status written through the API (not after `postAs`). */
  onPost(listener: (status: PostedStatus) => void): void {
    this.postListeners.push(listener);
  }

  /** The instance's accounts, tokens, apps, statuses and notifications (see `MastodonInstanceState`). */
  exportState(): MastodonInstanceState {
    return {
      version: 1,
      accounts: [...this.accounts.values()],
      tokens: [...this.tokens.values()],
      apps: [...this.apps.values()],
      statuses: [...this.statuses.values()],
      notifications: [...this.notifications],
      lastStatusId: this.lastStatusId.toString(),
      sequence: this.sequence,
    };
  }

  /** Replaces what the instance holds by `state` (from `exportState`). */
  importState(state: MastodonInstanceState): void {
    if (state.version !== 1) throw new Error(`unknown instance state version ${String(state.version)}`);
    this.accounts.clear();
    this.accountsByName.clear();
    this.tokens.clear();
    this.refreshTokens.clear();
    this.apps.clear();
    this.statuses.clear();
    this.notifications.length = 0;
    for (const account of state.accounts) this.keepAccount(account);
    for (const token of state.tokens) {
      this.tokens.set(token.token, token);
      if (token.refreshToken && !token.revoked) this.refreshTokens.set(token.refreshToken, token);
    }
    for (const app of state.apps) this.apps.set(app.clientId, app);
    for (const status of state.statuses) this.statuses.set(status.id, status);
    this.notifications.push(...state.notifications);
    this.lastStatusId = BigInt(state.lastStatusId);
    this.sequence = state.sequence;
  }

  addInteractions(statusId: string, counts: { favourites?: number; reblogs?: number; quotes?: number }): void {
    const status = this.statuses.get(statusId);
    if (!status) throw new Error(`no status ${statusId}`);
    status.favourites += counts.favourites ?? 0;
    status.reblogs += counts.reblogs ?? 0;
    status.quotes += counts.quotes ?? 0;
  }

  /**
   * Sets the follower and following counts `username`'s account shows (followers_count, following_count),
   * in its own answers and in every status it embeds in. `followers` may be any JSON value, to play an
   * instance that sends something else than a count.
   */
  setFollowCounts(username: string, counts: { followers?: unknown; following?: number }): void {
    const account = this.findAccount(username);
    if (!account) throw new Error(`no account ${username}`);
    if (counts.followers !== undefined) account.followersCount = counts.followers;
    if (counts.following !== undefined) account.followingCount = counts.following;
  }

  /** The stored statuses of `username`, oldest first, as the API would render them. */
  statusesOf(username: string): Array<Record<string, unknown>> {
    const account = this.findAccount(username);
    if (!account) return [];
    return [...this.statuses.values()].filter((status) => status.accountId === account.id).map((status) => this.renderStatus(status));
  }

  /** How many applications were registered (POST /api/v1/apps). */
  appCount(): number {
    return this.apps.size;
  }

  statusCount(): number {
    return this.statuses.size;
  }

  getStatus(id: string): Record<string, unknown> | undefined {
    const status = this.statuses.get(id);
    return status ? this.renderStatus(status) : undefined;
  }

  /** Moves a status's creation date (as if it had been posted then); its id stays as it is. */
  backdate(id: string, createdAt: Date): void {
    const status = this.statuses.get(id);
    if (!status) throw new Error(`no status ${id}`);
    status.createdAt = createdAt.toISOString();
  }

  mediaDescription(id: string): string | null | undefined {
    return this.media.get(id)?.description;
  }

  // ------------------------------------------------------------ plumbing

  private receive(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', this.baseUrl);
      const method = req.method ?? 'GET';
      const faultIndex = this.faults.findIndex((entry) => !entry.match || entry.match.test(`${method} ${url.pathname}`));
      if (faultIndex !== -1) {
        const [{ fault }] = this.faults.splice(faultIndex, 1);
        this.serveFault(fault, req, res, url, body);
        return;
      }
      const delay = this.options.answerDelayMs ?? 0;
      if (delay > 0) this.later(delay, () => this.handle(req, res, url, body));
      else this.handle(req, res, url, body);
    });
  }

  private handle(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer): void {
    const method = req.method ?? 'GET';
    let reply: Reply;
    let params: Params = {};
    let rateHeaders: Record<string, string> = {};
    try {
      params = this.readParams(req, url, body);
      if (this.options.recordRequests !== false) {
        this.requests.push({ method, path: `${url.pathname}${url.search}`, headers: { ...req.headers }, params });
      }
      const limited = this.checkRateLimit(req);
      rateHeaders = limited.headers;
      reply = limited.exceeded ? { status: 429, body: { error: 'Too many requests' } } : this.route(method, url, params, req);
    } catch (error) {
      reply =
        error instanceof HttpError
          ? { status: error.status, body: error.body }
          : { status: 500, body: { error: `${(error as Error).message}` } };
    }
    this.send(res, { ...reply, headers: { ...rateHeaders, ...(reply.headers ?? {}) } });
  }

  private send(res: ServerResponse, reply: Reply): void {
    if (res.destroyed || res.writableEnded) return;
    const headers: Record<string, string> = { 'cache-control': 'no-store', vary: 'Accept, Origin', ...(reply.headers ?? {}) };
    let payload = '';
    if (typeof reply.body === 'string') payload = reply.body;
    else if (reply.body !== undefined) {
      payload = JSON.stringify(reply.body);
      headers['content-type'] ??= 'application/json; charset=utf-8';
    }
    headers['content-length'] = String(Buffer.byteLength(payload));
    res.writeHead(reply.status, headers);
    res.end(payload);
  }

  private later(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
  }

  private serveFault(fault: MastodonFault, req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer): void {
    switch (fault.type) {
      case 'status': {
        const json = fault.body !== undefined && typeof fault.body === 'object';
        this.send(res, {
          status: fault.status,
          headers: { ...(fault.contentType ? { 'content-type': fault.contentType } : {}), ...(fault.headers ?? {}) },
          body: json ? fault.body : (fault.body ?? ''),
        });
        return;
      }
      case 'rate-limited': {
        const reset = new Date(Date.now() + fault.retryAfterSeconds * 1000);
        const headers: Record<string, string> = {
          'x-ratelimit-limit': String(this.rateLimit.limit),
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': reset.toISOString(),
        };
        if (fault.format === 'http-date') headers['retry-after'] = reset.toUTCString();
        else if (fault.format !== 'reset-only') headers['retry-after'] = String(fault.retryAfterSeconds);
        this.send(res, { status: 429, headers, body: { error: 'Too many requests' } });
        return;
      }
      case 'html-error': {
        const status = fault.status ?? 502;
        this.send(res, { status, headers: { 'content-type': 'text/html; charset=utf-8', server: 'nginx' }, body: HTML_ERROR_PAGE(status) });
        return;
      }
      case 'truncated-json': {
        const text = '{"id":"109876543210","created_at":"2024-05-01T10:00:00.000Z","content":"<p>Bonjour, voici un mess';
        this.send(res, { status: fault.status ?? 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: text });
        return;
      }
      case 'slow': {
        if ((fault.phase ?? 'headers') === 'headers') {
          this.later(fault.delayMs, () => this.handle(req, res, url, body));
        } else {
          res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
          res.write('{"id":"1","content":"');
          this.later(fault.delayMs, () => res.end('slow"}'));
        }
        return;
      }
      case 'held': {
        const answer = () => {
          if (!res.destroyed) this.handle(req, res, url, body);
        };
        void fault.until.then(answer, answer);
        return;
      }
      case 'reset':
        req.socket.destroy();
        return;
    }
  }

  private readParams(req: IncomingMessage, url: URL, body: Buffer): Params {
    const params: Params = {};
    readQuery(url.searchParams, params);
    const type = (req.headers['content-type'] ?? '').toLowerCase();
    if (!body.length) return params;
    if (type.startsWith('application/json')) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body.toString('utf8'));
      } catch {
        throw new HttpError(400, { error: 'Error occurred while parsing request parameters' });
      }
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        for (const [name, value] of Object.entries(parsed as Record<string, unknown>)) {
          if (Array.isArray(value)) params[name] = value.map(String);
          else if (value !== null && value !== undefined) params[name] = String(value);
        }
      }
    } else if (type.startsWith('application/x-www-form-urlencoded')) {
      readQuery(new URLSearchParams(body.toString('utf8')), params);
    } else if (type.startsWith('multipart/form-data')) {
      const boundary = /boundary="?([^";]+)"?/i.exec(req.headers['content-type'] ?? '')?.[1];
      if (boundary) parseMultipart(body, boundary, params);
    }
    return params;
  }

  private checkRateLimit(req: IncomingMessage): { exceeded: boolean; headers: Record<string, string> } {
    const key = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? `ip:${req.socket.remoteAddress}`;
    const now = Date.now();
    let bucket = this.buckets.get(key);
    if (!bucket || bucket.resetAt <= now) {
      const resetAt = now + this.rateLimit.windowSeconds * 1000;
      bucket = { count: 0, resetAt, reset: new Date(resetAt).toISOString() };
      this.buckets.set(key, bucket);
    }
    bucket.count++;
    const remaining = Math.max(0, this.rateLimit.limit - bucket.count);
    return {
      exceeded: bucket.count > this.rateLimit.limit,
      headers: {
        'x-ratelimit-limit': String(this.rateLimit.limit),
        'x-ratelimit-remaining': String(remaining),
        'x-ratelimit-reset': bucket.reset,
      },
    };
  }

  private authenticate(req: IncomingMessage, scope?: 'read' | 'write'): TokenRecord {
    const token = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim();
    const record = token ? this.tokens.get(token) : undefined;
    if (!record) throw new HttpError(401, { error: 'The access token is invalid' });
    if (record.revoked) throw new HttpError(401, { error: 'The access token was revoked' });
    if (record.expiresAt !== undefined && record.expiresAt <= Date.now()) throw new HttpError(401, { error: 'The access token expired' });
    if (scope && !record.scopes.some((granted) => granted === scope || granted.startsWith(`${scope}:`))) {
      throw new HttpError(403, { error: 'This action is outside the authorized scopes' });
    }
    return record;
  }

  private findAccount(username: string): Account | undefined {
    return this.accountsByName.get(username.toLowerCase());
  }

  private nextStatusId(): string {
    // Snowflake-like: milliseconds shifted left 16 bits, always increasing.
    const candidate = BigInt(Date.now()) << 16n;
    this.lastStatusId = candidate > this.lastStatusId ? candidate : this.lastStatusId + 1n;
    return this.lastStatusId.toString();
  }

  /** A snowflake of a past time, unused so far (the low 16 bits tell apart statuses of one millisecond). */
  private pastStatusId(at: Date): string {
    let candidate = BigInt(at.getTime()) << 16n;
    while (this.statuses.has(candidate.toString())) candidate += 1n;
    return candidate.toString();
  }

  private nextSequence(): string {
    return String(++this.sequence + 1000);
  }

  // ------------------------------------------------------------ routes

  private route(method: string, url: URL, params: Params, req: IncomingMessage): Reply {
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const key = `${method} ${path}`;
    let match: RegExpExecArray | null;

    if (key === 'POST /api/v1/apps') return this.createApp(params);
    if (key === 'GET /oauth/authorize') return this.authorizePage(params);
    if (key === 'POST /oauth/token') return this.token(params, req);
    if (key === 'POST /oauth/revoke') return this.revoke(params);
    if (key === 'GET /api/v1/accounts/verify_credentials') return this.verifyCredentials(req);
    if (key === 'POST /api/v1/statuses') return this.postStatus(params, req);
    if (key === 'POST /api/v2/media' || key === 'POST /api/v1/media') return this.uploadMedia(params, req, key.includes('/v2/'));
    if ((match = /^GET \/api\/v1\/media\/([^/]+)$/.exec(key))) return this.getMedia(match[1], req);
    if ((match = /^GET \/api\/v1\/statuses\/([^/]+)\/context$/.exec(key))) return this.context(match[1], req);
    if ((match = /^GET \/api\/v1\/statuses\/([^/]+)$/.exec(key))) return this.showStatus(match[1], req);
    if ((match = /^DELETE \/api\/v1\/statuses\/([^/]+)$/.exec(key))) return this.deleteStatus(match[1], req);
    if ((match = /^GET \/api\/v1\/accounts\/([^/]+)\/statuses$/.exec(key)))
      return this.accountStatuses(decodeURIComponent(match[1]), params, req, url);
    if (key === 'GET /api/v1/notifications') return this.listNotifications(params, req, url);
    if (key === 'GET /api/v2/search') return this.search(params, req);
    if ((match = /^GET \/api\/v1\/timelines\/tag\/([^/]+)$/.exec(key)))
      return this.tagTimeline(decodeURIComponent(match[1]), params, req, url);
    if (key === 'GET /api/v2/instance') return { status: 200, body: this.instance() };
    throw new HttpError(404, { error: 'Not Found' });
  }

  private instance(): Record<string, unknown> {
    return {
      domain: this.host,
      title: 'Mastodon test instance',
      version: '4.3.0',
      configuration: {
        statuses: { max_characters: MAX_CHARACTERS, max_media_attachments: 4, characters_reserved_per_url: URL_LENGTH },
        media_attachments: {
          supported_mime_types: [...IMAGE_TYPES, ...VIDEO_TYPES],
          image_size_limit: 16777216,
          video_size_limit: 103809024,
        },
      },
    };
  }

  private createApp(params: Params): Reply {
    const name = asString(params.client_name)?.trim();
    if (!name) throw unprocessable("Validation failed: Application name can't be blank");
    const rawUris = params.redirect_uris;
    const redirectUris = (Array.isArray(rawUris) ? rawUris : (asString(rawUris) ?? '').split(/\s+/)).filter(Boolean);
    if (!redirectUris.length) throw unprocessable("Validation failed: Redirect URI can't be blank");
    for (const uri of redirectUris) {
      if (uri !== 'urn:ietf:wg:oauth:2.0:oob' && !/^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(uri)) {
        throw unprocessable('Validation failed: Redirect URI must be an absolute URI.');
      }
    }
    const scopes = (asString(params.scopes) ?? 'read').split(/\s+/).filter(Boolean);
    const app: AppRecord = {
      id: this.nextSequence(),
      name,
      website: asString(params.website) ?? null,
      redirectUris,
      scopes,
      clientId: randomBytes(16).toString('base64url'),
      clientSecret: randomBytes(24).toString('base64url'),
    };
    this.apps.set(app.clientId, app);
    return {
      status: 200,
      body: {
        id: app.id,
        name: app.name,
        website: app.website,
        scopes: app.scopes,
        redirect_uri: app.redirectUris.join('\n'),
        redirect_uris: app.redirectUris,
        vapid_key: 'BCk-QqERU0q-CfYZjcuB6lnyyOYfJ2AifKqfeGIm7Z-HiTU5T9eTG5GxVA0_OH5mMlI4UkkDTpaZwozy0TzdZ2M=',
        client_id: app.clientId,
        client_secret: app.clientSecret,
        client_secret_expires_at: 0,
      },
    };
  }

  private oauthPage(status: number, message: string): Reply {
    return {
      status,
      headers: { 'content-type': 'text/html; charset=utf-8' },
      body: `<!DOCTYPE html><html><head><title>Mastodon</title></head><body><div class="form-container"><p class="hint">${escapeHtml(message)}</p></div></body></html>`,
    };
  }

  private authorizePage(params: Params): Reply {
    const app = this.apps.get(asString(params.client_id) ?? '');
    if (!app) return this.oauthPage(401, 'Client authentication failed due to unknown client.');
    const redirectUri = asString(params.redirect_uri) ?? '';
    if (!app.redirectUris.includes(redirectUri)) return this.oauthPage(400, 'The redirect uri included is not valid.');
    if (asString(params.response_type) !== 'code')
      return this.oauthPage(400, 'The authorization server does not support this response type.');
    const scopes = (asString(params.scope) ?? 'read').split(/\s+/).filter(Boolean);
    if (scopes.some((scope) => !app.scopes.some((allowed) => allowed === scope || scope.startsWith(`${allowed}:`)))) {
      return this.oauthPage(400, 'The requested scope is invalid, unknown, or malformed.');
    }
    if (!this.signedInAccountId) return { status: 302, headers: { location: `${this.baseUrl}/auth/sign_in` } };
    const code = randomBytes(20).toString('base64url');
    this.codes.set(code, {
      clientId: app.clientId,
      redirectUri,
      scopes,
      accountId: this.signedInAccountId,
      codeChallenge: asString(params.code_challenge),
      expiresAt: Date.now() + 10 * 60 * 1000,
    });
    if (redirectUri === 'urn:ietf:wg:oauth:2.0:oob') {
      return {
        status: 200,
        headers: { 'content-type': 'text/html; charset=utf-8' },
        body: `<!DOCTYPE html><html><body><input class="oauth-code" readonly type="text" value="${code}"></body></html>`,
      };
    }
    const target = new URL(redirectUri);
    target.searchParams.set('code', code);
    const state = asString(params.state);
    if (state) target.searchParams.set('state', state);
    return { status: 302, headers: { location: target.toString() } };
  }

  private issueToken(accountId: string, scopes: string[], clientId: string): Record<string, unknown> {
    const lifetime = this.options.tokenLifetimeSeconds;
    const record: TokenRecord = {
      token: randomBytes(24).toString('base64url'),
      accountId,
      scopes,
      clientId,
      expiresAt: lifetime ? Date.now() + lifetime * 1000 : undefined,
      refreshToken: lifetime ? randomBytes(24).toString('base64url') : undefined,
    };
    this.tokens.set(record.token, record);
    if (record.refreshToken) this.refreshTokens.set(record.refreshToken, record);
    const body: Record<string, unknown> = {
      access_token: record.token,
      token_type: 'Bearer',
      scope: scopes.join(' '),
      created_at: Math.floor(Date.now() / 1000),
    };
    if (lifetime) {
      body.expires_in = lifetime;
      body.refresh_token = record.refreshToken;
    }
    return body;
  }

  private token(params: Params, req: IncomingMessage): Reply {
    let clientId = asString(params.client_id);
    let clientSecret = asString(params.client_secret);
    const basic = /^Basic\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (basic) [clientId, clientSecret] = Buffer.from(basic, 'base64').toString('utf8').split(':');
    const app = clientId ? this.apps.get(clientId) : undefined;
    if (!app || app.clientSecret !== clientSecret) {
      throw new HttpError(401, {
        error: 'invalid_client',
        error_description:
          'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
      });
    }
    const invalidGrant = () =>
      new HttpError(400, {
        error: 'invalid_grant',
        error_description:
          'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
      });
    const grantType = asString(params.grant_type);
    if (grantType === 'authorization_code') {
      const code = this.codes.get(asString(params.code) ?? '');
      if (!code || code.clientId !== app.clientId || code.redirectUri !== asString(params.redirect_uri) || code.expiresAt < Date.now()) {
        throw invalidGrant();
      }
      if (code.codeChallenge) {
        const verifier = asString(params.code_verifier) ?? '';
        if (createHash('sha256').update(verifier).digest('base64url') !== code.codeChallenge) throw invalidGrant();
      }
      this.codes.delete(asString(params.code) ?? '');
      return { status: 200, body: this.issueToken(code.accountId, code.scopes, app.clientId) };
    }
    if (grantType === 'refresh_token') {
      const previous = this.refreshTokens.get(asString(params.refresh_token) ?? '');
      if (!previous || previous.revoked || previous.clientId !== app.clientId) throw invalidGrant();
      this.refreshTokens.delete(previous.refreshToken ?? '');
      previous.revoked = true;
      return { status: 200, body: this.issueToken(previous.accountId, previous.scopes, app.clientId) };
    }
    if (grantType === 'client_credentials') {
      return {
        status: 200,
        body: {
          access_token: randomBytes(24).toString('base64url'),
          token_type: 'Bearer',
          scope: 'read',
          created_at: Math.floor(Date.now() / 1000),
        },
      };
    }
    throw new HttpError(400, {
      error: 'unsupported_grant_type',
      error_description: 'The authorization grant type is not supported by the authorization server.',
    });
  }

  private revoke(params: Params): Reply {
    const app = this.apps.get(asString(params.client_id) ?? '');
    if (!app || app.clientSecret !== asString(params.client_secret)) {
      throw new HttpError(403, { error: 'unauthorized_client', error_description: 'You are not authorized to revoke this token' });
    }
    this.revokeToken(asString(params.token) ?? '');
    return { status: 200, body: {} };
  }

  private verifyCredentials(req: IncomingMessage): Reply {
    const token = this.authenticate(req, 'read');
    const account = this.renderAccount(token.accountId);
    return { status: 200, body: { ...account, source: { privacy: 'public', sensitive: false, language: 'en', note: '', fields: [] } } };
  }

  private postStatus(params: Params, req: IncomingMessage): Reply {
    const token = this.authenticate(req, 'write');
    const key = req.headers['idempotency-key'];
    const idempotencyKey = Array.isArray(key) ? key[0] : key;
    const storeKey = idempotencyKey ? `${token.accountId}:${idempotencyKey}` : undefined;
    if (storeKey) {
      const seen = this.idempotency.get(storeKey);
      if (seen && seen.at + IDEMPOTENCY_SECONDS * 1000 > Date.now()) {
        const existing = this.statuses.get(seen.statusId);
        if (existing) return { status: 200, body: this.renderStatus(existing) };
      }
    }
    const status = this.createStatus(token.accountId, {
      text: asString(params.status) ?? '',
      visibility: asString(params.visibility) ?? 'public',
      spoilerText: asString(params.spoiler_text) ?? '',
      sensitive: asBoolean(params.sensitive),
      language: asString(params.language) ?? null,
      inReplyToId: asString(params.in_reply_to_id) ?? null,
      mediaIds: asList(params.media_ids),
    });
    if (storeKey) this.idempotency.set(storeKey, { statusId: status.id, at: Date.now() });
    const username = this.accounts.get(token.accountId)?.username ?? '';
    for (const listener of this.postListeners) listener({ id: status.id, username, text: status.text, inReplyToId: status.inReplyToId });
    return { status: 200, body: this.renderStatus(status) };
  }

  private createStatus(
    accountId: string,
    input: {
      text: string;
      visibility: string;
      spoilerText: string;
      sensitive: boolean;
      language: string | null;
      inReplyToId: string | null;
      mediaIds: string[];
    },
    createdAt?: Date,
  ): StatusRecord {
    if (!VISIBILITIES.includes(input.visibility)) throw unprocessable('Validation failed: Visibility is not included in the list');
    if (input.mediaIds.length > 4) throw unprocessable('Cannot attach more than 4 files');
    const media = input.mediaIds.map((id) => {
      const record = this.media.get(id);
      if (!record || record.accountId !== accountId || record.statusId) throw unprocessable(`Media ${id} not found`);
      return record;
    });
    if (media.some((record) => record.pollsLeft > 0)) {
      throw unprocessable('Cannot attach files that have not finished processing. Try again in a moment!');
    }
    if (!input.text.trim() && media.length === 0) throw unprocessable("Validation failed: Text can't be blank");
    if (statusLength(input.text) + statusLength(input.spoilerText) > MAX_CHARACTERS) {
      throw unprocessable(`Validation failed: Text character limit of ${MAX_CHARACTERS} exceeded`);
    }
    const parent = input.inReplyToId ? this.statuses.get(input.inReplyToId) : undefined;
    if (input.inReplyToId && !parent) throw notFound();

    const mentionIds: string[] = [];
    for (const match of input.text.includes('@') ? input.text.matchAll(/(?:^|[^\w/@])@([a-zA-Z0-9_]+)(?:@([\w.-]+))?/g) : []) {
      const domain = match[2];
      if (domain && domain !== this.host) continue;
      const mentioned = this.findAccount(match[1]);
      if (mentioned && !mentionIds.includes(mentioned.id)) mentionIds.push(mentioned.id);
    }
    const tags = input.text.includes('#')
      ? [...new Set([...input.text.matchAll(/(?:^|[^\w/#])#([\p{L}\p{N}_]+)/gu)].map((match) => match[1].toLowerCase()))]
      : [];
    const status: StatusRecord = {
      id: createdAt ? this.pastStatusId(createdAt) : this.nextStatusId(),
      accountId,
      createdAt: (createdAt ?? new Date()).toISOString(),
      text: input.text,
      spoilerText: input.spoilerText,
      visibility: input.visibility,
      sensitive: input.sensitive || media.length > 0 ? input.sensitive : false,
      language: input.language,
      inReplyToId: parent?.id ?? null,
      mediaIds: media.map((record) => record.id),
      mentionIds,
      tags,
      favourites: 0,
      reblogs: 0,
      quotes: 0,
      replies: 0,
    };
    if (parent) parent.replies++;
    for (const record of media) record.statusId = status.id;
    this.statuses.set(status.id, status);
    const author = this.accounts.get(accountId);
    if (author) author.statusesCount++;
    for (const mentioned of mentionIds) {
      if (mentioned === accountId) continue;
      this.notifications.push({
        id: this.nextSequence(),
        type: 'mention',
        accountId: mentioned,
        fromAccountId: accountId,
        statusId: status.id,
        createdAt: status.createdAt,
      });
    }
    return status;
  }

  private uploadMedia(params: Params, req: IncomingMessage, v2: boolean): Reply {
    const token = this.authenticate(req, 'write');
    const file = params.file;
    if (!file || typeof file === 'string' || Array.isArray(file)) throw unprocessable("Validation failed: File can't be blank");
    const contentType = file.contentType.toLowerCase();
    const isImage = IMAGE_TYPES.includes(contentType);
    const isVideo = VIDEO_TYPES.includes(contentType);
    if (!isImage && !isVideo) throw unprocessable('Validation failed: File content type is invalid, File is invalid');
    if (file.data.length === 0) throw unprocessable('Validation failed: File file size must be greater than 0 Bytes');
    const description = asString(params.description) ?? null;
    if (description && [...description].length > 1500)
      throw unprocessable('Validation failed: Description is too long (maximum is 1500 characters)');
    const record: MediaRecord = {
      id: this.nextStatusId(),
      accountId: token.accountId,
      type: isVideo ? 'video' : contentType === 'image/gif' ? 'gifv' : 'image',
      description,
      bytes: file.data.length,
      pollsLeft: isVideo && v2 ? (this.options.mediaProcessingPolls ?? 1) : 0,
    };
    this.media.set(record.id, record);
    const processing = record.pollsLeft > 0;
    return { status: processing ? 202 : 200, body: this.renderMedia(record, processing) };
  }

  private getMedia(id: string, req: IncomingMessage): Reply {
    const token = this.authenticate(req, 'write');
    const record = this.media.get(id);
    if (!record || record.accountId !== token.accountId) throw notFound();
    if (record.pollsLeft > 0) {
      record.pollsLeft--;
      return { status: 206, body: this.renderMedia(record, true) };
    }
    return { status: 200, body: this.renderMedia(record, false) };
  }

  private renderMedia(record: MediaRecord, processing: boolean): Record<string, unknown> {
    const extension = record.type === 'video' ? 'mp4' : 'png';
    return {
      id: record.id,
      type: record.type,
      url: processing ? null : `${this.baseUrl}/system/media_attachments/files/${record.id}/original/file.${extension}`,
      preview_url: `${this.baseUrl}/system/media_attachments/files/${record.id}/small/file.png`,
      remote_url: null,
      meta: {},
      description: record.description,
      blurhash: 'UFBWY:8_0Jxv4mx]t8t64.%M-:IUWGWAt6M}',
    };
  }

  private showStatus(id: string, req: IncomingMessage): Reply {
    this.authenticate(req);
    const status = this.statuses.get(id);
    if (!status) throw notFound();
    return { status: 200, body: this.renderStatus(status) };
  }

  private deleteStatus(id: string, req: IncomingMessage): Reply {
    const token = this.authenticate(req, 'write');
    const status = this.statuses.get(id);
    if (!status) throw notFound();
    if (status.accountId !== token.accountId) throw new HttpError(403, { error: 'This action is not allowed' });
    const rendered = { ...this.renderStatus(status), text: status.text, spoiler_text: status.spoilerText };
    this.statuses.delete(id);
    const author = this.accounts.get(status.accountId);
    if (author) author.statusesCount--;
    const parent = status.inReplyToId ? this.statuses.get(status.inReplyToId) : undefined;
    if (parent) parent.replies--;
    for (let i = this.notifications.length - 1; i >= 0; i--) if (this.notifications[i].statusId === id) this.notifications.splice(i, 1);
    return { status: 200, body: rendered };
  }

  private context(id: string, req: IncomingMessage): Reply {
    this.authenticate(req);
    const status = this.statuses.get(id);
    if (!status) throw notFound();
    const ancestors: StatusRecord[] = [];
    let parent = status.inReplyToId ? this.statuses.get(status.inReplyToId) : undefined;
    while (parent) {
      ancestors.unshift(parent);
      parent = parent.inReplyToId ? this.statuses.get(parent.inReplyToId) : undefined;
    }
    const descendants: StatusRecord[] = [];
    const walk = (parentId: string) => {
      for (const child of this.statuses.values()) {
        if (child.inReplyToId === parentId) {
          descendants.push(child);
          walk(child.id);
        }
      }
    };
    walk(id);
    return {
      status: 200,
      body: {
        ancestors: ancestors.map((entry) => this.renderStatus(entry)),
        descendants: descendants.map((entry) => this.renderStatus(entry)),
      },
    };
  }

  /**
   * Newest first. `max_id`: older than; `since_id`: newer than (newest page);
   * `min_id`: the page immediately newer than. Mastodon sends `rel="next"` only when the
   * page is full and `rel="prev"` when it is not empty.
   */
  private paginate<T extends { id: string }>(
    all: T[],
    params: Params,
    url: URL,
    defaultLimit: number,
    maxLimit: number,
  ): { page: T[]; headers: Record<string, string> } {
    const requested = Number(asString(params.limit) ?? defaultLimit);
    const limit = Math.min(Math.max(1, Number.isFinite(requested) ? Math.floor(requested) : defaultLimit), maxLimit);
    const maxId = asString(params.max_id);
    const sinceId = asString(params.since_id);
    const minId = asString(params.min_id);
    let candidates = [...all].sort((a, b) => compareIds(b.id, a.id));
    if (maxId) candidates = candidates.filter((item) => compareIds(item.id, maxId) < 0);
    if (sinceId) candidates = candidates.filter((item) => compareIds(item.id, sinceId) > 0);
    let page: T[];
    if (minId) {
      const newer = candidates.filter((item) => compareIds(item.id, minId) > 0).reverse();
      page = newer.slice(0, limit).reverse();
    } else {
      page = candidates.slice(0, limit);
    }
    const links: string[] = [];
    const link = (rel: string, name: string, id: string) => {
      const target = new URL(url.pathname, this.baseUrl);
      for (const [param, value] of url.searchParams) {
        if (!['max_id', 'min_id', 'since_id'].includes(param)) target.searchParams.append(param, value);
      }
      target.searchParams.set(name, id);
      links.push(`<${target.toString()}>; rel="${rel}"`);
    };
    if (page.length === limit) link('next', 'max_id', page[page.length - 1].id);
    if (page.length) link('prev', 'min_id', page[0].id);
    return { page, headers: links.length ? { link: links.join(', ') } : {} };
  }

  private listNotifications(params: Params, req: IncomingMessage, url: URL): Reply {
    const token = this.authenticate(req, 'read');
    const types = asList(params.types);
    const excluded = asList(params.exclude_types);
    const mine = this.notifications.filter(
      (notification) =>
        notification.accountId === token.accountId &&
        (!types.length || types.includes(notification.type)) &&
        !excluded.includes(notification.type) &&
        this.statuses.has(notification.statusId),
    );
    const { page, headers } = this.paginate(mine, params, url, 40, 80);
    return {
      status: 200,
      headers,
      body: page.map((notification) => ({
        id: notification.id,
        type: notification.type,
        created_at: notification.createdAt,
        group_key: `ungrouped-${notification.id}`,
        account: this.renderAccount(notification.fromAccountId),
        status: this.renderStatus(this.statuses.get(notification.statusId) as StatusRecord),
      })),
    };
  }

  /**
   * `GET /api/v1/accounts/:id/statuses`: the account's statuses, newest first, 20 by default and
   * 40 at most, with `max_id`/`since_id`/`min_id`, `exclude_replies`, `exclude_reblogs`,
   * `only_media`, `pinned` and `tagged`. The account itself sees all of its statuses; anyone
   * else its public and unlisted ones (nobody follows anybody here). No reblogs exist here.
   */
  private accountStatuses(id: string, params: Params, req: IncomingMessage, url: URL): Reply {
    const viewer = req.headers.authorization ? this.authenticate(req, 'read') : undefined;
    const account = this.accounts.get(id);
    if (!account) throw notFound();
    // Nothing is ever pinned on this instance.
    if (asBoolean(params.pinned)) return { status: 200, body: [] };
    const own = viewer?.accountId === account.id;
    const tagged = asString(params.tagged)?.toLowerCase();
    const matching = [...this.statuses.values()].filter(
      (status) =>
        status.accountId === account.id &&
        (own || status.visibility === 'public' || status.visibility === 'unlisted') &&
        !(asBoolean(params.exclude_replies) && status.inReplyToId && this.statuses.get(status.inReplyToId)?.accountId !== account.id) &&
        !(asBoolean(params.only_media) && status.mediaIds.length === 0) &&
        (!tagged || status.tags.includes(tagged)),
    );
    const { page, headers } = this.paginate(matching, params, url, 20, 40);
    return { status: 200, headers, body: page.map((status) => this.renderStatus(status)) };
  }

  private isListed(status: StatusRecord): boolean {
    return status.visibility === 'public';
  }

  private search(params: Params, req: IncomingMessage): Reply {
    const q = asString(params.q)?.trim();
    if (!q) throw new HttpError(400, { error: 'Validation failed: Q is missing' });
    const authorised = !!req.headers.authorization;
    if (authorised) this.authenticate(req, 'read');
    else if (asString(params.offset) || asBoolean(params.resolve))
      throw new HttpError(401, { error: 'Search queries pagination is not supported without authentication' });
    const type = asString(params.type);
    const requested = Number(asString(params.limit) ?? 20);
    const limit = Math.min(Math.max(1, Number.isFinite(requested) ? Math.floor(requested) : 20), 40);
    const offset = Number(asString(params.offset) ?? 0) || 0;
    const maxId = asString(params.max_id);
    const minId = asString(params.min_id);
    const terms = q.toLowerCase().split(/\s+/).filter(Boolean);
    let statuses: StatusRecord[] = [];
    if (!type || type === 'statuses') {
      statuses = [...this.statuses.values()]
        .filter((status) => this.isListed(status))
        .filter((status) => {
          const text = `${status.spoilerText} ${status.text}`.toLowerCase();
          return terms.every((term) => text.includes(term));
        })
        .filter((status) => (!maxId || compareIds(status.id, maxId) < 0) && (!minId || compareIds(status.id, minId) > 0))
        .sort((a, b) => compareIds(b.id, a.id))
        .slice(offset, offset + limit);
    }
    const accounts =
      !type || type === 'accounts'
        ? [...this.accounts.values()]
            .filter((account) => account.username.toLowerCase().includes(q.replace(/^@/, '').toLowerCase()))
            .slice(0, limit)
        : [];
    return {
      status: 200,
      body: {
        accounts: accounts.map((account) => this.renderAccount(account.id)),
        statuses: statuses.map((status) => this.renderStatus(status)),
        hashtags: [],
      },
    };
  }

  private tagTimeline(tag: string, params: Params, req: IncomingMessage, url: URL): Reply {
    if (req.headers.authorization) this.authenticate(req, 'read');
    const any = [tag, ...asList(params.any)].map((entry) => entry.toLowerCase());
    const all = asList(params.all).map((entry) => entry.toLowerCase());
    const none = asList(params.none).map((entry) => entry.toLowerCase());
    const matching = [...this.statuses.values()].filter(
      (status) =>
        this.isListed(status) &&
        any.some((entry) => status.tags.includes(entry)) &&
        all.every((entry) => status.tags.includes(entry)) &&
        !none.some((entry) => status.tags.includes(entry)),
    );
    const { page, headers } = this.paginate(matching, params, url, 20, 40);
    return { status: 200, headers, body: page.map((status) => this.renderStatus(status)) };
  }

  // ------------------------------------------------------------ rendering

  private renderAccount(id: string): Record<string, unknown> {
    const account = this.accounts.get(id);
    if (!account) throw notFound();
    return {
      id: account.id,
      username: account.username,
      acct: account.username,
      display_name: account.display_name,
      locked: false,
      bot: false,
      created_at: account.created_at,
      note: '',
      url: `${this.baseUrl}/@${account.username}`,
      avatar: `${this.baseUrl}/avatars/original/missing.png`,
      followers_count: account.followersCount,
      following_count: account.followingCount,
      statuses_count: account.statusesCount,
    };
  }

  private statusUrl(status: StatusRecord): string {
    const account = this.accounts.get(status.accountId);
    return `${this.baseUrl}/@${account?.username ?? 'unknown'}/${status.id}`;
  }

  private renderContent(status: StatusRecord): string {
    // Each pattern only runs on a line that has its mark (most lines have none of them).
    const linkify = (line: string) => {
      let html = escapeHtml(line);
      if (html.includes('://'))
        html = html.replace(
          /https?:\/\/[^\s<>"]+/g,
          (href) => `<a href="${href}" target="_blank" rel="nofollow noopener noreferrer" translate="no">${href}</a>`,
        );
      if (html.includes('@'))
        html = html.replace(/(^|[^\w/@])@([a-zA-Z0-9_]+)/g, (whole, before: string, username: string) => {
          const account = this.findAccount(username);
          return account
            ? `${before}<span class="h-card" translate="no"><a href="${this.baseUrl}/@${account.username}" class="u-url mention">@<span>${account.username}</span></a></span>`
            : whole;
        });
      if (html.includes('#'))
        html = html.replace(
          /(^|[^\w/#&])#([\p{L}\p{N}_]+)/gu,
          (_whole, before: string, tag: string) =>
            `${before}<a href="${this.baseUrl}/tags/${tag.toLowerCase()}" class="mention hashtag" rel="tag">#<span>${tag}</span></a>`,
        );
      return html;
    };
    return status.text
      .split(/\n{2,}/)
      .map((paragraph) => `<p>${paragraph.split('\n').map(linkify).join('<br />')}</p>`)
      .join('');
  }

  private renderStatus(status: StatusRecord): Record<string, unknown> {
    const parent = status.inReplyToId ? this.statuses.get(status.inReplyToId) : undefined;
    return {
      id: status.id,
      created_at: status.createdAt,
      in_reply_to_id: status.inReplyToId,
      in_reply_to_account_id: parent?.accountId ?? null,
      sensitive: status.sensitive,
      spoiler_text: status.spoilerText,
      visibility: status.visibility,
      language: status.language,
      uri: `${this.baseUrl}/users/${this.accounts.get(status.accountId)?.username ?? 'unknown'}/statuses/${status.id}`,
      url: this.statusUrl(status),
      replies_count: status.replies,
      reblogs_count: status.reblogs,
      favourites_count: status.favourites,
      quotes_count: status.quotes,
      edited_at: null,
      content: this.renderContent(status),
      reblog: null,
      account: this.renderAccount(status.accountId),
      media_attachments: status.mediaIds.map((id) => this.renderMedia(this.media.get(id) as MediaRecord, false)),
      mentions: status.mentionIds.map((id) => {
        const account = this.accounts.get(id) as Account;
        return { id, username: account.username, acct: account.username, url: `${this.baseUrl}/@${account.username}` };
      }),
      tags: status.tags.map((name) => ({ name, url: `${this.baseUrl}/tags/${name}` })),
      emojis: [],
      card: null,
      poll: null,
    };
  }
}
