import { growthRatio, LINEAR_GROWTH_LIMIT } from '@socle/connector-sdk/testing';
import { parseFeedText } from './feed-parser';
import { MEDIA, rss } from './feed-parser.fixtures';
import { toMention } from './rss.connector';

describe('parseFeedText', () => {
  // Each hostile shape at n and 8n: the time must grow like the input (ratio about 8), not
  // like its square (about 64). Deep nesting used to cost a walk of the element stack per
  // element; it is now rejected as soon as it passes the limit.
  const inItem = (html: string) => rss(`<item><title>t</title><description>${html}</description></item>`);
  const hostile: Array<[string, (n: number) => string]> = [
    ['deep nesting', (n) => rss(`<item><description>${'<a>'.repeat(n / 7)}${'</a>'.repeat(n / 7)}</description></item>`)],
    ['deep nesting with prefixes', (n) => rss(`<item>${'<x:a xmlns:x="urn:x">'.repeat(n / 21)}</item>`)],
    [
      'nesting just within the limit, repeated',
      (n) => rss(`<item><description>${`${'<b>'.repeat(50)}x${'</b>'.repeat(50)}`.repeat(n / 351)}</description></item>`),
    ],
    [
      'many namespace declarations',
      (n) => rss(`<item><title ${Array.from({ length: n / 20 }, (_, i) => `xmlns:p${i}="urn:${i}"`).join(' ')}>t</title></item>`),
    ],
    ['unclosed comment', (n) => rss(`<item><title>t</title><!--${'x'.repeat(n)}`)],
    ['unclosed tag', (n) => rss(`<item><title a="1" ${'b'.repeat(n)}`)],
    ['unclosed attribute value', (n) => rss(`<item><enclosure url="${'x'.repeat(n)}`)],
    ['many CDATA sections', (n) => inItem('<![CDATA[<p>x</p>]]>'.repeat(n / 20))],
    ['unclosed CDATA', (n) => inItem(`<![CDATA[${'<p>x'.repeat(n / 4)}`)],
    ['many known entities', (n) => inItem('&eacute;&Zscr;&amp;&#233;'.repeat(n / 25))],
    ['many unknown entities', (n) => inItem(Array.from({ length: n / 12 }, (_, i) => `&unk${i};`).join(''))],
    [
      'many items with enclosures',
      (n) => rss(`<item><enclosure url="https://c.example/a.mp3"/><guid>g</guid></item>`.repeat(n / 60), '', MEDIA),
    ],
    ['escaped unclosed HTML comments', (n) => inItem('&lt;!--x'.repeat(n / 8))],
    ['escaped unclosed HTML attributes', (n) => inItem('&lt;a href="x'.repeat(n / 13))],
  ];
  it.each(hostile)('takes linear time on %s (parse and map to mentions)', (_name, make) => {
    const run = (text: string) => {
      const feed = parseFeedText(text);
      for (const item of feed.items) toMention(item, feed, 'https://site.example/feed.xml', new Date(0));
    };
    // 10 kB and 80 kB: at 40 kB and 320 kB the many namespace declarations measured 17 to 25, the maps and strings of the
    // large feed outgrowing the young generation, not a quadratic walk (which measures 64 at any size)
    const ratio = growthRatio(make, run, 10_000);
    expect({ sample: make(400).slice(0, 200), linear: ratio < LINEAR_GROWTH_LIMIT }).toEqual({
      sample: make(400).slice(0, 200),
      linear: true,
    });
  });
});
