/**
 * Many words and phrases found in one pass: an Aho–Corasick automaton over normalised
 * UTF-16 units (dense transition table, one lookup per unit), then a whole-word check
 * on each raw hit.
 *
 * Whole words: a hit must not be preceded or followed by a letter or digit
 * (`\p{L}\p{N}`), on the sides where the pattern itself begins or ends with one (so
 * "#pub" needs a boundary after "b" only). Hyphens and other punctuation separate
 * words: "arnaque" is found in "anti-arnaque". An apostrophe between two letters
 * separates words only for elision and clitics:
 * - after a French elided word (l', d', j', m', n', s', t', c', qu', jusqu', lorsqu',
 *   puisqu', quoiqu', presqu', quelqu'): "arnaque" is found in "l'arnaque";
 * - before an English clitic ('s, 're, 'll, 've, 'd, 'm): "scam" is found in "scam's";
 * - otherwise the apostrophe is inside the word: "hui" is not found in "aujourd'hui",
 *   nor "don" in "don't".
 */
import { StemmerEn } from '@nlpjs/lang-en';
import { StemmerFr } from '@nlpjs/lang-fr';
import { isWordAt, isWordBefore, isWordString } from './normalise';

const APOSTROPHE = 0x27;
const ELIDED = new Set(['l', 'd', 'j', 'm', 'n', 's', 't', 'c', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu', 'presqu', 'quelqu']);
const CLITICS = new Set(['s', 're', 'll', 've', 'd', 'm']);
const LONGEST_ELIDED = 6;
const LONGEST_CLITIC = 2;

function runText(units: Uint16Array, from: number, to: number): string {
  return String.fromCharCode(...units.subarray(from, to));
}

/** Whether a word may start at `start` (the character before it does not continue a word). */
export function isBoundaryBefore(units: Uint16Array, start: number): boolean {
  if (start === 0) return true;
  if (units[start - 1] === APOSTROPHE) {
    const apostrophe = start - 1;
    if (apostrophe === 0 || !isWordBefore(units, apostrophe)) return true;
    let from = apostrophe;
    while (from > 0 && apostrophe - from <= LONGEST_ELIDED && isWordBefore(units, from)) from--;
    if (apostrophe - from > LONGEST_ELIDED) return false;
    return ELIDED.has(runText(units, from, apostrophe));
  }
  return !isWordBefore(units, start);
}

/** Whether a word may end at `end` (exclusive). */
export function isBoundaryAfter(units: Uint16Array, end: number, length: number): boolean {
  if (end >= length) return true;
  if (units[end] === APOSTROPHE) {
    const from = end + 1;
    if (from >= length || !isWordAt(units, from, length)) return true;
    let to = from;
    while (to < length && to - from <= LONGEST_CLITIC && isWordAt(units, to, length)) to++;
    if (to - from > LONGEST_CLITIC) return false;
    return CLITICS.has(runText(units, from, to));
  }
  return !isWordAt(units, end, length);
}

/** A whole-word hit: pattern index and its span in normalised units. */
export interface RawMatch {
  pattern: number;
  start: number;
  end: number;
}

export class WordAutomaton {
  readonly patternCount: number;
  private readonly classCount: number;
  private readonly asciiClass: Uint16Array;
  private readonly otherClass: Map<number, number>;
  /** Transitions, premultiplied by `classCount`; negative when the target state has outputs. */
  private readonly delta: Int32Array;
  private readonly outputStart: Int32Array;
  private readonly outputs: Int32Array;
  private readonly lengths: Int32Array;
  private readonly checkStart: Uint8Array;
  private readonly checkEnd: Uint8Array;

  /** `patterns` are normalised (see `normaliseForMatching`), non-empty and distinct. */
  constructor(patterns: readonly string[]) {
    this.patternCount = patterns.length;
    this.asciiClass = new Uint16Array(128);
    this.otherClass = new Map();
    let classCount = 1; // class 0: every unit that no pattern uses
    for (const pattern of patterns) {
      for (let k = 0; k < pattern.length; k++) {
        const unit = pattern.charCodeAt(k);
        if (unit < 128) {
          if (this.asciiClass[unit] === 0) this.asciiClass[unit] = classCount++;
        } else if (!this.otherClass.has(unit)) this.otherClass.set(unit, classCount++);
      }
    }
    this.classCount = classCount;

    // Trie, children keyed by class.
    const children: Int32Array[] = [new Int32Array(classCount).fill(-1)];
    const own: number[][] = [[]];
    this.lengths = new Int32Array(patterns.length);
    this.checkStart = new Uint8Array(patterns.length);
    this.checkEnd = new Uint8Array(patterns.length);
    patterns.forEach((pattern, index) => {
      if (pattern.length === 0) throw new Error('empty pattern');
      let state = 0;
      for (let k = 0; k < pattern.length; k++) {
        const cls = this.classOf(pattern.charCodeAt(k));
        let next = children[state][cls];
        if (next < 0) {
          next = children.length;
          children.push(new Int32Array(classCount).fill(-1));
          own.push([]);
          children[state][cls] = next;
        }
        state = next;
      }
      own[state].push(index);
      this.lengths[index] = pattern.length;
      const codePoints = Array.from(pattern);
      this.checkStart[index] = isWordString(codePoints[0]) ? 1 : 0;
      this.checkEnd[index] = isWordString(codePoints[codePoints.length - 1]) ? 1 : 0;
    });

    // Breadth-first: failure links, dense transitions, outputs (own + the failure state's).
    const stateCount = children.length;
    const delta = new Int32Array(stateCount * classCount);
    const fail = new Int32Array(stateCount);
    const allOutputs: number[][] = new Array<number[]>(stateCount);
    allOutputs[0] = [];
    const queue: number[] = [];
    for (let cls = 0; cls < classCount; cls++) {
      const child = children[0][cls];
      if (child >= 0) {
        delta[cls] = child;
        fail[child] = 0;
        queue.push(child);
      } else delta[cls] = 0;
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head];
      allOutputs[state] = own[state].concat(allOutputs[fail[state]]);
      for (let cls = 0; cls < classCount; cls++) {
        const child = children[state][cls];
        if (child >= 0) {
          delta[state * classCount + cls] = child;
          fail[child] = delta[fail[state] * classCount + cls];
          queue.push(child);
        } else {
          delta[state * classCount + cls] = delta[fail[state] * classCount + cls];
        }
      }
    }
    this.outputStart = new Int32Array(stateCount + 1);
    let total = 0;
    for (let state = 0; state < stateCount; state++) {
      this.outputStart[state] = total;
      total += allOutputs[state].length;
    }
    this.outputStart[stateCount] = total;
    this.outputs = new Int32Array(total);
    for (let state = 0; state < stateCount; state++) this.outputs.set(allOutputs[state], this.outputStart[state]);
    for (let k = 0; k < delta.length; k++) {
      const target = delta[k];
      delta[k] = allOutputs[target].length > 0 ? -(target * classCount) : target * classCount;
    }
    this.delta = delta;
  }

  private classOf(unit: number): number {
    return unit < 128 ? this.asciiClass[unit] : (this.otherClass.get(unit) ?? 0);
  }

  /** Every whole-word occurrence in `units[0..length)`, in order of end. */
  scan(units: Uint16Array, length: number, found: RawMatch[]): void {
    const { delta, asciiClass, otherClass, outputStart, outputs, lengths, checkStart, checkEnd, classCount } = this;
    let row = 0;
    for (let i = 0; i < length; i++) {
      const unit = units[i];
      const cls = unit < 128 ? asciiClass[unit] : (otherClass.get(unit) ?? 0);
      row = delta[row + cls];
      if (row < 0) {
        row = -row;
        const state = row / classCount;
        const end = i + 1;
        for (let k = outputStart[state]; k < outputStart[state + 1]; k++) {
          const pattern = outputs[k];
          const start = end - lengths[pattern];
          if (checkStart[pattern] === 1 && !isBoundaryBefore(units, start)) continue;
          if (checkEnd[pattern] === 1 && !isBoundaryAfter(units, end, length)) continue;
          found.push({ pattern, start, end });
        }
      }
    }
  }
}

// ---------------------------------------------------------------- inflected forms

/**
 * Words to avoid in their inflected forms: the text and the rule words are cut into
 * words (as the automaton sees them: hyphens, spaces and punctuation separate; an
 * apostrophe separates only after a French elided word or before an English clitic),
 * each word is reduced to its stem by the Snowball stemmers of nlp.js (French and
 * English), and a rule word matches a run of text words with the same stems in one of
 * the two languages. So "industriel" finds "industriels", "industrielle(s)" and
 * "l'industriel"; "scam" finds "scams" and "scamming"; "low cost" and "low-cost" find
 * "low cost", "low-cost" and "lowcost" (a rule of several words also matches them
 * written as one; a rule written as one word, "lowcost", does not match it split).
 * Between the words of an entry the text may have only spaces and hyphens: "low.
 * Cost" is not "low cost".
 * Words that merely share a prefix have other stems: "scam" is not in "scampi",
 * "industriel" not in "industrie", "cost" not in "costume".
 *
 * Linear: one pass to cut the text into words, one stem per distinct word (cached),
 * then at each word a walk of at most the longest rule's word count in a trie of stem
 * ids. Words longer than `MAX_STEMMED_WORD` units are never stemmed (no rule word is
 * that long once cut), so a hostile 100 kB "word" costs one pass.
 */
export const MAX_STEMMED_WORD = 64;
/** At most this many words in a rule entry for the inflected match (longer entries match exactly only). */
export const MAX_STEMMED_WORDS = 8;
/** Between the words of an entry, the text may have spaces and hyphens only, at most this many ("low - cost"). */
const MAX_JOIN_GAP = 3;
const SPACE = 0x20;
const HYPHEN = 0x2d;

const frenchStemmer = new StemmerFr();
const englishStemmer = new StemmerEn();
const STEM_CACHE_LIMIT = 50_000;
const stemCache = new Map<string, readonly [string, string]>();

/**
 * Normalisation folds every accent but a word-final "é" (see normalise.ts), so the
 * feminine participle "arnaquée(s)" reaches the stemmer as "arnaquee(s)", whose
 * French suffix it no longer sees: the ending is given back its accent first.
 */
function frenchEndings(word: string): string {
  if (word.endsWith('ees')) return `${word.slice(0, -3)}ées`;
  if (word.endsWith('ee')) return `${word.slice(0, -2)}ée`;
  return word;
}

/** The French and English stems of one normalised word (lower case, accents folded). */
export function stemsOf(word: string): readonly [string, string] {
  let stems = stemCache.get(word);
  if (stems === undefined) {
    stems = [frenchStemmer.stemWord(frenchEndings(word)), englishStemmer.stemWord(word)];
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(word, stems);
  }
  return stems;
}

// ASCII letters and digits (the common case, without a call per unit).
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = /[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0;

/** Words of `units[0..length)` as [start, end) pairs, appended to `out` (start, end, start, end…). */
export function cutWords(units: Uint16Array, length: number, out: number[]): void {
  let i = 0;
  while (i < length) {
    const c = units[i];
    if (c < 128 ? ASCII_WORD[c] === 0 : !isWordAt(units, i, length)) {
      i++;
      continue;
    }
    const start = i;
    for (;;) {
      for (;;) {
        if (i >= length) break;
        const u = units[i];
        if (u < 128) {
          if (ASCII_WORD[u] === 0) break;
          i++;
        } else if (isWordAt(units, i, length)) i += u >= 0xd800 && u <= 0xdbff && i + 1 < length ? 2 : 1;
        else break;
      }
      // An apostrophe inside a word ("aujourd'hui") keeps it whole; after an elided word or before a clitic it separates.
      if (
        i + 1 < length &&
        units[i] === APOSTROPHE &&
        isWordAt(units, i + 1, length) &&
        !isBoundaryAfter(units, i, length) &&
        !isBoundaryBefore(units, i + 1)
      ) {
        i++;
        continue;
      }
      break;
    }
    out.push(start, i);
  }
}

function sameWord(word: string, units: Uint16Array, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) !== units[start + k]) return false;
  return true;
}

function wordText(units: Uint16Array, start: number, end: number): string {
  return String.fromCharCode(...units.subarray(start, end));
}

/** Whether a normalised rule entry is plain words (letters, digits, spaces, hyphens, apostrophes): only those match inflected. */
function isPlainWords(normalised: string): boolean {
  for (const ch of normalised) if (!(isWordString(ch) || ch === ' ' || ch === '-' || ch === "'")) return false;
  return true;
}

class StemTrie {
  private readonly children: Map<number, number>[] = [new Map()];
  readonly outputs: number[][] = [[]];
  readonly ids = new Map<string, number>();

  insert(stems: readonly string[], entry: number): void {
    let node = 0;
    for (const stem of stems) {
      let id = this.ids.get(stem);
      if (id === undefined) this.ids.set(stem, (id = this.ids.size));
      let next = this.children[node].get(id);
      if (next === undefined) {
        next = this.children.length;
        this.children.push(new Map());
        this.outputs.push([]);
        this.children[node].set(id, next);
      }
      node = next;
    }
    if (!this.outputs[node].includes(entry)) this.outputs[node].push(entry);
  }

  next(node: number, id: number): number {
    return id < 0 ? -1 : (this.children[node].get(id) ?? -1);
  }
}

/** Rule entries matched in their inflected forms; `scan` reports hits like `WordAutomaton` (pattern = entry index). */
/** The first three units of a word (or all of a shorter one) as one number: the prefilter's key. */
function prefixKey(units: ArrayLike<number>, start: number, end: number): number {
  const length = Math.min(3, end - start);
  let key = length;
  for (let k = 0; k < length; k++) key = key * 65536 + units[start + k];
  return key;
}

function stringPrefixKey(word: string): number {
  const units: number[] = [];
  for (let k = 0; k < Math.min(3, word.length); k++) units.push(word.charCodeAt(k));
  return prefixKey(units, 0, units.length);
}

// Buffers reused across scans (checking is synchronous).
const cutBuffer: number[] = [];
let idBuffers: [Int32Array, Int32Array] = [new Int32Array(1024), new Int32Array(1024)];

export class StemMatcher {
  private readonly tries: readonly [StemTrie, StemTrie] = [new StemTrie(), new StemTrie()];
  private depth = 0;
  /**
   * Prefilter: a text word is stemmed only when its first three units begin one of
   * the entries' words or stems (stemmers only change a word's end), or when it is
   * short and some entry stem is short. Most words of a text are thus never stemmed.
   * (The few irregular forms the English stemmer rewrites from the start, such as
   * "dying" → "die", are not found from "die".)
   */
  private readonly prefixes = new Set<number>();
  private shortStems = false;
  /** Stem ids of the text words seen, by a hash of their units (the word kept to tell collisions apart). */
  private readonly seenWords = new Map<number, { word: string; french: number; english: number }>();
  /** Entries (normalised rule words) that take part; others are left to the exact automaton. */
  readonly accepted: readonly boolean[];

  /** `entries` are normalised rule words or phrases (see `normaliseForMatching`). */
  constructor(entries: readonly string[]) {
    const cut: number[] = [];
    this.accepted = entries.map((entry, index) => {
      if (!isPlainWords(entry)) return false;
      const units = new Uint16Array(entry.length);
      for (let k = 0; k < entry.length; k++) units[k] = entry.charCodeAt(k);
      cut.length = 0;
      cutWords(units, units.length, cut);
      const words: string[] = [];
      for (let k = 0; k < cut.length; k += 2) words.push(wordText(units, cut[k], cut[k + 1]));
      if (words.length === 0 || words.length > MAX_STEMMED_WORDS || words.some((w) => w.length > MAX_STEMMED_WORD)) return false;
      const forms = [words];
      const joined = words.join('');
      if (words.length > 1 && joined.length <= MAX_STEMMED_WORD) forms.push([joined]);
      for (const form of forms) {
        const stems = form.map(stemsOf);
        for (const word of form) this.prefixes.add(stringPrefixKey(word));
        for (const [french, english] of stems) {
          this.prefixes.add(stringPrefixKey(french));
          this.prefixes.add(stringPrefixKey(english));
          if (french.length < 3 || english.length < 3) this.shortStems = true;
        }
        this.tries[0].insert(
          stems.map((s) => s[0]),
          index,
        );
        this.tries[1].insert(
          stems.map((s) => s[1]),
          index,
        );
      }
      this.depth = Math.max(this.depth, words.length);
      return true;
    });
  }

  get empty(): boolean {
    return this.depth === 0;
  }

  /** Every run of text words whose stems are an entry's, in order of start. */
  scan(units: Uint16Array, length: number, found: RawMatch[]): void {
    if (this.depth === 0) return;
    const cut = cutBuffer;
    cut.length = 0;
    cutWords(units, length, cut);
    const count = cut.length / 2;
    if (idBuffers[0].length < count) {
      let size = idBuffers[0].length;
      while (size < count) size *= 2;
      idBuffers = [new Int32Array(size), new Int32Array(size)];
    }
    const ids = idBuffers;
    for (let w = 0; w < count; w++) {
      const start = cut[2 * w];
      const end = cut[2 * w + 1];
      ids[0][w] = -1;
      ids[1][w] = -1;
      if (end - start > MAX_STEMMED_WORD) continue;
      if (!this.prefixes.has(prefixKey(units, start, end)) && !(this.shortStems && end - start <= 5)) continue;
      let hash = 0x811c9dc5;
      for (let k = start; k < end; k++) hash = Math.imul(hash ^ units[k], 0x01000193);
      let known = this.seenWords.get(hash);
      if (known !== undefined && !sameWord(known.word, units, start, end)) known = undefined;
      if (known === undefined) {
        const word = wordText(units, start, end);
        const stems = stemsOf(word);
        known = { word, french: this.tries[0].ids.get(stems[0]) ?? -1, english: this.tries[1].ids.get(stems[1]) ?? -1 };
        if (this.seenWords.size >= STEM_CACHE_LIMIT) this.seenWords.clear();
        this.seenWords.set(hash, known);
      }
      ids[0][w] = known.french;
      ids[1][w] = known.english;
    }
    // Whether word w may continue an entry begun before it: only spaces and hyphens between them ("low. Cost" is two
    // sentences). Asked only where a run goes on, so a word no entry knows costs nothing more.
    const joined = (w: number): boolean => {
      const start = cut[2 * w];
      const previousEnd = cut[2 * w - 1];
      if (start - previousEnd > MAX_JOIN_GAP) return false;
      for (let k = previousEnd; k < start; k++) if (units[k] !== SPACE && units[k] !== HYPHEN) return false;
      return true;
    };
    const seen: number[] = [];
    for (let w = 0; w < count; w++) {
      if (ids[0][w] < 0 && ids[1][w] < 0) continue;
      seen.length = 0;
      for (let language = 0; language < 2; language++) {
        const trie = this.tries[language];
        let node = 0;
        for (let k = 0; k < this.depth && w + k < count; k++) {
          if (k > 0 && (ids[language][w + k] < 0 || !joined(w + k))) break;
          node = trie.next(node, ids[language][w + k]);
          if (node < 0) break;
          for (const entry of trie.outputs[node]) {
            const end = cut[2 * (w + k) + 1];
            // Found in both languages: reported once.
            let duplicate = false;
            for (let s = 0; s < seen.length; s += 2) if (seen[s] === entry && seen[s + 1] === end) duplicate = true;
            if (duplicate) continue;
            seen.push(entry, end);
            found.push({ pattern: entry, start: cut[2 * w], end });
          }
        }
      }
    }
  }
}
