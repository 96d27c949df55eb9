import { growthRatio, LINEAR_GROWTH_LIMIT } from '@socle/connector-sdk/testing';
import { lexicalProblem } from './article';

// The Lexical check scans the whole text once (nesting) and parses it: linear in its size, whatever its shape.
describe('Lexical document check', () => {
  it.each<[string, (n: number) => string]>([
    ['a wide document', (n) => `{"root":{"type":"root","children":[${'{"a":["b"]},'.repeat(n / 12)}{}]}}`],
    ['brackets inside a string', (n) => `{"root":{"type":"root","children":[],"s":"${'[{'.repeat(n / 2)}"}}`],
    ['escaped quotes', (n) => `{"root":{"type":"root","children":[],"s":"${'\\"'.repeat(n / 2)}"}}`],
    ['unclosed nesting at the limit', (n) => `{"root":${'[]'.repeat(n / 2)}`],
  ])('takes linear time on %s', (_name, make) => {
    const ratio = growthRatio(make, lexicalProblem, 20_000);
    expect(ratio).toBeLessThan(LINEAR_GROWTH_LIMIT);
  });
});
