import { growthRatio, LINEAR_GROWTH_LIMIT } from '@socle/connector-sdk/testing';
import { InstagramConnector } from './instagram.connector';

// `validate` counts the caption's hashtags and @-mentions with regular expressions: they must stay linear on hostile
// captions (a caption holds 2,200 characters; inputs of 4,000 and 32,000 cover it many times over).
const SIZE = 4000;
const connector = new InstagramConnector();
const image = { mimeType: 'image/jpeg', data: new Uint8Array([0xff, 0xd8, 0xff, 0xd9]), url: 'https://media.example/1' };
const validate = (text: string) => connector.validate({ text, media: [image] });

describe('caption counting', () => {
  it.each<[string, (n: number) => string]>([
    ['hashes only', (n) => '#'.repeat(n)],
    ['at signs only', (n) => '@'.repeat(n)],
    ['one long hashtag', (n) => `#${'a'.repeat(n)}`],
    ['one long would-be mention', (n) => `@${'a.'.repeat(n / 2)}`],
    ['alternating mentions and dots', (n) => ' @a.'.repeat(n / 4)],
    ['e-mail-like runs', (n) => 'a@b'.repeat(n / 3)],
  ])('takes linear time on %s', (_name, make) => {
    const ratio = growthRatio(make, validate, SIZE);
    expect({ sample: make(40).slice(0, 40), linear: ratio < LINEAR_GROWTH_LIMIT }).toEqual({ sample: make(40).slice(0, 40), linear: true });
  });
});
