import { growthRatio, LINEAR_GROWTH_LIMIT } from '../testing/linear-time';
import { checkPublishedPost, countGraphemes, countLength, keptDisplayName } from './validation';

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

// The post a network says it made is remote input: its id and URL are checked before anything keeps them. Sizes of 240
// and 1,920 characters stay under the 2,000 kept, so the patterns, not the length check, do the work.
describe('published post check', () => {
  it.each<[string, (n: number) => string]>([
    ['high surrogates', (n) => '\ud83d'.repeat(n)],
    ['low surrogates after pairs', (n) => '\ud83d\ude00\ude00'.repeat(n / 3)],
    ['control characters at the end', (n) => `${'1'.repeat(n)}\u0000`],
    ['a URL of many dots', (n) => `https://${'a.'.repeat(n / 2)}example/`],
  ])('takes linear time on %s', (_name, make) => {
    const ratio = growthRatio(
      make,
      (text) => [checkPublishedPost({ externalId: text, url: text }), checkPublishedPost({ externalId: '1', url: text })],
      240,
    );
    expect({ sample: make(12).slice(0, 12), linear: ratio < LINEAR_GROWTH_LIMIT }).toEqual({ sample: make(12).slice(0, 12), linear: true });
  });
});

// A display name a network answers (an account's, a page's) is made to fit before it is cut: its whole length is read.
describe('display name kept', () => {
  it.each<[string, (n: number) => string]>([
    ['white space runs', (n) => ' \t\n'.repeat(n / 3)],
    ['white space between words', (n) => 'a '.repeat(n / 2)],
    ['lone surrogates and controls', (n) => '\ud83d\u0000'.repeat(n / 2)],
  ])('takes linear time on %s', (_name, make) => {
    const ratio = growthRatio(make, (text) => keptDisplayName(text), 4000);
    expect({ sample: make(12).slice(0, 12), linear: ratio < LINEAR_GROWTH_LIMIT }).toEqual({ sample: make(12).slice(0, 12), linear: true });
  });
});
