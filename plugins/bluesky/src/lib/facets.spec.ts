import { RichText } from '@atproto/api';
import { isValidUri } from '@atproto/syntax';
import tlds from 'tlds';
import { buildFacets, detectSpans, isWhiteSpace, utf8Offset, utf8Offsets } from './facets';
import { encodeTid, parseAtUri, postWebUrl, recordKeyFor, TID_PATTERN } from './record-key';
import { TOP_LEVEL_DOMAINS } from './tlds';

interface Found {
  byteStart: number;
  byteEnd: number;
  kind: string;
  value: string;
}

/** Our spans as the client would write them before resolving mentions (a mention's value is the handle). */
function ours(text: string): Found[] {
  const spans = detectSpans(text);
  const offsets = utf8Offsets(
    text,
    spans.flatMap((span) => [span.start, span.end]),
  );
  return spans.map((span, index) => ({
    byteStart: offsets[2 * index],
    byteEnd: offsets[2 * index + 1],
    kind: span.kind,
    value: span.value,
  }));
}

/** The official client's facets (`RichText.detectFacetsWithoutResolution` of `@atproto/api`), in the same shape. */
function official(text: string): Found[] {
  const rich = new RichText({ text });
  rich.detectFacetsWithoutResolution();
  return (rich.facets ?? []).map((facet) => {
    const feature = facet.features[0] as { $type: string; uri?: string; did?: string; tag?: string };
    const kind = feature.$type.split('#')[1];
    return { ...facet.index, kind, value: feature.uri ?? feature.did ?? feature.tag ?? '' };
  });
}

/**
 * The two documented differences, both where the client writes a link the PDS refuses
 * (`uri` not in the lexicon's format): such client links are left out of the comparison,
 * and so are ours that replace them (a scheme-less link whose domain starts with `http`).
 */
function comparable(text: string): { mine: Found[]; theirs: Found[] } {
  const bytes = Buffer.from(text, 'utf8');
  const source = (found: Found) => bytes.subarray(found.byteStart, found.byteEnd).toString('utf8');
  return {
    mine: ours(text).filter((found) => !(found.kind === 'link' && /^http/.test(source(found)) && !/^https?:\/\//.test(source(found)))),
    theirs: official(text).filter((found) => found.kind !== 'link' || isValidUri(found.value)),
  };
}

/** A small deterministic generator (mulberry32), so that a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOKENS = [
  // words, accents, emoji, ZWJ sequences, keycaps
  'Café',
  'été',
  'déjà',
  'œuvre',
  'naïve',
  'e\u0301',
  'hello',
  'world',
  'Réunion',
  '☕',
  '✨',
  '🎉',
  '👩‍👩‍👧',
  '👍🏽',
  '🏳️‍🌈',
  '#️⃣',
  '1️⃣',
  '#\u20e3',
  '＃',
  '#',
  '##',
  '@',
  '$',
  '(',
  ')',
  '.',
  ',',
  '!',
  '?',
  '…',
  '—',
  '«',
  '»',
  '’',
  '"',
  "'",
  '_',
  '-',
  // links with and without a scheme, trailing punctuation, parentheses
  'https://socle.example/a?b=1',
  'https://en.wikipedia.org/wiki/Foo_(bar)',
  'http://x.co',
  'HTTPS://EXAMPLE.COM',
  'Https://bsky.app',
  'https://',
  'https://.',
  'www.example.fr/offres',
  'bsky.app',
  'bsky.app/profile/x',
  'example.invalid',
  'foo.bar',
  'a.b',
  'sub.domain.co.uk',
  'exemple.fr.',
  'site.com)',
  '(site.com)',
  'WWW.EXAMPLE.FR',
  'my-site.fr',
  'x.y.z',
  'version 1.2.3',
  'fichier.txt',
  'www.',
  // handles, e-mail addresses
  '@alice.test',
  '@Alice.Bsky.Social',
  '@bob.example.com',
  '@bob.example.com.',
  '@x',
  '@bad.invalid',
  '@a-b.fr',
  '@-x.com',
  '@a_b.com',
  '@café.fr',
  'contact@socle.fr',
  '@.com',
  '@a..com',
  // tags, cashtags, amounts
  '#lancement',
  '#2024',
  '#top10',
  '#1',
  '#été',
  '#a!',
  '#a!!b',
  '#_',
  '#a_b',
  '#tag.',
  '#☕',
  '#👩‍👩‍👧',
  '#a\u200bb',
  '#\ufe0fa',
  '#a#b',
  '#' + 'x'.repeat(64),
  '#' + 'x'.repeat(65),
  '#' + '☕'.repeat(33),
  '$AAPL',
  '$aapl',
  '$5',
  '$5.00',
  '$AAPLX',
  '$AAPLXY',
  '$A1',
  '$a.',
  '$A)',
  '$BRK"',
  '$X’',
  '($TSLA)',
  '$TSLA-',
  '$€',
];
const SEPARATORS = [' ', ' ', ' ', '', '\n', '\u00a0', '\u3000', '\u200b', '(', ')', '. ', ', ', '\t'];

function generatedTexts(count: number, seed: number): string[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  return Array.from({ length: count }, () => {
    let text = '';
    const length = 1 + Math.floor(next() * 12);
    for (let index = 0; index < length; index++) text += (index ? pick(SEPARATORS) : '') + pick(TOKENS);
    return text;
  });
}

const HAND_WRITTEN = [
  'Café ☕ avec @alice.test, voir https://socle.example/a?b=1. #lancement!',
  'Retrouvez nos offres sur www.example.fr/offres, et suivez-nous sur bsky.app !',
  '#️⃣ n’est pas un hashtag, #1 non plus, mais #top10 oui',
  '$AAPL monte, $5 ne compte pas, ($TSLA) et $msft. oui, $AAPLX1 non',
  '(voir https://en.wikipedia.org/wiki/Foo_(bar)) et https://a.example.',
  'Merci @bsky.app et @Alice.Bsky.Social ! Écrire à contact@socle.fr',
  'Famille 👩‍👩‍👧 #famille #famille👩‍👩‍👧 #👍🏽',
  'URL entre parenthèses (https://socle.example/page) puis (bsky.app)',
  'httpbin.org/get et http://ok.example',
  'Ligne 1\n#tag\n@alice.test\nwww.socle.fr',
  '＃pleinechasse et #a\u200bb',
  'https://x.example/($AAPL) et https://x.example/(@bsky.app)',
  '',
];

describe('facets', () => {
  it('finds links, mentions and tags with their UTF-8 byte offsets', () => {
    const text = 'Café ☕ avec @alice.test, voir https://socle.example/a?b=1. #lancement!';
    const spans = detectSpans(text);
    expect(spans.map((span) => [span.kind, span.value])).toEqual([
      ['mention', 'alice.test'],
      ['link', 'https://socle.example/a?b=1'],
      ['tag', 'lancement'],
    ]);
    const facets = buildFacets(text, spans, new Map([['alice.test', 'did:plc:alice']]));
    const bytes = Buffer.from(text, 'utf8');
    const slice = (index: { byteStart: number; byteEnd: number }) => bytes.subarray(index.byteStart, index.byteEnd).toString('utf8');
    expect(facets.map((facet) => slice(facet.index))).toEqual(['@alice.test', 'https://socle.example/a?b=1', '#lancement']);
    expect(facets[0].features).toEqual([{ $type: 'app.bsky.richtext.facet#mention', did: 'did:plc:alice' }]);
    // "Café ☕ avec " is 12 code units but 15 bytes (é: 2, ☕: 3).
    expect(facets[0].index.byteStart).toBe(15);
    expect(utf8Offset(text, 12)).toBe(15);
  });

  it('leaves an unresolved mention as plain text and ignores handles inside links or e-mail addresses', () => {
    const text = 'Écrire à contact@socle.test ou @nobody.test, https://x.example/@bob.test';
    const spans = detectSpans(text);
    expect(spans.map((span) => span.kind)).toEqual(['mention', 'link']);
    expect(buildFacets(text, spans, new Map())).toHaveLength(1);
  });

  it('resolves a mention whatever the case of the handle', () => {
    const text = 'Merci @Alice.Bsky.social';
    expect(buildFacets(text, detectSpans(text), new Map([['alice.bsky.social', 'did:plc:alice']]))[0].features).toEqual([
      { $type: 'app.bsky.richtext.facet#mention', did: 'did:plc:alice' },
    ]);
  });

  it('does not take the keycap emoji #️⃣ for a hashtag, nor numbers', () => {
    const text = '#️⃣ #1 du classement #top10 #2024';
    const start = text.indexOf('#top10');
    expect(detectSpans(text)).toEqual([{ kind: 'tag', start, end: start + 6, value: 'top10' }]);
  });

  it('makes links of scheme-less domains with a real TLD, with https://', () => {
    const values = (text: string) => detectSpans(text).map((span) => [span.kind, span.value]);
    expect(values('Nos offres : www.example.fr/offres, et bsky.app.')).toEqual([
      ['link', 'https://www.example.fr/offres'],
      ['link', 'https://bsky.app'],
    ]);
    // Not TLDs: a file name, a version number, a reserved name.
    expect(values('fichier.txt version 1.2.3 site.invalid')).toEqual([]);
  });

  it('makes cashtags of tickers, not of amounts', () => {
    const spans = detectSpans('$AAPL et $msft, ($TSLA) mais pas $5 ni $AAPLX1');
    expect(spans.map((span) => [span.kind, span.value])).toEqual([
      ['tag', '$AAPL'],
      ['tag', '$MSFT'],
      ['tag', '$TSLA'],
    ]);
  });

  it('writes only links whose uri the PDS accepts, where the official client would not', () => {
    // The client keeps `httpbin.org/get` without a scheme, and `https://.` as `https://`: both fail the lexicon's uri format.
    const spans = detectSpans('httpbin.org/get https://. https://)');
    expect(spans).toEqual([{ kind: 'link', start: 0, end: 15, value: 'https://httpbin.org/get' }]);
    for (const span of spans) expect(isValidUri(span.value)).toBe(true);
  });

  it('gives the official client’s facets on hand-written texts', () => {
    for (const text of HAND_WRITTEN) {
      const { mine, theirs } = comparable(text);
      expect({ text, facets: mine }).toEqual({ text, facets: theirs });
    }
    // The comparison is not vacuous: these texts hold every kind of facet.
    const kinds = new Set(
      HAND_WRITTEN.flatMap((text) => ours(text).map((found) => (found.value.startsWith('$') ? 'cashtag' : found.kind))),
    );
    expect([...kinds].sort()).toEqual(['cashtag', 'link', 'mention', 'tag']);
  });

  it('gives the official client’s facets on 600 generated French and English texts', () => {
    const texts = generatedTexts(600, 20240611);
    let facets = 0;
    for (const text of texts) {
      const { mine, theirs } = comparable(text);
      expect({ text, facets: mine }).toEqual({ text, facets: theirs });
      facets += mine.length;
    }
    expect(facets).toBeGreaterThan(600);
  });

  it('agrees with JavaScript on white space, and with the tlds package on ASCII TLDs', () => {
    for (let code = 0; code <= 0xffff; code++) {
      if (isWhiteSpace(code) !== /\s/.test(String.fromCharCode(code))) throw new Error(`U+${code.toString(16)}`);
    }
    expect(isWhiteSpace(0x20)).toBe(true);
    const ascii = tlds.filter((tld) => /^[a-z0-9-]+$/.test(tld)).sort();
    expect([...TOP_LEVEL_DOMAINS].sort()).toEqual(ascii);
  });

  it('converts UTF-16 indexes to UTF-8 offsets as Buffer does, lone surrogates included', () => {
    const text = 'aé☕👩‍👩‍👧\ud800x\udc00y👍';
    const indexes = Array.from({ length: text.length + 1 }, (_, index) => text.length - index);
    expect(utf8Offsets(text, indexes)).toEqual(indexes.map((index) => Buffer.byteLength(text.slice(0, index), 'utf8')));
  });
});

describe('record keys', () => {
  it('derives a valid TID, the same for the same key and part, different otherwise', () => {
    const key = recordKeyFor('content-42:bluesky');
    expect(key).toMatch(TID_PATTERN);
    expect(recordKeyFor('content-42:bluesky')).toBe(key);
    expect(recordKeyFor('content-42:bluesky', 1)).not.toBe(key);
    expect(recordKeyFor('content-43:bluesky')).not.toBe(key);
  });

  it('encodes TIDs in base32-sortable order', () => {
    expect(encodeTid(0n)).toBe('2222222222222');
    expect(encodeTid(1n) > encodeTid(0n)).toBe(true);
    expect(encodeTid((1n << 63n) - 1n)).toBe('bzzzzzzzzzzzz');
  });

  it('parses AT URIs and builds web URLs', () => {
    const uri = 'at://did:plc:abc/app.bsky.feed.post/3k2la3b';
    expect(parseAtUri(uri, 't')).toEqual({ repo: 'did:plc:abc', collection: 'app.bsky.feed.post', rkey: '3k2la3b' });
    expect(postWebUrl('https://bsky.app/', uri)).toBe('https://bsky.app/profile/did:plc:abc/post/3k2la3b');
    expect(() => parseAtUri('https://bsky.app/x', 't')).toThrow(/not an AT URI/);
  });
});
