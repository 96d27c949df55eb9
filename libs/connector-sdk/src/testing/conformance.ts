/**
 * The conformance suite: one call in a plugin's spec declares Jest tests that hold
 * the connector to the contract, against the plugin's own loopback test server.
 *
 *     runConformanceSuite({
 *       connector: new AcmeConnector(),
 *       startServer: () => startAcmeTestServer(),
 *       authorizeInput: (server) => ({ serviceUrl: server.baseUrl, fields: { token: 'valid' } }),
 *       credentials: (server) => ({ serviceUrl: server.baseUrl, secrets: { token: 'valid' } }),
 *     });
 *
 * Tests for capabilities the manifest declares false are not run; one test per such
 * operation asserts the operation is absent. An operation still made by
 * `notImplemented(...)` gives exactly one failing test saying where to write it.
 *
 * Every operation the connector offers (authorize, refresh, the OAuth start and code
 * exchange, publish, findPublished, delete, reply, mentions, comments, metrics) is held to the same
 * rules, each call of each check: failures of the network map to typed errors within
 * the timeout, every request goes through `ctx.http`, and no error (message, reason,
 * cause, details) nor log line carries a credential the operation was given.
 *
 * `conformanceChecks` returns the same checks as data and `runConformanceChecks` runs
 * them without declaring tests, for the suite's own tests.
 */
import { createHash, randomBytes } from 'node:crypto';
import type {
  AuthorizeInput,
  Capabilities,
  Connector,
  ConnectorContext,
  ConnectorLogger,
  Credentials,
  HttpClient,
  HttpRequest,
  Mention,
  MentionQuery,
  OAuthClient,
  OAuthClients,
  OAuthStartInput,
  OAuthStartResult,
  OperationName,
  PublishedPost,
  Variant,
} from '../lib/contract';
import { ConnectorError, ConnectorErrorKind } from '../lib/errors';
import { createHttpClient } from '../lib/http';
import {
  CAPABILITY_NAMES,
  CAPABILITY_OPERATIONS,
  OPTIONAL_CAPABILITY_NAMES,
  REFRESHABLE_AUTH_KINDS,
  validateManifest,
  validateOperations,
} from '../lib/manifest';
import { notImplementedInfo, notImplementedMessage } from '../lib/not-implemented';
import { checkPublishedPost } from '../lib/validation';
import { credentialsAmong, describeLeaks, findCredentialLeaks, NamedSecret, textsOfError, TextToScan } from './credential-leaks';
import { unwatched, watchForBypass } from './http-guard';
import type { ConformanceServer, InjectedFailure } from './loopback-server';

export interface ConformanceOptions<Server extends ConformanceServer = ConformanceServer> {
  /** The connector under test, or a factory for it. */
  connector: Connector | (() => Connector);
  /** Starts the plugin's loopback test server (port 0 on 127.0.0.1); closed after the suite. */
  startServer(): Promise<Server>;
  /** What a user would type to connect an account on this server; `authorize` must accept it. */
  authorizeInput(server: Server): AuthorizeInput;
  /** Credentials the server accepts. */
  credentials(server: Server): Credentials | Promise<Credentials>;
  /**
   * Credentials whose access part has expired: the server answers 401 to them, and
   * `refresh` (when the connector has it) turns them into working ones.
   */
  expiredCredentials?(server: Server): Credentials | Promise<Credentials>;
  /** Adds `count` new mentions (or search results) on the server. Required for the mentions checks. */
  seedMentions?(server: Server, count: number): void | Promise<void>;
  /** Keywords for the mentions checks when the connector needs some (search-only networks). */
  mentionQuery?: Pick<MentionQuery, 'keywords'>;
  /** How many posts the server holds; makes the idempotency and delete checks exact. */
  countPosts?(server: Server): number | Promise<number>;
  /** A variant the network accepts; a short text by default. */
  sampleVariant?: Variant;
  /** HTTP client timeout of the checks that serve a failure (the slow-answer checks wait past it). Default 1000 ms: room for a loaded CI machine. */
  timeoutMs?: number;
  /**
   * HTTP client timeout of the calls the network answers normally. Default 10 000 ms: a test
   * server that is a whole dev network (indexing before it answers) may be slow on a loaded machine.
   */
  answerTimeoutMs?: number;
  /**
   * OAuth connectors: consents at the test server as a signed-in user would, following
   * `authorizationUrl`, and returns the code the network redirects back with. Enables the
   * checks of the whole flow (start, consent, code exchange through `authorize`).
   */
  approveOAuth?(server: Server, authorizationUrl: string): Promise<string> | string;
  /** The server `oauth.start` is asked about; `authorizeInput(server).serviceUrl` by default. */
  oauthServiceUrl?(server: Server): string;
}

/** One conformance check: a name (the Jest test title) and what it runs. */
export interface ConformanceCheck {
  name: string;
  run(): Promise<void>;
}

export interface ConformanceChecks {
  /** `connector conformance: <display name> (<id>)`. */
  title: string;
  checks: ConformanceCheck[];
  /** Starts the test server; call before the checks. */
  setUp(): Promise<void>;
  /** Clears what a check injected; call after each check. */
  afterEach(): void;
  /** Closes the test server. */
  tearDown(): Promise<void>;
}

export interface ConformanceResult {
  name: string;
  passed: boolean;
  /** The failure's message when the check failed. */
  message?: string;
}

type NetworkOperation = Exclude<OperationName, 'authorize' | 'refresh'>;

const NETWORK_OPERATIONS: readonly NetworkOperation[] = [
  'publish',
  'findPublished',
  'delete',
  'reply',
  'fetchMentions',
  'fetchComments',
  'fetchMetrics',
  'fetchAccountMetrics',
  'listTargets',
];

const MENTIONS_SEEDED = 7;
const MENTIONS_PAGE = 3;
const REDIRECT_URI = 'http://127.0.0.1/oauth/callback';
/** Sizes a described attachment is compared at: a small file, and one over every network's own image limit (20 MB). */
const DESCRIBED_MEDIA_SIZES = [2048, 21 * 1024 * 1024];

/** The connector's operation, bound; throws a readable error when it is missing. */
function call<Op extends OperationName>(connector: Connector, name: Op): NonNullable<Connector[Op]> {
  const fn = connector[name];
  if (typeof fn !== 'function') throw new Error(`${name} is missing on the connector`);
  return (fn as (...args: never[]) => unknown).bind(connector) as NonNullable<Connector[Op]>;
}

function resolveConnector(source: Connector | (() => Connector)): Connector {
  return typeof source === 'function' ? source() : source;
}

function capabilitiesFor(operation: NetworkOperation): (keyof Capabilities)[] {
  return [...CAPABILITY_NAMES, ...OPTIONAL_CAPABILITY_NAMES].filter((name) => CAPABILITY_OPERATIONS[name] === operation);
}

let keyCounter = 0;
function uniqueKey(label: string): string {
  keyCounter += 1;
  return `conformance-${label}-${process.pid}-${Date.now()}-${keyCounter}`;
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Checks a settled outcome is a `ConnectorError` of one of `kinds`; returns it. */
function connectorErrorOf(
  outcome: { value: unknown } | { error: unknown },
  kinds: ConnectorErrorKind[],
  operation: string,
): ConnectorError {
  if (!('error' in outcome))
    throw new Error(`expected ${operation} to fail with a ConnectorError (${kinds.join(' or ')}), but it succeeded`);
  const error = outcome.error;
  if (!(error instanceof ConnectorError))
    throw new Error(`expected ${operation} to fail with a ConnectorError (${kinds.join(' or ')}), got ${describeError(error)}`);
  if (!kinds.includes(error.kind))
    throw new Error(`expected ${operation} to fail with a ConnectorError ${kinds.join(' or ')}, got ${error.kind}: ${error.message}`);
  return error;
}

/** Awaits `promise`, expecting a `ConnectorError` of one of `kinds`; returns it. */
export async function expectConnectorError(
  promise: Promise<unknown>,
  kinds: ConnectorErrorKind | ConnectorErrorKind[],
): Promise<ConnectorError> {
  const expected = Array.isArray(kinds) ? kinds : [kinds];
  let outcome: { value: unknown } | { error: unknown };
  try {
    outcome = { value: await promise };
  } catch (error) {
    outcome = { error };
  }
  if (!('error' in outcome)) throw new Error(`expected a ConnectorError (${expected.join(' or ')}), but the operation succeeded`);
  const error = outcome.error;
  if (!(error instanceof ConnectorError))
    throw new Error(`expected a ConnectorError (${expected.join(' or ')}), got ${describeError(error)}`);
  if (!expected.includes(error.kind))
    throw new Error(`expected a ConnectorError ${expected.join(' or ')}, got ${error.kind}: ${error.message}`);
  return error;
}

function expectHttpUrl(value: unknown, what: string): void {
  expect(typeof value).toBe('string');
  let url: URL | undefined;
  try {
    url = new URL(value as string);
  } catch {
    throw new Error(`${what} is not a URL: ${JSON.stringify(value)}`);
  }
  expect(['http:', 'https:']).toContain(url.protocol);
}

function expectMention(item: Mention): void {
  expect(typeof item.externalId).toBe('string');
  expect(item.externalId.length).toBeGreaterThan(0);
  expectHttpUrl(item.url, `mention ${item.externalId} url`);
  expect(typeof item.authorHandle).toBe('string');
  expect(typeof item.text).toBe('string');
  expect(Number.isNaN(Date.parse(item.publishedAt))).toBe(false);
  if (item.authorReach !== undefined && item.authorReach !== null) {
    const reach: unknown = item.authorReach;
    if (typeof reach !== 'number' || !Number.isSafeInteger(reach) || reach < 0) {
      throw new Error(`mention ${item.externalId} authorReach must be a whole number >= 0 or null, got ${JSON.stringify(reach)}`);
    }
  }
}

function expectPublished(post: PublishedPost): void {
  expect(typeof post.externalId).toBe('string');
  expect(post.externalId.length).toBeGreaterThan(0);
  expectHttpUrl(post.url, `published post ${post.externalId} url`);
  // What the platform keeps of it: a connector's post is recorded whole, its URL included.
  expect(checkPublishedPost(post)).toEqual({
    post: { externalId: post.externalId, url: post.url, ...(post.threadIds ? { threadIds: post.threadIds } : {}) },
  });
}

/** What one call of an operation let out, recorded by the context the suite passes. */
interface Recorder {
  requests: HttpRequest[];
  logs: TextToScan[];
}

function recordingClient(inner: HttpClient, recorder: Recorder): HttpClient {
  return {
    request(req) {
      recorder.requests.push(req);
      return unwatched(() => inner.request(req));
    },
  };
}

function recordingLogger(recorder: Recorder): ConnectorLogger {
  const line = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    let rendered = '';
    try {
      rendered = fields === undefined ? '' : ` ${JSON.stringify(fields)}`;
    } catch {
      rendered = ' [fields that cannot be rendered as JSON]';
    }
    recorder.logs.push({ where: `log line ${recorder.logs.length + 1} (${level})`, text: `${String(message)}${rendered}` });
  };
  return { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') };
}

/** The platform's client store, in memory; `registrations` counts the clients registered. */
class MemoryOAuthClients implements OAuthClients {
  registrations = 0;
  client?: OAuthClient;
  async getOrRegister(register: () => Promise<OAuthClient>): Promise<OAuthClient> {
    if (this.client) return this.client;
    const client = await register();
    this.registrations++;
    this.client = client;
    return client;
  }
}

function pkcePair(): { codeVerifier: string; codeChallenge: string } {
  const codeVerifier = randomBytes(32).toString('base64url');
  return { codeVerifier, codeChallenge: createHash('sha256').update(codeVerifier).digest('base64url') };
}

/** An operation the error, HTTP and secrecy checks go through. */
interface Target {
  name: string;
  /** Authentication steps: a 401 or 422 may also be the other of AUTH_EXPIRED / REJECTED. */
  auth: boolean;
  /** Steps that may need no request at all (building an authorisation URL); nothing to map then. */
  requestOptional: boolean;
  /**
   * Runs what the operation needs first (e.g. publishes the post to delete), then returns the
   * call itself; network operations use `credentials` instead of the harness's when given.
   */
  prepare(
    credentials?: Credentials,
  ): Promise<{ secrets: Record<string, string | undefined>; run(ctx: ConnectorContext): Promise<unknown> }>;
}

/** The checks for one connector, as data. */
export function conformanceChecks<Server extends ConformanceServer>(options: ConformanceOptions<Server>): ConformanceChecks {
  const connector = resolveConnector(options.connector);
  const manifest = connector.manifest;
  const capabilities = manifest?.capabilities;
  const timeoutMs = options.timeoutMs ?? 1000;
  const sample: Variant = options.sampleVariant ?? { text: 'Conformance check: bonjour à tous 👋' };
  const title = `connector conformance: ${manifest?.displayName ?? '(no manifest)'} (${manifest?.id ?? '?'})`;
  const checks: ConformanceCheck[] = [];
  const check = (name: string, run: () => void | Promise<void>) => checks.push({ name, run: async () => run() });

  const todo = (operation: OperationName) => notImplementedInfo(connector[operation]);
  const implemented = (operation: OperationName) => typeof connector[operation] === 'function' && !todo(operation);
  const oauth = connector.oauth;
  const oauthStart = oauth && typeof oauth.start === 'function' && !notImplementedInfo(oauth.start) ? oauth.start.bind(oauth) : undefined;

  let server: Server | undefined;
  const live = (): Server => {
    if (!server) throw new Error('the test server is not running (setUp was not called or startServer failed)');
    return server;
  };
  const credentials = () => Promise.resolve(options.credentials(live()));
  // Test servers listen on loopback, which the client refuses by default.
  const outbound = { allowedRanges: ['127.0.0.0/8', '::1/128'] };
  const strictClient = createHttpClient({ timeoutMs, outbound });
  const client = createHttpClient({ timeoutMs: Math.max(options.answerTimeoutMs ?? 10_000, timeoutMs), outbound });

  /**
   * Calls one operation with a context that records its requests and log lines, and
   * fails the check when it sent a request around `ctx.http` or let one of `given`'s
   * credentials out in an error or a log line. Returns what it resolved or threw.
   */
  const observe = async <T>(
    operation: string,
    given: Record<string, string | undefined>,
    fn: (ctx: ConnectorContext) => Promise<T>,
    stallServed = false,
  ): Promise<{ outcome: { value: T } | { error: unknown }; requests: number }> => {
    const recorder: Recorder = { requests: [], logs: [] };
    const ctx: ConnectorContext = {
      http: recordingClient(stallServed ? strictClient : client, recorder),
      logger: recordingLogger(recorder),
    };
    const { outcome, bypassed } = await watchForBypass(() => fn(ctx));
    if (bypassed.length) {
      const first = bypassed[0];
      throw new Error(
        `${operation} sent ${bypassed.length} request(s) around ctx.http, e.g. through ${first.via} to ${first.target}: ` +
          'send every request through ctx.http (its timeout, user agent and error mapping apply)',
      );
    }
    const secrets: NamedSecret[] = credentialsAmong(given);
    if (secrets.length) {
      const texts = [...recorder.logs, ...('error' in outcome ? textsOfError(outcome.error) : [])];
      const companions = Object.values(given).filter((value): value is string => typeof value === 'string');
      const leaks = findCredentialLeaks(texts, secrets, companions);
      if (leaks.length) throw new Error(describeLeaks(operation, leaks));
    }
    return { outcome, requests: recorder.requests.length };
  };

  /** `observe` for a call that must succeed: returns its value or throws what it threw. */
  const succeed = async <T>(
    operation: string,
    given: Record<string, string | undefined>,
    fn: (ctx: ConnectorContext) => Promise<T>,
  ): Promise<T> => {
    const { outcome } = await observe(operation, given, fn);
    if ('error' in outcome) throw outcome.error;
    return outcome.value;
  };

  const publish = (creds: Credentials, key = uniqueKey('publish')) =>
    succeed('publish', creds.secrets, (ctx) => call(connector, 'publish')(ctx, creds, { variant: sample, idempotencyKey: key }));

  const declareTodo = (operation: OperationName): boolean => {
    const info = todo(operation);
    if (!info) return false;
    check(`${operation}: not implemented yet`, () => {
      throw new Error(notImplementedMessage(operation, info.file));
    });
    return true;
  };

  // ---------------------------------------------------------------- manifest
  check('manifest: is well formed (id, display name, auth kind, capabilities, limits, rate-limit hints)', () => {
    expect(validateManifest(manifest)).toEqual([]);
  });
  check('manifest: every declared capability has its operation, and no operation is undeclared', () => {
    expect(validateOperations(connector)).toEqual([]);
  });
  for (const operation of NETWORK_OPERATIONS) {
    const names = capabilitiesFor(operation);
    if (names.some((name) => capabilities?.[name])) continue;
    check(`${operation}: not declared by manifest (${names.map((name) => `capability ${name}=false`).join(', ')})`, () => {
      expect(connector[operation]).toBeUndefined();
    });
  }

  // ---------------------------------------------------------------- validate
  if (capabilities?.publish) {
    check('validate: accepts the sample variant', () => {
      expect(connector.validate(sample)).toEqual([]);
    });
    check('validate: reports text over the limit on path "text" with a readable message', () => {
      const violations = connector.validate({ ...sample, text: 'x'.repeat(manifest.text.maxLength + 1) });
      const tooLong = violations.find((violation) => violation.path === 'text');
      expect(tooLong).toBeDefined();
      expect(tooLong?.rule).toMatch(/\S/);
      expect(tooLong?.message.length).toBeGreaterThan(10);
    });
    if ((manifest.media?.maxCount ?? 0) > 0) {
      // The platform checks variants while they are written with their media described, not loaded (mediaSize).
      check('validate: judges media described by their size as it judges the same media loaded', () => {
        for (const mimeType of manifest.media.types) {
          for (const size of DESCRIBED_MEDIA_SIZES) {
            const loaded = connector.validate({ ...sample, media: [{ mimeType, data: new Uint8Array(size) }] });
            const described = connector.validate({ ...sample, media: [{ mimeType, data: new Uint8Array(0), byteSize: size }] });
            expect({ mimeType, size, violations: described }).toEqual({ mimeType, size, violations: loaded });
          }
        }
      });
    }
  } else {
    check('validate: reports that nothing can be published (capability publish=false)', () => {
      const violations = connector.validate(sample);
      expect(violations.length).toBeGreaterThan(0);
      for (const violation of violations) expect(violation.message).toMatch(/\S/);
    });
  }

  // ---------------------------------------------------------------- authorize
  if (!declareTodo('authorize')) {
    check('authorize: returns credentials for the test server', async () => {
      const input = options.authorizeInput(live());
      const issued = await succeed('authorize', input.fields, (ctx) => connector.authorize(ctx, input));
      expect(typeof issued.serviceUrl).toBe('string');
      expect(issued.serviceUrl.length).toBeGreaterThan(0);
      expect(typeof issued.secrets).toBe('object');
      if (issued.expiresAt !== undefined) expect(Number.isNaN(Date.parse(issued.expiresAt))).toBe(false);
    });
  }

  // ---------------------------------------------------------------- OAuth
  const oauthInput = (): OAuthStartInput & { codeVerifier: string } => {
    const { codeVerifier, codeChallenge } = pkcePair();
    const serviceUrl = options.oauthServiceUrl?.(live()) ?? options.authorizeInput(live()).serviceUrl;
    return {
      serviceUrl,
      redirectUri: REDIRECT_URI,
      state: `conformance-state-${randomBytes(6).toString('hex')}`,
      codeChallenge,
      codeVerifier,
    };
  };
  const startOAuth = async (clients: MemoryOAuthClients) => {
    if (!oauthStart) throw new Error('the connector has no oauth.start');
    const input = oauthInput();
    const { serviceUrl, redirectUri, state, codeChallenge } = input;
    const started: OAuthStartResult = await succeed('oauth.start', {}, (ctx) =>
      oauthStart(ctx, { serviceUrl, redirectUri, state, codeChallenge }, clients),
    );
    return { input, codeVerifier: input.codeVerifier, started };
  };

  if (oauth !== undefined || manifest?.authKind === 'oauth2') {
    check('oauth: an oauth2 connector offers oauth.start (the platform sends the user to the URL it builds)', () => {
      expect(manifest.authKind).toBe('oauth2');
      if (typeof oauth?.start !== 'function') {
        throw new Error(
          'add `readonly oauth = { start(ctx, { serviceUrl, redirectUri, state, codeChallenge }, clients) }` returning { authorizationUrl, fields }',
        );
      }
      const info = notImplementedInfo(oauth.start);
      if (info) throw new Error(`oauth.start is not implemented yet: implement it in ${info.file}`);
    });
  }
  if (oauthStart) {
    check('oauth: start returns an http(s) authorization URL carrying the state, and string fields', async () => {
      const { input, started } = await startOAuth(new MemoryOAuthClients());
      expectHttpUrl(started.authorizationUrl, 'oauth.start authorizationUrl');
      expect(new URL(started.authorizationUrl).searchParams.get('state')).toBe(input.state);
      expect(typeof started.fields).toBe('object');
      for (const value of Object.values(started.fields ?? {})) expect(typeof value).toBe('string');
    });
    check('oauth: start registers the platform client through the store, at most once per server', async () => {
      const clients = new MemoryOAuthClients();
      await startOAuth(clients);
      await startOAuth(clients);
      expect(clients.registrations).toBeLessThanOrEqual(1);
    });
  }
  const approve = options.approveOAuth;
  const oauthFlow = oauthStart && approve && implemented('authorize');
  /** Start, consent, and the pieces of the code exchange (authorize) it leads to. */
  const consent = async () => {
    const clients = new MemoryOAuthClients();
    const { input, codeVerifier, started } = await startOAuth(clients);
    const code = await (approve as NonNullable<typeof approve>)(live(), started.authorizationUrl);
    const fields: Record<string, string> = { ...started.fields, code, codeVerifier };
    const authorizeInput: AuthorizeInput = { serviceUrl: input.serviceUrl, redirectUri: input.redirectUri, fields };
    return { authorizeInput, secrets: { ...fields, clientSecret: clients.client?.clientSecret ?? started.fields.clientSecret } };
  };

  // ---------------------------------------------------------------- publish
  if (capabilities?.publish && !declareTodo('publish') && implemented('publish')) {
    check('publish: returns an external id and an http(s) URL', async () => {
      expectPublished(await publish(await credentials()));
    });
    check('publish: the same idempotency key twice creates one post', async () => {
      const creds = await credentials();
      const before = options.countPosts ? await options.countPosts(live()) : undefined;
      const key = uniqueKey('idempotent');
      const first = await publish(creds, key);
      const second = await publish(creds, key);
      expect(second.externalId).toBe(first.externalId);
      expect(second.url).toBe(first.url);
      if (before !== undefined && options.countPosts) expect(await options.countPosts(live())).toBe(before + 1);
    });
  }

  // A variant no earlier check published: connectors that match on content (keys the network
  // forgets) must not find another check's post. The sample when a longer text would not fit.
  const freshVariant = (label: string, withThread = false): Variant => {
    const marker = uniqueKey(label).slice(-24);
    const variant: Variant = { ...sample, text: `${sample.text} ${marker}` };
    if (withThread) variant.thread = [{ text: `${marker} 2` }];
    return connector.validate(variant).length === 0 ? variant : sample;
  };
  const findPublished = (creds: Credentials, idempotencyKey: string, variant: Variant, publishedAfter: string) =>
    succeed('findPublished', creds.secrets, (ctx) =>
      call(connector, 'findPublished')(ctx, creds, { idempotencyKey, variant, publishedAfter }),
    );
  if (capabilities?.findPublished && !declareTodo('findPublished') && implemented('findPublished')) {
    check('findPublished: finds the post a key published (as publish returned it), and null for a fresh key and variant', async () => {
      if (!implemented('publish')) throw new Error('the findPublished check publishes a post first: implement publish');
      const creds = await credentials();
      const publishedAfter = new Date(Date.now() - 2000).toISOString();
      const key = uniqueKey('find-published');
      const variant = freshVariant('find');
      const post = await succeed('publish', creds.secrets, (ctx) =>
        call(connector, 'publish')(ctx, creds, { variant, idempotencyKey: key }),
      );
      const before = options.countPosts ? await options.countPosts(live()) : undefined;
      const found = await findPublished(creds, key, variant, publishedAfter);
      if (!found) throw new Error(`findPublished returned null for the key publish just used (post ${post.externalId})`);
      expect(found.externalId).toBe(post.externalId);
      expect(found.url).toBe(post.url);
      const fresh = await findPublished(creds, uniqueKey('find-published-fresh'), freshVariant('find-fresh'), publishedAfter);
      if (fresh !== null)
        throw new Error(`findPublished found ${JSON.stringify(fresh)} for a key and variant never published; expected null`);
      // Looking creates nothing.
      if (before !== undefined && options.countPosts) expect(await options.countPosts(live())).toBe(before);
    });
    if (capabilities.threads) {
      check('findPublished: a thread comes back with its further parts as threadIds', async () => {
        const creds = await credentials();
        const publishedAfter = new Date(Date.now() - 2000).toISOString();
        const key = uniqueKey('find-thread');
        const variant = freshVariant('find-thread', true);
        const post = await succeed('publish', creds.secrets, (ctx) =>
          call(connector, 'publish')(ctx, creds, { variant, idempotencyKey: key }),
        );
        const found = await findPublished(creds, key, variant, publishedAfter);
        expect(found?.externalId).toBe(post.externalId);
        expect(found?.threadIds ?? []).toEqual(post.threadIds ?? []);
      });
    }
  }

  if (capabilities?.delete && !declareTodo('delete') && implemented('delete')) {
    check('delete: removes a published post', async () => {
      const creds = await credentials();
      if (!implemented('publish')) throw new Error('the delete check publishes a post first: implement publish');
      const post = await publish(creds);
      const before = options.countPosts ? await options.countPosts(live()) : undefined;
      await expect(
        succeed('delete', creds.secrets, (ctx) => call(connector, 'delete')(ctx, creds, post.externalId)),
      ).resolves.toBeUndefined();
      if (before !== undefined && options.countPosts) expect(await options.countPosts(live())).toBe(before - 1);
    });
  }

  if (capabilities?.reply && !declareTodo('reply') && implemented('reply')) {
    check('reply: answers a published post with an external id and URL', async () => {
      const creds = await credentials();
      if (!implemented('publish')) throw new Error('the reply check publishes a post first: implement publish');
      const post = await publish(creds);
      expectPublished(
        await succeed('reply', creds.secrets, (ctx) => call(connector, 'reply')(ctx, creds, post.externalId, sample, uniqueKey('reply'))),
      );
    });
  }

  // ---------------------------------------------------------------- mentions
  const mentionsDeclared = !!(capabilities?.mentions || capabilities?.search);
  if (mentionsDeclared && !declareTodo('fetchMentions') && implemented('fetchMentions')) {
    const seedMentions = options.seedMentions;
    if (!seedMentions) {
      check('mentions: the harness provides seedMentions', () => {
        throw new Error('add seedMentions(server, count) to the conformance options so the suite can check pagination');
      });
    } else {
      check(`mentions: page with a cursor (limit ${MENTIONS_PAGE}) and never return the same item twice`, async () => {
        const creds = await credentials();
        await seedMentions(live(), MENTIONS_SEEDED);
        const seen = new Set<string>();
        let cursor: string | undefined;
        let pagesWithItems = 0;
        for (let page = 0; page < 30; page++) {
          const query = { ...options.mentionQuery, cursor, limit: MENTIONS_PAGE };
          const result = await succeed('fetchMentions', creds.secrets, (ctx) => call(connector, 'fetchMentions')(ctx, creds, query));
          expect(Array.isArray(result.items)).toBe(true);
          expect(result.items.length).toBeLessThanOrEqual(MENTIONS_PAGE);
          for (const item of result.items) {
            expectMention(item);
            if (seen.has(item.externalId)) throw new Error(`mention ${item.externalId} was returned twice (page ${page + 1})`);
            seen.add(item.externalId);
          }
          if (result.items.length > 0) pagesWithItems++;
          if (!result.cursor || result.items.length === 0) break;
          cursor = result.cursor;
        }
        expect(seen.size).toBeGreaterThanOrEqual(MENTIONS_SEEDED);
        expect(pagesWithItems).toBeGreaterThanOrEqual(Math.ceil(MENTIONS_SEEDED / MENTIONS_PAGE));
      });
    }
  }

  if (capabilities?.comments && !declareTodo('fetchComments') && implemented('fetchComments')) {
    check('comments: returns a page of items for a published post', async () => {
      const creds = await credentials();
      if (!implemented('publish')) throw new Error('the comments check publishes a post first: implement publish');
      const post = await publish(creds);
      const page = await succeed('fetchComments', creds.secrets, (ctx) => call(connector, 'fetchComments')(ctx, creds, post.externalId));
      expect(Array.isArray(page.items)).toBe(true);
      page.items.forEach(expectMention);
    });
  }

  if (capabilities?.metrics && !declareTodo('fetchMetrics') && implemented('fetchMetrics')) {
    check('metrics: returns counts for a published post', async () => {
      const creds = await credentials();
      if (!implemented('publish')) throw new Error('the metrics check publishes a post first: implement publish');
      const post = await publish(creds);
      const metrics = await succeed('fetchMetrics', creds.secrets, (ctx) => call(connector, 'fetchMetrics')(ctx, creds, [post.externalId]));
      const mine = metrics.find((entry) => entry.externalId === post.externalId);
      if (!mine) throw new Error(`fetchMetrics returned nothing for ${post.externalId}`);
      for (const count of [mine.likes, mine.reposts, mine.replies]) {
        expect(Number.isInteger(count) && count >= 0).toBe(true);
      }
    });
  }

  if (capabilities?.accountMetrics && !declareTodo('fetchAccountMetrics') && implemented('fetchAccountMetrics')) {
    check("account metrics: returns the account's counts (followers, and following / posts when given) with a date", async () => {
      const creds = await credentials();
      const counts = await succeed('fetchAccountMetrics', creds.secrets, (ctx) => call(connector, 'fetchAccountMetrics')(ctx, creds));
      expect(Number.isInteger(counts.followers) && counts.followers >= 0).toBe(true);
      for (const count of [counts.following, counts.posts]) {
        if (count !== undefined) expect(Number.isInteger(count) && count >= 0).toBe(true);
      }
      expect(Number.isNaN(Date.parse(counts.fetchedAt))).toBe(false);
    });
  }

  if (capabilities?.targets && !declareTodo('listTargets') && implemented('listTargets')) {
    check('targets: lists the identities to publish as, each with an id, a kind, a name and credentials of its own', async () => {
      const creds = await credentials();
      const targets = await succeed('listTargets', creds.secrets, (ctx) => call(connector, 'listTargets')(ctx, creds));
      expect(Array.isArray(targets)).toBe(true);
      const ids = new Set<string>();
      for (const target of targets) {
        expect(typeof target.id === 'string' && target.id.length > 0).toBe(true);
        expect(ids.has(target.id)).toBe(false);
        ids.add(target.id);
        expect(['organization', 'page', 'channel', 'profile']).toContain(target.kind);
        expect(typeof target.name === 'string' && target.name.trim().length > 0).toBe(true);
        expect(typeof target.credentials?.serviceUrl).toBe('string');
        expect(typeof target.credentials?.secrets).toBe('object');
      }
    });
  }

  // ---------------------------------------------------------------- the operations the next checks go through
  const externalIdFor = async (creds: Credentials): Promise<string> =>
    implemented('publish') ? (await publish(creds)).externalId : 'conformance-1';
  const networkTarget = (
    name: NetworkOperation,
    run: (creds: Credentials) => Promise<(ctx: ConnectorContext) => Promise<unknown>>,
  ): Target => ({
    name,
    auth: false,
    requestOptional: false,
    prepare: async (given) => {
      const creds = given ?? (await credentials());
      return { secrets: creds.secrets, run: await run(creds) };
    },
  });
  const targets: Target[] = [];
  if (implemented('authorize')) {
    targets.push({
      name: 'authorize',
      auth: true,
      requestOptional: manifest?.authKind === 'none',
      prepare: async () => {
        const input = options.authorizeInput(live());
        return { secrets: input.fields, run: (ctx) => connector.authorize(ctx, input) };
      },
    });
  }
  if (oauthStart) {
    targets.push({
      name: 'oauth.start',
      auth: true,
      requestOptional: true,
      prepare: async () => {
        const { serviceUrl, redirectUri, state, codeChallenge } = oauthInput();
        return { secrets: {}, run: (ctx) => oauthStart(ctx, { serviceUrl, redirectUri, state, codeChallenge }, new MemoryOAuthClients()) };
      },
    });
  }
  if (oauthFlow) {
    targets.push({
      name: 'authorize (OAuth code exchange)',
      auth: true,
      requestOptional: false,
      prepare: async () => {
        const { authorizeInput, secrets } = await consent();
        return { secrets, run: (ctx) => connector.authorize(ctx, authorizeInput) };
      },
    });
  }
  if (implemented('refresh') && options.expiredCredentials) {
    const expiredCredentials = options.expiredCredentials;
    targets.push({
      name: 'refresh',
      auth: true,
      requestOptional: false,
      prepare: async () => {
        const expired = await expiredCredentials(live());
        return { secrets: expired.secrets, run: (ctx) => call(connector, 'refresh')(ctx, expired) };
      },
    });
  }
  if (capabilities?.publish && implemented('publish')) {
    targets.push(
      networkTarget(
        'publish',
        async (creds) => (ctx) => call(connector, 'publish')(ctx, creds, { variant: sample, idempotencyKey: uniqueKey('errors') }),
      ),
    );
  }
  if (capabilities?.findPublished && implemented('findPublished')) {
    targets.push(
      networkTarget(
        'findPublished',
        async (creds) => (ctx) =>
          call(connector, 'findPublished')(ctx, creds, {
            idempotencyKey: uniqueKey('find-errors'),
            variant: sample,
            publishedAfter: new Date(Date.now() - 60_000).toISOString(),
          }),
      ),
    );
  }
  if (capabilities?.delete && implemented('delete')) {
    targets.push(
      networkTarget('delete', async (creds) => {
        const id = await externalIdFor(creds);
        return (ctx) => call(connector, 'delete')(ctx, creds, id);
      }),
    );
  }
  if (capabilities?.reply && implemented('reply')) {
    targets.push(
      networkTarget('reply', async (creds) => {
        const id = await externalIdFor(creds);
        return (ctx) => call(connector, 'reply')(ctx, creds, id, sample, uniqueKey('reply-errors'));
      }),
    );
  }
  if (mentionsDeclared && implemented('fetchMentions')) {
    targets.push(
      networkTarget(
        'fetchMentions',
        async (creds) => (ctx) => call(connector, 'fetchMentions')(ctx, creds, { ...options.mentionQuery, limit: MENTIONS_PAGE }),
      ),
    );
  }
  if (capabilities?.comments && implemented('fetchComments')) {
    targets.push(
      networkTarget('fetchComments', async (creds) => {
        const id = await externalIdFor(creds);
        return (ctx) => call(connector, 'fetchComments')(ctx, creds, id);
      }),
    );
  }
  if (capabilities?.metrics && implemented('fetchMetrics')) {
    targets.push(
      networkTarget('fetchMetrics', async (creds) => {
        const id = await externalIdFor(creds);
        return (ctx) => call(connector, 'fetchMetrics')(ctx, creds, [id]);
      }),
    );
  }

  if (capabilities?.accountMetrics && implemented('fetchAccountMetrics')) {
    targets.push(networkTarget('fetchAccountMetrics', async (creds) => (ctx) => call(connector, 'fetchAccountMetrics')(ctx, creds)));
  }

  if (capabilities?.targets && implemented('listTargets')) {
    targets.push(networkTarget('listTargets', async (creds) => (ctx) => call(connector, 'listTargets')(ctx, creds)));
  }

  // ---------------------------------------------------------------- the HTTP client, errors and rate limits, per operation
  for (const target of targets) {
    const via = `(via ${target.name})`;
    check(`http: ${target.name} sends every request through ctx.http`, async () => {
      const prepared = await target.prepare();
      const { outcome, requests } = await observe(target.name, prepared.secrets, prepared.run);
      if ('error' in outcome) throw outcome.error;
      if (!target.requestOptional && requests === 0) {
        throw new Error(`${target.name} succeeded without a single request through ctx.http: send every request through ctx.http`);
      }
    });

    /** Runs the operation with `failure` served instead of the network's next answers. */
    const failing = async (
      failure: InjectedFailure,
      kinds: ConnectorErrorKind[],
      successAllowed = false,
    ): Promise<ConnectorError | undefined> => {
      const prepared = await target.prepare();
      // Connectors do not retry by themselves (the platform does), but inject a few in case.
      live().inject(failure, 3);
      const started = Date.now();
      // Only a stalled answer needs the short timeout; an error answered at once keeps the generous one, so a loaded
      // machine cannot turn a 429 or a 500 into a timeout.
      const { outcome, requests } = await observe(target.name, prepared.secrets, prepared.run, failure.type === 'slow');
      const elapsed = Date.now() - started;
      live().clearInjections();
      if (failure.type === 'slow' && elapsed >= timeoutMs * 3 + 1500) {
        throw new Error(`${target.name} took ${elapsed} ms to give up on a stalled answer; the client timeout is ${timeoutMs} ms`);
      }
      // A step that needed no request has no answer to map (an authorisation URL built locally).
      if (target.requestOptional && requests === 0 && !('error' in outcome)) return undefined;
      if (successAllowed && !('error' in outcome)) return undefined;
      return connectorErrorOf(outcome, kinds, target.name);
    };

    check(`errors: 500 -> TRANSIENT ${via}`, async () => {
      await failing({ type: 'status', status: 500, body: { error: 'Internal Server Error' } }, ['TRANSIENT']);
    });
    check(`errors: 503 HTML error page -> TRANSIENT with a short readable message ${via}`, async () => {
      const error = await failing({ type: 'html-error', status: 503 }, ['TRANSIENT']);
      if (error) {
        expect(error.message.length).toBeLessThan(600);
        expect(error.message).not.toMatch(/<html/i);
      }
    });
    check(`errors: 401 -> AUTH_EXPIRED ${via}`, async () => {
      await failing(
        { type: 'status', status: 401, body: { error: 'invalid_token', error_description: 'The access token expired' } },
        target.auth ? ['AUTH_EXPIRED', 'REJECTED'] : ['AUTH_EXPIRED'],
      );
    });
    check(`errors: 422 with a JSON reason -> REJECTED carrying the network's reason ${via}`, async () => {
      const error = await failing(
        { type: 'status', status: 422, body: { error: 'Validation failed: conformance reason' } },
        target.auth ? ['REJECTED', 'AUTH_EXPIRED'] : ['REJECTED'],
      );
      if (error) expect(error.networkReason ?? error.message).toContain('conformance reason');
    });
    // delete returns nothing: it may rightly ignore the body of a 2xx answer.
    const bodyUnused = target.name === 'delete';
    check(
      `errors: truncated JSON answer -> a typed ConnectorError${bodyUnused ? ' (or success: the body is not needed)' : ''} ${via}`,
      async () => {
        await failing({ type: 'truncated-json' }, ['TRANSIENT', 'UNKNOWN', 'REJECTED'], bodyUnused);
      },
    );
    check(`errors: connection reset -> TRANSIENT ${via}`, async () => {
      await failing({ type: 'reset' }, ['TRANSIENT']);
    });
    check(`errors: no answer within the timeout (${timeoutMs} ms) -> TRANSIENT, on time ${via}`, async () => {
      await failing({ type: 'slow', delayMs: timeoutMs * 10 }, ['TRANSIENT']);
    });
    check(`errors: body stalling past the timeout -> TRANSIENT, on time ${via}`, async () => {
      await failing({ type: 'slow', delayMs: timeoutMs * 10, phase: 'body' }, ['TRANSIENT']);
    });
    check(`rate limit: 429 with Retry-After seconds -> RATE_LIMITED with retryAfterSeconds ${via}`, async () => {
      const error = await failing({ type: 'rate-limited', retryAfterSeconds: 42 }, ['RATE_LIMITED']);
      if (error) expect(error.retryAfterSeconds).toBe(42);
    });
    check(`rate limit: 429 with Retry-After as an HTTP date -> RATE_LIMITED with retryAfterSeconds ${via}`, async () => {
      const error = await failing({ type: 'rate-limited', retryAfterSeconds: 120, format: 'http-date' }, ['RATE_LIMITED']);
      if (error) {
        expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(115);
        expect(error.retryAfterSeconds).toBeLessThanOrEqual(121);
      }
    });
  }

  // ---------------------------------------------------------------- refresh, and the whole OAuth flow
  // A working network operation, to tell expired credentials from working ones.
  const probe = ['publish', 'fetchMentions', 'fetchMetrics'].map((name) => targets.find((target) => target.name === name)).find(Boolean);
  const probeWith = async (creds: Credentials) => {
    if (!probe) return undefined;
    const prepared = await probe.prepare(creds);
    return observe(probe.name, prepared.secrets, prepared.run);
  };
  const probeVia = probe ? ` (via ${probe.name})` : '';

  if (oauthFlow) {
    check(`oauth: start, consent, then authorize with the code and PKCE verifier gives working credentials${probeVia}`, async () => {
      const { authorizeInput, secrets } = await consent();
      const issued = await succeed('authorize (OAuth code exchange)', secrets, (ctx) => connector.authorize(ctx, authorizeInput));
      expect(typeof issued.secrets).toBe('object');
      const result = await probeWith(issued);
      if (result && 'error' in result.outcome) throw result.outcome.error;
    });
  }

  if (!declareTodo('refresh')) {
    if (typeof connector.refresh === 'function') {
      const expiredCredentials = options.expiredCredentials;
      if (!expiredCredentials) {
        check('refresh: the harness provides expiredCredentials', () => {
          throw new Error('add expiredCredentials(server) to the conformance options so the suite can check refresh');
        });
      } else {
        check(`refresh: expired credentials fail with AUTH_EXPIRED, refreshed ones work${probeVia}`, async () => {
          const expired = await expiredCredentials(live());
          const before = await probeWith(expired);
          if (before) connectorErrorOf(before.outcome, ['AUTH_EXPIRED'], `${probe?.name} with expired credentials`);
          const refreshed = await succeed('refresh', expired.secrets, (ctx) => call(connector, 'refresh')(ctx, expired));
          expect(typeof refreshed.serviceUrl).toBe('string');
          expect(typeof refreshed.secrets).toBe('object');
          const after = await probeWith(refreshed);
          if (after && 'error' in after.outcome) throw after.outcome.error;
        });
      }
    } else {
      const label =
        manifest && REFRESHABLE_AUTH_KINDS.includes(manifest.authKind)
          ? `refresh: not offered (authKind=${manifest.authKind}): expired credentials surface as AUTH_EXPIRED`
          : `refresh: not applicable (authKind=${manifest?.authKind})`;
      check(label, async () => {
        expect(connector.refresh).toBeUndefined();
        if (options.expiredCredentials) {
          const result = await probeWith(await options.expiredCredentials(live()));
          if (result) connectorErrorOf(result.outcome, ['AUTH_EXPIRED'], `${probe?.name} with expired credentials`);
        }
      });
    }
  }

  return {
    title,
    checks,
    setUp: async () => {
      server = await options.startServer();
    },
    afterEach: () => server?.clearInjections(),
    tearDown: async () => {
      await server?.close();
      server = undefined;
    },
  };
}

/** Declares the conformance tests for one connector. Call it once, at the top level of a spec file. */
export function runConformanceSuite<Server extends ConformanceServer>(options: ConformanceOptions<Server>): void {
  const suite = conformanceChecks(options);
  describe(suite.title, () => {
    // A test server may be a whole dev network (a PDS and an AppView): give it time on a loaded machine.
    beforeAll(() => suite.setUp(), 120_000);
    afterEach(() => suite.afterEach());
    // Closing a real test network (the Bluesky dev-env) can take long on a loaded machine.
    afterAll(() => suite.tearDown(), 120_000);
    for (const entry of suite.checks) it(entry.name, () => entry.run());
  });
}

/**
 * Runs the checks (all, or those `only` keeps) one after the other without declaring
 * tests, and reports each: how the suite's own tests prove it catches a broken connector.
 */
export async function runConformanceChecks<Server extends ConformanceServer>(
  options: ConformanceOptions<Server>,
  only: (name: string) => boolean = () => true,
): Promise<ConformanceResult[]> {
  const suite = conformanceChecks(options);
  const results: ConformanceResult[] = [];
  await suite.setUp();
  try {
    for (const entry of suite.checks.filter((candidate) => only(candidate.name))) {
      try {
        await entry.run();
        results.push({ name: entry.name, passed: true });
      } catch (error) {
        results.push({ name: entry.name, passed: false, message: error instanceof Error ? error.message : String(error) });
      } finally {
        suite.afterEach();
      }
    }
  } finally {
    await suite.tearDown();
  }
  return results;
}
