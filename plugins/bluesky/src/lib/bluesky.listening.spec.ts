import { createHttpClient } from '@socle/connector-sdk';
import type { ConnectorContext, Credentials, Mention } from '@socle/connector-sdk';
import { BlueskyConnector } from './bluesky.connector';
import { BlueskyDevNetwork, DevAccount } from '../test/bluesky-dev-network';

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
