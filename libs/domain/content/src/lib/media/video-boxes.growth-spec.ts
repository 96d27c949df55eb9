import { growthRatio, LINEAR_GROWTH_LIMIT } from '@socle/connector-sdk/testing';
import { inspect, MB } from './media-inspector.fixtures';
import { MAX_BOX_DEPTH } from './video-boxes';
import { box, ftyp, mvhd, trak } from './video-boxes.fixtures';

const EMPTY_BOX = box('free');

/** `n` bytes of empty boxes (8 bytes each). */
function emptyBoxes(n: number): Buffer {
  return Buffer.concat(Array.from({ length: Math.max(1, Math.floor(n / 8)) }, () => EMPTY_BOX));
}

/** `udta` boxes nested `depth` deep, written at once (each one's size is what it holds plus its header). */
function nestedBoxes(depth: number): Buffer {
  const data = Buffer.alloc(8 * depth);
  for (let level = 0; level < depth; level++) {
    data.writeUInt32BE(8 * (depth - level), 8 * level);
    data.write('udta', 8 * level + 4, 'latin1');
  }
  return data;
}

/** Boxes nested `depth` deep, repeated side by side over about `n` bytes. */
function deepBoxes(n: number, depth: number): Buffer {
  const nested = nestedBoxes(depth);
  return Buffer.concat(Array.from({ length: Math.max(1, Math.floor(n / nested.length)) }, () => nested));
}

describe('video inspection (box tree as it streams)', () => {
  it('follows hostile box trees in linear time: thousands of tiny boxes, at the top and in moov, and deep nesting', () => {
    const run = (data: Buffer) => inspect(data, 65_536, 100 * MB);
    const index = Buffer.concat([mvhd(1000, 10), trak('vide', 16, 16)]);
    const hostile: Array<[string, (n: number) => Buffer, string]> = [
      // Empty boxes at the top level, then a valid movie.
      ['top level', (n) => Buffer.concat([ftyp(), emptyBoxes(n), box('moov', index), box('mdat')]), 'video/mp4 16x16 10ms'],
      // Empty boxes inside the index.
      ['in moov', (n) => Buffer.concat([ftyp(), box('moov', index, emptyBoxes(n)), box('mdat')]), 'video/mp4 16x16 10ms'],
      // Many trees nested just within the bound.
      [
        'nested within the bound',
        (n) => Buffer.concat([ftyp(), box('moov', index, deepBoxes(n, MAX_BOX_DEPTH - 2)), box('mdat')]),
        'video/mp4 16x16 10ms',
      ],
      // Many trees nested beyond it: refused at the first.
      [
        'nested beyond the bound',
        (n) => Buffer.concat([ftyp(), box('moov', index, deepBoxes(n, 10 * MAX_BOX_DEPTH)), box('mdat')]),
        'MEDIA_TOO_COMPLEX: file',
      ],
    ];
    for (const [name, make, expected] of hostile) {
      expect({ name, verdict: run(make(200_000)) }).toEqual({ name, verdict: expect.stringMatching(new RegExp(`^${expected}`)) });
      const ratio = growthRatio(make, run, 200_000);
      expect({ name, linear: ratio < LINEAR_GROWTH_LIMIT, ratio }).toEqual({ name, linear: true, ratio });
    }
  });

  it('refuses nesting deeper than the bound however deep it goes, without running out of stack', () => {
    const deep = Buffer.concat([ftyp(), box('moov', mvhd(1000, 10), trak('vide', 16, 16), nestedBoxes(100_000)), box('mdat')]);
    expect(inspect(deep, 65_536, 100 * MB)).toBe('MEDIA_TOO_COMPLEX: file');
  });
});
