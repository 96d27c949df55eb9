import { growthRatio, LINEAR_GROWTH_LIMIT } from '@socle/connector-sdk/testing';
import { fromLittleText, toLittleText } from './little-text';

// A commentary holds at most 3000 characters: inputs of 4,000 and 32,000 characters cover it many times over.
const SIZE = 4000;

describe('little text', () => {
  it.each<[string, (n: number) => string, (text: string) => string]>([
    ['unclosed hashtag templates', (n) => '{hashtag|#|'.repeat(n / 11), fromLittleText],
    ['unclosed mentions', (n) => '@['.repeat(n / 2), fromLittleText],
    ['mentions without their URN end', (n) => '@[a]('.repeat(n / 5), fromLittleText],
    ['escapes only', (n) => '\\'.repeat(n), fromLittleText],
    ['hashtags and reserved characters', (n) => ' #a('.repeat(n / 4), toLittleText],
    ['reserved characters only', (n) => '('.repeat(n), toLittleText],
    ['one long hashtag', (n) => `#${'a'.repeat(n)}`, toLittleText],
  ])('takes linear time on %s', (_name, make, parse) => {
    const ratio = growthRatio(make, parse, SIZE);
    expect({ sample: make(40).slice(0, 40), linear: ratio < LINEAR_GROWTH_LIMIT }).toEqual({ sample: make(40).slice(0, 40), linear: true });
  });
});
