import { compileListeningQuery, foldText, prepareMention, type MatchableMention } from './index';

const mention = (text: string, extra: Partial<MatchableMention> = {}): MatchableMention => ({ text, source: 'bluesky', ...extra });

describe('foldText', () => {
  it('folds case, accents, ligatures and format characters (NFKD)', () => {
    expect(foldText('ÉGALITÉ Œuvre Straße ﬁn Ångström ça')).toBe('egalite oeuvre strasse fin angstrom ca');
    expect(foldText('vé\u00ADlo vé\u200Blo')).toBe('velo velo');
    expect(foldText('e\u0301galite\u0301')).toBe(foldText('égalité'));
  });
});

describe('matching: a table of queries and texts', () => {
  const table: Array<[query: string, text: string, expected: boolean]> = [
    // whole words, folded
    ['égalité', "Pour l'égalité réelle", true],
    ['egalite', 'ÉGALITÉ !', true],
    ['égalité', 'inégalités', false],
    ['egal', 'égalité', false],
    ['velo', 'vélos', false],
    ['bike', 'Bikes everywhere', false],
    ['bike', 'A bike, a BIKE.', true],
    // French apostrophes, straight and curly
    ['égalité', 'l’égalité', true],
    ["l'égalité", 'Vive l’Égalité', true],
    ["l'égalité", 'égalité', false],
    ["aujourd'hui", 'Aujourd’hui il pleut', true],
    ['hui', "aujourd'hui", true],
    // English possessive and contractions
    ['macron', "Macron's speech", true],
    ["don't", 'I do not', false],
    // prefixes: the start of a word
    ['velo*', 'Vélotaf du matin', true],
    ['velo*', 'un vélo', true],
    ['velo*', 'cyclovélo', false],
    ['cycl*', 'Cyclists unite', true],
    // phrases: whole words in sequence
    ['"piste cyclable"', 'Une PISTE, cyclable !', true],
    ['"piste cyclable"', 'piste très cyclable', false],
    ['"piste cyclable"', 'pistes cyclables', false],
    ['"piste cyclable"', 'cyclable piste', false],
    ['"a b a b c"', 'a b a b a b c', true],
    ['"a b a b c"', 'a b a b a b', false],
    ['porte-monnaie', 'mon porte monnaie', true],
    // hashtags
    ['velo', '#Vélo au travail', true],
    ['#velo', 'Du #vélo !', true],
    ['#velo', 'du vélo sans dièse', false],
    ['#velo', 'a#velo glued to a word', false],
    ['#velo*', '#VeloTaf', true],
    ['#velo*', 'velotaf', false],
    ['velotaf', '#VéloTaf', true],
    // emoji are ignored
    ['velo', '🚲vélo🚲', true],
    ['"velo cargo"', 'vélo 🚲 cargo', true],
    ['velo', '👍🏽👨‍👩‍👧', false],
    // operators
    ['velo paris', 'vélo à Paris', true],
    ['velo paris', 'vélo à Lyon', false],
    ['velo OR bike', 'bike lane', true],
    ['velo OR bike', 'car lane', false],
    ['velo -paris', 'vélo à Lyon', true],
    ['velo -paris', 'vélo à Paris', false],
    ['velo NOT "à paris"', 'vélo à Paris', false],
    ['velo AND NOT paris', 'vélo hors Paris', false],
    ['velo OR bike lyon', 'vélo', true],
    ['velo OR bike lyon', 'bike', false],
    ['(velo OR bike) lyon', 'vélo', false],
    ['(velo OR bike) lyon', 'bike à Lyon', true],
    ['NOT NOT velo', 'vélo', true],
    ['a-b', 'a b', true],
    // digits and underscores
    ['2026', 'JO 2026 !', true],
    ['velo_taf', '#velo_taf', true],
  ];

  it.each(table)('%j on %j → %s', (query, text, expected) => {
    const compiled = compileListeningQuery(query);
    expect(compiled.matches(mention(text))).toBe(expected);
    expect(compiled.matchesPrepared(prepareMention(mention(text)))).toBe(expected);
  });
});

describe('matching: fields', () => {
  it('lang: matches the language and its regional variants, never an unknown language', () => {
    const french = compileListeningQuery('velo lang:fr');
    expect(french.matches(mention('vélo', { language: 'fr' }))).toBe(true);
    expect(french.matches(mention('vélo', { language: 'fr-CA' }))).toBe(true);
    expect(french.matches(mention('vélo', { language: 'fr_FR' }))).toBe(true);
    expect(french.matches(mention('vélo', { language: 'fro' }))).toBe(false);
    expect(french.matches(mention('vélo', { language: 'en' }))).toBe(false);
    expect(french.matches(mention('vélo', { language: null }))).toBe(false);
    expect(compileListeningQuery('velo lang:fr-ca').matches(mention('vélo', { language: 'fr' }))).toBe(false);
  });

  it('from: matches Bluesky handles and Mastodon accounts with or without @, case-insensitively', () => {
    const bluesky = compileListeningQuery('velo from:@Alice.bsky.social');
    expect(bluesky.matches(mention('vélo', { authorHandle: 'alice.bsky.social' }))).toBe(true);
    expect(bluesky.matches(mention('vélo', { authorHandle: '@ALICE.bsky.social' }))).toBe(true);
    expect(bluesky.matches(mention('vélo', { authorHandle: 'bob.bsky.social' }))).toBe(false);
    expect(bluesky.matches(mention('vélo', { authorHandle: null }))).toBe(false);
    const mastodon = compileListeningQuery('velo from:alice@mastodon.social');
    expect(mastodon.matches(mention('vélo', { authorHandle: '@alice@mastodon.social' }))).toBe(true);
    expect(mastodon.matches(mention('vélo', { authorHandle: 'alice@other.social' }))).toBe(false);
    const bare = compileListeningQuery('velo from:alice');
    expect(bare.matches(mention('vélo', { authorHandle: '@alice@mastodon.social' }))).toBe(true);
    expect(bare.matches(mention('vélo', { authorHandle: 'alice' }))).toBe(true);
    expect(bare.matches(mention('vélo', { authorHandle: 'alicette@mastodon.social' }))).toBe(false);
    expect(bare.matches(mention('vélo', { authorHandle: 'alice.bsky.social' }))).toBe(false);
  });

  it('source: limits the query and its `sources`; NOT source widens to every source', () => {
    const query = compileListeningQuery('velo source:mastodon|rss');
    expect(query.sources).toEqual(['mastodon', 'rss']);
    expect(query.matches(mention('vélo', { source: 'rss' }))).toBe(true);
    expect(query.matches(mention('vélo', { source: 'bluesky' }))).toBe(false);
    expect(compileListeningQuery('velo').sources).toEqual([]);
    expect(compileListeningQuery('velo -source:rss').sources).toEqual([]);
    expect(compileListeningQuery('(velo source:rss) OR bike').sources).toEqual([]);
    expect(compileListeningQuery('(velo source:rss) OR (bike source:bluesky)').sources).toEqual(['bluesky', 'rss']);
    expect(compileListeningQuery('source:rss|bluesky velo source:bluesky').sources).toEqual(['bluesky']);
  });

  it('refuses a mention that was not prepared by prepareMention', () => {
    expect(() =>
      compileListeningQuery('velo').matchesPrepared({
        words: ['velo'],
        hashtags: new Set(),
        language: null,
        authorHandle: null,
        source: 'rss',
      }),
    ).toThrow(TypeError);
  });
});

/** A small deterministic generator: the same cases on every run. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe('matching: properties over generated texts', () => {
  const vocabulary = ['vélo', 'velo', 'Paris', 'lyon', 'bike', '#vélo', "l'égalité", 'égalité', 'piste', 'cyclable', '🚲', 'velotaf', 'à'];
  const random = generator(42);
  const pick = () => vocabulary[Math.floor(random() * vocabulary.length)];
  const texts = Array.from({ length: 300 }, () =>
    Array.from({ length: 1 + Math.floor(random() * 8) }, pick).join(random() < 0.5 ? ' ' : ', '),
  );
  const atoms = ['velo', 'paris', '"piste cyclable"', 'velo*', '#velo', 'egalite', "l'égalité", 'lyon OR bike', '(paris -lyon)'];
  const prepared = texts.map((text) => prepareMention(mention(text)));

  it('NOT inverts (given a positive part), OR is the union, AND the intersection', () => {
    let seen = 0;
    for (const a of atoms) {
      for (const b of atoms) {
        const qa = compileListeningQuery(a);
        const qb = compileListeningQuery(b);
        const and = compileListeningQuery(`(${a}) (${b})`);
        const or = compileListeningQuery(`(${a}) OR (${b})`);
        const andNot = compileListeningQuery(`(${a}) NOT (${b})`);
        for (const text of prepared) {
          const [ma, mb] = [qa.matchesPrepared(text), qb.matchesPrepared(text)];
          expect([a, b, text.words, and.matchesPrepared(text), or.matchesPrepared(text), andNot.matchesPrepared(text)]).toEqual([
            a,
            b,
            text.words,
            ma && mb,
            ma || mb,
            ma && !mb,
          ]);
          if (ma) seen++;
        }
      }
    }
    // the generated texts exercise both outcomes
    expect(seen).toBeGreaterThan(1000);
    expect(seen).toBeLessThan(atoms.length * atoms.length * texts.length);
  });

  it('matches and matchesPrepared agree, and one prepared mention serves many queries', () => {
    for (const atom of atoms) {
      const query = compileListeningQuery(atom);
      texts.forEach((text, i) =>
        expect([atom, text, query.matches(mention(text))]).toEqual([atom, text, query.matchesPrepared(prepared[i])]),
      );
    }
  });
});
