import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { CheckNetworkAccountJob } from '@socle/community';
import { loadConfig } from '@socle/platform-config';
import { createOrganization, signUpAgency, TestApi, AgencySession } from '@socle/testing';
import { createWorker } from '@socle/worker';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the loopback Mastodon of the plugin's tests is the network these tests talk to
import { MastodonTestServer } from '../../plugins/mastodon/src/test/mastodon-test-server';

const CONNECT = 'mutation ($input: ConnectNetworkAccountInput!) { connectNetworkAccount(input: $input) { id status lastError } }';
const START_OAUTH = 'mutation ($input: StartNetworkOAuthInput!) { startNetworkOAuth(input: $input) { authorizationUrl } }';
const CHECK = 'mutation ($id: ID!) { checkNetworkAccount(input: { id: $id }) { id status lastError } }';

/** What a service on the platform's own network would hand out: it must never come back through the API. */
const SECRET = 'AKIA-internal-secret-5b1e0c9d';

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Blog</title><link>http://blog.example/</link>
<item><title>Hello</title><link>http://blog.example/1</link><guid>1</guid></item></channel></rss>`;

/**
 * Requests made for a tenant go where the outbound guard allows, and what a
 * network answers is never repeated to the caller. The guarded API runs as in
 * production (OUTBOUND_ALLOWED_RANGES empty); the tests' loopback servers stand
 * for the platform's own network.
 */
describe('outbound requests made for a tenant', () => {
  let guarded: TestApi;
  let inside: Server;
  let insideUrl: string;
  const insideHits: string[] = [];
  let admin: Client;

  /** A server whose every answer is `answer(path)`; counts the requests it gets. */
  const serve = async (answer: (req: IncomingMessage, res: ServerResponse) => void, hits: string[]) => {
    const server = createServer((req, res) => {
      hits.push(`${req.method} ${req.url}`);
      answer(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { server, port: (server.address() as AddressInfo).port };
  };
  const close = async (server: Server) => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  const accountsOf = async (organizationId: string) =>
    (await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM network_accounts WHERE organization_id = $1', [organizationId]))
      .rows[0].n;

  beforeAll(async () => {
    const started = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'x-internal-token': SECRET });
      res.end(JSON.stringify({ error: SECRET, message: SECRET, AccessKeyId: SECRET }));
    }, insideHits);
    inside = started.server;
    insideUrl = `http://127.0.0.1:${started.port}`;
    guarded = await TestApi.start({ OUTBOUND_ALLOWED_RANGES: '' });
    admin = new Client({ connectionString: process.env.SOCLE_TEST_ADMIN_DATABASE_URL });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.end();
    await guarded.stop();
    await close(inside);
  });

  describe('with the guard fully on', () => {
    let owner: AgencySession;
    let org: string;
    const as = () => ({ token: owner.token, organizationId: org });

    beforeAll(async () => {
      owner = await signUpAgency(guarded, 'Agence Garde');
      org = await createOrganization(guarded, owner, 'Client Garde');
    });
    beforeEach(() => {
      insideHits.length = 0;
    });

    it.each([
      ['a feed on loopback', { network: 'rss', serviceUrl: '', feedUrl: '' }, 'input.feedUrl'],
      ['a Mastodon instance on loopback', { network: 'mastodon', serviceUrl: '', accessToken: 'token-1234' }, 'input.serviceUrl'],
      [
        'a Bluesky PDS on loopback',
        { network: 'bluesky', serviceUrl: '', identifier: 'me.example', appPassword: 'abcd-efgh-ijkl-mnop' },
        'input.serviceUrl',
      ],
    ])('refuses to connect %s, never reaching it, storing nothing, and nothing of it comes back', async (_what, input, field) => {
      const filled = Object.fromEntries(
        Object.entries(input).map(([name, value]) => [name, value === '' ? `${insideUrl}/latest/meta-data` : value]),
      );
      const res = await guarded.gql(CONNECT, { input: filled }, as());
      expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason: 'DESTINATION_NOT_ALLOWED' });
      expect(res.body.errors?.[0]?.message).toContain('loopback');
      expect(JSON.stringify(res.body)).not.toContain(SECRET);
      expect(insideHits).toEqual([]);
      expect(await accountsOf(org)).toBe(0);
    });

    it.each([
      ['localhost', () => `http://localhost:${new URL(insideUrl).port}/feed`, 'loopback'],
      ['the cloud metadata address', () => 'http://169.254.169.254/latest/meta-data/iam/security-credentials/', 'cloud metadata'],
      ['a private address', () => 'http://10.0.0.1/feed', 'private'],
    ])('refuses a feed at %s', async (_what, url, category) => {
      const res = await guarded.gql(CONNECT, { input: { network: 'rss', serviceUrl: url(), feedUrl: url() } }, as());
      expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DESTINATION_NOT_ALLOWED' });
      expect(res.body.errors?.[0]?.message).toContain(category);
      expect(insideHits).toEqual([]);
    });

    it('refuses to start an OAuth authorisation at an instance on loopback', async () => {
      const res = await guarded.gql(START_OAUTH, { input: { network: 'mastodon', serviceUrl: insideUrl } }, as());
      expect(res.body.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.serviceUrl',
        reason: 'DESTINATION_NOT_ALLOWED',
      });
      expect(JSON.stringify(res.body)).not.toContain(SECRET);
      expect(insideHits).toEqual([]);
    });

    it('refuses a public-looking feed that redirects inside', async () => {
      // The redirecting server stands for a public host: this API lets 127.0.0.1 through, and nothing else.
      const allowing = await TestApi.start({ OUTBOUND_ALLOWED_RANGES: '127.0.0.1/32' });
      const hits: string[] = [];
      const redirecting = await serve((_req, res) => {
        res.writeHead(302, { location: `http://127.0.0.2:${new URL(insideUrl).port}/secret` });
        res.end();
      }, hits);
      try {
        const session = await signUpAgency(allowing, 'Agence Redirection');
        const client = await createOrganization(allowing, session, 'Client Redirection');
        const url = `http://127.0.0.1:${redirecting.port}/feed`;
        const res = await allowing.gql(
          CONNECT,
          { input: { network: 'rss', serviceUrl: url, feedUrl: url } },
          { token: session.token, organizationId: client },
        );
        expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DESTINATION_NOT_ALLOWED' });
        expect(hits).toEqual(['GET /feed']);
        expect(insideHits).toEqual([]);
      } finally {
        await close(redirecting.server);
        await allowing.stop();
      }
    });
  });

  describe('with allowed ranges, what the network answered is never repeated', () => {
    let api: TestApi;
    let owner: AgencySession;
    let org: string;
    let feeds: Server;
    let feedsUrl: string;
    let mastodon: MastodonTestServer;
    const feedHits: string[] = [];
    const as = () => ({ token: owner.token, organizationId: org });

    beforeAll(async () => {
      api = await TestApi.start({ OUTBOUND_ALLOWED_RANGES: '127.0.0.0/8' });
      owner = await signUpAgency(api, 'Agence Réponses');
      org = await createOrganization(api, owner, 'Client Réponses');
      mastodon = await MastodonTestServer.start();
      const started = await serve((req, res) => {
        if (req.url?.startsWith('/feed')) {
          res.writeHead(200, { 'content-type': 'application/rss+xml' });
          return res.end(FEED);
        }
        if (req.url === '/html') {
          res.writeHead(200, { 'content-type': 'text/html', 'x-secret': SECRET });
          return res.end(`<!DOCTYPE html><html><head><title>${SECRET}</title></head><body>${SECRET}</body></html>`);
        }
        if (req.url === '/json-500') {
          res.writeHead(500, { 'content-type': 'application/json' });
          return res.end(JSON.stringify({ error: SECRET }));
        }
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end(`no ${SECRET} here`);
      }, feedHits);
      feeds = started.server;
      feedsUrl = `http://127.0.0.1:${started.port}`;
    });
    afterAll(async () => {
      await api.stop();
      await mastodon.close();
      await close(feeds);
    });

    it('the allowed range is reachable', async () => {
      const res = await api.gql(CONNECT, { input: { network: 'rss', serviceUrl: `${feedsUrl}/feed`, feedUrl: `${feedsUrl}/feed` } }, as());
      expect(res.body.data?.connectNetworkAccount).toMatchObject({ status: 'OK' });
    });

    it.each([
      ['an HTML page instead of a feed', '/html', 'UPSTREAM_UNAVAILABLE|BAD_USER_INPUT'],
      ['a JSON error with a 500', '/json-500', 'UPSTREAM_UNAVAILABLE'],
      ['a text 404', '/missing', 'BAD_USER_INPUT'],
    ])('a feed answering %s: the error says host and status, not the body', async (_what, path, codes) => {
      const url = `${feedsUrl}${path}`;
      const res = await api.gql(CONNECT, { input: { network: 'rss', serviceUrl: url, feedUrl: url } }, as());
      expect(String(res.body.errors?.[0]?.extensions?.code)).toMatch(new RegExp(`^(${codes})$`));
      expect(res.body.errors?.[0]?.message).toContain(new URL(feedsUrl).host);
      expect(JSON.stringify(res.body)).not.toContain(SECRET);
    });

    it('a network refusing the credentials with its own words: status and host only', async () => {
      mastodon.inject({ type: 'status', status: 401, body: { error: `The access token is invalid: ${SECRET}` } }, 1);
      const res = await api.gql(
        CONNECT,
        { input: { network: 'mastodon', serviceUrl: mastodon.baseUrl, accessToken: 'whatever-token' } },
        as(),
      );
      expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.fields' });
      expect(res.body.errors?.[0]?.message).toContain(`${mastodon.host} answered HTTP 401`);
      expect(JSON.stringify(res.body)).not.toContain(SECRET);
    });

    it('a health check against an error page keeps the body out of lastError', async () => {
      const token = mastodon.createAccessToken('quinn');
      const connected = await api.ok<{ connectNetworkAccount: { id: string } }>(
        CONNECT,
        { input: { network: 'mastodon', serviceUrl: mastodon.baseUrl, accessToken: token } },
        as(),
      );
      mastodon.inject(
        { type: 'status', status: 503, body: `<html><head><title>${SECRET}</title></head></html>`, contentType: 'text/html' },
        3,
      );
      const checked = await api.ok<{ checkNetworkAccount: { status: string; lastError: string } }>(
        CHECK,
        { id: connected.connectNetworkAccount.id },
        as(),
      );
      expect(checked.checkNetworkAccount.status).toBe('ERROR');
      expect(checked.checkNetworkAccount.lastError).toBe(`TRANSIENT: ${mastodon.host} answered HTTP 503`);
      const list = await api.gql('{ networkAccounts(first: 50) { edges { node { lastError } } } }', {}, as());
      expect(JSON.stringify(list.body)).not.toContain(SECRET);
    });

    it('the worker checks accounts through the same guard: an account whose address is refused now is not reached', async () => {
      const url = `${feedsUrl}/feed?worker`;
      const connected = await api.ok<{ connectNetworkAccount: { id: string } }>(
        CONNECT,
        { input: { network: 'rss', serviceUrl: url, feedUrl: url } },
        as(),
      );
      // Health checks only: a publishing worker with the guard fully on would sweep, and fail, other suites' loopback
      // publications in this database.
      const worker = await createWorker(
        loadConfig({ ...process.env, QUEUE_PREFIX: api.config.QUEUE_PREFIX, OUTBOUND_ALLOWED_RANGES: '', WORKER_QUEUES: 'community' }),
        { reconcileEveryMs: 600_000 },
      );
      try {
        expect(worker.workers.map((w) => w.name)).toEqual(['community']);
        const before = feedHits.length;
        const job = worker.context.get(CheckNetworkAccountJob, { strict: false });
        expect(await job.handle({ organizationId: org, accountId: connected.connectNetworkAccount.id })).toEqual({ status: 'ERROR' });
        expect(feedHits.length).toBe(before);
        const { rows } = await admin.query<{ last_error: string }>('SELECT last_error FROM network_accounts WHERE id = $1', [
          connected.connectNetworkAccount.id,
        ]);
        expect(rows[0].last_error).toMatch(/^REJECTED: .*refused: 127\.0\.0\.1 is a loopback address/);
      } finally {
        await worker.close();
      }
    });
  });
});
