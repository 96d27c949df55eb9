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
 */
import type {
  AuthorizeInput,
  Capabilities,
  Connector,
  ConnectorContext,
  Credentials,
  Mention,
  MentionQuery,
  OperationName,
  PublishedPost,
  Variant,
} from '../lib/contract';
import { ConnectorError, ConnectorErrorKind } from '../lib/errors';
import { createHttpClient } from '../lib/http';
import { CAPABILITY_NAMES, CAPABILITY_OPERATIONS, REFRESHABLE_AUTH_KINDS, validateManifest, validateOperations } from '../lib/manifest';
import { notImplementedInfo, notImplementedMessage } from '../lib/not-implemented';
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
  /** HTTP client timeout used by the suite (the slow-answer checks wait past it). Default 1000 ms: room for a loaded CI machine. */
  timeoutMs?: number;
}

type NetworkOperation = Exclude<OperationName, 'authorize' | 'refresh'>;

const NETWORK_OPERATIONS: readonly NetworkOperation[] = ['publish', 'delete', 'reply', 'fetchMentions', 'fetchComments', 'fetchMetrics'];

const MENTIONS_SEEDED = 7;
const MENTIONS_PAGE = 3;

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
  return CAPABILITY_NAMES.filter((name) => CAPABILITY_OPERATIONS[name] === operation);
}

let keyCounter = 0;
function uniqueKey(label: string): string {
  keyCounter += 1;
  return `conformance-${label}-${process.pid}-${Date.now()}-${keyCounter}`;
}

/** Awaits `promise`, expecting a `ConnectorError` of one of `kinds`; returns it. */
export async function expectConnectorError(promise: Promise<unknown>, kinds: ConnectorErrorKind | ConnectorErrorKind[]): Promise<ConnectorError> {
  const expected = Array.isArray(kinds) ? kinds : [kinds];
  let outcome: { resolved: unknown } | { rejected: unknown };
  try {
    outcome = { resolved: await promise };
  } catch (error) {
    outcome = { rejected: error };
  }
  if ('resolved' in outcome) {
    throw new Error(`expected a ConnectorError (${expected.join(' or ')}), but the operation succeeded`);
  }
  const error = outcome.rejected;
  if (!(error instanceof ConnectorError)) {
    const description = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new Error(`expected a ConnectorError (${expected.join(' or ')}), got ${description}`);
  }
  if (!expected.includes(error.kind)) {
    throw new Error(`expected a ConnectorError ${expected.join(' or ')}, got ${error.kind}: ${error.message}`);
  }
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
}

function expectPublished(post: PublishedPost): void {
  expect(typeof post.externalId).toBe('string');
  expect(post.externalId.length).toBeGreaterThan(0);
  expectHttpUrl(post.url, `published post ${post.externalId} url`);
}

/** Declares the conformance tests for one connector. Call it once, at the top level of a spec file. */
export function runConformanceSuite<Server extends ConformanceServer>(options: ConformanceOptions<Server>): void {
  const connector = resolveConnector(options.connector);
  const manifest = connector.manifest;
  const capabilities = manifest.capabilities;
  const timeoutMs = options.timeoutMs ?? 1000;
  const sample: Variant = options.sampleVariant ?? { text: 'Conformance check: bonjour à tous 👋' };
  const title = `connector conformance: ${manifest?.displayName ?? '(no manifest)'} (${manifest?.id ?? '?'})`;

  const todo = (operation: OperationName) => notImplementedInfo(connector[operation]);
  const implemented = (operation: OperationName) => typeof connector[operation] === 'function' && !todo(operation);

  describe(title, () => {
    let server: Server;
    const ctx = (): ConnectorContext => ({ http: createHttpClient({ timeoutMs }) });
    const credentials = () => Promise.resolve(options.credentials(server));

    beforeAll(async () => {
      server = await options.startServer();
    });
    afterEach(() => server?.clearInjections());
    afterAll(async () => {
      await server?.close();
    });

    /** One failing test naming where to write the operation. */
    const declareTodo = (operation: OperationName): boolean => {
      const info = todo(operation);
      if (!info) return false;
      it(`${operation}: not implemented yet`, () => {
        throw new Error(notImplementedMessage(operation, info.file));
      });
      return true;
    };

    // ---------------------------------------------------------------- manifest
    it('manifest: is well formed (id, display name, auth kind, capabilities, limits, rate-limit hints)', () => {
      expect(validateManifest(manifest)).toEqual([]);
    });
    it('manifest: every declared capability has its operation, and no operation is undeclared', () => {
      expect(validateOperations(connector)).toEqual([]);
    });
    for (const operation of NETWORK_OPERATIONS) {
      const names = capabilitiesFor(operation);
      if (names.some((name) => capabilities?.[name])) continue;
      it(`${operation}: not declared by manifest (${names.map((name) => `capability ${name}=false`).join(', ')})`, () => {
        expect(connector[operation]).toBeUndefined();
      });
    }

    // ---------------------------------------------------------------- validate
    if (capabilities?.publish) {
      it('validate: accepts the sample variant', () => {
        expect(connector.validate(sample)).toEqual([]);
      });
      it('validate: reports text over the limit on path "text" with a readable message', () => {
        const violations = connector.validate({ ...sample, text: 'x'.repeat(manifest.text.maxLength + 1) });
        const tooLong = violations.find((violation) => violation.path === 'text');
        expect(tooLong).toBeDefined();
        expect(tooLong?.rule).toMatch(/\S/);
        expect(tooLong?.message.length).toBeGreaterThan(10);
      });
    } else {
      it('validate: reports that nothing can be published (capability publish=false)', () => {
        const violations = connector.validate(sample);
        expect(violations.length).toBeGreaterThan(0);
        for (const violation of violations) expect(violation.message).toMatch(/\S/);
      });
    }

    // ---------------------------------------------------------------- authorize
    if (!declareTodo('authorize')) {
      it('authorize: returns credentials for the test server', async () => {
        const issued = await connector.authorize(ctx(), options.authorizeInput(server));
        expect(typeof issued.serviceUrl).toBe('string');
        expect(issued.serviceUrl.length).toBeGreaterThan(0);
        expect(typeof issued.secrets).toBe('object');
        if (issued.expiresAt !== undefined) expect(Number.isNaN(Date.parse(issued.expiresAt))).toBe(false);
      });
    }

    // ---------------------------------------------------------------- publish
    const publish = (creds: Credentials, key = uniqueKey('publish')) =>
      call(connector, 'publish')(ctx(), creds, { variant: sample, idempotencyKey: key });

    if (capabilities?.publish && !declareTodo('publish') && implemented('publish')) {
      it('publish: returns an external id and an http(s) URL', async () => {
        expectPublished(await publish(await credentials()));
      });
      it('publish: the same idempotency key twice creates one post', async () => {
        const creds = await credentials();
        const before = options.countPosts ? await options.countPosts(server) : undefined;
        const key = uniqueKey('idempotent');
        const first = await publish(creds, key);
        const second = await publish(creds, key);
        expect(second.externalId).toBe(first.externalId);
        expect(second.url).toBe(first.url);
        if (before !== undefined && options.countPosts) expect(await options.countPosts(server)).toBe(before + 1);
      });
    }

    if (capabilities?.delete && !declareTodo('delete') && implemented('delete')) {
      it('delete: removes a published post', async () => {
        const creds = await credentials();
        if (!implemented('publish')) throw new Error('the delete check publishes a post first: implement publish');
        const post = await publish(creds);
        const before = options.countPosts ? await options.countPosts(server) : undefined;
        await expect(call(connector, 'delete')(ctx(), creds, post.externalId)).resolves.toBeUndefined();
        if (before !== undefined && options.countPosts) expect(await options.countPosts(server)).toBe(before - 1);
      });
    }

    if (capabilities?.reply && !declareTodo('reply') && implemented('reply')) {
      it('reply: answers a published post with an external id and URL', async () => {
        const creds = await credentials();
        if (!implemented('publish')) throw new Error('the reply check publishes a post first: implement publish');
        const post = await publish(creds);
        expectPublished(await call(connector, 'reply')(ctx(), creds, post.externalId, sample, uniqueKey('reply')));
      });
    }

    // ---------------------------------------------------------------- mentions
    if ((capabilities?.mentions || capabilities?.search) && !declareTodo('fetchMentions') && implemented('fetchMentions')) {
      const seedMentions = options.seedMentions;
      if (!seedMentions) {
        it('mentions: the harness provides seedMentions', () => {
          throw new Error('add seedMentions(server, count) to the conformance options so the suite can check pagination');
        });
      } else {
        it(`mentions: page with a cursor (limit ${MENTIONS_PAGE}) and never return the same item twice`, async () => {
          const creds = await credentials();
          await seedMentions(server, MENTIONS_SEEDED);
          const seen = new Set<string>();
          let cursor: string | undefined;
          let pagesWithItems = 0;
          for (let page = 0; page < 30; page++) {
            const result = await call(connector, 'fetchMentions')(ctx(), creds, { ...options.mentionQuery, cursor, limit: MENTIONS_PAGE });
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
      it('comments: returns a page of items for a published post', async () => {
        const creds = await credentials();
        if (!implemented('publish')) throw new Error('the comments check publishes a post first: implement publish');
        const post = await publish(creds);
        const page = await call(connector, 'fetchComments')(ctx(), creds, post.externalId);
        expect(Array.isArray(page.items)).toBe(true);
        page.items.forEach(expectMention);
      });
    }

    if (capabilities?.metrics && !declareTodo('fetchMetrics') && implemented('fetchMetrics')) {
      it('metrics: returns counts for a published post', async () => {
        const creds = await credentials();
        if (!implemented('publish')) throw new Error('the metrics check publishes a post first: implement publish');
        const post = await publish(creds);
        const metrics = await call(connector, 'fetchMetrics')(ctx(), creds, [post.externalId]);
        const mine = metrics.find((entry) => entry.externalId === post.externalId);
        if (!mine) throw new Error(`fetchMetrics returned nothing for ${post.externalId}`);
        for (const count of [mine.likes, mine.reposts, mine.replies]) {
          expect(Number.isInteger(count) && count >= 0).toBe(true);
        }
      });
    }

    // ---------------------------------------------------------------- errors and rate limits
    // Checked through the first network operation that is implemented: a failing network
    // answer must become a typed error within the timeout, never a crash or a hang.
    const probe = ((): { name: string; run: (creds: Credentials) => Promise<unknown> } | undefined => {
      if (capabilities?.publish && implemented('publish')) return { name: 'publish', run: (creds) => publish(creds) };
      if ((capabilities?.mentions || capabilities?.search) && implemented('fetchMentions')) {
        return { name: 'fetchMentions', run: (creds) => call(connector, 'fetchMentions')(ctx(), creds, { ...options.mentionQuery, limit: MENTIONS_PAGE }) };
      }
      if (capabilities?.metrics && implemented('fetchMetrics')) {
        return { name: 'fetchMetrics', run: (creds) => call(connector, 'fetchMetrics')(ctx(), creds, ['conformance-1']) };
      }
      return undefined;
    })();

    if (probe) {
      const failing = async (failure: InjectedFailure, kinds: ConnectorErrorKind | ConnectorErrorKind[]) => {
        const creds = await credentials();
        // Connectors do not retry by themselves (the platform does), but inject a few in case.
        server.inject(failure, 3);
        return expectConnectorError(probe.run(creds), kinds);
      };
      const via = `(via ${probe.name})`;

      it(`errors: 500 -> TRANSIENT ${via}`, async () => {
        await failing({ type: 'status', status: 500, body: { error: 'Internal Server Error' } }, 'TRANSIENT');
      });
      it(`errors: 503 HTML error page -> TRANSIENT with a short readable message ${via}`, async () => {
        const error = await failing({ type: 'html-error', status: 503 }, 'TRANSIENT');
        expect(error.message.length).toBeLessThan(600);
        expect(error.message).not.toMatch(/<html/i);
      });
      it(`errors: 401 -> AUTH_EXPIRED ${via}`, async () => {
        await failing({ type: 'status', status: 401, body: { error: 'invalid_token', error_description: 'The access token expired' } }, 'AUTH_EXPIRED');
      });
      it(`errors: 422 with a JSON reason -> REJECTED carrying the network's reason ${via}`, async () => {
        const error = await failing({ type: 'status', status: 422, body: { error: 'Validation failed: conformance reason' } }, 'REJECTED');
        expect(error.networkReason ?? error.message).toContain('conformance reason');
      });
      it(`errors: truncated JSON answer -> a typed ConnectorError ${via}`, async () => {
        await failing({ type: 'truncated-json' }, ['TRANSIENT', 'UNKNOWN', 'REJECTED']);
      });
      it(`errors: connection reset -> TRANSIENT ${via}`, async () => {
        await failing({ type: 'reset' }, 'TRANSIENT');
      });
      it(`errors: no answer within the timeout (${timeoutMs} ms) -> TRANSIENT, on time ${via}`, async () => {
        const started = Date.now();
        await failing({ type: 'slow', delayMs: timeoutMs * 10 }, 'TRANSIENT');
        expect(Date.now() - started).toBeLessThan(timeoutMs * 3 + 1500);
      });
      it(`errors: body stalling past the timeout -> TRANSIENT, on time ${via}`, async () => {
        const started = Date.now();
        await failing({ type: 'slow', delayMs: timeoutMs * 10, phase: 'body' }, 'TRANSIENT');
        expect(Date.now() - started).toBeLessThan(timeoutMs * 3 + 1500);
      });
      it(`rate limit: 429 with Retry-After seconds -> RATE_LIMITED with retryAfterSeconds ${via}`, async () => {
        const error = await failing({ type: 'rate-limited', retryAfterSeconds: 42 }, 'RATE_LIMITED');
        expect(error.retryAfterSeconds).toBe(42);
      });
      it(`rate limit: 429 with Retry-After as an HTTP date -> RATE_LIMITED with retryAfterSeconds ${via}`, async () => {
        const error = await failing({ type: 'rate-limited', retryAfterSeconds: 120, format: 'http-date' }, 'RATE_LIMITED');
        expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(115);
        expect(error.retryAfterSeconds).toBeLessThanOrEqual(121);
      });
    }

    // ---------------------------------------------------------------- refresh
    if (!declareTodo('refresh')) {
      if (typeof connector.refresh === 'function') {
        const expiredCredentials = options.expiredCredentials;
        if (!expiredCredentials) {
          it('refresh: the harness provides expiredCredentials', () => {
            throw new Error('add expiredCredentials(server) to the conformance options so the suite can check refresh');
          });
        } else {
          it(`refresh: expired credentials fail with AUTH_EXPIRED, refreshed ones work${probe ? ` (via ${probe.name})` : ''}`, async () => {
            const expired = await expiredCredentials(server);
            if (probe) await expectConnectorError(probe.run(expired), 'AUTH_EXPIRED');
            const refreshed = await call(connector, 'refresh')(ctx(), expired);
            expect(typeof refreshed.serviceUrl).toBe('string');
            expect(typeof refreshed.secrets).toBe('object');
            if (probe) await probe.run(refreshed);
          });
        }
      } else if (manifest && REFRESHABLE_AUTH_KINDS.includes(manifest.authKind)) {
        it(`refresh: not offered (authKind=${manifest.authKind}): expired credentials surface as AUTH_EXPIRED`, async () => {
          expect(connector.refresh).toBeUndefined();
          if (probe && options.expiredCredentials) {
            await expectConnectorError(probe.run(await options.expiredCredentials(server)), 'AUTH_EXPIRED');
          }
        });
      } else {
        it(`refresh: not applicable (authKind=${manifest?.authKind})`, async () => {
          expect(connector.refresh).toBeUndefined();
          if (probe && options.expiredCredentials) {
            await expectConnectorError(probe.run(await options.expiredCredentials(server)), 'AUTH_EXPIRED');
          }
        });
      }
    }
  });
}
