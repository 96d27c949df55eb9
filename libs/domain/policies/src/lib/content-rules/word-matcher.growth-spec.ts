import { growthRatio, LINEAR_GROWTH_LIMIT } from '@socle/connector-sdk/testing';
import { normaliseForMatching, normaliseInto } from './normalise';
import { MAX_STEMMED_WORDS, StemMatcher, type RawMatch } from './word-matcher';

describe('StemMatcher (inflected forms)', () => {
  // Each hostile shape at 5 kB and 40 kB: CPU time must grow like the text (ratio about 8; a quadratic scan gives
  // about 64). Both sizes keep the normalised text's arrays (10 bytes a character) within the processor's caches: at
  // 160 kB they spill out of them, and on a loaded machine the cache misses, not the matcher, set the ratio (a linear
  // scan measured 25 there once).
  const words = [
    'arnaque',
    'low cost',
    'industriel',
    'prix imbattable',
    'scam',
    Array.from({ length: MAX_STEMMED_WORDS }, () => 'low').join(' '),
  ];
  const matcher = new StemMatcher(words.map(normaliseForMatching));
  const scan = (text: string) => {
    const n = normaliseInto(text);
    const found: RawMatch[] = [];
    matcher.scan(n.units, n.length, found);
    return found.length;
  };
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const hostile: [string, (n: number) => string][] = [
    [
      'prose of distinct words',
      (n) =>
        Array.from({ length: Math.ceil(n / 8) }, () => Math.floor(random() * 1e9).toString(36) + 'és')
          .join(' ')
          .slice(0, n),
    ],
    ['one huge word', (n) => 'a'.repeat(n)],
    ['a repeated prefix of the longest entry', (n) => 'low '.repeat(Math.ceil(n / 4)).slice(0, n)],
    ['elisions and clitics', (n) => "l'qu's'".repeat(Math.ceil(n / 7)).slice(0, n)],
    ['inflected hits everywhere', (n) => 'arnaques low-costs '.repeat(Math.ceil(n / 19)).slice(0, n)],
  ];
  it.each(hostile)('takes linear time on %s', (_name, make) => {
    const ratio = growthRatio(make, scan, 5_000);
    expect({ ratio, linear: ratio < LINEAR_GROWTH_LIMIT }).toEqual({ ratio, linear: true });
  });
});
