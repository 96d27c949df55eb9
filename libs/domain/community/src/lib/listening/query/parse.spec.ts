import { LISTENING_QUERY_LIMITS, ListeningQueryError, parseListeningQuery } from './index';

function errorOf(query: string): { message: string; position: number } | string {
  try {
    parseListeningQuery(query);
    return 'accepted';
  } catch (error) {
    if (!(error instanceof ListeningQueryError)) throw error;
    return { message: error.message, position: error.position };
  }
}

describe('parseListeningQuery: tree', () => {
  it('folds terms, keeps positions, and nests NOT > AND > OR', () => {
    expect(parseListeningQuery('Vélo OR bike -Paris')).toEqual({
      kind: 'or',
      start: 0,
      end: 19,
      children: [
        { kind: 'term', value: 'velo', prefix: false, start: 0, end: 4 },
        {
          kind: 'and',
          start: 8,
          end: 19,
          children: [
            { kind: 'term', value: 'bike', prefix: false, start: 8, end: 12 },
            { kind: 'not', start: 13, end: 19, child: { kind: 'term', value: 'paris', prefix: false, start: 14, end: 19 } },
          ],
        },
      ],
    });
  });

  it('parses phrases, prefixes, hashtags, fields, NOT and explicit AND', () => {
    expect(parseListeningQuery('"Piste  CYCLABLE" AND velo* #Vélo lang:FR from:@Alice@Mastodon.social source:bluesky NOT spam')).toEqual({
      kind: 'and',
      start: 0,
      end: 93,
      children: [
        { kind: 'phrase', value: 'piste cyclable', start: 0, end: 17 },
        { kind: 'term', value: 'velo', prefix: true, start: 22, end: 27 },
        { kind: 'term', value: '#velo', prefix: false, start: 28, end: 33 },
        { kind: 'field', field: 'lang', value: 'fr', start: 34, end: 41 },
        { kind: 'field', field: 'from', value: 'alice@mastodon.social', start: 42, end: 69 },
        { kind: 'field', field: 'source', value: 'bluesky', start: 70, end: 84 },
        { kind: 'not', start: 85, end: 93, child: { kind: 'term', value: 'spam', prefix: false, start: 89, end: 93 } },
      ],
    });
  });

  it('takes lower-case and/or/not as words, parentheses as grouping, a|b as alternatives of a field', () => {
    expect(parseListeningQuery('or and not')).toMatchObject({
      kind: 'and',
      children: [{ value: 'or' }, { value: 'and' }, { value: 'not' }],
    });
    expect(parseListeningQuery('(a OR b) c')).toMatchObject({ kind: 'and', children: [{ kind: 'or' }, { value: 'c' }] });
    expect(parseListeningQuery('x source:bluesky|mastodon')).toMatchObject({
      kind: 'and',
      children: [
        { value: 'x' },
        {
          kind: 'or',
          children: [
            { field: 'source', value: 'bluesky' },
            { field: 'source', value: 'mastodon', start: 17, end: 25 },
          ],
        },
      ],
    });
  });

  it('makes a word with apostrophes or hyphens a phrase of its words; accepts French quotes', () => {
    expect(parseListeningQuery("l'égalité")).toEqual({ kind: 'phrase', value: 'l egalite', start: 0, end: 9 });
    expect(parseListeningQuery('porte-monnaie')).toEqual({ kind: 'phrase', value: 'porte monnaie', start: 0, end: 13 });
    expect(parseListeningQuery('« vélo cargo »')).toEqual({ kind: 'phrase', value: 'velo cargo', start: 0, end: 14 });
  });

  it('accepts Bluesky handles, Mastodon accounts and DIDs in from:, language tags in lang:', () => {
    for (const handle of [
      'alice.bsky.social',
      '@alice.bsky.social',
      'alice@mastodon.social',
      '@alice@mastodon.social',
      'alice_b',
      'did:plc:abc123',
    ]) {
      expect(errorOf(`x from:${handle}`)).toBe('accepted');
    }
    for (const tag of ['fr', 'fr-CA', 'pt_BR', 'zh-hant-tw']) expect(errorOf(`x lang:${tag}`)).toBe('accepted');
  });
});

describe('parseListeningQuery: errors name their position', () => {
  const cases: Array<[string, string, number]> = [
    ['', 'empty query at 0', 0],
    ['   \n ', 'empty query at 0', 0],
    ['velo AND (paris OR lyon', 'unclosed parenthesis at 9', 9],
    ['(', 'unclosed parenthesis at 0', 0],
    ['velo)', 'unbalanced parenthesis at 4', 4],
    [')velo', 'unbalanced parenthesis at 0', 0],
    ['velo () paris', 'empty parentheses at 5', 5],
    ['velo "piste cyclable', 'unclosed quote at 5', 5],
    ['velo ""', 'empty phrase at 5', 5],
    ['velo AND', 'dangling operator AND at 5', 5],
    ['velo OR', 'dangling operator OR at 5', 5],
    ['OR velo', 'dangling operator OR at 0', 0],
    ['velo AND OR paris', 'dangling operator AND at 5', 5],
    ['velo NOT', 'dangling operator NOT at 5', 5],
    ['(velo OR) x', 'dangling operator OR at 6', 6],
    ['velo - paris', 'term without a letter or a digit at 5', 5],
    ['velo (NOT) x', 'dangling operator NOT at 6', 6],
    ['velo foo:bar', "unknown field 'foo' (lang, from, source) at 5", 5],
    ['velo lang:', 'empty value for lang: at 5', 5],
    ['velo lang:français', "bad language 'français' (a code like fr or fr-CA) at 10", 10],
    ['velo from:not/a/handle', "bad handle 'not/a/handle' (alice.bsky.social, @alice@instance.social) at 10", 10],
    ['velo source:twitter', "unknown source 'twitter' (bluesky, mastodon, rss) at 12", 12],
    ['velo source:rss|twiter', "unknown source 'twiter' (bluesky, mastodon, rss) at 16", 16],
    ['v*', 'bad wildcard (a single word of at least 2 letters before *) at 1', 1],
    ['*', 'bad wildcard (a single word of at least 2 letters before *) at 0', 0],
    ['ve*lo', 'bad wildcard (only a trailing * is allowed) at 2', 2],
    ['velo**', 'bad wildcard (only a trailing * is allowed) at 4', 4],
    ["paris l'ég*", 'bad wildcard (a single word of at least 2 letters before *) at 10', 10],
    ['velo 🚲', 'term without a letter or a digit at 5', 5],
    ['-velo', 'a query of only NOT would match nearly every mention at 0', 0],
    ['NOT velo NOT paris', 'a query of only NOT would match nearly every mention at 0', 0],
    ['velo OR -paris', 'a query of only NOT would match nearly every mention at 0', 0],
    ['NOT (velo paris)', 'a query of only NOT would match nearly every mention at 0', 0],
    ['source:bluesky source:mastodon', 'sources that exclude each other: no mention can match at 0', 0],
    ['velo\u0000paris', 'control character at 4', 4],
  ];

  it.each(cases)('%j → %s', (query, message, position) => {
    expect(errorOf(query)).toEqual({ message, position });
  });

  it('accepts what the refusals are close to', () => {
    for (const query of [
      'NOT NOT velo',
      'velo -paris',
      'NOT velo lang:fr',
      '(velo OR bike) -(paris lyon)',
      've*',
      'source:rss -spam',
      'a-b',
      'velo -',
    ]) {
      // 'velo -': a minus before nothing is a term without letters, refused; the others are accepted
      expect({ query, outcome: errorOf(query) }).toEqual({
        query,
        outcome: query === 'velo -' ? { message: 'term without a letter or a digit at 5', position: 5 } : 'accepted',
      });
    }
  });

  it('refuses a query over the length limit at the limit', () => {
    const max = LISTENING_QUERY_LIMITS.maxLength;
    expect(errorOf('ab '.repeat(max).slice(0, max))).toEqual({ message: 'too many terms (limit 200) at 600', position: 600 });
    expect(errorOf('a'.repeat(max))).toBe('accepted');
    expect(errorOf('a'.repeat(max + 1))).toEqual({ message: `query too long (limit ${max} characters) at ${max}`, position: max });
  });

  it('refuses too many terms at the first one over the limit, counting field alternatives', () => {
    const terms = Array.from({ length: LISTENING_QUERY_LIMITS.maxLeaves }, (_, i) => `w${i}`);
    expect(errorOf(terms.join(' '))).toBe('accepted');
    const over = [...terms, 'extra'].join(' ');
    expect(errorOf(over)).toEqual({ message: 'too many terms (limit 200) at ' + over.indexOf('extra'), position: over.indexOf('extra') });
    const alternatives = `x lang:${Array.from({ length: 200 }, () => 'fr').join('|')}`;
    expect(errorOf(alternatives)).toEqual({
      message: `too many terms (limit 200) at ${alternatives.length - 2}`,
      position: alternatives.length - 2,
    });
  });

  it('refuses nesting deeper than the limit at the parenthesis or NOT that exceeds it', () => {
    const depth = LISTENING_QUERY_LIMITS.maxDepth;
    expect(errorOf(`${'('.repeat(depth)}velo${')'.repeat(depth)}`)).toBe('accepted');
    expect(errorOf(`${'('.repeat(depth + 1)}velo${')'.repeat(depth + 1)}`)).toEqual({
      message: `query too deep (limit ${depth} levels of parentheses and NOT) at ${depth}`,
      position: depth,
    });
    expect(errorOf(`velo ${'NOT '.repeat(depth + 1)}paris`)).toEqual({
      message: `query too deep (limit ${depth} levels of parentheses and NOT) at ${5 + 4 * depth}`,
      position: 5 + 4 * depth,
    });
    // a hostile nesting is refused, not a stack overflow
    expect(errorOf('('.repeat(1900) + 'a' + ')'.repeat(99))).toMatchObject({ position: depth });
  });
});

describe('parseListeningQuery on generated garbage', () => {
  it('either returns a tree whose positions lie in the text or throws a ListeningQueryError inside it', () => {
    const alphabet = [
      '(',
      ')',
      '"',
      '«',
      '»',
      '-',
      '*',
      '#',
      ':',
      '|',
      ' ',
      'AND',
      'OR',
      'NOT',
      'a',
      'vé',
      "l'",
      'lang:',
      'from:',
      'source:',
      'fr',
      'rss',
      '🚲',
      '\u0000',
      '\u0301',
    ];
    let state = 12345;
    const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    const outcomes = { accepted: 0, refused: 0 };
    for (let i = 0; i < 3000; i++) {
      const query = Array.from({ length: 1 + Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      try {
        const node = parseListeningQuery(query);
        expect({ query, inside: node.start >= 0 && node.end <= query.length && node.start < node.end }).toEqual({ query, inside: true });
        outcomes.accepted++;
      } catch (error) {
        expect({ query, typed: error instanceof ListeningQueryError }).toEqual({ query, typed: true });
        const position = (error as ListeningQueryError).position;
        expect({ query, inside: position >= 0 && position <= query.length }).toEqual({ query, inside: true });
        outcomes.refused++;
      }
    }
    expect(outcomes.accepted).toBeGreaterThan(100);
    expect(outcomes.refused).toBeGreaterThan(100);
  });
});
