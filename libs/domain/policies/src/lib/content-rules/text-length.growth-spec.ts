import { growthRatio, LINEAR_GROWTH_LIMIT } from '@socle/connector-sdk/testing';
import { measureText } from './text-length';

// The editor measures every variant's text (up to 100,000 characters) as its network counts it. Bluesky's graphemes
// are found by the segmenter only around characters that may join; a text made only of those must stay linear too.
describe('text length in graphemes', () => {
  it.each<[string, (n: number) => string]>([
    ['family emoji', (n) => '👩‍👩‍👧'.repeat(n / 8)],
    ['flags', (n) => '🇫🇷'.repeat(n / 4)],
    ['combining marks', (n) => 'e\u0301'.repeat(n / 2)],
    ['one cluster of combining marks', (n) => `e${'\u0301'.repeat(n)}`],
  ])('takes linear time on %s', (_name, make) => {
    const ratio = growthRatio(make, (text) => measureText(text, 'graphemes', 300), 4000);
    expect({ sample: make(12).slice(0, 12), linear: ratio < LINEAR_GROWTH_LIMIT }).toEqual({ sample: make(12).slice(0, 12), linear: true });
  });
});
