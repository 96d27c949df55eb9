import { growthRatio, LINEAR_GROWTH_LIMIT } from '@socle/connector-sdk/testing';
import { tagLinksInText } from './utm';
import { TAGS } from './utm.fixtures';

describe('UTM parameters on published links', () => {
  it('stays linear on hostile text (punctuation runs, many links)', () => {
    const hostile = (n: number) => `https://a.b/${'.'.repeat(n)}x ${'https://e.org/?a=1 '.repeat(n / 20)}`;
    expect(growthRatio(hostile, (text) => tagLinksInText(text, TAGS), 20_000)).toBeLessThan(LINEAR_GROWTH_LIMIT);
  });
});
