import sharp from 'sharp';
import { ConnectorError, createHttpClient } from '@socle/connector-sdk';
import type { ConnectorContext, Credentials, HttpClient } from '@socle/connector-sdk';
import { expectConnectorError, makePng } from '@socle/connector-sdk/testing';
import { BlueskyConnector } from './bluesky.connector';
import { recordKeyFor } from './record-key';
import { BlueskyDevNetwork, DevAccount } from '../test/bluesky-dev-network';

// Publishing, deleting and signing in against a real PDS (dev-env, no AppView).
describe('Bluesky connector against a PDS', () => {
  const connector = new BlueskyConnector();
  const ctx = (): ConnectorContext => ({ http: createHttpClient({ timeoutMs: 5000 }) });
  let dev: BlueskyDevNetwork;
  let brand: DevAccount;
  let friend: DevAccount;
  let credentials: Credentials;

  const record = (uri: string) => {
    const [, repo, collection, rkey] = /^at:\/\/([^/]+)\/([^/]+)\/(.+)$/.exec(uri) ?? [];
    return dev.xrpc<{ uri: string; cid: string; value: Record<string, unknown> }>('com.atproto.repo.getRecord', {
      params: { repo, collection, rkey },
    });
  };
  const signIn = (account: DevAccount, password = account.appPassword) =>
    connector.authorize(ctx(), { serviceUrl: dev.pdsUrl, fields: { identifier: account.handle, appPassword: password } });

  beforeAll(async () => {
    dev = await BlueskyDevNetwork.start({ appView: false });
    brand = await dev.createAccount('brand');
    friend = await dev.createAccount('amelie');
    credentials = await signIn(brand);
  }, 120_000);
  afterAll(async () => {
    await dev?.close();
  });

  describe('sign-in', () => {
    it('signs in with handle + app password and reports when the access token expires', async () => {
      const issued = await signIn(brand);
      expect(issued.serviceUrl).toBe(dev.pdsUrl);
      expect(issued.secrets.did).toBe(brand.did);
      expect(issued.secrets.handle).toBe(brand.handle);
      expect(issued.secrets.accessJwt).toMatch(/^ey/);
      expect(Date.parse(issued.expiresAt ?? '')).toBeGreaterThan(Date.now());
    });

    it('refuses the main account password (an app password is required)', async () => {
      const error = await expectConnectorError(signIn(brand, brand.password), 'REJECTED');
      expect(error.networkReason).toBe('not an app password');
    });

    it('reports a wrong password as AUTH_EXPIRED with the PDS reason', async () => {
      const error = await expectConnectorError(signIn(brand, 'aaaa-bbbb-cccc-dddd'), 'AUTH_EXPIRED');
      expect(error.networkReason).toMatch(/Invalid identifier or password/);
    });

    it('refreshes an expired access token; the old token fails with AUTH_EXPIRED', async () => {
      const session = await signIn(brand);
      const expired = {
        ...session,
        secrets: { ...session.secrets, accessJwt: BlueskyDevNetwork.expiredAccessJwt(session.secrets.accessJwt) },
      };
      const error = await expectConnectorError(
        connector.publish(ctx(), expired, { variant: { text: 'expired' }, idempotencyKey: 'expired-1' }),
        'AUTH_EXPIRED',
      );
      expect(error.networkReason).toMatch(/ExpiredToken/);
      const refreshed = await connector.refresh(ctx(), expired);
      expect(refreshed.secrets.refreshJwt).not.toBe(session.secrets.refreshJwt);
      const post = await connector.publish(ctx(), refreshed, { variant: { text: 'after refresh' }, idempotencyKey: 'refreshed-1' });
      expect((await record(post.externalId)).value.text).toBe('after refresh');
    });

    it('a revoked or invalid refresh token is AUTH_EXPIRED', async () => {
      const session = await signIn(brand);
      await dev.xrpc('com.atproto.server.deleteSession', { token: session.secrets.refreshJwt });
      await expectConnectorError(connector.refresh(ctx(), session), 'AUTH_EXPIRED');
      await expectConnectorError(
        connector.refresh(ctx(), { ...session, secrets: { ...session.secrets, refreshJwt: 'not-a-token' } }),
        'AUTH_EXPIRED',
      );
    });
  });

  describe('publish', () => {
    it('publishes text with mention, link and tag facets at UTF-8 byte offsets', async () => {
      const text = `Merci @${friend.handle} ✨ — lisez https://socle.example/blog?x=1 #lancement`;
      const post = await connector.publish(ctx(), credentials, {
        variant: { text, options: { language: 'fr' } },
        idempotencyKey: 'facets-1',
      });
      expect(post.externalId).toMatch(new RegExp(`^at://${brand.did}/app\\.bsky\\.feed\\.post/`));
      expect(post.url).toBe(`https://bsky.app/profile/${brand.did}/post/${post.externalId.split('/').pop()}`);
      const { value } = await record(post.externalId);
      expect(value.text).toBe(text);
      expect(value.langs).toEqual(['fr']);
      const facets = value.facets as Array<{ index: { byteStart: number; byteEnd: number }; features: Array<Record<string, string>> }>;
      const bytes = Buffer.from(text, 'utf8');
      expect(
        facets.map((facet) => [bytes.subarray(facet.index.byteStart, facet.index.byteEnd).toString('utf8'), facet.features[0]]),
      ).toEqual([
        [`@${friend.handle}`, { $type: 'app.bsky.richtext.facet#mention', did: friend.did }],
        ['https://socle.example/blog?x=1', { $type: 'app.bsky.richtext.facet#link', uri: 'https://socle.example/blog?x=1' }],
        ['#lancement', { $type: 'app.bsky.richtext.facet#tag', tag: 'lancement' }],
      ]);
    });

    it('keeps a mention of an unknown handle as plain text', async () => {
      const post = await connector.publish(ctx(), credentials, { variant: { text: 'Bonjour @ghost.test !' }, idempotencyKey: 'ghost-1' });
      expect((await record(post.externalId)).value.facets).toBeUndefined();
    });

    it('uploads images and embeds them with their alt text and the aspect ratio read from their headers', async () => {
      // A portrait photo as phones store it: 7x5 pixels turned a quarter by its EXIF orientation, so displayed 5x7.
      const photo = new Uint8Array(
        await sharp({ create: { width: 7, height: 5, channels: 3, background: { r: 9, g: 9, b: 9 } } })
          .jpeg()
          .withMetadata({ orientation: 6 })
          .toBuffer(),
      );
      const damaged = new TextEncoder().encode('RIFF\0\0\0\0WEBPXXXX not a real image');
      const post = await connector.publish(ctx(), credentials, {
        variant: {
          text: 'Trois images',
          media: [
            { mimeType: 'image/png', data: makePng(4, 3), altText: 'Un carré rose' },
            { mimeType: 'image/jpeg', data: photo },
            { mimeType: 'image/webp', data: damaged },
          ],
        },
        idempotencyKey: 'images-1',
      });
      const embed = (await record(post.externalId)).value.embed as {
        $type: string;
        images: Array<{ alt: string; image: { mimeType: string; size: number }; aspectRatio?: { width: number; height: number } }>;
      };
      expect(embed.$type).toBe('app.bsky.embed.images');
      expect(embed.images.map((image) => [image.alt, image.image.mimeType, image.aspectRatio])).toEqual([
        ['Un carré rose', 'image/png', { width: 4, height: 3 }],
        ['', 'image/jpeg', { width: 5, height: 7 }],
        // An unreadable header: no aspect ratio rather than a wrong one, and the post is still made.
        ['', 'image/webp', undefined],
      ]);
      expect(Object.keys(embed.images[2])).not.toContain('aspectRatio');
      expect(embed.images[0].image.size).toBe(makePng(4, 3).byteLength);
    });

    it('publishes links without a scheme, cashtags, and no tag for the keycap emoji, as the Bluesky app does', async () => {
      const text = '#️⃣ Nos offres : www.example.fr/offres ! $AAPL monte, pas $5. #recrutement';
      const post = await connector.publish(ctx(), credentials, { variant: { text }, idempotencyKey: 'facets-2' });
      const facets = (await record(post.externalId)).value.facets as Array<{
        index: { byteStart: number; byteEnd: number };
        features: unknown[];
      }>;
      const bytes = Buffer.from(text, 'utf8');
      expect(
        facets.map((facet) => [bytes.subarray(facet.index.byteStart, facet.index.byteEnd).toString('utf8'), facet.features[0]]),
      ).toEqual([
        ['www.example.fr/offres', { $type: 'app.bsky.richtext.facet#link', uri: 'https://www.example.fr/offres' }],
        ['$AAPL', { $type: 'app.bsky.richtext.facet#tag', tag: '$AAPL' }],
        ['#recrutement', { $type: 'app.bsky.richtext.facet#tag', tag: 'recrutement' }],
      ]);
    });

    it('publishes a thread: each part replies to the previous one, all under the same root', async () => {
      const post = await connector.publish(ctx(), credentials, {
        variant: { text: 'Fil 1/3', thread: [{ text: 'Fil 2/3' }, { text: 'Fil 3/3' }] },
        idempotencyKey: 'thread-1',
      });
      const [secondUri, thirdUri] = post.threadIds ?? [];
      expect(post.threadIds).toHaveLength(2);
      const root = await record(post.externalId);
      const second = await record(secondUri);
      const third = await record(thirdUri);
      expect(root.value.reply).toBeUndefined();
      expect(second.value.reply).toEqual({ root: { uri: root.uri, cid: root.cid }, parent: { uri: root.uri, cid: root.cid } });
      expect(third.value.reply).toEqual({ root: { uri: root.uri, cid: root.cid }, parent: { uri: second.uri, cid: second.cid } });
    });

    it('replies to a reply with the thread root kept as root', async () => {
      const friendCredentials = await signIn(friend);
      const original = await connector.publish(ctx(), friendCredentials, { variant: { text: 'Une question ?' }, idempotencyKey: 'q-1' });
      const first = await connector.reply(ctx(), credentials, original.externalId, { text: 'Réponse' }, 'reply-1');
      const second = await connector.reply(ctx(), friendCredentials, first.externalId, { text: 'Merci' }, 'reply-2');
      const originalRecord = await record(original.externalId);
      const firstRecord = await record(first.externalId);
      expect((await record(second.externalId)).value.reply).toEqual({
        root: { uri: originalRecord.uri, cid: originalRecord.cid },
        parent: { uri: firstRecord.uri, cid: firstRecord.cid },
      });
    });

    it('the same idempotency key returns the same post and creates no second one', async () => {
      const before = (await dev.postUris(brand.did)).length;
      const request = { variant: { text: 'Une seule fois' }, idempotencyKey: 'once-1' };
      const first = await connector.publish(ctx(), credentials, request);
      const second = await connector.publish(ctx(), credentials, request);
      expect(second).toEqual(first);
      expect(first.externalId.endsWith(`/${recordKeyFor('once-1')}`)).toBe(true);
      expect((await dev.postUris(brand.did)).length).toBe(before + 1);
    });

    it('a lost answer (the post was made, the answer never arrived) yields that post, and a retry too', async () => {
      const real = createHttpClient({ timeoutMs: 5000 });
      let dropped = 0;
      const losing: HttpClient = {
        async request(request) {
          const response = await real.request(request);
          if (request.url.includes('com.atproto.repo.createRecord') && dropped === 0) {
            dropped++;
            throw new ConnectorError('TRANSIENT', 'connection reset after the request was sent');
          }
          return response;
        },
      };
      const before = (await dev.postUris(brand.did)).length;
      const request = { variant: { text: 'Réponse perdue' }, idempotencyKey: 'lost-1' };
      // The connector looks for the record its key names and finds the post it made.
      const first = await connector.publish({ http: losing }, credentials, request);
      expect(dropped).toBe(1);
      expect((await record(first.externalId)).value.text).toBe('Réponse perdue');
      const retried = await connector.publish(ctx(), credentials, request);
      expect(retried.externalId).toBe(first.externalId);
      expect((await dev.postUris(brand.did)).length).toBe(before + 1);
    });

    it('refuses an idempotency key already used for a different text', async () => {
      await connector.publish(ctx(), credentials, { variant: { text: 'Premier texte' }, idempotencyKey: 'reused-1' });
      const error = await expectConnectorError(
        connector.publish(ctx(), credentials, { variant: { text: 'Autre texte' }, idempotencyKey: 'reused-1' }),
        'REJECTED',
      );
      expect(error.networkReason).toBe('idempotency key reused');
    });

    it('validates before sending: 300 graphemes pass, 301 do not, nothing reaches the PDS', async () => {
      const accented = 'e\u0301'; // one grapheme, two code points, three bytes
      expect(connector.validate({ text: accented.repeat(300) })).toEqual([]);
      expect(connector.validate({ text: accented.repeat(301) }).map((violation) => violation.rule)).toEqual(['text.too-long']);
      // 200 family emoji are 200 graphemes but 3600 bytes: over the 3000-byte bound.
      expect(connector.validate({ text: '👩‍👩‍👧'.repeat(200) }).map((violation) => violation.rule)).toEqual(['text.too-many-bytes']);
      const before = (await dev.postUris(brand.did)).length;
      await expectConnectorError(
        connector.publish(ctx(), credentials, { variant: { text: 'x'.repeat(301) }, idempotencyKey: 'long-1' }),
        'REJECTED',
      );
      const gif = connector.validate({ text: 'gif', media: [{ mimeType: 'image/gif', data: new Uint8Array([1]) }] });
      expect(gif.map((violation) => violation.rule)).toEqual(['media.type']);
      expect((await dev.postUris(brand.did)).length).toBe(before);
    });

    it('maps a PDS refusal to REJECTED with its reason', async () => {
      const error = await expectConnectorError(
        connector.reply(
          ctx(),
          credentials,
          `at://${brand.did}/app.bsky.feed.post/${recordKeyFor('never-published')}`,
          { text: 'x' },
          'orphan-1',
        ),
        'REJECTED',
      );
      expect(error.networkReason).toMatch(/Could not locate record|RecordNotFound/);
    });
  });

  describe('findPublished', () => {
    const find = (key: string, variant: { text: string; thread?: { text: string }[] }, creds = credentials) =>
      connector.findPublished(ctx(), creds, { idempotencyKey: key, variant });

    it('finds the post a key published, and null for a fresh key, without creating anything', async () => {
      const variant = { text: 'Déjà publié ?' };
      const post = await connector.publish(ctx(), credentials, { variant, idempotencyKey: 'find-1' });
      const before = (await dev.postUris(brand.did)).length;
      expect(await find('find-1', variant)).toEqual(post);
      expect(await find('find-never-published', variant)).toBeNull();
      expect((await dev.postUris(brand.did)).length).toBe(before);
    });

    it('finds a post whose publish died after the PDS made it (answer and look-up both lost)', async () => {
      const real = createHttpClient({ timeoutMs: 5000 });
      const dying: HttpClient = {
        async request(request) {
          if (request.url.includes('com.atproto.repo.createRecord')) {
            await real.request(request);
            throw new ConnectorError('TRANSIENT', 'connection reset after the request was sent');
          }
          if (request.url.includes('com.atproto.repo.getRecord')) throw new ConnectorError('TRANSIENT', 'connection reset');
          return real.request(request);
        },
      };
      const variant = { text: 'Le worker est mort ici' };
      const before = (await dev.postUris(brand.did)).length;
      await expectConnectorError(connector.publish({ http: dying }, credentials, { variant, idempotencyKey: 'died-1' }), 'TRANSIENT');
      expect((await dev.postUris(brand.did)).length).toBe(before + 1);
      const found = await find('died-1', variant);
      expect(found?.externalId).toBe(`at://${brand.did}/app.bsky.feed.post/${recordKeyFor('died-1')}`);
      expect((await record(found?.externalId as string)).value.text).toBe('Le worker est mort ici');
    });

    it('lists the thread parts found, up to the first missing one; publishing again completes the thread', async () => {
      const real = createHttpClient({ timeoutMs: 5000 });
      let creates = 0;
      const stopsAfterFirst: HttpClient = {
        async request(request) {
          if (request.url.includes('com.atproto.repo.createRecord') && ++creates > 1)
            throw new ConnectorError('TRANSIENT', 'connection refused');
          return real.request(request);
        },
      };
      const variant = { text: 'Fil A 1/3', thread: [{ text: 'Fil A 2/3' }, { text: 'Fil A 3/3' }] };
      await expectConnectorError(
        connector.publish({ http: stopsAfterFirst }, credentials, { variant, idempotencyKey: 'find-thread-1' }),
        'TRANSIENT',
      );
      const partial = await find('find-thread-1', variant);
      expect(partial?.externalId).toBe(`at://${brand.did}/app.bsky.feed.post/${recordKeyFor('find-thread-1', 0)}`);
      expect(partial?.threadIds).toBeUndefined();
      const complete = await connector.publish(ctx(), credentials, { variant, idempotencyKey: 'find-thread-1' });
      expect(complete.externalId).toBe(partial?.externalId);
      expect(await find('find-thread-1', variant)).toEqual(complete);
      expect(complete.threadIds).toHaveLength(2);
    });

    it('a deleted post is not found; a key used for another text is REJECTED', async () => {
      const post = await connector.publish(ctx(), credentials, { variant: { text: 'Bientôt supprimé' }, idempotencyKey: 'find-deleted-1' });
      await connector.delete(ctx(), credentials, post.externalId);
      expect(await find('find-deleted-1', { text: 'Bientôt supprimé' })).toBeNull();
      await connector.publish(ctx(), credentials, { variant: { text: 'Texte A' }, idempotencyKey: 'find-other-1' });
      const error = await expectConnectorError(find('find-other-1', { text: 'Texte B' }), 'REJECTED');
      expect(error.networkReason).toBe('idempotency key reused');
    });

    it('cannot tell when the PDS does not answer: the error is thrown, never null', async () => {
      const unreachable: HttpClient = {
        async request() {
          throw new ConnectorError('TRANSIENT', 'connection refused');
        },
      };
      await expectConnectorError(
        connector.findPublished({ http: unreachable }, credentials, { idempotencyKey: 'find-1', variant: { text: 'x' } }),
        'TRANSIENT',
      );
      await expectConnectorError(
        connector.findPublished(ctx(), { ...credentials, secrets: {} }, { idempotencyKey: 'find-1', variant: { text: 'x' } }),
        'AUTH_EXPIRED',
      );
    });
  });

  describe('delete', () => {
    it('deletes a post; deleting it again succeeds; another account’s post is refused', async () => {
      const post = await connector.publish(ctx(), credentials, { variant: { text: 'À supprimer' }, idempotencyKey: 'delete-1' });
      await connector.delete(ctx(), credentials, post.externalId);
      expect(await dev.postUris(brand.did)).not.toContain(post.externalId);
      await expect(connector.delete(ctx(), credentials, post.externalId)).resolves.toBeUndefined();
      const theirs = await connector.publish(ctx(), await signIn(friend), { variant: { text: 'À moi' }, idempotencyKey: 'theirs-1' });
      await expectConnectorError(connector.delete(ctx(), credentials, theirs.externalId), 'REJECTED');
      expect(await dev.postUris(friend.did)).toContain(theirs.externalId);
    });
  });
});
