/**
 * The conformance checks of `findPublished`: a small keyed network whose server can answer
 * "which post did this idempotency key make?", a connector that asks it right, and broken
 * ones the suite must catch, each for its own fault and nothing else.
 */
import type {
  AuthorizeInput,
  Connector,
  ConnectorContext,
  ConnectorManifest,
  Credentials,
  FindPublishedRequest,
  PublishedPost,
  PublishRequest,
  Variant,
  Violation,
} from '../lib/contract';
import { ConnectorError } from '../lib/errors';
import { expectOk, mapHttpError, parseJson } from '../lib/http';
import { validateManifest, validateOperations } from '../lib/manifest';
import { validateVariant } from '../lib/validation';
import { ConformanceOptions, ConformanceResult, runConformanceChecks, runConformanceSuite } from './conformance';
import { LoopbackRequest, LoopbackReply, LoopbackServer } from './loopback-server';

const TOKEN = 'keyed-valid-token-0123456789';

const keyedManifest: ConnectorManifest = {
  id: 'keyed',
  displayName: 'Keyed',
  authKind: 'access-token',
  capabilities: {
    publish: true,
    media: false,
    threads: false,
    reply: false,
    delete: false,
    mentions: false,
    search: false,
    comments: false,
    metrics: false,
    findPublished: true,
  },
  text: { maxLength: 280, counting: 'code-points' },
  media: { maxCount: 0, types: [], maxBytes: 0 },
  rateLimit: { requests: 100, windowSeconds: 60, publish: [{ limit: 10, windowSeconds: 60 }] },
};

type KeyedServer = LoopbackServer & { posts: Map<string, { id: string; text: string }> };

async function startKeyedServer(): Promise<KeyedServer> {
  const posts = new Map<string, { id: string; text: string }>();
  let sequence = 0;
  const handle = (req: LoopbackRequest): LoopbackReply => {
    if (req.headers.authorization !== `Bearer ${TOKEN}`) return { status: 401, body: { error: 'invalid_token' } };
    if (req.method === 'GET' && req.url.pathname === '/api/me') return { body: { id: 'me' } };
    if (req.method === 'POST' && req.url.pathname === '/api/posts') {
      const key = String(req.headers['idempotency-key'] ?? '');
      let post = posts.get(key);
      if (!post) posts.set(key, (post = { id: `k${++sequence}`, text: req.json<{ text: string }>().text }));
      return { status: 201, body: { id: post.id, url: `https://keyed.test/p/${post.id}` } };
    }
    if (req.method === 'GET' && req.url.pathname === '/api/posts/by-key') {
      const post = posts.get(req.url.searchParams.get('key') ?? '');
      return post
        ? { body: { id: post.id, url: `https://keyed.test/p/${post.id}` } }
        : { status: 404, body: { error: 'Record not found' } };
    }
    if (req.method === 'GET' && req.url.pathname === '/api/posts/latest') {
      const latest = [...posts.values()].pop();
      return { body: latest ? { id: latest.id, url: `https://keyed.test/p/${latest.id}` } : {} };
    }
    return { status: 404, body: { error: 'Not found' } };
  };
  const server = await LoopbackServer.start(handle);
  return Object.assign(server, { posts });
}

class KeyedConnector implements Connector {
  readonly manifest: ConnectorManifest = keyedManifest;

  async authorize(ctx: ConnectorContext, input: AuthorizeInput): Promise<Credentials> {
    const credentials = { serviceUrl: input.serviceUrl, secrets: { accessToken: input.fields.accessToken ?? '' } };
    const me = parseJson<{ id?: string }>(
      expectOk(await ctx.http.request({ method: 'GET', url: `${input.serviceUrl}/api/me`, headers: this.auth(credentials) }), 'authorize'),
      'authorize',
    );
    if (!me.id) throw new ConnectorError('UNKNOWN', 'authorize: the answer names no account');
    return credentials;
  }

  validate(variant: Variant): Violation[] {
    return validateVariant(this.manifest, variant);
  }

  async publish(ctx: ConnectorContext, credentials: Credentials, request: PublishRequest): Promise<PublishedPost> {
    const res = await ctx.http.request({
      method: 'POST',
      url: `${credentials.serviceUrl}/api/posts`,
      headers: { ...this.auth(credentials), 'content-type': 'application/json', 'idempotency-key': request.idempotencyKey },
      body: JSON.stringify({ text: request.variant.text }),
    });
    const post = parseJson<{ id: string; url: string }>(expectOk(res, 'publish'), 'publish');
    return { externalId: post.id, url: post.url };
  }

  async findPublished(ctx: ConnectorContext, credentials: Credentials, request: FindPublishedRequest): Promise<PublishedPost | null> {
    const res = await ctx.http.request({
      method: 'GET',
      url: `${credentials.serviceUrl}/api/posts/by-key?key=${encodeURIComponent(request.idempotencyKey)}`,
      headers: this.auth(credentials),
    });
    if (res.status === 404) return null;
    const post = parseJson<{ id: string; url: string }>(expectOk(res, 'findPublished'), 'findPublished');
    return { externalId: post.id, url: post.url };
  }

  protected auth(credentials: Credentials): Record<string, string> {
    return { authorization: `Bearer ${credentials.secrets.accessToken}` };
  }
}

/** Never finds anything: the platform would publish twice. */
class NeverFinds extends KeyedConnector {
  override async findPublished(
    ctx: ConnectorContext,
    credentials: Credentials,
    request: FindPublishedRequest,
  ): Promise<PublishedPost | null> {
    await super.findPublished(ctx, credentials, request);
    return null;
  }
}

/** Ignores the key: whatever was published last is "the" post. */
class KeyBlind extends KeyedConnector {
  override async findPublished(ctx: ConnectorContext, credentials: Credentials): Promise<PublishedPost | null> {
    const res = await ctx.http.request({
      method: 'GET',
      url: `${credentials.serviceUrl}/api/posts/latest`,
      headers: this.auth(credentials),
    });
    const post = parseJson<{ id?: string; url?: string }>(expectOk(res, 'findPublished'), 'findPublished');
    return post.id && post.url ? { externalId: post.id, url: post.url } : null;
  }
}

/** Turns every failure into "not published": a 500 or a timeout would publish twice. */
class SwallowsErrors extends KeyedConnector {
  override async findPublished(
    ctx: ConnectorContext,
    credentials: Credentials,
    request: FindPublishedRequest,
  ): Promise<PublishedPost | null> {
    try {
      return await super.findPublished(ctx, credentials, request);
    } catch {
      return null;
    }
  }
}

/** Puts the request's authorization header in its errors. */
class LeaksToken extends KeyedConnector {
  override async findPublished(
    ctx: ConnectorContext,
    credentials: Credentials,
    request: FindPublishedRequest,
  ): Promise<PublishedPost | null> {
    const url = `${credentials.serviceUrl}/api/posts/by-key?key=${encodeURIComponent(request.idempotencyKey)}`;
    const headers = this.auth(credentials);
    const res = await ctx.http.request({ method: 'GET', url, headers });
    if (res.status === 404) return null;
    if (res.status >= 400) {
      const mapped = mapHttpError(res, 'findPublished');
      throw new ConnectorError(mapped.kind, `${mapped.message} (sent ${headers.authorization})`, {
        retryAfterSeconds: mapped.retryAfterSeconds,
        status: mapped.status,
      });
    }
    const post = parseJson<{ id: string; url: string }>(res, 'findPublished');
    return { externalId: post.id, url: post.url };
  }
}

const keyedOptions = (connector: () => Connector): ConformanceOptions<KeyedServer> => ({
  connector,
  timeoutMs: 300,
  startServer: startKeyedServer,
  authorizeInput: (server) => ({ serviceUrl: server.baseUrl, fields: { accessToken: TOKEN } }),
  credentials: (server) => ({ serviceUrl: server.baseUrl, secrets: { accessToken: TOKEN } }),
  countPosts: (server) => server.posts.size,
});

const failedNames = (results: ConformanceResult[]) => results.filter((result) => !result.passed).map((result) => result.name);
const FIND = 'findPublished: finds the post a key published (as publish returned it), and null for a fresh key and variant';

// A connector that answers by key passes the suite, findPublished's checks included.
runConformanceSuite<KeyedServer>({ ...keyedOptions(() => new KeyedConnector()), timeoutMs: 1000 });

describe('the conformance suite holds findPublished to the contract', () => {
  it('runs the findPublished checks and its error, rate-limit and secrecy checks for a connector that declares it', async () => {
    const results = await runConformanceChecks(keyedOptions(() => new KeyedConnector()));
    expect(failedNames(results)).toEqual([]);
    const names = results.map((result) => result.name);
    expect(names).toContain(FIND);
    expect(names).toContain('http: findPublished sends every request through ctx.http');
    expect(names).toContain('errors: 500 -> TRANSIENT (via findPublished)');
    expect(names).toContain('rate limit: 429 with Retry-After seconds -> RATE_LIMITED with retryAfterSeconds (via findPublished)');
  }, 60_000);

  it('reports a findPublished that never finds the post', async () => {
    const results = await runConformanceChecks(
      keyedOptions(() => new NeverFinds()),
      (name) => name.includes('findPublished'),
    );
    expect(failedNames(results)).toEqual([FIND]);
    expect(results.find((result) => result.name === FIND)?.message).toMatch(/^findPublished returned null for the key publish just used/);
  }, 60_000);

  it('reports a findPublished that ignores the key', async () => {
    const results = await runConformanceChecks(
      keyedOptions(() => new KeyBlind()),
      (name) => name.includes('findPublished'),
    );
    expect(failedNames(results)).toEqual([FIND]);
    expect(results.find((result) => result.name === FIND)?.message).toMatch(/for a key and variant never published; expected null/);
  }, 60_000);

  it('reports a findPublished that answers "not published" when the network failed', async () => {
    const failed = failedNames(
      await runConformanceChecks(
        keyedOptions(() => new SwallowsErrors()),
        (name) => name.includes('findPublished'),
      ),
    );
    expect(failed).toEqual(
      expect.arrayContaining([
        'errors: 500 -> TRANSIENT (via findPublished)',
        'errors: connection reset -> TRANSIENT (via findPublished)',
        'errors: no answer within the timeout (300 ms) -> TRANSIENT, on time (via findPublished)',
        'rate limit: 429 with Retry-After seconds -> RATE_LIMITED with retryAfterSeconds (via findPublished)',
      ]),
    );
    expect(failed).not.toContain(FIND);
  }, 60_000);

  it('reports a findPublished whose errors carry the access token', async () => {
    const results = await runConformanceChecks(
      keyedOptions(() => new LeaksToken()),
      (name) => name.includes('findPublished'),
    );
    const failed = results.filter((result) => !result.passed);
    expect(failed.length).toBeGreaterThanOrEqual(4);
    for (const result of failed) {
      expect(result.name).toMatch(/\(via findPublished\)$/);
      expect(result.message).toContain('findPublished let a credential out: the accessToken credential');
      expect(result.message).not.toContain(TOKEN);
    }
  }, 60_000);

  it('a connector without the capability must not have the operation, and the manifest must declare it', async () => {
    const undeclared = new KeyedConnector();
    Object.defineProperty(undeclared, 'manifest', {
      value: { ...keyedManifest, capabilities: { ...keyedManifest.capabilities, findPublished: false } },
    });
    expect(validateOperations(undeclared)).toEqual(['findPublished is present but no capability declares it']);
    const results = await runConformanceChecks(
      keyedOptions(() => undeclared),
      (name) => name.startsWith('findPublished: not declared'),
    );
    expect(results).toEqual([
      { name: 'findPublished: not declared by manifest (capability findPublished=false)', passed: false, message: expect.any(String) },
    ]);
    const missing = new KeyedConnector() as Partial<KeyedConnector>;
    Object.defineProperty(missing, 'findPublished', { value: undefined });
    expect(validateOperations(missing as Connector)).toEqual(['capabilities.findPublished is true but findPublished is missing']);
  });
});

describe('manifest: findPublished and the publish windows', () => {
  it('findPublished is optional, a boolean when set, and needs publish', () => {
    const { findPublished: _omitted, ...withoutIt } = keyedManifest.capabilities;
    expect(validateManifest({ ...keyedManifest, capabilities: withoutIt })).toEqual([]);
    expect(validateManifest({ ...keyedManifest, capabilities: { ...keyedManifest.capabilities, findPublished: 'yes' } })).toEqual([
      'capabilities.findPublished must be true or false when set',
    ]);
    expect(validateManifest({ ...keyedManifest, capabilities: { ...keyedManifest.capabilities, publish: false } })).toContain(
      'capabilities.findPublished needs capabilities.publish',
    );
  });

  it('rateLimit.publish, when set, is a non-empty list of positive whole limits and windows', () => {
    const withPublish = (publish: unknown) => validateManifest({ ...keyedManifest, rateLimit: { ...keyedManifest.rateLimit, publish } });
    expect(withPublish(undefined)).toEqual([]);
    expect(
      withPublish([
        { limit: 1666, windowSeconds: 3600 },
        { limit: 11666, windowSeconds: 86400 },
      ]),
    ).toEqual([]);
    expect(withPublish([])).toEqual(['rateLimit.publish must be a non-empty list of { limit, windowSeconds } when set']);
    expect(withPublish([{ limit: 0, windowSeconds: 60 }, { limit: 5 }])).toEqual([
      'rateLimit.publish[0] must have a positive integer limit and windowSeconds',
      'rateLimit.publish[1] must have a positive integer limit and windowSeconds',
    ]);
  });
});
