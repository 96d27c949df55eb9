import type { FieldProblem } from '@socle/platform-errors';
import { formatDate, localDateOf, parseDate } from './task-force/calendar';

export const MAX_WORDS = 2000;
export const MAX_WORD_LENGTH = 100;

/**
 * Brand-voice word lists: trimmed, inner spaces collapsed, duplicates removed
 * ignoring case (the first spelling is kept), each 1..100 characters, at most
 * 2000. Problems name the list and the position (`input.wordsToAvoid[3]`).
 */
export function normaliseWords(words: readonly string[], field: string): { words: string[]; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  const out: string[] = [];
  words.forEach((raw, i) => {
    const word = raw.trim().replace(/\s+/g, ' ');
    if (word.length === 0) {
      problems.push({ field: `${field}[${i}]`, message: 'must not be blank' });
      return;
    }
    if ([...word].length > MAX_WORD_LENGTH) {
      problems.push({ field: `${field}[${i}]`, message: `must be at most ${MAX_WORD_LENGTH} characters` });
      return;
    }
    const key = word.toLocaleLowerCase('fr');
    if (seen.has(key)) return;
    seen.add(key);
    out.push(word);
  });
  if (out.length > MAX_WORDS) problems.push({ field, message: `must hold at most ${MAX_WORDS} words (got ${out.length} distinct ones)` });
  return { words: out, problems };
}

/** Words in both lists are a contradiction the content rules could not resolve. */
export function contradictoryWords(use: readonly string[], avoid: readonly string[]): string[] {
  const avoided = new Set(avoid.map((w) => w.toLocaleLowerCase('fr')));
  return use.filter((w) => avoided.has(w.toLocaleLowerCase('fr')));
}

export interface ObjectiveNumbers {
  baseline: number;
  target: number;
  /** YYYY-MM-DD; checked only when given (an update that does not touch it keeps the stored one). */
  deadline?: string;
}

/**
 * What makes an objective measurable (seed 001 §1: realistic, concrete,
 * measurable): a target that differs from the baseline, and a deadline that is
 * a real date, today or later in the organisation's time zone.
 */
export function objectiveProblems(o: ObjectiveNumbers, now: Date, timeZone: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!Number.isFinite(o.baseline)) problems.push({ field: 'input.baseline', message: 'must be a finite number' });
  if (!Number.isFinite(o.target)) problems.push({ field: 'input.target', message: 'must be a finite number' });
  else if (o.target === o.baseline) {
    problems.push({
      field: 'input.target',
      message: `must differ from the baseline (${o.baseline}): an objective that changes nothing cannot be measured`,
    });
  }
  if (o.deadline !== undefined) {
    const date = parseDate(o.deadline);
    if (!date) problems.push({ field: 'input.deadline', message: 'must be a date written YYYY-MM-DD' });
    else {
      const today = formatDate(localDateOf(now, timeZone));
      if (formatDate(date) < today) problems.push({ field: 'input.deadline', message: `must be today (${today}) or later` });
    }
  }
  return problems;
}

/** Trims a free text; blank becomes null where the column is optional. */
export function cleanText(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const t = value.trim();
  return t.length ? t : null;
}
