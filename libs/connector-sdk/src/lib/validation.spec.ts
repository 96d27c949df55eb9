import type { ConnectorManifest, Mention } from './contract';
import { optionSpecProblems } from './manifest';
import {
  ACCOUNT_DISPLAY_NAME_MAX_LENGTH,
  ACCOUNT_HANDLE_MAX_LENGTH,
  accountHandleProblem,
  checkPublishedPost,
  CURSOR_MAX_LENGTH,
  keptCursor,
  keptDisplayName,
  keptHttpUrl,
  keptMentions,
  keptText,
  checkVariantOptions,
  countGraphemes,
  countLength,
  countMastodonLength,
  graphemeSegments,
  isHttpUrl,
  mediaSize,
  readOptionValue,
  validateMention,
  validateVariant,
} from './validation';

const base: Omit<ConnectorManifest, 'id' | 'displayName' | 'text'> = {
  authKind: 'access-token',
  capabilities: {
    publish: true,
    media: true,
    threads: true,
    reply: true,
    delete: true,
    mentions: true,
    search: true,
    comments: false,
    metrics: true,
  },
  media: { maxCount: 4, types: ['image/jpeg', 'image/png'], maxBytes: 1_000_000 },
  rateLimit: { requests: 300, windowSeconds: 300 },
};
const bluesky: ConnectorManifest = {
  ...base,
  id: 'bluesky',
  displayName: 'Bluesky',
  text: { maxLength: 300, counting: 'graphemes', maxBytes: 3000 },
};
const mastodon: ConnectorManifest = {
  ...base,
  id: 'mastodon',
  displayName: 'Mastodon',
  text: { maxLength: 500, counting: 'code-points-urls-as-23' },
};
const image = (bytes = 10, mimeType = 'image/jpeg') => ({ mimeType, data: new Uint8Array(bytes) });

describe('length counting', () => {
  it('counts graphemes: a family emoji, a flag and a decomposed é are one each', () => {
    expect(countGraphemes('👨‍👩‍👧')).toBe(1);
    expect(countGraphemes('🇫🇷')).toBe(1);
    expect(countGraphemes('e\u0301té')).toBe(3);
    expect(countLength('👨‍👩‍👧', 'code-points')).toBe(5);
  });

  it('counts every http(s) URL as 23 characters for Mastodon, whatever its length', () => {
    const url = `https://example.org/${'a'.repeat(100)}`;
    expect(countMastodonLength(url)).toBe(23);
    expect(countMastodonLength(`Voir ${url}.`)).toBe(5 + 23 + 1);
    expect(countMastodonLength('http://a.fr et https://b.fr')).toBe(23 + 4 + 23);
  });

  it('counts a remote mention as its local part for Mastodon', () => {
    expect(countMastodonLength('@alice@social.example.org merci')).toBe('@alice merci'.length);
  });
});

describe('grapheme segmentation of long texts', () => {
  // Pieces that join or split clusters: combining marks, ZWJ sequences, flags and lone regional indicators, CR LF, Hangul
  // jamo and syllables, a prepended mark, Indic conjuncts and vowel signs, CJK, variation selectors, lone surrogates.
  const PIECES = [
    'a',
    ' ',
    'e\u0301',
    '\u0301',
    '\u200d',
    '👩‍👩‍👧',
    '🇫🇷',
    '🇫',
    '\r\n',
    '\r',
    '\n',
    'ᄀ',
    'ᅡ',
    'ᆨ',
    '\u0600',
    'क्ष',
    '\ud83d',
    '\ude00',
    '🏳️‍🌈',
    '#️⃣',
    '中',
    '한',
    'ｶﾞ',
    '\ufe0f',
    '👍🏽',
    'ก่',
    'ा',
    '्',
    '’',
    '—',
    '\u200b',
  ];
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const whole = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

  it('finds the clusters the segmenter finds on the whole text, window after window, at every index', () => {
    for (let round = 0; round < 60; round += 1) {
      let text = '';
      // Long runs of one piece too, so that clusters and runs cross the windows' ends.
      while (text.length < 3000 + round * 50) {
        const piece = PIECES[Math.floor(random() * PIECES.length)];
        text += random() < 0.15 ? piece.repeat(1 + Math.floor(random() * [20, 300, 2000][round % 3])) : piece;
      }
      const expected = [...whole.segment(text)].map(({ segment, index }) => ({ segment, index }));
      expect([...graphemeSegments(text)]).toEqual(expected);
      expect(countGraphemes(text)).toBe(expected.length);
    }
  });

  it('takes a cluster longer than a window whole', () => {
    const huge = `e${'\u0301'.repeat(5000)}`;
    expect([...graphemeSegments(`a${huge}b`)].map((s) => s.segment.length)).toEqual([1, huge.length, 1]);
    expect(countGraphemes('')).toBe(0);
  });
});

describe('validateVariant', () => {
  it('accepts a variant within the limits', () => {
    expect(validateVariant(bluesky, { text: 'Bonjour à tous 👋', media: [image()] })).toEqual([]);
  });

  it('accepts 300 emoji graphemes on Bluesky but not 301', () => {
    expect(validateVariant(bluesky, { text: '👍🏽'.repeat(300) })).toEqual([]);
    const [violation] = validateVariant(bluesky, { text: '👍🏽'.repeat(301) });
    expect(violation).toMatchObject({ rule: 'text.too-long', path: 'text' });
    expect(violation.message).toContain('301');
    expect(violation.message).toContain('Bluesky allows 300');
  });

  it('lets a Mastodon post with a long URL through when the URL counts as 23', () => {
    const text = `${'x'.repeat(470)} https://example.org/${'long-path/'.repeat(20)}`;
    expect(text.length).toBeGreaterThan(500);
    expect(validateVariant(mastodon, { text })).toEqual([]);
  });

  it('returns every violation: too many media, wrong type, too large, in the thread too', () => {
    const violations = validateVariant(mastodon, {
      text: 'ok',
      media: [image(), image(), image(), image(), image(10, 'image/gif')],
      thread: [{ text: 'y'.repeat(501) }, { text: 'fine', media: [image(2_000_000)] }],
    });
    expect(violations.map((v) => `${v.rule}@${v.path}`)).toEqual([
      'media.too-many@media',
      'media.type@media[4]',
      'text.too-long@thread[0].text',
      'media.too-large@thread[1].media[0]',
    ]);
    expect(violations[1].message).toBe('Attachment 5 is image/gif; Mastodon accepts image/jpeg, image/png.');
    expect(violations[3].message).toContain('1.9 MB');
  });

  it('reports empty text, byte limit, unsupported threads, media and publishing', () => {
    expect(validateVariant(bluesky, { text: '  ' })[0]).toMatchObject({ rule: 'text.empty', path: 'text' });
    expect(validateVariant({ ...bluesky, text: { ...bluesky.text, maxBytes: 10 } }, { text: 'ééééééé' })[0]).toMatchObject({
      rule: 'text.too-many-bytes',
    });
    const noThreads = { ...mastodon, capabilities: { ...mastodon.capabilities, threads: false, media: false } };
    expect(validateVariant(noThreads, { text: 'a', thread: [{ text: 'b' }] })[0]).toMatchObject({
      rule: 'thread.unsupported',
      path: 'thread',
    });
    expect(validateVariant(noThreads, { text: 'a', media: [image()] })[0]).toMatchObject({ rule: 'media.unsupported', path: 'media' });
    const listening = { ...mastodon, displayName: 'RSS', capabilities: { ...mastodon.capabilities, publish: false } };
    expect(validateVariant(listening, { text: 'a' })).toEqual([
      { rule: 'publish.unsupported', path: 'variant', message: 'RSS is listening only: nothing can be published to it.' },
    ]);
  });

  it('judges a described attachment (no bytes, its size given) by that size, as the editor checks variants', () => {
    const described = (byteSize: unknown) => ({ mimeType: 'image/jpeg', data: new Uint8Array(0), byteSize }) as never;
    expect(mediaSize(image(10))).toBe(10);
    expect(mediaSize(described(5_000_000))).toBe(5_000_000);
    // The loaded bytes are the truth when there are some.
    expect(mediaSize({ mimeType: 'image/jpeg', data: new Uint8Array(10), byteSize: 99 })).toBe(10);
    for (const hostile of [-1, Number.NaN, Number.MAX_VALUE, 2 ** 60, '5000', null, {}]) expect(mediaSize(described(hostile))).toBe(0);
    expect(mediaSize(null)).toBe(0);
    expect(validateVariant(mastodon, { text: 'a', media: [described(mastodon.media.maxBytes + 1)] })).toEqual([
      expect.objectContaining({ rule: 'media.too-large', path: 'media[0]' }),
    ]);
    expect(validateVariant(mastodon, { text: 'a', media: [described(1000)] })).toEqual([]);
    expect(validateVariant(mastodon, { text: 'a', media: [described(0)] })).toEqual([expect.objectContaining({ rule: 'media.empty' })]);
  });

  it('takes a body option set (a blog article’s HTML) in place of the text; blank, or another option, does not', () => {
    const blog: ConnectorManifest = {
      ...mastodon,
      displayName: 'Blog',
      options: [
        { name: 'html', type: 'text', label: 'Body', body: true },
        { name: 'excerpt', type: 'text', label: 'Excerpt' },
      ],
    };
    expect(validateVariant(blog, { text: '', options: { html: '<p>Bonjour</p>' } })).toEqual([]);
    expect(validateVariant(blog, { text: '', options: { html: '  ' } })[0]).toMatchObject({ rule: 'text.empty' });
    expect(validateVariant(blog, { text: '', options: { excerpt: 'Résumé' } })[0]).toMatchObject({ rule: 'text.empty' });
    expect(optionSpecProblems([{ name: 'n', type: 'boolean', label: 'N', body: true }])).toEqual([
      'options[0].body must be a boolean, true only on a string or text option',
    ]);
  });
});

describe('variant options', () => {
  const blog: ConnectorManifest = {
    ...mastodon,
    id: 'blog',
    displayName: 'Blog',
    options: [
      { name: 'title', type: 'string', label: 'Title', maxLength: 10, required: true },
      { name: 'summary', type: 'text', label: 'Summary' },
      { name: 'canonicalUrl', type: 'url', label: 'Canonical URL' },
      { name: 'publishAt', type: 'date-time', label: 'Publish at' },
      { name: 'status', type: 'enum', label: 'Status', values: ['publish', 'draft'] },
      { name: 'sticky', type: 'boolean', label: 'Sticky' },
      { name: 'order', type: 'number', label: 'Order', min: 0, max: 10 },
    ],
  };
  const paths = (options: Record<string, string | number | boolean>) =>
    checkVariantOptions(blog, options).map((v) => `${v.rule} ${v.path}`);

  it('accepts documented values of each type and says what is wrong with any other, at its path', () => {
    expect(
      paths({
        title: 'Bonjour',
        summary: 'two\nlines',
        canonicalUrl: 'https://blog.example/a',
        publishAt: '2027-01-31T09:00:00+01:00',
        status: 'draft',
        sticky: true,
        order: 3,
      }),
    ).toEqual([]);
    expect(
      paths({
        title: 'Bonjour tout le monde',
        summary: 'a\u0000b',
        canonicalUrl: 'javascript:alert(1)',
        publishAt: 'tomorrow',
        status: 'scheduled',
        sticky: 'yes',
        order: 11,
        colour: 'red',
      }),
    ).toEqual([
      'options.value options.title',
      'options.value options.summary',
      'options.value options.canonicalUrl',
      'options.value options.publishAt',
      'options.value options.status',
      'options.value options.sticky',
      'options.value options.order',
      'options.unknown options.colour',
    ]);
    // One line for a string; a lone surrogate is no text.
    expect(paths({ title: 'a\nb' })).toEqual(['options.value options.title']);
    expect(paths({ title: '\ud800x' })).toEqual(['options.value options.title']);
    // The required title missing or blank.
    expect(paths({})).toEqual(['options.required options.title']);
    expect(paths({ title: '   ' })).toEqual(['options.required options.title']);
    // validateVariant says the same.
    expect(validateVariant(blog, { text: 'Bonjour', options: {} }).map((v) => v.path)).toEqual(['options.title']);
    // A manifest without options takes any (the connector documents its own).
    expect(checkVariantOptions(mastodon, { anything: 1 })).toEqual([]);
  });

  it('reads a typed-in value as the option’s type', () => {
    const [, , , , , sticky, order] = blog.options ?? [];
    expect(readOptionValue(sticky, 'true')).toBe(true);
    expect(readOptionValue(sticky, 'yes')).toBeUndefined();
    expect(readOptionValue(order, '4')).toBe(4);
    expect(readOptionValue(order, ' ')).toBeUndefined();
    expect(readOptionValue(order, 'Infinity')).toBeUndefined();
    expect(readOptionValue(blog.options?.[0] ?? sticky, '42')).toBe('42');
  });

  it('refuses a manifest whose options are malformed', () => {
    expect(optionSpecProblems(blog.options)).toEqual([]);
    expect(
      optionSpecProblems([
        { name: 'title', type: 'string', label: 'Title' },
        { name: 'title', type: 'string', label: 'Again' },
        { name: '1bad', type: 'colour', label: '' },
        { name: 'kind', type: 'enum', label: 'Kind', values: [] },
        { name: 'size', type: 'number', label: 'Size', maxLength: -1, min: 'low' },
      ]),
    ).toEqual([
      'options[1].name title is given twice',
      'options[2].name must be a letter then letters or digits (40 at most)',
      'options[2].type must be one of string, text, url, date-time, boolean, number, enum',
      'options[2].label must be a short text',
      'options[3].values must list the accepted values',
      'options[4].maxLength must be a positive integer',
      'options[4].min must be a number',
    ]);
    expect(optionSpecProblems('nope')).toEqual(['options must be a list']);
  });
});

describe('validateMention', () => {
  const mention: Mention = {
    externalId: 'a1',
    url: 'https://site.example/a1',
    authorHandle: 'ana',
    text: 'Bonjour',
    publishedAt: '2024-12-01T10:00:00.000Z',
  };

  it('accepts a mention without the optional fields, and one with well-formed attachments and an estimated date', () => {
    expect(validateMention(mention)).toEqual([]);
    const full: Mention = {
      ...mention,
      publishedAtEstimated: true,
      attachments: [
        { url: 'https://cdn.example/e.mp3', kind: 'audio', mediaType: 'audio/mpeg', byteSize: 24_986_239 },
        { url: 'http://cdn.example/i.jpg', kind: 'image' },
      ],
    };
    expect(validateMention(full)).toEqual([]);
  });

  it('names every malformed field of the mention and of its attachments', () => {
    const bad = {
      ...mention,
      externalId: '',
      url: 'javascript:alert(1)',
      publishedAt: 'hier',
      publishedAtEstimated: 'yes',
      attachments: [
        { url: '/relative.mp3', kind: 'audio' },
        { url: 'data:image/png;base64,AAAA', kind: 'picture', mediaType: 'Image/PNG; q=1', byteSize: -1 },
      ],
    } as unknown as Mention;
    expect(validateMention(bad).map((v) => [v.rule, v.path])).toEqual([
      ['mention.external-id', 'externalId'],
      ['mention.url', 'url'],
      ['mention.published-at', 'publishedAt'],
      ['mention.published-at-estimated', 'publishedAtEstimated'],
      ['mention.attachment.url', 'attachments[0].url'],
      ['mention.attachment.url', 'attachments[1].url'],
      ['mention.attachment.kind', 'attachments[1].kind'],
      ['mention.attachment.byte-size', 'attachments[1].byteSize'],
      ['mention.attachment.media-type', 'attachments[1].mediaType'],
    ]);
    expect(validateMention({ ...mention, attachments: 'x' } as unknown as Mention)).toEqual([
      { rule: 'mention.attachments', path: 'attachments', message: 'attachments must be a list.' },
    ]);
  });

  it('accepts only absolute http(s) URLs', () => {
    expect(['https://a.example/x', 'http://a.example'].map(isHttpUrl)).toEqual([true, true]);
    expect(['ftp://a.example/x', 'javascript:void(0)', '//a.example/x', '/x', 'file:///etc/passwd', 42].map(isHttpUrl)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('checkPublishedPost', () => {
  it('keeps a well-formed post as it is, its http(s) URL and thread ids included', () => {
    expect(checkPublishedPost({ externalId: '11351', url: 'https://m.example/@a/11351', threadIds: ['11352'] })).toEqual({
      post: { externalId: '11351', url: 'https://m.example/@a/11351', threadIds: ['11352'] },
    });
  });

  it('refuses a post id it cannot keep, saying why', () => {
    const problem = (externalId: unknown) => {
      const checked = checkPublishedPost({ externalId, url: 'https://m.example/x' });
      return 'problem' in checked ? checked.problem : null;
    };
    expect(problem('a\u0000b')).toMatch(/control character/);
    expect(problem('a\nb')).toMatch(/control character/);
    expect(problem('\ud800')).toMatch(/unpaired surrogate/);
    expect(problem('x\udc00')).toMatch(/unpaired surrogate/);
    expect(problem('')).toMatch(/is empty/);
    expect(problem(42)).toMatch(/is number, not a text/);
    expect(problem(null)).toMatch(/is null, not a text/);
    expect(problem('9'.repeat(2001))).toMatch(/2001 characters long \(at most 2000\)/);
    // A pair is Unicode, and kept.
    expect(problem('\ud83d\ude00')).toBeNull();
    expect(checkPublishedPost(null)).toEqual({ problem: 'the connector answered without a post' });
    expect(checkPublishedPost({ externalId: '1', url: 'https://m.example/x', threadIds: ['2', 'a\u0000'] })).toEqual({
      problem: 'the id of thread part 3 the network answered contains a control character',
    });
    expect(checkPublishedPost({ externalId: '1', url: 'https://m.example/x', threadIds: 'x' })).toEqual({
      problem: 'the thread ids the network answered are not a list',
    });
  });

  it('drops a URL it cannot keep or that is not http(s), and keeps the post', () => {
    const urlOf = (url: unknown) => {
      const checked = checkPublishedPost({ externalId: '1', url });
      return 'post' in checked ? checked.post.url : 'refused';
    };
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,<script>',
      'file:///etc/passwd',
      '/relative',
      'https://m.example/\u0000',
      `https://m.example/${'a'.repeat(2000)}`,
      '\ud800',
      42,
      undefined,
    ])
      expect(urlOf(url)).toBeNull();
    expect(urlOf('http://m.example/@a/1')).toBe('http://m.example/@a/1');
  });

  it('refuses a huge id by its length, whatever it holds', () => {
    const huge = 'a'.repeat(5_000_000) + '\u0000';
    expect(checkPublishedPost({ externalId: huge, url: `https://m.example/${huge}` })).toEqual({
      problem: 'the post id the network answered is 5000001 characters long (at most 2000)',
    });
  });
});

describe('keptText', () => {
  it('replaces control characters (tab and line breaks kept) and unpaired surrogates by U+FFFD, length unchanged', () => {
    const text = 'a\u0000b\tc\nd\r\u0007\u007f \ud800 \udc00 😀 \ud83d';
    expect(keptText(text)).toBe('a\ufffdb\tc\nd\r\ufffd\ufffd \ufffd \ufffd 😀 \ufffd');
    expect(keptText(text)).toHaveLength(text.length);
    expect(keptText('plain')).toBe('plain');
  });
});

describe('what a network answers about an account', () => {
  it('a handle is kept only as it is: 1 to 500 characters of printable Unicode, or refused with a reason that never repeats it', () => {
    for (const handle of ['alice@example.social', 'é'.repeat(ACCOUNT_HANDLE_MAX_LENGTH), '😀'])
      expect(accountHandleProblem(handle)).toBeNull();
    const refused: [unknown, RegExp][] = [
      ['', /is empty/],
      ['x'.repeat(ACCOUNT_HANDLE_MAX_LENGTH + 1), /is 501 characters long \(at most 500\)/],
      ['nul\u0000here', /control character/],
      ['tab\there', /control character/],
      ['half\udc00', /unpaired surrogate/],
      [null, /is null, not a text/],
      [42, /is number, not a text/],
    ];
    for (const [handle, reason] of refused) {
      const problem = accountHandleProblem(handle);
      expect(problem).toMatch(reason);
      if (typeof handle === 'string' && handle.length > 3) expect(problem).not.toContain(handle);
    }
  });

  it('a display name is made to fit: one line, control characters and lone halves replaced, cut at 200 without leaving half a pair', () => {
    expect(keptDisplayName('  Boulangerie\u0000Dupont\n\tSA  ')).toBe('Boulangerie\ufffdDupont SA');
    expect(keptDisplayName(`${'a'.repeat(ACCOUNT_DISPLAY_NAME_MAX_LENGTH - 1)}😀`)).toBe(
      `${'a'.repeat(ACCOUNT_DISPLAY_NAME_MAX_LENGTH - 1)}\ufffd`,
    );
    expect(keptDisplayName('x'.repeat(5000))).toHaveLength(ACCOUNT_DISPLAY_NAME_MAX_LENGTH);
    for (const none of [undefined, null, 7, '', ' \n\t ']) expect(keptDisplayName(none)).toBeNull();
  });

  it('an address is kept only when it is http(s) and text any store takes', () => {
    expect(keptHttpUrl('https://www.linkedin.com/company/cycles-leman/')).toBe('https://www.linkedin.com/company/cycles-leman/');
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,x',
      'https://a.example/\u0000',
      `https://a.example/${'p'.repeat(2000)}`,
      42,
      null,
    ])
      expect(keptHttpUrl(url)).toBeNull();
  });
});

describe('keptCursor', () => {
  it('keeps a paging cursor only when it is text any store takes, of at most 4,096 characters', () => {
    for (const cursor of ['QVFIUmFmZA', 'x'.repeat(CURSOR_MAX_LENGTH), '{"maxId":"1"}']) expect(keptCursor(cursor)).toBe(cursor);
    for (const cursor of ['', 'a\u0000b', 'half\ud800', 'x'.repeat(CURSOR_MAX_LENGTH + 1), 42, null, undefined, { after: 'x' }])
      expect(keptCursor(cursor)).toBeUndefined();
  });
});

describe('keptMentions', () => {
  it('keeps every string of every mention as text a store takes, attachments included, other values as they are', () => {
    const [kept, odd] = keptMentions([
      {
        externalId: '1\u0000',
        url: 'https://m.example/1',
        authorHandle: 'a\ud800',
        text: 'x\u0000y',
        publishedAt: '2026-12-05T10:00:00Z',
        authorReach: 12,
        attachments: [{ url: 'https://m.example/\udc00.png', kind: 'image', byteSize: 3 }, null],
      },
      null,
    ]);
    expect(kept).toEqual({
      externalId: '1\ufffd',
      url: 'https://m.example/1',
      authorHandle: 'a\ufffd',
      text: 'x\ufffdy',
      publishedAt: '2026-12-05T10:00:00Z',
      authorReach: 12,
      attachments: [{ url: 'https://m.example/\ufffd.png', kind: 'image', byteSize: 3 }, null],
    });
    expect(odd).toBeNull();
    expect(keptMentions('not a list')).toEqual([]);
  });
});
