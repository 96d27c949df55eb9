import { mapHttpError } from './http';
import { response } from './http.fixtures';

describe('reading error bodies', () => {
  /** Median time of `reps` readings of a body, in nanoseconds. */
  const timeOf = (body: string, contentType: string, reps = 20): number => {
    const res = response(503, body, { 'content-type': contentType });
    const samples: number[] = [];
    for (let sample = 0; sample < 7; sample++) {
      const started = process.hrtime.bigint();
      for (let i = 0; i < reps; i++) mapHttpError(res, 'fetch feed');
      samples.push(Number(process.hrtime.bigint() - started));
    }
    return samples.sort((a, b) => a - b)[3];
  };

  // Shapes that made regular-expression readers scan the rest of the page from every tag (quadratic).
  const hostile: [string, string, (n: number) => string][] = [
    ['unclosed tags', 'text/html', (n) => `<html><body>${'<'.repeat(n)}`],
    ['unclosed headings', 'text/html', (n) => `<html>${'<h1 '.repeat(n / 4)}`],
    ['unclosed scripts', 'text/html', (n) => `<html>${'<script>'.repeat(n / 8)}`],
    ['unclosed titles', 'text/html', (n) => `<html>${'<title>'.repeat(n / 7)}`],
    ['entity starts', 'text/html', (n) => `<html><title>${'&#1'.repeat(n / 3)}</title>`],
    ['plain text', 'text/plain', (n) => 'word '.repeat(n / 5)],
    ['a JSON error', 'application/json', (n) => `{"error":"${'a'.repeat(n)}"}`],
    ['deeply nested JSON', 'application/json', (n) => `${'['.repeat(n / 2)}${']'.repeat(n / 2)}`],
  ];

  it.each(hostile)('takes time linear in the size of the page (%s)', (_shape, contentType, make) => {
    const n = 16 * 1024;
    timeOf(make(n), contentType, 2); // warm-up
    const ratio = timeOf(make(8 * n), contentType) / timeOf(make(n), contentType);
    // Linear gives 8 at most (bounded reading gives about 1); quadratic would give 64.
    expect(ratio).toBeLessThan(24);
  });
});
