/** One line of a line diff: kept in both, removed from the older text, or added in the newer one. */
export interface DiffLine {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/**
 * A line diff of two texts by longest common subsequence (the classic dynamic programme, as `diff` does
 * without its heuristics). Policy texts are a few hundred lines at most, so the quadratic table stays small;
 * past MAX_CELLS the texts are shown as all removed then all added rather than risk freezing the page.
 */
const MAX_CELLS = 4_000_000;

export function diffLines(before: string, after: string): DiffLine[] {
  const a = before.split('\n');
  const b = after.split('\n');
  // Common head and tail first: revisions usually change a few lines in the middle.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const out: DiffLine[] = a.slice(0, head).map((text) => ({ kind: 'same', text }));
  if (midA.length * midB.length > MAX_CELLS) {
    out.push(...midA.map((text) => ({ kind: 'removed' as const, text })), ...midB.map((text) => ({ kind: 'added' as const, text })));
  } else {
    // lcs[i][j]: length of the longest common subsequence of midA[i..] and midB[j..].
    const width = midB.length + 1;
    const lcs = new Uint32Array((midA.length + 1) * width);
    for (let i = midA.length - 1; i >= 0; i--) {
      for (let j = midB.length - 1; j >= 0; j--) {
        lcs[i * width + j] =
          midA[i] === midB[j] ? lcs[(i + 1) * width + j + 1] + 1 : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < midA.length && j < midB.length) {
      if (midA[i] === midB[j]) {
        out.push({ kind: 'same', text: midA[i] });
        i++;
        j++;
      } else if (lcs[(i + 1) * width + j] >= lcs[i * width + j + 1]) {
        out.push({ kind: 'removed', text: midA[i++] });
      } else {
        out.push({ kind: 'added', text: midB[j++] });
      }
    }
    while (i < midA.length) out.push({ kind: 'removed', text: midA[i++] });
    while (j < midB.length) out.push({ kind: 'added', text: midB[j++] });
  }
  out.push(...a.slice(a.length - tail).map((text) => ({ kind: 'same' as const, text })));
  return out;
}

/** A version as plain text for the diff: its title, then each section's title and body. */
export function versionText(version: { title: string; sections: { title: string; body: string }[] }): string {
  return [`# ${version.title}`, ...version.sections.flatMap((s) => ['', `## ${s.title}`, s.body])].join('\n');
}
