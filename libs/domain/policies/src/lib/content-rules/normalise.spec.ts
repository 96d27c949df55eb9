import { accentVariants, foldCodePoint, normaliseForMatching, normaliseInto } from './normalise';

function mapOf(text: string): { normalised: string; starts: number[]; ends: number[] } {
  const n = normaliseInto(text);
  return {
    normalised: String.fromCharCode(...n.units.subarray(0, n.length)),
    starts: Array.from(n.starts.subarray(0, n.length)),
    ends: Array.from(n.ends.subarray(0, n.length)),
  };
}

describe('normaliseForMatching', () => {
  it('folds case and accents, precomposed or decomposed', () => {
    expect(normaliseForMatching('ARNAQUE Árnaque a\u0301rnaque ÉCOLE')).toBe('arnaque arnaque arnaque ecole');
  });

  it('keeps a word-final "é", precomposed or decomposed, and only that accent', () => {
    expect(normaliseForMatching('ÉTÉ arnaqué arnaque\u0301, passée été-là E\u0301te\u0301')).toBe('eté arnaqué arnaqué, passee eté-la eté');
    expect(accentVariants('arnaqué')).toEqual(['arnaqué', 'arnaque']);
    expect(accentVariants('passé composé')).toEqual(['passé composé', 'passe composé', 'passé compose', 'passe compose']);
  });

  it('folds letters whose lowercase or folded form changes length', () => {
    expect(normaliseForMatching('İstanbul Straße STRASSE ẞ')).toBe('istanbul strasse strasse ss');
    expect(normaliseForMatching('Cœur ÆSOP ﬁn Øresund Łódź')).toBe('coeur aesop fin oresund lodz');
  });

  it('unifies apostrophes and hyphens, drops invisible characters, collapses whitespace', () => {
    expect(normaliseForMatching('l’arnaque lʼoffre ar\u200Bna\u00ADque peut\u2011être')).toBe("l'arnaque l'offre arnaque peut-etre");
    expect(normaliseForMatching('prix \u00A0\n\t imbattable\u202F!')).toBe('prix imbattable !');
  });

  it('leaves emojis, punctuation and other scripts alone (lowercased)', () => {
    expect(normaliseForMatching('👩‍👩‍👧 «Ολα» #Étoile')).toBe('👩👩👧 «ολα» #etoile');
    expect(foldCodePoint('Σ')).toBe('σ');
    expect(foldCodePoint('ς')).toBe('σ');
  });
});

describe('normaliseInto offsets', () => {
  it('maps each unit back to its code point, over marks dropped after it', () => {
    const { normalised, starts, ends } = mapOf('e\u0301t\u00E9');
    expect(normalised).toBe('eté');
    expect(starts).toEqual([0, 2, 3]);
    expect(ends).toEqual([2, 3, 4]);
  });

  it('maps both units of an expansion to the same original character', () => {
    const { normalised, starts, ends } = mapOf('aßİb');
    expect(normalised).toBe('assib');
    expect(starts).toEqual([0, 1, 1, 2, 3]);
    expect(ends).toEqual([1, 2, 2, 3, 4]);
  });

  it('keeps astral characters as surrogate pairs pointing at their original index', () => {
    const { normalised, starts } = mapOf('🎉 x');
    expect(normalised).toBe('🎉 x');
    expect(starts).toEqual([0, 0, 2, 3]);
  });

  it('grows its buffer for long texts', () => {
    const text = 'Été '.repeat(5000);
    expect(normaliseForMatching(text)).toBe('eté '.repeat(5000));
  });
});
