import { growthRatio, LINEAR_GROWTH_LIMIT } from '../testing/linear-time';
import { countGraphemes, validateVariant } from './validation';
import type { ConnectorManifest } from './contract';

// Bluesky's length is counted in grapheme clusters, in the editor (on each keystroke's save) and at publishing, on
// texts of up to 100,000 characters: the count must stay linear (Intl.Segmenter alone is not, on one long string).
const bluesky: ConnectorManifest = {
  id: 'bluesky',
  displayName: 'Bluesky',
  authKind: 'app-password',
  capabilities: {
    publish: true,
    media: false,
    threads: false,
    reply: false,
    delete: false,
    mentions: false,
    search: false,
    comments: false,
    metrics: false,
  },
  text: { maxLength: 300, counting: 'graphemes', maxBytes: 3000 },
  media: { maxCount: 0, types: [], maxBytes: 0 },
  rateLimit: { requests: 10, windowSeconds: 60 },
};

describe('grapheme counting', () => {
  it.each<[string, (n: number) => string]>([
    ['plain text', (n) => 'a-'.repeat(n / 2)],
    ['family emoji', (n) => '👩‍👩‍👧'.repeat(n / 8)],
    ['flags', (n) => '🇫🇷'.repeat(n / 4)],
    ['one cluster of combining marks', (n) => `e${'\u0301'.repeat(n)}`],
    ['CR LF pairs and lone surrogates', (n) => '\r\n\ud83d'.repeat(n / 3)],
  ])('takes linear time on %s', (_name, make) => {
    const ratio = growthRatio(make, (text) => [countGraphemes(text), validateVariant(bluesky, { text })], 4000);
    expect({ sample: make(12).slice(0, 12), linear: ratio < LINEAR_GROWTH_LIMIT }).toEqual({ sample: make(12).slice(0, 12), linear: true });
  });
});
