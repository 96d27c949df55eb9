import { ConnectorError, htmlToText } from '@socle/connector-sdk';
import { MAX_DEPTH, MAX_ENCLOSURES, parseFeed, parseFeedText } from './feed-parser';
import { MEDIA, rss } from './feed-parser.fixtures';

function rejection(run: () => unknown): ConnectorError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConnectorError);
    return error as ConnectorError;
  }
  throw new Error('expected the parse to fail');
}

describe('parseFeedText', () => {
  describe('entities', () => {
    it('decodes every HTML named entity in the XML, not only a short list', () => {
      const feed = parseFeedText(rss('<item><title>&Zscr; &bigstar; &notin; &hellip; &eacute;t&eacute; &amp; &#233;</title></item>'));
      expect(feed.items[0].title).toBe('𝒵 ★ ∉ … été & é');
    });

    it('keeps an unknown entity as written instead of rejecting the feed', () => {
      const feed = parseFeedText(
        rss('<item><title>Prix &nosuchentity; bas</title><guid>a</guid></item><item><title>Suivant</title></item>'),
      );
      expect(feed.items.map((item) => htmlToText(item.title ?? ''))).toEqual(['Prix &nosuchentity; bas', 'Suivant']);
    });

    it('still rejects real XML errors with a clear message', () => {
      for (const broken of [
        rss('<item><title>Prix & conditions</title></item>'),
        rss('<item><title>Ouvert</item>'),
        rss('<item><title a="1" a="2">x</title></item>'),
        rss('<item><title>&#0;</title></item>'),
      ]) {
        const error = rejection(() => parseFeedText(broken));
        expect(error.kind).toBe('REJECTED');
        expect(error.message).toMatch(/^malformed feed: the XML is not well formed or is truncated \(\d+:\d+: /);
      }
    });
  });

  it('reads a feed with white space or byte-order marks before <?xml', () => {
    for (const prefix of ['\n  ', '\uFEFF', '\uFEFF\r\n', ' \uFEFF']) {
      expect(parseFeedText(`${prefix}${rss('<item><title>Un</title></item>')}`).items).toHaveLength(1);
    }
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`\n\n${rss('<item><title>Deux</title></item>')}`)]);
    expect(parseFeed(bytes).items[0].title).toBe('Deux');
  });

  describe('nesting', () => {
    it(`rejects a feed nested more than ${MAX_DEPTH} levels deep with a typed error`, () => {
      const deep = rss(`<item><description>${'<a>'.repeat(100)}${'</a>'.repeat(100)}</description></item>`);
      const error = rejection(() => parseFeedText(deep));
      expect(error.kind).toBe('REJECTED');
      expect(error.message).toBe(`malformed feed: elements are nested more than ${MAX_DEPTH} levels deep`);
    });

    it('accepts content nested just within the limit', () => {
      const levels = MAX_DEPTH - 5; // rss > channel > item > description > levels
      const feed = parseFeedText(rss(`<item><description>${'<div>'.repeat(levels)}profond${'</div>'.repeat(levels)}</description></item>`));
      expect(htmlToText(feed.items[0].summary ?? '')).toBe('profond');
    });

    it('resolves namespaces declared anywhere, and restores them when the element closes', () => {
      const feed = parseFeedText(
        rss(
          '<item><x:creator xmlns:x="http://purl.org/dc/elements/1.1/">Anne</x:creator><title>A</title></item>' +
            '<item><x:creator>pas dc</x:creator><dc:creator>Bea</dc:creator><title>B</title></item>',
          '',
          ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
        ),
      );
      expect(feed.items.map((item) => item.author)).toEqual(['Anne', 'Bea']);
    });
  });

  describe('text', () => {
    it('keeps block boundaries of Atom XHTML content and escapes Atom plain text', () => {
      const feed = parseFeedText(
        '<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Flux &lt;b&gt;</title><entry><id>urn:1</id>' +
          '<title type="text">x &lt;br&gt; y &amp;amp;</title>' +
          '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>A</p><p>B<br/>C</p><ul><li>D</li><li>E &lt; F</li></ul></div></content>' +
          '</entry></feed>',
      );
      const [entry] = feed.items;
      expect(htmlToText(entry.summary ?? '')).toBe('A\nB\nC\nD\nE < F');
      expect(htmlToText(entry.title ?? '')).toBe('x <br> y &amp;');
      expect(htmlToText(feed.title ?? '')).toBe('Flux <b>');
    });

    it('reads unescaped HTML inside an RSS description with its block boundaries', () => {
      const feed = parseFeedText(rss('<item><description><p>Un</p><p>Deux</p></description></item>'));
      expect(htmlToText(feed.items[0].summary ?? '')).toBe('Un\nDeux');
    });

    it('ignores Atom content that is not text (base64, out-of-line) and falls back to the summary', () => {
      const feed = parseFeedText(
        '<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>urn:1</id><summary>Résumé</summary>' +
          '<content type="image/png">iVBORw0KGgo=</content></entry><entry><id>urn:2</id><content src="https://site.example/2"/></entry></feed>',
      );
      expect(feed.items.map((item) => item.summary)).toEqual(['Résumé', undefined]);
    });
  });

  describe('enclosures', () => {
    it('collects RSS enclosures, media:content (also in media:group), media:thumbnail and itunes:image', () => {
      const feed = parseFeedText(
        rss(
          '<item><title>Épisode</title>' +
            '<enclosure url="https://cdn.example/ep1.mp3" length="1234" type="audio/mpeg"/>' +
            '<itunes:image href="https://cdn.example/ep1.jpg"/>' +
            '<media:group><media:content url="https://cdn.example/ep1.mp4" type="video/mp4" fileSize="99"/>' +
            '<media:content url="https://cdn.example/ep1.mp3" type="audio/mpeg"/></media:group>' +
            '<media:thumbnail url="/thumbs/1.png"/></item>',
          '',
          MEDIA,
        ),
      );
      expect(feed.items[0].enclosures).toEqual([
        { url: 'https://cdn.example/ep1.mp3', length: '1234', type: 'audio/mpeg' },
        { url: 'https://cdn.example/ep1.jpg', image: true },
        { url: 'https://cdn.example/ep1.mp4', type: 'video/mp4', length: '99' },
        { url: '/thumbs/1.png', image: true },
      ]);
    });

    it('collects Atom link rel="enclosure" without taking it for the entry link', () => {
      const feed = parseFeedText(
        '<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>urn:1</id>' +
          '<link rel="enclosure" href="https://cdn.example/a.ogg" type="audio/ogg" length="10"/>' +
          '<link href="https://site.example/1"/></entry>' +
          '<entry><id>urn:2</id><link rel="enclosure" href="https://cdn.example/b.ogg"/></entry></feed>',
      );
      expect(feed.items.map((item) => [item.link, item.enclosures])).toEqual([
        ['https://site.example/1', [{ url: 'https://cdn.example/a.ogg', type: 'audio/ogg', length: '10' }]],
        [undefined, [{ url: 'https://cdn.example/b.ogg' }]],
      ]);
    });

    it(`keeps at most ${MAX_ENCLOSURES} enclosures per item`, () => {
      const many = Array.from({ length: 40 }, (_, i) => `<enclosure url="https://cdn.example/${i}.jpg" type="image/jpeg"/>`).join('');
      expect(parseFeedText(rss(`<item>${many}</item>`)).items[0].enclosures).toHaveLength(MAX_ENCLOSURES);
    });
  });

  it('reads the Atom feed author, iTunes authors and FeedBurner original links', () => {
    const atom = parseFeedText(
      '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0">' +
        '<author><name>Rédaction</name></author><entry><id>urn:1</id><link href="https://feedproxy.example/1"/>' +
        '<feedburner:origLink>https://site.example/article-1</feedburner:origLink></entry></feed>',
    );
    expect(atom.author).toBe('Rédaction');
    expect(atom.items[0]).toMatchObject({ link: 'https://feedproxy.example/1', origLink: 'https://site.example/article-1' });

    const podcast = parseFeedText(
      rss(
        '<item><title>A</title><itunes:author>Invitée</itunes:author></item><item><title>B</title><author>x@y (Hôte)</author><itunes:author>Autre</itunes:author></item>',
        '<itunes:author>Studio</itunes:author>',
        MEDIA,
      ),
    );
    expect([podcast.author, ...podcast.items.map((item) => item.author)]).toEqual(['Studio', 'Invitée', 'x@y (Hôte)']);
  });
});
