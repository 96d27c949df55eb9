import { randomBytes } from 'node:crypto';
import { createHttpClient } from '@socle/connector-sdk';
import type { ConnectorContext, ConnectorLogger, Credentials, HttpClient, Mention } from '@socle/connector-sdk';
import type { InjectedFailure, LoopbackServer } from '@socle/connector-sdk/testing';
import { BlueskyConnector } from './bluesky.connector';
import { BlueskyDevNetwork, DevAccount, startFaultProxy } from '../test/bluesky-dev-network';

// Mentions, replies, search and metrics need the AppView: the full dev-env network.
describe('Bluesky connector: listening and metrics (PDS + AppView)', () => {
  const connector = new BlueskyConnector();
  const ctx = (): ConnectorContext => ({ http: createHttpClient({ timeoutMs: 5000 }) });
  let dev: BlueskyDevNetwork;
  let brand: DevAccount;
  let fan: DevAccount;
  let brandCredentials: Credentials;
  let fanCredentials: Credentials;
  let keyCounter = 0;

  const signIn = (account: DevAccount) =>
    connector.authorize(ctx(), { serviceUrl: dev.pdsUrl, fields: { identifier: account.handle, appPassword: account.appPassword } });
  const post = (credentials: Credentials, text: string, inReplyTo?: string) =>
    connector.publish(ctx(), credentials, { variant: { text }, idempotencyKey: `listen-${++keyCounter}`, inReplyTo });

  async function collect(query: { keywords?: string[]; limit: number }): Promise<{ items: Mention[]; pages: number }> {
    const items: Mention[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await connector.fetchMentions(ctx(), brandCredentials, { ...query, cursor });
      pages++;
      items.push(...page.items);
      cursor = page.items.length ? page.cursor : undefined;
    } while (cursor && pages < 50);
    return { items, pages };
  }

  // PLC, PDS, AppView and Ozone start in ~20 s, far longer on a loaded machine.
  beforeAll(async () => {
    dev = await BlueskyDevNetwork.start();
    brand = await dev.createAccount('brand');
    fan = await dev.createAccount('fan');
    brandCredentials = await signIn(brand);
    fanCredentials = await signIn(fan);
  }, 120_000);
  afterAll(async () => {
    await dev?.close();
  });

  it('returns mentions and replies from notifications, paged with a cursor, each once, newest first', async () => {
    const original = await post(brandCredentials, 'Notre nouvelle collection est en ligne');
    for (let i = 1; i <= 5; i++) await post(fanCredentials, `Salut @${brand.handle} question ${i}`);
    const reply = await post(fanCredentials, 'Superbe, bravo !', original.externalId);
    // A like is a notification too, but neither a mention nor a reply.
    const { uri, cid } = await dev.xrpc<{ uri: string; cid: string }>('com.atproto.repo.getRecord', {
      params: { repo: brand.did, collection: 'app.bsky.feed.post', rkey: original.externalId.split('/').pop() as string },
    });
    await dev.xrpc('com.atproto.repo.createRecord', {
      token: fanCredentials.secrets.accessJwt,
      body: {
        repo: fan.did,
        collection: 'app.bsky.feed.like',
        record: { $type: 'app.bsky.feed.like', subject: { uri, cid }, createdAt: new Date().toISOString() },
      },
    });
    await dev.processAll();

    const { items, pages } = await collect({ limit: 2 });
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(new Set(items.map((item) => item.externalId)).size).toBe(items.length);
    expect(items).toHaveLength(6);
    expect(items[0]).toMatchObject({
      externalId: reply.externalId,
      text: 'Superbe, bravo !',
      authorHandle: fan.handle,
      inReplyTo: original.externalId,
    });
    expect(items.filter((item) => item.text.startsWith(`Salut @${brand.handle}`)).map((item) => item.text)).toEqual(
      [5, 4, 3, 2, 1].map((i) => `Salut @${brand.handle} question ${i}`),
    );
    for (const item of items) expect(item.url).toMatch(/^https:\/\/bsky\.app\/profile\/did:plc:[a-z0-9]+\/post\/[a-z0-9]+$/);
  });

  it('searches keywords one after the other without returning a post twice', async () => {
    await post(fanCredentials, 'Le croissant du matin');
    await post(fanCredentials, 'Un café et un croissant');
    await post(fanCredentials, 'Un café serré');
    await post(brandCredentials, 'Rien à voir');
    await dev.processAll();
    const { items } = await collect({ keywords: ['croissant', 'café'], limit: 1 });
    expect(items.map((item) => item.text).sort()).toEqual(['Le croissant du matin', 'Un café et un croissant', 'Un café serré'].sort());
  });

  it('reads likes, reposts, replies and quotes per post; unknown posts are left out', async () => {
    const mine = await post(brandCredentials, 'Mesurez-moi');
    await dev.processAll();
    const { cid } = await dev.xrpc<{ cid: string }>('com.atproto.repo.getRecord', {
      params: { repo: brand.did, collection: 'app.bsky.feed.post', rkey: mine.externalId.split('/').pop() as string },
    });
    const subject = { uri: mine.externalId, cid };
    const write = (collection: string, record: Record<string, unknown>) =>
      dev.xrpc('com.atproto.repo.createRecord', {
        token: fanCredentials.secrets.accessJwt,
        body: { repo: fan.did, collection, record: { $type: collection, createdAt: new Date().toISOString(), ...record } },
      });
    await write('app.bsky.feed.like', { subject });
    await write('app.bsky.feed.repost', { subject });
    await write('app.bsky.feed.post', { text: 'Je cite', embed: { $type: 'app.bsky.embed.record', record: subject } });
    await post(fanCredentials, 'Une réponse', mine.externalId);
    await post(fanCredentials, 'Une autre réponse', mine.externalId);
    await dev.processAll();

    const missing = `at://${brand.did}/app.bsky.feed.post/3zzzzzzzzzzzz`;
    const metrics = await connector.fetchMetrics(ctx(), brandCredentials, [mine.externalId, missing]);
    expect(metrics).toHaveLength(1);
    expect(metrics[0]).toMatchObject({ externalId: mine.externalId, likes: 1, reposts: 1, replies: 2, quotes: 1 });
    expect(Number.isNaN(Date.parse(metrics[0].fetchedAt))).toBe(false);

    const comments = await connector.fetchComments(ctx(), brandCredentials, mine.externalId);
    expect(comments.items.map((item) => item.text)).toEqual(['Une réponse', 'Une autre réponse']);
    expect(comments.items.every((item) => item.inReplyTo === mine.externalId)).toBe(true);
  });

  describe("authors' reach", () => {
    const keyword = `portee${Array.from(randomBytes(8), (b) => 'abcdefghijklmnopqrstuvwxyz'[b % 26]).join('')}`;
    /** Who wrote about the keyword, and how many followers each has. */
    const authors: Array<{ account: DevAccount; followers: number }> = [];
    let proxy: LoopbackServer;

    const follow = (follower: Credentials, subject: DevAccount) =>
      dev.xrpc('com.atproto.repo.createRecord', {
        token: follower.secrets.accessJwt,
        body: {
          repo: follower.secrets.did,
          collection: 'app.bsky.graph.follow',
          record: { $type: 'app.bsky.graph.follow', subject: subject.did, createdAt: new Date().toISOString() },
        },
      });
    /** A context whose requests are recorded, and which can arm a failure for the request after a search answered. */
    const recorded = (options: { afterSearch?: InjectedFailure; logger?: ConnectorLogger } = {}) => {
      const urls: string[] = [];
      // The request the failure is served to gives up after 3 s (a slow answer takes 6); the others have the time a
      // loaded machine may need (the proxy lets the AppView index everything before each read).
      const failing = createHttpClient({ timeoutMs: 3000 });
      const patient = createHttpClient({ timeoutMs: 15_000 });
      let armed = false;
      const http: HttpClient = {
        async request(req) {
          urls.push(req.url);
          const client = armed ? failing : patient;
          armed = false;
          const res = await client.request(req);
          if (options.afterSearch && req.url.includes('/xrpc/app.bsky.feed.searchPosts')) {
            proxy.inject(options.afterSearch);
            armed = true;
          }
          return res;
        },
      };
      return { ctx: { http, logger: options.logger } satisfies ConnectorContext, urls };
    };

    // 27 authors (more than one getProfiles call holds): one with two followers, one with one, the others with none.
    beforeAll(async () => {
      for (let i = 0; i < 27; i++) {
        const account = await dev.createAccount(`crowd${i}${keyword.slice(-4)}`);
        const credentials = await signIn(account);
        await post(credentials, `Un mot sur ${keyword} numéro ${i}`);
        authors.push({ account, followers: 0 });
      }
      // One follow indexed at a time: the AppView counts a subject's followers in the transaction that indexes a
      // follow, so two follows of one subject indexed at once can each count one and leave the count at 1.
      for (const [follower, subject] of [
        [brandCredentials, authors[3]],
        [fanCredentials, authors[3]],
        [brandCredentials, authors[26]],
      ] as const) {
        await follow(follower, subject.account);
        await dev.processAll();
        subject.followers += 1;
      }
      proxy = await startFaultProxy(dev);
    }, 120_000);
    afterAll(async () => {
      await proxy?.close();
    });

    const reachByAuthor = (items: Mention[]) => Object.fromEntries(items.map((item) => [item.authorHandle, item.authorReach]));

    it('fills authorReach from the profiles, 25 actors per getProfiles call, one batch per page', async () => {
      const { ctx: recording, urls } = recorded();
      const page = await connector.fetchMentions(recording, brandCredentials, { keywords: [keyword], limit: 100 });
      expect(page.items).toHaveLength(27);
      expect(reachByAuthor(page.items)).toEqual(Object.fromEntries(authors.map((a) => [a.account.handle, a.followers])));
      const profileCalls = urls.filter((url) => url.includes('/xrpc/app.bsky.actor.getProfiles'));
      expect(profileCalls).toHaveLength(2);
      expect(profileCalls.map((url) => new URL(url).searchParams.getAll('actors').length).sort()).toEqual([2, 25]);

      // Pages of 10: each page's authors in one call of their own.
      const small = recorded();
      const first = await connector.fetchMentions(small.ctx, brandCredentials, { keywords: [keyword], limit: 10 });
      expect(first.items).toHaveLength(10);
      expect(first.items.every((item) => Number.isInteger(item.authorReach))).toBe(true);
      expect(small.urls.filter((url) => url.includes('/xrpc/app.bsky.actor.getProfiles'))).toHaveLength(1);
    });

    it('still returns the mentions when getProfiles fails, without reach for the authors it could not read', async () => {
      const warnings: Array<{ message: string; fields?: Record<string, unknown> }> = [];
      const logger: ConnectorLogger = {
        debug: () => undefined,
        info: () => undefined,
        warn: (message, fields) => warnings.push({ message, fields }),
        error: () => undefined,
      };
      const viaProxy = await connector.authorize(ctx(), {
        serviceUrl: proxy.baseUrl,
        fields: { identifier: brand.handle, appPassword: brand.appPassword },
      });
      for (const failure of [
        { type: 'html-error', status: 502 },
        { type: 'reset' },
        { type: 'slow', delayMs: 6000 },
        { type: 'status', status: 200, body: { profiles: 'not a list' } },
        {
          type: 'status',
          status: 200,
          body: {
            profiles: [
              { did: authors[0].account.did, followersCount: -4 },
              { did: authors[1].account.did, followersCount: '9' },
              { did: authors[2].account.did, followersCount: 1e300 },
              { did: authors[4].account.did, followersCount: 2.5 },
              { did: null, followersCount: 7 },
              'not a profile',
              null,
            ],
          },
        },
      ] satisfies InjectedFailure[]) {
        const { ctx: failing } = recorded({ afterSearch: failure, logger });
        const page = await connector.fetchMentions(failing, viaProxy, { keywords: [keyword], limit: 100 });
        expect(page.items).toHaveLength(27);
        // The first call (25 authors) failed; the second (2 authors) was read.
        const withReach = page.items.filter((item) => item.authorReach !== undefined);
        expect(withReach).toHaveLength(2);
        expect(page.items.filter((item) => item.authorReach === undefined).length).toBe(25);
        proxy.clearInjections();
      }
      // Three failures logged by kind, without the network's answer or any credential.
      expect(warnings.map((w) => w.fields?.kind)).toEqual(['TRANSIENT', 'TRANSIENT', 'TRANSIENT']);
      expect(JSON.stringify(warnings)).not.toContain(viaProxy.secrets.accessJwt);
    }, 30_000);
  });

  it("reads the account's followers, follows and posts from its profile", async () => {
    const before = await connector.fetchAccountMetrics(ctx(), brandCredentials);
    await dev.xrpc('com.atproto.repo.createRecord', {
      token: fanCredentials.secrets.accessJwt,
      body: {
        repo: fan.did,
        collection: 'app.bsky.graph.follow',
        record: { $type: 'app.bsky.graph.follow', subject: brand.did, createdAt: new Date().toISOString() },
      },
    });
    await post(brandCredentials, 'Un post de plus');
    await dev.processAll();
    const after = await connector.fetchAccountMetrics(ctx(), brandCredentials);
    expect(after.followers).toBe(before.followers + 1);
    expect(after.posts).toBe((before.posts ?? 0) + 1);
    expect(Number.isInteger(after.following)).toBe(true);
    expect(Number.isNaN(Date.parse(after.fetchedAt))).toBe(false);
  });
});
