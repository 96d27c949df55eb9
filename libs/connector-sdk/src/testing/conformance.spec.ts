import type { Connector } from '../lib/contract';
import { ConnectorError } from '../lib/errors';
import {
  GlobalFetchConnector,
  LeakyRefreshConnector,
  LoggingCredentialsConnector,
  NegativeReachConnector,
  NodeHttpConnector,
  RateLimitAsRejectedConnector,
} from './example/broken.connectors';
import { ExampleConnector } from './example/example.connector';
import { approveExampleOAuth, ExampleNetwork, startExampleServer } from './example/example.server';
import { ConformanceOptions, ConformanceResult, runConformanceChecks, runConformanceSuite } from './conformance';
import { findCredentialLeaks, textsOfError } from './credential-leaks';
import type { ConformanceServer } from './loopback-server';

type ExampleServer = ConformanceServer & { network: ExampleNetwork };

const exampleOptions = (connector: () => Connector, timeoutMs?: number): ConformanceOptions<ExampleServer> => ({
  connector,
  timeoutMs,
  startServer: async () => {
    const network = await startExampleServer();
    return Object.assign(network.server, { network });
  },
  authorizeInput: (server) => ({ serviceUrl: server.baseUrl, fields: { code: 'good-code' } }),
  credentials: (server) => ({ serviceUrl: server.baseUrl, secrets: { accessToken: 'valid-token', refreshToken: 'refresh-1' } }),
  expiredCredentials: (server) => ({ serviceUrl: server.baseUrl, secrets: { accessToken: 'expired-token', refreshToken: 'refresh-1' } }),
  seedMentions: (server, count) => server.network.addMentions(count),
  countPosts: (server) => server.network.posts.size,
  approveOAuth: (_server, url) => approveExampleOAuth(url),
});

// The SDK's reference connector passes the suite it ships.
runConformanceSuite<ExampleServer>(exampleOptions(() => new ExampleConnector()));

const failures = (results: ConformanceResult[]) => results.filter((result) => !result.passed);

// Every check of the suite, run on broken connectors: each break is reported, and nothing else.
describe('the conformance suite catches a broken connector', () => {
  // Short client timeout: each operation has two stall checks that wait past it.
  const run = (connector: () => Connector) => runConformanceChecks(exampleOptions(connector, 300));

  it('passes the reference connector on every check when run programmatically', async () => {
    const results = await run(() => new ExampleConnector());
    expect(failures(results)).toEqual([]);
    // Every operation is gone through, OAuth included.
    for (const operation of [
      'authorize',
      'oauth.start',
      'authorize (OAuth code exchange)',
      'refresh',
      'publish',
      'delete',
      'fetchMentions',
      'fetchMetrics',
    ]) {
      expect(results.map((result) => result.name)).toContain(
        `rate limit: 429 with Retry-After seconds -> RATE_LIMITED with retryAfterSeconds (via ${operation})`,
      );
    }
  }, 60_000);

  it('reports a 429 mapped to REJECTED in fetchMentions', async () => {
    const failed = failures(await run(() => new RateLimitAsRejectedConnector()));
    expect(failed.map((result) => result.name)).toEqual([
      'rate limit: 429 with Retry-After seconds -> RATE_LIMITED with retryAfterSeconds (via fetchMentions)',
      'rate limit: 429 with Retry-After as an HTTP date -> RATE_LIMITED with retryAfterSeconds (via fetchMentions)',
    ]);
    for (const result of failed)
      expect(result.message).toContain('expected fetchMentions to fail with a ConnectorError RATE_LIMITED, got REJECTED');
  }, 60_000);

  it('reports fetchMentions calling the global fetch instead of ctx.http', async () => {
    const failed = failures(await run(() => new GlobalFetchConnector()));
    const names = failed.map((result) => result.name);
    expect(names).toContain('http: fetchMentions sends every request through ctx.http');
    expect(names).toContain('mentions: page with a cursor (limit 3) and never return the same item twice');
    expect(names).toContain('rate limit: 429 with Retry-After seconds -> RATE_LIMITED with retryAfterSeconds (via fetchMentions)');
    // Only fetchMentions is broken: nothing else is reported.
    expect(names.filter((name) => !/fetchMentions|^mentions:/.test(name))).toEqual([]);
    const http = failed.find((result) => result.name === 'http: fetchMentions sends every request through ctx.http');
    expect(http?.message).toMatch(
      /^fetchMentions sent 1 request\(s\) around ctx\.http, e\.g\. through the global fetch to http:\/\/127\.0\.0\.1:\d+\/api\/mentions/,
    );
  }, 60_000);

  it('reports a mention whose authorReach is not a whole number >= 0', async () => {
    const results = await runConformanceChecks(
      exampleOptions(() => new NegativeReachConnector(), 300),
      (name) => name.startsWith('mentions:'),
    );
    expect(failures(results).map((result) => result.name)).toEqual([
      'mentions: page with a cursor (limit 3) and never return the same item twice',
    ]);
    expect(failures(results)[0].message).toBe('mention m1 authorReach must be a whole number >= 0 or null, got -1');
  });

  it('reports fetchMetrics sending its request with node:http instead of ctx.http', async () => {
    const results = await runConformanceChecks(
      exampleOptions(() => new NodeHttpConnector(), 300),
      (name) => name.startsWith('http: '),
    );
    expect(failures(results).map((result) => result.name)).toEqual(['http: fetchMetrics sends every request through ctx.http']);
    expect(failures(results)[0].message).toMatch(
      /^fetchMetrics sent 1 request\(s\) around ctx\.http, e\.g\. through node:http get to http:\/\/127\.0\.0\.1:\d+\/api\/metrics/,
    );
  });

  it('reports a refresh token leaked in an error message', async () => {
    const failed = failures(await run(() => new LeakyRefreshConnector()));
    // Every failure of refresh the suite provokes carries the token.
    expect(failed.length).toBe(10);
    for (const result of failed) {
      expect(result.name).toMatch(/\(via refresh\)$/);
      expect(result.message).toContain('refresh let a credential out: the refreshToken credential (as is) in error.message');
      expect(result.message).not.toContain('refresh-1');
    }
  }, 60_000);

  it('reports a credential written to the context logger, base64-encoded in a Basic header', async () => {
    const results = await runConformanceChecks(
      exampleOptions(() => new LoggingCredentialsConnector(), 300),
      (name) => name.startsWith('publish:'),
    );
    expect(results.length).toBe(2);
    for (const result of results) {
      expect(result.passed).toBe(false);
      expect(result.message).toMatch(/^publish let a credential out: the accessToken credential \(base64[^)]*\) in log line 1 \(debug\)/);
    }
  });
});

describe('credential leak scan', () => {
  const secrets = [
    { name: 'refreshToken', value: 'r3fr3sh+t/k!en?' },
    { name: 'clientSecret', value: 'client-secret-42' },
  ];
  const scan = (error: unknown) => findCredentialLeaks(textsOfError(error), secrets, ['socle-client']);

  it('finds a credential as is, URL-encoded, form-encoded, base64, base64url, hex and in a Basic credential', () => {
    const raw = 'r3fr3sh+t/k!en?';
    const forms: Array<[string, string]> = [
      ['as is', raw],
      ['URL-encoded', encodeURIComponent(raw)],
      ['form-encoded', new URLSearchParams({ t: raw }).toString().slice(2)],
      ['base64', Buffer.from(raw).toString('base64')],
      ['base64url', Buffer.from(raw).toString('base64url')],
      ['hex', Buffer.from(raw).toString('hex')],
      ['base64 of a Basic credential', Buffer.from(`socle-client:${raw}`).toString('base64')],
    ];
    for (const [encoding, form] of forms) {
      expect(scan(new ConnectorError('AUTH_EXPIRED', `refused: ${form}`))).toEqual([
        { secret: 'refreshToken', encoding, where: 'error.message' },
      ]);
    }
  });

  it('looks into the network reason, the cause chain and details objects', () => {
    const cause = new Error('token endpoint said no', { cause: { body: 'grant=client-secret-42' } });
    const error = Object.assign(new ConnectorError('REJECTED', 'refresh failed', { networkReason: 'bad r3fr3sh+t/k!en?' }), {
      cause,
      details: { request: { form: 'client_secret=client-secret-42' } },
    });
    expect(scan(error)).toEqual([
      { secret: 'refreshToken', encoding: 'as is', where: 'error.networkReason' },
      { secret: 'clientSecret', encoding: 'as is', where: 'error.cause.cause.body' },
      { secret: 'clientSecret', encoding: 'as is', where: 'error.details.request.form' },
    ]);
  });

  it('does not report identifiers or values too short to be credentials', () => {
    const texts = [{ where: 'error.message', text: 'user socle-client (id 42) failed with code abc' }];
    expect(findCredentialLeaks(texts, [...secrets, { name: 'code', value: 'abc' }], ['socle-client'])).toEqual([]);
  });
});
