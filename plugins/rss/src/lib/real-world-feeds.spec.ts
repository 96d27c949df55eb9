/**
 * Every real-world feed in ../shared/fixtures/feeds (relative to the repository root),
 * served on loopback and read through the connector. The files stay outside the
 * repository; when the folder is absent the suite says so instead of passing silently.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createHttpClient, Mention, validateMention } from '@socle/connector-sdk';
import { FeedTestServer, startFeedServer } from '../test/feed-server';
import { parseFeed } from './feed-parser';
import { RssConnector } from './rss.connector';

const repoRoot = path.resolve(__dirname, '../../../..');
const feedsDir = path.resolve(repoRoot, '../shared/fixtures/feeds');
const files = existsSync(feedsDir)
  ? readdirSync(feedsDir)
      .filter((name) => /\.(rss|atom|xml|rdf)$/i.test(name))
      .sort()
  : [];

if (files.length === 0) {
  describe('real-world feeds', () => {
    it('real-world feeds: folder ../shared/fixtures/feeds absent (or holds no feed), nothing to run', () => {
      expect(files).toEqual([]);
      expect(existsSync(feedsDir) ? readdirSync(feedsDir).filter((name) => /\.(rss|atom|xml|rdf)$/i.test(name)) : []).toEqual([]);
    });
  });
} else {
  describe('real-world feeds from ../shared/fixtures/feeds', () => {
    const connector = new RssConnector();
    let server: FeedTestServer;

    beforeAll(async () => {
      server = await startFeedServer();
    });
    afterAll(() => server.close());

    it.each(files)('%s: every item becomes a well-formed mention, once', async (name) => {
      const body = readFileSync(path.join(feedsDir, name));
      const url = server.serve(`/${name}`, { body, contentType: 'application/xml', etag: `"${name}"` });
      const feed = parseFeed(body);
      expect(feed.items.length).toBeGreaterThan(0);

      const ctx = { http: createHttpClient({ timeoutMs: 10_000 }) };
      const items: Awaited<ReturnType<RssConnector['fetchMentions']>>['items'] = [];
      let cursor: string | undefined;
      for (let pages = 0; pages < 20; pages++) {
        const page = await connector.fetchMentions(ctx, { serviceUrl: url, secrets: {} }, { limit: 500, cursor });
        cursor = page.cursor;
        if (page.items.length === 0) break;
        items.push(...page.items);
      }
      expect(items.length).toBeGreaterThan(0);
      expect(items.length).toBeLessThanOrEqual(feed.items.length);
      const ids = items.map((item) => item.externalId);
      expect(new Set(ids).size).toBe(ids.length);
      for (const item of items) {
        expect(item.url).toMatch(/^https?:\/\//);
        expect(item.text.length).toBeGreaterThan(0);
        expect(item.text).not.toContain('\uFFFD'); // decoded with the right encoding
        expect(item.text).not.toMatch(/<\/?(p|a|div|img|br)\b/i); // HTML turned into text
        expect(Number.isNaN(Date.parse(item.publishedAt))).toBe(false);
        expect(item.publishedAtEstimated).toBeUndefined(); // every one of these feeds dates its items
        expect(validateMention(item)).toEqual([]);
      }
      // The same feed again with the last cursor: a conditional GET (304), nothing new.
      const before = server.requests.length;
      const again = await connector.fetchMentions(ctx, { serviceUrl: url, secrets: {} }, { limit: 500, cursor });
      expect(server.requests[before].headers['if-none-match']).toBe(`"${name}"`);
      expect(again.items).toEqual([]);
    });

    // What each feed carries beyond text, read as a reader would show it.
    const expectations: Record<string, (items: Mention[]) => void> = {
      'giantbomb-podcast.rss': (items) => {
        for (const item of items) {
          expect(item.attachments).toContainEqual({
            url: expect.stringMatching(/^https:\/\/.+\.mp3$/),
            kind: 'audio',
            mediaType: 'audio/mpeg',
            byteSize: expect.any(Number),
          });
        }
        expect(items[0].authorHandle).toBe('Giant Bomb'); // itunes:author
      },
      'guardian.rss': (items) => {
        expect(items.every((item) => item.attachments?.some((a) => a.kind === 'image' && a.url.startsWith('https://i.guim.co.uk/')))).toBe(
          true,
        );
        expect(items[0].text).toContain('contempt\nDonald Trump'); // paragraphs no longer run together
      },
      'reddit.rss': (items) => {
        expect(items.filter((item) => item.attachments?.some((a) => a.kind === 'image')).length).toBeGreaterThan(10); // media:thumbnail
      },
      'feedburner.atom': (items) => {
        // The article itself (feedburner:origLink), not the tracking redirect.
        expect(items.every((item) => item.url.startsWith('http://googleadsdeveloper.blogspot.com/'))).toBe(true);
        // Inline markup no longer leaves a space before punctuation.
        expect(items[0].text).toContain('After November 2016, all releases');
      },
      'encoding.rss': (items) => {
        expect(items.every((item) => item.url.startsWith('https://www.jn.pt/'))).toBe(true);
        expect(items[0].text).toContain('Raríssimas');
      },
      'heise.atom': (items) => {
        expect(items.every((item) => item.authorHandle === 'heise online')).toBe(true); // the feed's author, inherited
      },
    };
    const known = files.filter((name) => expectations[name]);
    it.each(known)('%s: attachments, links and authors as a reader shows them', async (name) => {
      const body = readFileSync(path.join(feedsDir, name));
      const url = server.serve(`/details-${name}`, { body, contentType: 'application/xml' });
      const ctx = { http: createHttpClient({ timeoutMs: 10_000 }) };
      const { items } = await connector.fetchMentions(ctx, { serviceUrl: url, secrets: {} }, { limit: 500 });
      expectations[name](items);
    });
  });
}
