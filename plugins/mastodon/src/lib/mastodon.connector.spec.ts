import { createHash } from 'node:crypto';
import type { Credentials, Mention } from '@socle/connector-sdk';
import { expectConnectorError } from '@socle/connector-sdk/testing';
import { MastodonConnector } from './mastodon.connector';
import { buildMastodonAuthorizeUrl, registerMastodonApp } from './oauth';
import { MastodonTestServer } from '../test/mastodon-test-server';
import { AGENCY, approve, REDIRECT_URI, testContext, tokenCredentials } from '../test/fixtures';

describe('Mastodon connector against the loopback instance', () => {
  const connector = new MastodonConnector({ mediaPollIntervalMs: 5 });
  // Five seconds: the suite runs beside others on a loaded machine, where the instance's first answers took over one second.
  // The stall test below uses its own short timeout.
  const ctx = (timeoutMs = 5000) => testContext(timeoutMs);
  let server: MastodonTestServer;
  let credentials: Credentials;
  let key = 0;
  const publish = (text: string, extra: { options?: Record<string, string | boolean>; inReplyTo?: string } = {}) =>
    connector.publish(ctx(), credentials, {
      variant: { text, options: extra.options },
      idempotencyKey: `spec-${++key}`,
      inReplyTo: extra.inReplyTo,
    });

  beforeEach(async () => {
    server = await MastodonTestServer.start({ tokenLifetimeSeconds: 7200, mediaProcessingPolls: 2 });
    credentials = tokenCredentials(server);
  });
  afterEach(async () => {
    await server.close();
  });

  describe('auth', () => {
    it('registers an app, builds the authorize URL and exchanges the code (with PKCE)', async () => {
      const app = await registerMastodonApp(ctx(), `${server.baseUrl}/`, {
        clientName: 'Socle',
        redirectUris: [REDIRECT_URI],
        website: 'https://socle.example',
      });
      expect(app).toMatchObject({ instanceUrl: server.baseUrl, redirectUris: [REDIRECT_URI], scopes: ['read', 'write'] });
      const verifier = 'a-code-verifier-that-is-long-enough-to-be-valid-0123456789';
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      const url = new URL(
        buildMastodonAuthorizeUrl(server.baseUrl, {
          clientId: app.clientId,
          redirectUri: REDIRECT_URI,
          state: 'xyz',
          codeChallenge: challenge,
        }),
      );
      expect(Object.fromEntries(url.searchParams)).toMatchObject({
        response_type: 'code',
        client_id: app.clientId,
        scope: 'read write',
        state: 'xyz',
        code_challenge_method: 'S256',
      });
      server.signIn('camille');
      const { code, state } = await approve(url.toString());
      expect(state).toBe('xyz');
      const issued = await connector.authorize(ctx(), {
        serviceUrl: server.baseUrl,
        redirectUri: REDIRECT_URI,
        fields: { code, clientId: app.clientId, clientSecret: app.clientSecret, codeVerifier: verifier },
      });
      expect(issued.secrets).toMatchObject({ username: 'camille', clientId: app.clientId });
      expect(issued.secrets.refreshToken).toBeTruthy();
      expect(Date.parse(issued.expiresAt ?? '') - Date.now()).toBeGreaterThan(7000 * 1000);
      const post = await connector.publish(ctx(), issued, { variant: { text: 'Bonjour' }, idempotencyKey: 'oauth-1' });
      expect(post.url).toBe(`${server.baseUrl}/@camille/${post.externalId}`);
      // A code works once.
      const reused = await expectConnectorError(
        connector.authorize(ctx(), {
          serviceUrl: server.baseUrl,
          redirectUri: REDIRECT_URI,
          fields: { code, clientId: app.clientId, clientSecret: app.clientSecret, codeVerifier: verifier },
        }),
        'AUTH_EXPIRED',
      );
      expect(reused.networkReason).toMatch(/invalid_grant/);
    });

    it('accepts a personal access token and refuses an invalid one with Mastodon’s reason', async () => {
      const issued = await connector.authorize(ctx(), {
        serviceUrl: server.baseUrl,
        fields: { accessToken: server.createAccessToken('dominique') },
      });
      expect(issued.secrets.username).toBe('dominique');
      const error = await expectConnectorError(
        connector.authorize(ctx(), { serviceUrl: server.baseUrl, fields: { accessToken: 'nope' } }),
        'AUTH_EXPIRED',
      );
      expect(error.networkReason).toBe('The access token is invalid');
      await expectConnectorError(
        connector.authorize(ctx(), { serviceUrl: 'ftp://instance.example', fields: { accessToken: 'x' } }),
        'REJECTED',
      );
    });

    it('refresh keeps a non-expiring token, and a revoked token is AUTH_EXPIRED', async () => {
      const refreshed = await connector.refresh(ctx(), credentials);
      expect(refreshed.secrets.accessToken).toBe(credentials.secrets.accessToken);
      server.revokeToken(credentials.secrets.accessToken);
      const error = await expectConnectorError(connector.refresh(ctx(), credentials), 'AUTH_EXPIRED');
      expect(error.networkReason).toBe('The access token was revoked');
    });
  });

  describe('publish', () => {
    it('sends visibility, content warning, language and an Idempotency-Key', async () => {
      const post = await publish('Annonce #lancement', { options: { visibility: 'unlisted', spoilerText: 'Spoiler', language: 'fr' } });
      const stored = server.getStatus(post.externalId);
      expect(stored).toMatchObject({ visibility: 'unlisted', spoiler_text: 'Spoiler', sensitive: true, language: 'fr' });
      const request = server.requests.find((entry) => entry.method === 'POST' && entry.path === '/api/v1/statuses');
      expect(request?.headers['idempotency-key']).toBe(`spec-${key}`);
    });

    it('the same Idempotency-Key returns the same status, a new key a new one', async () => {
      const request = { variant: { text: 'Une seule fois' }, idempotencyKey: 'same-key' };
      const first = await connector.publish(ctx(), credentials, request);
      const second = await connector.publish(ctx(), credentials, request);
      expect(second).toEqual(first);
      expect(server.statusCount()).toBe(1);
      await connector.publish(ctx(), credentials, { ...request, idempotencyKey: 'other-key' });
      expect(server.statusCount()).toBe(2);
    });

    it('uploads media (waiting while a video is processed) and attaches them with alt text', async () => {
      const post = await connector.publish(ctx(), credentials, {
        variant: {
          text: 'Photo et vidéo',
          media: [
            { mimeType: 'image/png', data: new Uint8Array([137, 80, 78, 71, 1, 2, 3]), altText: 'Le logo' },
            { mimeType: 'video/mp4', data: new Uint8Array([0, 0, 0, 24, 102, 116, 121, 112]) },
          ],
        },
        idempotencyKey: 'media-1',
      });
      const media = server.getStatus(post.externalId)?.media_attachments as Array<{ id: string; type: string; url: string }>;
      expect(media.map((item) => item.type)).toEqual(['image', 'video']);
      expect(server.mediaDescription(media[0].id)).toBe('Le logo');
      expect(server.requests.filter((entry) => entry.path.startsWith('/api/v1/media/')).length).toBe(3); // 206, 206, 200
    });

    it('publishes a thread as a chain of replies; a retry after a failed part creates no duplicate', async () => {
      const variant = { text: 'Fil 1/3', thread: [{ text: 'Fil 2/3' }, { text: 'Fil 3/3' }] };
      server.inject({ type: 'status', status: 503, body: { error: 'Service Unavailable' } }, 1, /^POST \/api\/v1\/statuses$/);
      // The first part fails: nothing is created.
      await expectConnectorError(connector.publish(ctx(), credentials, { variant, idempotencyKey: 'thread-1' }), 'TRANSIENT');
      const post = await connector.publish(ctx(), credentials, { variant, idempotencyKey: 'thread-1' });
      const again = await connector.publish(ctx(), credentials, { variant, idempotencyKey: 'thread-1' });
      expect(again).toEqual(post);
      expect(server.statusCount()).toBe(3);
      const [second, third] = post.threadIds ?? [];
      expect(server.getStatus(second)?.in_reply_to_id).toBe(post.externalId);
      expect(server.getStatus(third)?.in_reply_to_id).toBe(second);
    });

    it('validates with Mastodon’s counting before sending anything', () => {
      const url = `https://socle.example/${'a'.repeat(200)}`;
      expect(connector.validate({ text: `${'x'.repeat(476)} ${url}` })).toEqual([]);
      expect(connector.validate({ text: 'x'.repeat(501) }).map((violation) => violation.rule)).toEqual(['text.too-long']);
      expect(
        connector.validate({ text: 'x'.repeat(450), options: { spoilerText: 'y'.repeat(60) } }).map((violation) => violation.rule),
      ).toEqual(['text.too-long']);
      expect(connector.validate({ text: 'x', options: { visibility: 'friends' } }).map((violation) => violation.rule)).toEqual([
        'options.value',
      ]);
      const media = Array.from({ length: 5 }, () => ({ mimeType: 'image/png', data: new Uint8Array([1]) }));
      expect(connector.validate({ text: 'x', media }).map((violation) => violation.rule)).toEqual(['media.too-many']);
    });

    it('carries Mastodon’s reason for a refusal', async () => {
      const parent = await publish('Parent');
      await connector.delete(ctx(), credentials, parent.externalId);
      const error = await expectConnectorError(publish('Réponse', { inReplyTo: parent.externalId }), 'REJECTED');
      expect(error.networkReason).toBe('Record not found');
      server.inject({ type: 'status', status: 422, body: { error: "Validation failed: Text can't be blank" } });
      const blank = await expectConnectorError(publish('x'), 'REJECTED');
      expect(blank.networkReason).toBe("Validation failed: Text can't be blank");
    });
  });

  describe('delete', () => {
    it('deletes a status, a second delete succeeds, someone else’s status is refused', async () => {
      const post = await publish('À supprimer');
      await connector.delete(ctx(), credentials, post.externalId);
      expect(server.getStatus(post.externalId)).toBeUndefined();
      await expect(connector.delete(ctx(), credentials, post.externalId)).resolves.toBeUndefined();
      const theirs = server.postAs('someone', 'Le mien');
      const error = await expectConnectorError(connector.delete(ctx(), credentials, theirs.id), 'REJECTED');
      expect(error.networkReason).toBe('This action is not allowed');
    });
  });

  describe('listening', () => {
    async function collect(query: { keywords?: string[]; limit: number }): Promise<{ items: Mention[]; pages: number }> {
      const items: Mention[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await connector.fetchMentions(ctx(), credentials, { ...query, cursor });
        pages++;
        items.push(...page.items);
        cursor = page.cursor;
      } while (cursor && pages < 50);
      return { items, pages };
    }

    it('pages mentions with the Link header, newest first, each once, and stops at the end', async () => {
      for (let i = 1; i <= 45; i++) server.postAs(`fan${i % 4}`, `@${AGENCY} message ${i} &amp; <b>gras</b>`);
      server.postAs('fan1', 'Pas de mention ici');
      const { items, pages } = await collect({ limit: 20 });
      expect(pages).toBe(3);
      expect(items).toHaveLength(45);
      expect(new Set(items.map((item) => item.externalId)).size).toBe(45);
      expect(items[0]).toMatchObject({
        text: `@${AGENCY} message 45 &amp; <b>gras</b>`,
        authorHandle: `fan1@${server.host}`,
        language: 'en',
      });
      const paths = server.requests
        .filter((entry) => entry.path.startsWith('/api/v1/notifications'))
        .map((entry) => new URL(entry.path, server.baseUrl));
      expect(paths[0].searchParams.getAll('types[]')).toEqual(['mention']);
      expect(paths[1].searchParams.get('max_id')).toBeTruthy();
      // A later poll from the start sees the new mention first.
      server.postAs('fan2', `@${AGENCY} nouveau`);
      expect((await connector.fetchMentions(ctx(), credentials, { limit: 5 })).items[0].text).toBe(`@${AGENCY} nouveau`);
    });

    it('searches keywords and hashtags, merged newest first, without duplicates', async () => {
      server.postAs('a', 'Le croissant du matin');
      server.postAs('b', 'Un café et un croissant');
      server.postAs('c', 'Café serré #barista');
      server.postAs('d', 'Rien à voir #latteart');
      server.postAs('e', 'Privé, croissant', { visibility: 'private' });
      const words = await collect({ keywords: ['croissant', 'café'], limit: 1 });
      expect(words.items.map((item) => item.text)).toEqual(['Café serré #barista', 'Un café et un croissant', 'Le croissant du matin']);
      const tags = await collect({ keywords: ['#barista', '#latteart'], limit: 10 });
      expect(tags.items.map((item) => item.text)).toEqual(['Rien à voir #latteart', 'Café serré #barista']);
      expect(server.requests.some((entry) => entry.path.startsWith('/api/v1/timelines/tag/barista?any%5B%5D=latteart'))).toBe(true);
    });

    it("carries each author's followers_count as authorReach, in mentions and in search; a value that is not a count is left out", async () => {
      const authors: Array<[string, unknown]> = [
        ['star', 48_213],
        ['nobody', 0],
        ['text', '12'],
        ['negative', -5],
        ['fraction', 1.5],
        ['huge', 2 ** 53],
        ['missing', null],
      ];
      for (const [username] of authors) server.postAs(username, `@${AGENCY} croissant de ${username}`);
      for (const [username, followers] of authors) server.setFollowCounts(username, { followers });
      const expected = authors.map(([username, followers]) => ({
        username,
        reach: typeof followers === 'number' && Number.isSafeInteger(followers) && followers >= 0 ? followers : undefined,
      }));
      for (const query of [{ limit: 40 }, { keywords: ['croissant'], limit: 40 }]) {
        const { items } = await collect(query);
        const byAuthor = new Map(items.map((item) => [item.authorHandle.split('@')[0], item]));
        expect(expected.map(({ username }) => ({ username, reach: byAuthor.get(username)?.authorReach }))).toEqual(expected);
        for (const item of items) expect(Object.prototype.hasOwnProperty.call(item, 'authorReach')).toBe(item.authorReach !== undefined);
      }
      // The count as the instance shows it when read: a later read carries the new value.
      server.setFollowCounts('star', { followers: 50_001 });
      const again = await connector.fetchMentions(ctx(), credentials, { limit: 40 });
      expect(again.items.find((item) => item.authorHandle.startsWith('star@'))?.authorReach).toBe(50_001);
    });

    it('reads replies under a status and replies to one', async () => {
      const post = await publish('Des questions ?');
      const question = server.postAs('client', `@${AGENCY} oui, le prix ?`, { inReplyToId: post.externalId });
      const answer = await connector.reply(ctx(), credentials, question.id, { text: '@client 20 €' }, 'answer-1');
      const comments = await connector.fetchComments(ctx(), credentials, post.externalId);
      expect(comments.items.map((item) => [item.externalId, item.text, item.inReplyTo])).toEqual([
        [question.id, `@${AGENCY} oui, le prix ?`, post.externalId],
        [answer.externalId, '@client 20 €', question.id],
      ]);
      expect(comments.cursor).toBeUndefined();
    });

    it('reads favourites, reblogs, replies and quotes; a deleted status is left out', async () => {
      const post = await publish('Mesurez-moi');
      server.addInteractions(post.externalId, { favourites: 7, reblogs: 3, quotes: 1 });
      server.postAs('x', 'Réponse', { inReplyToId: post.externalId });
      const gone = await publish('Parti');
      await connector.delete(ctx(), credentials, gone.externalId);
      const metrics = await connector.fetchMetrics(ctx(), credentials, [post.externalId, gone.externalId]);
      expect(metrics).toEqual([
        { externalId: post.externalId, likes: 7, reposts: 3, replies: 1, quotes: 1, fetchedAt: expect.any(String) },
      ]);
    });
  });

  describe('account metrics', () => {
    it('reads followers_count, following_count and statuses_count of the connected account', async () => {
      await publish('Un');
      await publish('Deux');
      server.setFollowCounts(AGENCY, { followers: 1234, following: 56 });
      const at = new Date('2026-03-01T10:00:00.000Z');
      const metrics = await connector.fetchAccountMetrics({ ...ctx(), now: () => at }, credentials);
      expect(metrics).toEqual({ followers: 1234, following: 56, posts: 2, fetchedAt: at.toISOString() });
    });

    it('a revoked token is AUTH_EXPIRED or REJECTED, never counts of zero', async () => {
      server.revokeToken(credentials.secrets.accessToken);
      await expectConnectorError(connector.fetchAccountMetrics(ctx(), credentials), ['AUTH_EXPIRED', 'REJECTED']);
    });
  });

  describe('a bad day at the instance', () => {
    it('past the rate limit: RATE_LIMITED with the wait from X-RateLimit-Reset', async () => {
      server.setRateLimit(2, 120);
      await publish('un');
      await publish('deux');
      const error = await expectConnectorError(publish('trois'), 'RATE_LIMITED');
      expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(118);
      expect(error.retryAfterSeconds).toBeLessThanOrEqual(120);
      expect(error.networkReason).toBe('Too many requests');
    });

    it('an HTML 502 page, truncated JSON, a 500 and a stall are typed errors within the timeout', async () => {
      const read = () => connector.fetchMentions(ctx(), credentials, {});
      server.inject({ type: 'html-error' });
      const html = await expectConnectorError(read(), 'TRANSIENT');
      expect(html.message).not.toMatch(/<html/i);
      server.inject({ type: 'truncated-json' });
      await expectConnectorError(read(), 'TRANSIENT');
      server.inject({ type: 'status', status: 500, body: { error: 'We are sorry' } });
      await expectConnectorError(read(), 'TRANSIENT');
      server.inject({ type: 'rate-limited', retryAfterSeconds: 30, format: 'reset-only' });
      expect((await expectConnectorError(read(), 'RATE_LIMITED')).retryAfterSeconds).toBeGreaterThanOrEqual(29);
      const started = Date.now();
      server.inject({ type: 'slow', delayMs: 5000 });
      await expectConnectorError(connector.fetchMentions(ctx(1000), credentials, {}), 'TRANSIENT');
      expect(Date.now() - started).toBeLessThan(2500);
    });
  });
});
