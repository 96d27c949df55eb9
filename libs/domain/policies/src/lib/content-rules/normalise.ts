/**
 * Normalisation for matching: every code point is folded on its own (NFD, combining
 * marks stripped, lowercased, then a few explicit folds), into a reusable buffer of
 * UTF-16 code units, with a map from each normalised unit back to the original text.
 *
 * - Accents and case: "Árnaque", "ARNAQUE" and "arnaque" fold alike; "ß" folds to
 *   "ss", "İ" to "i", "œ"/"æ" to "oe"/"ae", final "ς" to "σ", letters with a stroke
 *   (ø, ł, đ) to their base letter, ligatures (ﬁ, ﬂ…) to their letters.
 * - One accent is kept: a word-final "é" (precomposed or "e" + U+0301), which in French
 *   marks another word (the participle: "arnaqué" is not "arnaque", "passé" not "passe").
 *   Rule words ending in "é" also match the text without the accent (see `accentVariants`).
 * - Typographic apostrophes (’ ‘ ʼ ＇ ´ `) become "'"; non-breaking hyphens become "-".
 * - Invisible characters (soft hyphen, zero-width space/joiners, word joiner, BOM) are
 *   dropped, so "ar\u200Bnaque" still reads "arnaque".
 * - Any run of whitespace (including the French non-breaking spaces) becomes one space,
 *   so phrases match across line breaks and double spaces.
 *
 * Folding code point by code point gives the same result as folding the whole string
 * (marks are dropped, so canonical reordering does not matter), and lets every
 * normalised unit point back to the code point it came from.
 */

const SPACE = 0x20;
const E = 0x65;
const E_ACUTE = 0xe9;
const COMBINING_ACUTE = 0x301;
const UNKNOWN = 255;
const WHITESPACE = 254;
const MARKS = /\p{M}/gu;
const WHITESPACE_CHAR = /^\s$/u;

const SPECIAL_FOLDS = new Map<string, string>([
  ['é', 'é'],
  ['É', 'é'],
  ['ß', 'ss'],
  ['ẞ', 'ss'],
  ['œ', 'oe'],
  ['Œ', 'oe'],
  ['æ', 'ae'],
  ['Æ', 'ae'],
  ['ς', 'σ'],
  ['ı', 'i'],
  ['ø', 'o'],
  ['Ø', 'o'],
  ['ł', 'l'],
  ['Ł', 'l'],
  ['đ', 'd'],
  ['Đ', 'd'],
  ['ﬀ', 'ff'],
  ['ﬁ', 'fi'],
  ['ﬂ', 'fl'],
  ['ﬃ', 'ffi'],
  ['ﬄ', 'ffl'],
  ['ﬅ', 'st'],
  ['ﬆ', 'st'],
  ['’', "'"],
  ['‘', "'"],
  ['ʼ', "'"],
  ['＇', "'"],
  ['´', "'"],
  ['`', "'"],
  ['\u2010', '-'],
  ['\u2011', '-'],
  ['\u00AD', ''],
  ['\u200B', ''],
  ['\u200C', ''],
  ['\u200D', ''],
  ['\u2060', ''],
  ['\uFEFF', ''],
]);

/** The folded form of one code point (a string of one or two UTF-16 units). */
export function foldCodePoint(ch: string): string {
  const special = SPECIAL_FOLDS.get(ch);
  if (special !== undefined) return special;
  if (WHITESPACE_CHAR.test(ch)) return ' ';
  const lowered = ch.normalize('NFD').replace(MARKS, '').toLowerCase().normalize('NFD').replace(MARKS, '');
  let out = '';
  for (const c of lowered) out += SPECIAL_FOLDS.get(c) ?? c;
  return out;
}

// Per BMP code unit: length of its fold (0..3), WHITESPACE, or UNKNOWN until first seen.
const foldLength = new Uint8Array(65536).fill(UNKNOWN);
const foldUnits = new Uint16Array(65536 * 3);
const astralFolds = new Map<number, string>();

function learnBmp(unit: number): number {
  const ch = String.fromCharCode(unit);
  const folded = foldCodePoint(ch);
  let length: number;
  if (WHITESPACE_CHAR.test(ch)) length = WHITESPACE;
  else if (folded.length > 3) throw new Error(`fold of U+${unit.toString(16)} is longer than 3 units`);
  else {
    length = folded.length;
    for (let k = 0; k < length; k++) foldUnits[unit * 3 + k] = folded.charCodeAt(k);
  }
  foldLength[unit] = length;
  return length;
}
for (let unit = 0; unit < 0x80; unit++) learnBmp(unit);

/** A normalised text: `units[0..length)` with, for each unit, the original span it came from. */
export interface NormalisedText {
  units: Uint16Array;
  /** Original UTF-16 index of the code point each unit came from. */
  starts: Int32Array;
  /** Original UTF-16 end (exclusive) of that code point, extended over the marks dropped after it. */
  ends: Int32Array;
  length: number;
}

// One buffer reused across calls: checking is synchronous, so it is never shared.
const shared: NormalisedText = { units: new Uint16Array(4096), starts: new Int32Array(4096), ends: new Int32Array(4096), length: 0 };

function ensureCapacity(capacity: number): void {
  if (shared.units.length >= capacity) return;
  let size = shared.units.length;
  while (size < capacity) size *= 2;
  shared.units = new Uint16Array(size);
  shared.starts = new Int32Array(size);
  shared.ends = new Int32Array(size);
}

/**
 * Normalises `text` into a shared buffer, valid until the next call. Copy what must
 * outlive the call (see `normaliseForMatching` for a string).
 */
export function normaliseInto(text: string): NormalisedText {
  const length = text.length;
  ensureCapacity(length * 3 + 8);
  const { units, starts, ends } = shared;
  let j = 0;
  let i = 0;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        const codePoint = (c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        let folded = astralFolds.get(codePoint);
        if (folded === undefined) {
          folded = foldCodePoint(String.fromCodePoint(codePoint));
          astralFolds.set(codePoint, folded);
        }
        if (folded.length === 0) {
          if (j > 0) ends[j - 1] = i + 2;
        } else if (folded === ' ') {
          if (j === 0 || units[j - 1] !== SPACE) {
            units[j] = SPACE;
            starts[j] = i;
            ends[j] = i + 2;
            j++;
          }
        } else {
          if (j > 0 && units[j - 1] === E_ACUTE) units[j - 1] = E; // astral letters are rare: any astral character ends nothing
          for (let k = 0; k < folded.length; k++) {
            units[j] = folded.charCodeAt(k);
            starts[j] = i;
            ends[j] = i + 2;
            j++;
          }
        }
        i += 2;
        continue;
      }
    }
    let n = foldLength[c];
    if (n === UNKNOWN) n = learnBmp(c);
    if (n === 1) {
      const unit = foldUnits[c * 3];
      if (j > 0 && units[j - 1] === E_ACUTE && isWordCodePoint(unit)) units[j - 1] = E;
      units[j] = unit;
      starts[j] = i;
      ends[j] = i + 1;
      j++;
    } else if (n === WHITESPACE) {
      if (j === 0 || units[j - 1] !== SPACE) {
        units[j] = SPACE;
        starts[j] = i;
        ends[j] = i + 1;
        j++;
      }
    } else if (n === 0) {
      if (j > 0) {
        ends[j - 1] = i + 1;
        if (c === COMBINING_ACUTE && units[j - 1] === E) units[j - 1] = E_ACUTE;
      }
    } else {
      if (j > 0 && units[j - 1] === E_ACUTE && isWordCodePoint(foldUnits[c * 3])) units[j - 1] = E;
      for (let k = 0; k < n; k++) {
        units[j] = foldUnits[c * 3 + k];
        starts[j] = i;
        ends[j] = i + 1;
        j++;
      }
    }
    i++;
  }
  shared.length = j;
  return shared;
}

/**
 * The forms of a normalised rule word that the text may show: a word-final "é" may be
 * written without its accent ("ARNAQUÉ" is often typed "ARNAQUE"), so each of them is
 * tried both ways (up to 4 of them in a phrase; later ones keep their accent).
 */
export function accentVariants(normalised: string): string[] {
  const positions: number[] = [];
  for (let k = 0; k < normalised.length && positions.length < 4; k++) if (normalised.charCodeAt(k) === E_ACUTE) positions.push(k);
  const variants: string[] = [];
  for (let mask = 0; mask < 1 << positions.length; mask++) {
    let variant = normalised;
    positions.forEach((position, bit) => {
      if (mask & (1 << bit)) variant = `${variant.slice(0, position)}e${variant.slice(position + 1)}`;
    });
    variants.push(variant);
  }
  return variants;
}

/** The normalised form of `text` as a string (used for rule words; not on the hot path). */
export function normaliseForMatching(text: string): string {
  const { units, length } = normaliseInto(text);
  let out = '';
  for (let from = 0; from < length; from += 4096) out += String.fromCharCode(...units.subarray(from, Math.min(length, from + 4096)));
  return out;
}

// Word characters (\p{L}\p{N}) among normalised units: 0 = not yet known, 1 = word, 2 = not.
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const wordKind = new Uint8Array(65536);
const astralWord = new Map<number, boolean>();

function isWordCodePoint(codePoint: number): boolean {
  if (codePoint < 0x10000) {
    let kind = wordKind[codePoint];
    if (kind === 0) {
      kind = WORD_CHAR.test(String.fromCharCode(codePoint)) ? 1 : 2;
      wordKind[codePoint] = kind;
    }
    return kind === 1;
  }
  let word = astralWord.get(codePoint);
  if (word === undefined) {
    word = WORD_CHAR.test(String.fromCodePoint(codePoint));
    astralWord.set(codePoint, word);
  }
  return word;
}

/** Whether the character starting at `index` of `units[0..length)` is a letter or digit. */
export function isWordAt(units: Uint16Array, index: number, length: number): boolean {
  const c = units[index];
  if (c >= 0xd800 && c <= 0xdbff && index + 1 < length) {
    const low = units[index + 1];
    if (low >= 0xdc00 && low <= 0xdfff) return isWordCodePoint((c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000);
  }
  return isWordCodePoint(c);
}

/** Whether the character ending just before `index` is a letter or digit. */
export function isWordBefore(units: Uint16Array, index: number): boolean {
  const c = units[index - 1];
  if (c >= 0xdc00 && c <= 0xdfff && index >= 2) {
    const high = units[index - 2];
    if (high >= 0xd800 && high <= 0xdbff) return isWordCodePoint((high - 0xd800) * 0x400 + (c - 0xdc00) + 0x10000);
  }
  return isWordCodePoint(c);
}

/** Whether `ch` (one normalised code point) is a letter or digit. */
export function isWordString(ch: string): boolean {
  return WORD_CHAR.test(ch);
}
