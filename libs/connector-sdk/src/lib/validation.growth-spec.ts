import { growthRatio, LINEAR_GROWTH_LIMIT } from '../testing/linear-time';
import { countGraphemes, countLength } from './validation';

// Bluesky's length is counted in grapheme clusters, in the editor (on each save) and at publishing, on texts of up to
// 100,000 characters: the count must stay linear (Intl.Segmenter alone is not, on one long string).
describe('grapheme counting', () => {
  it.each<[string, (n: number) => string]>([
    ['plain text', (n) => 'a-'.repeat(n / 2)],
    ['family emoji', (n) => '👩‍👩‍👧'.repeat(n / 8)],
    ['flags', (n) => '🇫🇷'.repeat(n / 4)],
    ['one cluster of combining marks', (n) => `e${'\u0301'.repeat(n)}`],
    ['CR LF pairs and lone surrogates', (n) => '\r\n\ud83d'.repeat(n / 3)],
  ])('takes linear time on %s', (_name, make) => {
    const ratio = growthRatio(make, (text) => [countGraphemes(text), countLength(text, 'graphemes')], 4000);
    expect({ sample: make(12).slice(0, 12), linear: ratio < LINEAR_GROWTH_LIMIT }).toEqual({ sample: make(12).slice(0, 12), linear: true });
  });
});
