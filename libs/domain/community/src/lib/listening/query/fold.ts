/** Letters NFKD does not decompose but a French or English reader takes as the same. */
const EXTRA_FOLDS: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };
const EXTRA_FOLD_PATTERN = /[œæßøłđðþı]/g;
const EXTRA_FOLD_TEST = /[œæßøłđðþı]/;
const MARKS_AND_FORMAT = /[\p{M}\p{Cf}]+/gu;

/**
 * Case and accents folded (égalité = egalite), NFKD; format characters (soft hyphen, zero-width) removed. Marks go
 * before the case: lower-casing a long run of combining marks cost far more per mark than the rest of the text. The
 * rare letters are replaced only when there is one: a replace with a callback on what remains of a long run of marks
 * cost time in proportion to the whole run, and more than linearly (measured 65 times the time for 8 times the marks).
 */
export function foldText(text: string): string {
  const bare = text.normalize('NFKD').replace(MARKS_AND_FORMAT, '').toLowerCase();
  return EXTRA_FOLD_TEST.test(bare) ? bare.replace(EXTRA_FOLD_PATTERN, (letter) => EXTRA_FOLDS[letter]) : bare;
}

/** A word: letters, digits and `_`, after folding; a `#` right before it (not glued to a previous word) makes it a hashtag. */
const WORD_PATTERN = /#?[\p{L}\p{N}_]+/gu;

export interface FoldedWords {
  /** Words in order, without their `#`. */
  readonly words: string[];
  /** `hashtag[i]`: words[i] was written `#word`. */
  readonly hashtag: boolean[];
}

/**
 * Splits folded text into words, in one pass: anything that is not a letter, a digit or `_`
 * separates words (spaces, punctuation, apostrophes — l'égalité gives `l`, `egalite` —, emoji).
 */
export function splitWords(folded: string): FoldedWords {
  const words: string[] = [];
  const hashtag: boolean[] = [];
  WORD_PATTERN.lastIndex = 0;
  let lastEnd = -1;
  for (let match = WORD_PATTERN.exec(folded); match !== null; match = WORD_PATTERN.exec(folded)) {
    const raw = match[0];
    const tagged = raw.charCodeAt(0) === 35; /* # */
    words.push(tagged ? raw.slice(1) : raw);
    hashtag.push(tagged && match.index !== lastEnd);
    lastEnd = match.index + raw.length;
  }
  return { words, hashtag };
}
