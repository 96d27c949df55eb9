import { DomainError } from '@socle/platform-errors';
import { SEARCH_TEXT_LIMITS, toSearchQuery } from './search-text';

const refusal = (text: string) => {
  try {
    toSearchQuery(text);
  } catch (error) {
    return error instanceof DomainError ? { code: error.code, field: error.field } : error;
  }
  return 'accepted';
};

describe('toSearchQuery', () => {
  it('folds case and accents and ANDs the words', () => {
    expect(toSearchQuery('Vélo  PARIS')).toBe(`'velo' & 'paris'`);
    expect(toSearchQuery('Œuvre straße')).toBe(`'oeuvre' & 'strasse'`);
  });

  it('makes words joined by punctuation, and quoted phrases, follow each other', () => {
    expect(toSearchQuery("l'égalité vélo-cargo")).toBe(`('l' <-> 'egalite') & ('velo' <-> 'cargo')`);
    expect(toSearchQuery('"pain au chocolat" croissant')).toBe(`('pain' <-> 'au' <-> 'chocolat') & 'croissant'`);
    expect(toSearchQuery('"pain au')).toBe(`('pain' <-> 'au')`);
  });

  it('turns a trailing star into a prefix of the last word', () => {
    expect(toSearchQuery('boulang* pain')).toBe(`'boulang':* & 'pain'`);
    expect(toSearchQuery('socle.f*')).toBe(`('socle' <-> 'f':*)`);
  });

  it('lets no tsquery syntax through: lexemes are letters and digits only', () => {
    expect(toSearchQuery("a' | 'b & !c:* <-> (d)")).toBe(`'a' & 'b' & 'c':* & 'd'`);
  });

  it('refuses texts with no word, too many words, too long, or with control characters', () => {
    expect(refusal('!!! 🙂 ***')).toEqual({ code: 'BAD_USER_INPUT', field: 'text' });
    expect(refusal('mot '.repeat(SEARCH_TEXT_LIMITS.maxWords + 1))).toEqual({ code: 'BAD_USER_INPUT', field: 'text' });
    expect(toSearchQuery('mot '.repeat(SEARCH_TEXT_LIMITS.maxWords))).toContain(`'mot'`);
    expect(refusal('a'.repeat(SEARCH_TEXT_LIMITS.maxLength + 1))).toEqual({ code: 'BAD_USER_INPUT', field: 'text' });
    expect(refusal('velo\u0000')).toEqual({ code: 'BAD_USER_INPUT', field: 'text' });
  });
});
