import { growthRatio, LINEAR_GROWTH_LIMIT } from '@socle/connector-sdk/testing';
import { createSentimentAnalyser, detectLanguage, MAX_ANALYSED_CHARS, type SentimentAnalyser } from './index';

describe('bounded cost on hostile input', () => {
  let analyser: SentimentAnalyser;
  beforeAll(async () => {
    analyser = await createSentimentAnalyser();
  });

  const hostile: Record<string, (n: number) => string> = {
    'repeated tokens': (n) => 'pas bon mais génial '.repeat(Math.ceil(n / 20)).slice(0, n),
    emoji: (n) => '😡🙄👍❤️'.repeat(Math.ceil(n / 7)).slice(0, n),
    'one long word': (n) => 'a'.repeat(n),
    'long words': (n) => `${'anticonstitutionnellement'.repeat(40)} `.repeat(Math.ceil(n / 1001)).slice(0, n),
    punctuation: (n) => ':(:):-D<3!!?,'.repeat(Math.ceil(n / 13)).slice(0, n),
  };

  it.each(Object.keys(hostile))('scores a 100 KB text of %s in time independent of its length past the cap', (kind) => {
    const make = hostile[kind];
    const text = make(100_000);
    // Only the first MAX_ANALYSED_CHARS characters count.
    expect(analyser.score(text, 'fr')).toEqual(analyser.score(text.slice(0, MAX_ANALYSED_CHARS), 'fr'));
    const ratio = growthRatio(make, (input) => analyser.score(input, 'fr'), 12_500);
    const detection = growthRatio(make, detectLanguage, 12_500);
    expect({ ratio: ratio < LINEAR_GROWTH_LIMIT, detection: detection < LINEAR_GROWTH_LIMIT }).toEqual({ ratio: true, detection: true });
  });
});
