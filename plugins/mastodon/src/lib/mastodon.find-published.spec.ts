import { ConnectorError, createHttpClient } from '@socle/connector-sdk';
import type { Credentials, HttpClient, Variant } from '@socle/connector-sdk';
import { expectConnectorError } from '@socle/connector-sdk/testing';
import { MastodonConnector } from './mastodon.connector';
import { MastodonTestServer } from '../test/mastodon-test-server';
import { AGENCY, testContext, tokenCredentials } from '../test/fixtures';

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

describe('Mastodon findPublished against the loopback instance', () => {
  const connector = new MastodonConnector({ mediaPollIntervalMs: 5 });
  // Five seconds: the suite runs beside others on a loaded machine, where the instance's first answers took over one second.
  const ctx = () => testContext(5000);
  let server: MastodonTestServer;
  let credentials: Credentials;

  const find = (
    variant: Variant,
    publishedAfter: string | undefined = minutesAgo(5).toISOString(),
    creds = credentials,
    using = connector,
  ) => using.findPublished(ctx(), creds, { idempotencyKey: 'any-key', variant, publishedAfter });
  const listings = () => server.requests.filter((request) => /^\/api\/v1\/accounts\/\d+\/statuses/.test(request.path));

  beforeEach(async () => {
    server = await MastodonTestServer.start({ rateLimit: { limit: 100_000, windowSeconds: 300 } });
    credentials = tokenCredentials(server);
  });
  afterEach(async () => {
    await server.close();
  });

  it('finds the status a publish made, and null for a variant never published, creating nothing', async () => {
    const variant = { text: 'Notre nouvelle boutique ouvre lundi' };
    const post = await connector.publish(ctx(), credentials, { variant, idempotencyKey: 'k-1' });
    const count = server.statusCount();
    expect(await find(variant)).toEqual(post);
    expect(await find({ text: 'Jamais publié' })).toBeNull();
    expect(server.statusCount()).toBe(count);
    // The token's account was looked up once per call (the credentials do not carry its id)...
    expect(server.requests.filter((request) => request.path === '/api/v1/accounts/verify_credentials')).toHaveLength(2);
    // ...and not at all when they do, as credentials issued by authorize do.
    const issued = await connector.authorize(ctx(), {
      serviceUrl: server.baseUrl,
      fields: { accessToken: credentials.secrets.accessToken },
    });
    const verifications = server.requests.filter((request) => request.path === '/api/v1/accounts/verify_credentials').length;
    expect(await find(variant, undefined, issued)).toEqual(post);
    expect(server.requests.filter((request) => request.path === '/api/v1/accounts/verify_credentials')).toHaveLength(verifications);
  });

  it('finds a status whose publish died after the instance made it (the answer never arrived)', async () => {
    const real = createHttpClient({ timeoutMs: 5000 });
    const dying: HttpClient = {
      async request(request) {
        const response = await real.request(request);
        if (request.method === 'POST' && request.url.endsWith('/api/v1/statuses'))
          throw new ConnectorError('TRANSIENT', 'connection reset after the request was sent');
        return response;
      },
    };
    const variant = { text: 'Publié, mais personne ne le sait' };
    const startedAt = new Date().toISOString();
    await expectConnectorError(connector.publish({ http: dying }, credentials, { variant, idempotencyKey: 'died-1' }), 'TRANSIENT');
    const [made] = server.statusesOf(AGENCY);
    const found = await find(variant, startedAt);
    expect(found).toEqual({ externalId: made.id, url: made.url });
  });

  it('matches the text as Mastodon renders it: paragraphs, line breaks, links, tags, mentions, escaped characters', async () => {
    server.createAccount('camille');
    const text =
      'Bonjour @camille et @someone@other.example !\n\nLisez https://socle.example/blog?a=1&b=2 #lancement\nà <b>très</b> vite & merci';
    const variant = { text, options: { spoilerText: 'Annonce' } };
    const post = await connector.publish(ctx(), credentials, { variant, idempotencyKey: 'render-1' });
    expect(String(server.getStatus(post.externalId)?.content)).toContain('<br />');
    expect(await find(variant)).toEqual(post);
    // Another content warning, or none, is another status.
    expect(await find({ text })).toBeNull();
    expect(await find({ text, options: { spoilerText: 'Autre' } })).toBeNull();
  });

  it('takes statuses after publishedAfter only (one minute of margin), the oldest when several match', async () => {
    const variant = { text: 'Promotion de la semaine' };
    const old = await connector.publish(ctx(), credentials, { variant, idempotencyKey: 'old-1' });
    server.backdate(old.externalId, minutesAgo(30));
    expect(await find(variant, minutesAgo(10).toISOString())).toBeNull();
    expect(await find(variant, minutesAgo(31).toISOString())).toEqual(old);
    // Inside the clock margin: still counted.
    expect(await find(variant, new Date(Date.parse(minutesAgo(30).toISOString()) + 30_000).toISOString())).toEqual(old);
    const first = await connector.publish(ctx(), credentials, { variant, idempotencyKey: 'new-1' });
    await connector.publish(ctx(), credentials, { variant, idempotencyKey: 'new-2' });
    expect(await find(variant, minutesAgo(10).toISOString())).toEqual(first);
    await expectConnectorError(find(variant, 'yesterday'), 'REJECTED');
  });

  it('never takes another account’s status, and finds the account’s own private and direct ones', async () => {
    const text = 'Texte partagé par deux comptes';
    server.postAs('someone-else', text);
    expect(await find({ text })).toBeNull();
    const direct = await connector.publish(ctx(), credentials, {
      variant: { text: 'Message direct', options: { visibility: 'direct' } },
      idempotencyKey: 'dm-1',
    });
    expect(await find({ text: 'Message direct', options: { visibility: 'direct' } })).toEqual(direct);
  });

  it('lists the thread parts found, up to the first missing one; publishing again completes the thread', async () => {
    const real = createHttpClient({ timeoutMs: 5000 });
    let posts = 0;
    const stopsAfterFirst: HttpClient = {
      async request(request) {
        if (request.method === 'POST' && request.url.endsWith('/api/v1/statuses') && ++posts > 1)
          throw new ConnectorError('TRANSIENT', 'connection refused');
        return real.request(request);
      },
    };
    const variant = { text: 'Fil 1/3', thread: [{ text: 'Fil 2/3' }, { text: 'Fil 3/3' }] };
    await expectConnectorError(
      connector.publish({ http: stopsAfterFirst }, credentials, { variant, idempotencyKey: 'thread-1' }),
      'TRANSIENT',
    );
    const partial = await find(variant);
    expect(partial?.threadIds).toBeUndefined();
    // A status with the next text that does not reply to the first part is not a thread part.
    server.postAs(AGENCY, 'Fil 2/3');
    expect((await find(variant))?.threadIds).toBeUndefined();
    const complete = await connector.publish(ctx(), credentials, { variant, idempotencyKey: 'thread-1' });
    expect(complete.externalId).toBe(partial?.externalId);
    expect(await find(variant)).toEqual(complete);
    expect(complete.threadIds).toHaveLength(2);
  });

  it('pages back to publishedAfter, and says it cannot tell (UNKNOWN) past its page bound', async () => {
    const variant = { text: 'Le post recherché' };
    const post = await connector.publish(ctx(), credentials, { variant, idempotencyKey: 'deep-1' });
    for (let i = 0; i < 100; i++) server.postAs(AGENCY, `Plus récent ${i}`);
    expect(await find(variant)).toEqual(post);
    // 101 statuses: three pages of 40, the last one short (no next link).
    expect(listings()).toHaveLength(3);
    expect(listings().every((request) => request.params.limit === '40' && request.params.exclude_reblogs === 'true')).toBe(true);
    const bounded = new MastodonConnector({ findPublishedMaxPages: 2 });
    const error = await expectConnectorError(find(variant, undefined, credentials, bounded), 'UNKNOWN');
    expect(error.message).toMatch(/more than 80 statuses since .*cannot tell/);
  });

  it('stops reading at publishedAfter: older statuses cost no further page', async () => {
    for (let i = 0; i < 90; i++) {
      const { id } = server.postAs(AGENCY, `Ancien ${i}`);
      server.backdate(id, minutesAgo(120 - i));
    }
    const variant = { text: 'Récent' };
    const post = await connector.publish(ctx(), credentials, { variant, idempotencyKey: 'recent-1' });
    expect(await find(variant)).toEqual(post);
    expect(listings()).toHaveLength(1);
  });

  it('a failing instance is an error, never a null', async () => {
    server.inject({ type: 'status', status: 500, body: { error: 'boom' } }, 1, /statuses$/);
    await expectConnectorError(find({ text: 'x' }), 'TRANSIENT');
    server.inject({ type: 'rate-limited', retryAfterSeconds: 30 }, 1, /statuses$/);
    const limited = await expectConnectorError(find({ text: 'x' }), 'RATE_LIMITED');
    expect(limited.retryAfterSeconds).toBe(30);
    await expectConnectorError(
      find({ text: 'x' }, undefined, { serviceUrl: server.baseUrl, secrets: { accessToken: 'revoked', accountId: '100' } }),
      'AUTH_EXPIRED',
    );
  });
});
