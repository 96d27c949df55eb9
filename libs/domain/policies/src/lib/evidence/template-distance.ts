/**
 * How far a policy's text has moved from the template it started from: the
 * distance between the two bags of words (title and every section's title and
 * body), 1 − |A ∩ B| / |A ∪ B| counted with multiplicity. 0 when the texts use
 * the same words the same number of times (reordering is not editing), 1 when
 * they share none. Linear in the text's length, whatever it holds.
 */

/** Words of a text: letters and digits, compatibility-normalised and lower-cased; everything else separates. */
export function words(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

interface SectionLike {
  title?: unknown;
  body?: unknown;
}

/** The words of a policy version: its title, then each section's title and body. Shapes other than text count as empty. */
export function policyWords(title: unknown, sections: unknown): string[] {
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const out = words(text(title));
  if (Array.isArray(sections)) {
    for (const s of sections as SectionLike[]) {
      if (typeof s !== 'object' || s === null) continue;
      out.push(...words(text(s.title)), ...words(text(s.body)));
    }
  }
  return out;
}

function bag(list: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of list) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

/** 0..1: the bag-of-words distance between two word lists (two empty texts are at 0). */
export function wordDistance(a: readonly string[], b: readonly string[]): number {
  const x = bag(a);
  const y = bag(b);
  let common = 0;
  for (const [w, n] of x) common += Math.min(n, y.get(w) ?? 0);
  const union = a.length + b.length - common;
  return union === 0 ? 0 : 1 - common / union;
}
