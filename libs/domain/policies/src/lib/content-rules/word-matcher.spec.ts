import { normaliseForMatching, normaliseInto } from './normalise';
import { WordAutomaton, type RawMatch } from './word-matcher';

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
