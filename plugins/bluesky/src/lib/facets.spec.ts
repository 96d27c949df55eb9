import { buildFacets, detectSpans, utf8Offset } from './facets';
import { encodeTid, parseAtUri, postWebUrl, recordKeyFor, TID_PATTERN } from './record-key';

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

  it('keeps parentheses that belong to a URL and drops closing punctuation', () => {
    const spans = detectSpans('(see https://en.wikipedia.org/wiki/Foo_(bar)) and https://a.example.');
    expect(spans.map((span) => span.value)).toEqual(['https://en.wikipedia.org/wiki/Foo_(bar)', 'https://a.example']);
  });

  it('does not take numbers for tags', () => {
    expect(detectSpans('#1 du classement #top10').map((span) => span.value)).toEqual(['top10']);
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
