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
