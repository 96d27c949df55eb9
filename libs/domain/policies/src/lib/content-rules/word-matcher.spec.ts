import { checkContent } from './content-policy';
import { normaliseForMatching, normaliseInto } from './normalise';
import { MAX_STEMMED_WORDS, StemMatcher, WordAutomaton, type RawMatch } from './word-matcher';

/** Whole-word matches of `words` in `text`, as normalised spans [word, start, end]. */
function find(words: string[], text: string): [string, number, number][] {
  const patterns = words.map(normaliseForMatching);
  const automaton = new WordAutomaton(patterns);
  const n = normaliseInto(text);
  const found: RawMatch[] = [];
  automaton.scan(n.units, n.length, found);
  return found.map((m) => [words[m.pattern], m.start, m.end]);
}

describe('WordAutomaton', () => {
  it('finds every pattern, overlapping ones included, in one pass', () => {
    expect(find(['he', 'she', 'hers', 'his'], 'ushers')).toEqual([]);
    expect(find(['he', 'she', 'hers', 'his'], 'she he hers his')).toEqual([
      ['she', 0, 3],
      ['he', 4, 6],
      ['hers', 7, 11],
      ['his', 12, 15],
    ]);
    expect(find(['prix', 'prix imbattable', 'imbattable'], 'un prix imbattable')).toEqual([
      ['prix', 3, 7],
      ['prix imbattable', 3, 18],
      ['imbattable', 8, 18],
    ]);
  });

  it('matches whole words only: no prefix, suffix or inner match', () => {
    expect(find(['scam'], 'scampi scams ascam scam2 scam')).toEqual([['scam', 25, 29]]);
    expect(find(['arnaque'], 'arnaques arnaquer arnaque.')).toEqual([['arnaque', 18, 25]]);
  });

  it('treats hyphens and punctuation as separators', () => {
    expect(find(['arnaque'], 'anti-arnaque')).toEqual([['arnaque', 5, 12]]);
    expect(find(['arnaque'], '(arnaque)')).toEqual([['arnaque', 1, 8]]);
    expect(find(['arnaque'], '#arnaque')).toEqual([['arnaque', 1, 8]]);
  });

  it('splits at an apostrophe after a French elided word only', () => {
    expect(find(['arnaque'], "l'arnaque d'arnaque qu'arnaque jusqu'arnaque")).toEqual([
      ['arnaque', 2, 9],
      ['arnaque', 12, 19],
      ['arnaque', 23, 30],
      ['arnaque', 37, 44],
    ]);
    expect(find(['hui', 'aujourd'], "aujourd'hui")).toEqual([]);
    expect(find(['aujourd\u2019hui'], "c'est aujourd'hui")).toEqual([['aujourd’hui', 6, 17]]);
  });

  it('splits before an English clitic, not inside "n\'t" contractions', () => {
    expect(find(['scam'], "the scam's end")).toEqual([['scam', 4, 8]]);
    expect(find(['it'], "it's")).toEqual([['it', 0, 2]]);
    expect(find(['don', 't'], "don't")).toEqual([]);
  });

  it('treats a quote as a separator', () => {
    expect(find(['scam'], "a 'scam' indeed")).toEqual([['scam', 3, 7]]);
  });

  it('checks boundaries only on the sides where a pattern starts or ends with a letter or digit', () => {
    expect(find(['#pub'], '#pub #pubs x#pub')).toEqual([
      ['#pub', 0, 4],
      ['#pub', 12, 16],
    ]);
    expect(find(["t'"], "t'as vu ? Tout t'ira")).toEqual([
      ["t'", 0, 2],
      ["t'", 15, 17],
    ]);
  });

  it('sees letters of other scripts and astral letters as word characters', () => {
    expect(find(['ola'], 'ολα ola')).toEqual([['ola', 4, 7]]);
    expect(find(['ab'], '𝐀ab ab🎉')).toEqual([['ab', 5, 7]]);
  });
});

/** Inflected matches of `words` in `text`, as [word, text as written]. */
function inflected(words: string[], text: string): [string, string][] {
  const matcher = new StemMatcher(words.map((w) => normaliseForMatching(w).trim()));
  const n = normaliseInto(text);
  const found: RawMatch[] = [];
  matcher.scan(n.units, n.length, found);
  return found.map((m) => [words[m.pattern], text.slice(n.starts[m.start], n.ends[m.end - 1])]);
}

describe('StemMatcher (inflected forms)', () => {
  it('finds French plural and feminine forms, and after an elision', () => {
    expect(inflected(['industriel'], "Industriels, industrielle, INDUSTRIELLES, l'industriel, l’industrielle.")).toEqual([
      ['industriel', 'Industriels'],
      ['industriel', 'industrielle'],
      ['industriel', 'INDUSTRIELLES'],
      ['industriel', 'industriel'],
      ['industriel', 'industrielle'],
    ]);
    // The rule may be written in any of those forms.
    expect(inflected(['industrielles'], 'un industriel')).toEqual([['industrielles', 'industriel']]);
    expect(inflected(['gratuit'], 'Gratuite ! gratuits, gratuites.')).toEqual([
      ['gratuit', 'Gratuite'],
      ['gratuit', 'gratuits'],
      ['gratuit', 'gratuites'],
    ]);
    expect(inflected(['arnaque'], 'arnaquée, arnaqués, arnaquer')).toEqual([
      ['arnaque', 'arnaquée'],
      ['arnaque', 'arnaqués'],
      ['arnaque', 'arnaquer'],
    ]);
  });

  it('finds English plurals and -ing forms', () => {
    expect(inflected(['scam'], 'Scams, scamming and a scam.')).toEqual([
      ['scam', 'Scams'],
      ['scam', 'scamming'],
      ['scam', 'scam'],
    ]);
    expect(inflected(['cheap deal'], 'Cheap deals!')).toEqual([['cheap deal', 'Cheap deals']]);
  });

  it('treats a hyphen, a space and nothing between the words of an entry alike', () => {
    const text = 'low cost, low-cost, LOWCOST, low\u2011cost, low\u00A0\ncost';
    const expected = ['low cost', 'low-cost', 'LOWCOST', 'low\u2011cost', 'low\u00A0\ncost'];
    expect(inflected(['low cost'], text).map(([, found]) => found)).toEqual(expected);
    expect(inflected(['low-cost'], text).map(([, found]) => found)).toEqual(expected);
    // Inflected too: "low-costs".
    expect(inflected(['low-cost'], 'des low-costs')).toEqual([['low-cost', 'low-costs']]);
    // Not across other punctuation.
    expect(inflected(['low cost'], 'Prices are low. Cost matters; low/cost, low_cost')).toEqual([]);
  });

  it('does not find unrelated words that share a prefix', () => {
    // Each pair: the rule word, then words beginning like it that are other words.
    const cases: [string, string][] = [
      ['scam', 'scampi scampis'],
      ['industriel', 'industrie industries industrialisation'],
      ['cost', 'costume costumes costard'],
      ['arnaque', 'arnica'],
      ['prix', 'prixfixe'],
      ['pub', 'public publicité pubert'],
      ['car', 'cargo carte caravane'],
      ['low cost', 'low costume lowcostume'],
    ];
    for (const [word, text] of cases) expect({ word, found: inflected([word], text) }).toEqual({ word, found: [] });
  });

  it('keeps an apostrophe inside a word whole, and splits English clitics', () => {
    expect(inflected(['hui'], "aujourd'hui")).toEqual([]);
    expect(inflected(['scam'], "the scam's end")).toEqual([['scam', 'scam']]);
  });

  it('leaves entries that are not plain words to the exact match', () => {
    expect(inflected(['#pub'], 'pub #pub pubs')).toEqual([]);
    expect(
      inflected(
        Array.from({ length: MAX_STEMMED_WORDS + 1 }, () => 'mot'),
        'mot',
      ),
    ).toEqual(Array.from({ length: MAX_STEMMED_WORDS + 1 }, () => ['mot', 'mot']));
    expect(inflected([Array.from({ length: MAX_STEMMED_WORDS + 1 }, () => 'mot').join(' ')], 'mot '.repeat(20))).toEqual([]);
  });

  it('reports spans of the original text through checkContent, with the rule word in the message', () => {
    const text = 'Nos prix LOW-COSTS pour les industrielles.';
    const violations = checkContent(
      { locale: 'en', rules: [{ id: 'voice', kind: 'AVOID_WORDS', severity: 'WARN', words: ['low cost', 'industriel'] }] },
      text,
    );
    expect(violations.map((v) => [text.slice(v.start, v.end), v.message])).toEqual([
      ['LOW-COSTS', expect.stringContaining('"low cost"')],
      ['industrielles', expect.stringContaining('"industriel"')],
    ]);
  });

  it('survives hostile text: NUL bytes, lone surrogates, a 100 kB word', () => {
    const matcher = new StemMatcher(['arnaque', 'low cost'].map(normaliseForMatching));
    const text = `\u0000arnaques\ud800low\udc00cost ${'a'.repeat(100_000)} arnaque`;
    const n = normaliseInto(text);
    const found: RawMatch[] = [];
    matcher.scan(n.units, n.length, found);
    expect(found.map((m) => text.slice(n.starts[m.start], n.ends[m.end - 1]))).toEqual(['arnaques', 'arnaque']);
  });
});
