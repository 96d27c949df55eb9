import sharp from 'sharp';
import { ImageHeaderError, readImageSize } from './image-header';
import { outcome } from './image-header.fixtures';
import { makePng } from '../testing/png';

type Fixture = { name: string; data: Uint8Array; width: number; height: number };

/** Real encodings made by libvips (through sharp, from the dev dependency tree). */
async function fixtures(): Promise<Fixture[]> {
  const sizes: Array<[number, number]> = [
    [7, 5],
    [1, 300],
    [640, 427],
  ];
  const made: Fixture[] = [];
  for (const [width, height] of sizes) {
    const image = () => sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 90 } } });
    const add = async (name: string, data: Buffer, size: [number, number] = [width, height]) =>
      made.push({ name: `${name} ${width}x${height}`, data: new Uint8Array(data), width: size[0], height: size[1] });
    await add('PNG', await image().png().toBuffer());
    await add('JPEG baseline', await image().jpeg().toBuffer());
    await add('JPEG progressive', await image().jpeg({ progressive: true }).toBuffer());
    // Stored sideways with an EXIF orientation of 6 (as phones store portrait photos): displayed height x width.
    await add('JPEG rotated', await image().jpeg().withMetadata({ orientation: 6 }).toBuffer(), [height, width]);
    await add('GIF', await image().gif().toBuffer());
    await add('WebP lossy', await image().webp().toBuffer());
    await add('WebP lossless', await image().webp({ lossless: true }).toBuffer());
    const alpha = sharp({ create: { width, height, channels: 4, background: { r: 1, g: 2, b: 3, alpha: 0.5 } } });
    await add('WebP extended', await alpha.webp().toBuffer());
  }
  return made;
}

const jpeg = (...parts: number[][]) => new Uint8Array([0xff, 0xd8, ...parts.flat()]);
/** A frame header (SOF0) of `width` x `height`. */
const sof0 = (width: number, height: number) => [0xff, 0xc0, 0, 11, 8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0];

describe('image size from the header', () => {
  let all: Fixture[];
  beforeAll(async () => {
    all = await fixtures();
  });

  it('reads PNG, JPEG (baseline, progressive, rotated by EXIF), GIF and WebP (VP8, VP8L, VP8X) as displayed', async () => {
    const markers = new Set(
      all.map((fixture) => (fixture.name.startsWith('WebP') ? Buffer.from(fixture.data.subarray(12, 16)).toString() : '')),
    );
    expect([...markers].filter(Boolean).sort()).toEqual(['VP8 ', 'VP8L', 'VP8X']);
    for (const fixture of all) {
      expect({ name: fixture.name, size: readImageSize(fixture.data) }).toEqual({
        name: fixture.name,
        size: { width: fixture.width, height: fixture.height },
      });
      if (!fixture.name.includes('rotated')) {
        const metadata = await sharp(fixture.data).metadata();
        expect({ width: metadata.width, height: metadata.height }).toEqual({ width: fixture.width, height: fixture.height });
      }
    }
    // Both frame header kinds are covered: SOF0 (baseline) and SOF2 (progressive).
    const hasMarker = (kind: string, marker: number) =>
      all.some(
        (fixture) =>
          fixture.name.startsWith(kind) && fixture.data.some((byte, index) => byte === 0xff && fixture.data[index + 1] === marker),
      );
    expect(hasMarker('JPEG progressive', 0xc2)).toBe(true);
    expect(hasMarker('JPEG baseline', 0xc0)).toBe(true);
    expect(readImageSize(makePng(4, 3))).toEqual({ width: 4, height: 3 });
  });

  it('answers unknown for bytes that are not one of these formats', () => {
    expect(readImageSize(new Uint8Array())).toBeUndefined();
    expect(readImageSize(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeUndefined();
    expect(readImageSize(new TextEncoder().encode('RIFF\0\0\0\0WAVEfmt '))).toBeUndefined();
  });

  it('gives the size or a typed error for every truncation of every image, never another exception', () => {
    for (const fixture of all) {
      const seen = new Set<string>();
      for (let length = 0; length <= fixture.data.length; length++) seen.add(outcome(fixture.data.subarray(0, length)));
      expect({ name: fixture.name, outcomes: [...seen].filter((seen) => !['size', 'unknown', 'header error'].includes(seen)) }).toEqual({
        name: fixture.name,
        outcomes: [],
      });
      expect(seen.has('header error')).toBe(true);
    }
  });

  it('survives random damage to the headers', () => {
    let state = 12345;
    const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0);
    const unexpected: string[] = [];
    for (const fixture of all) {
      for (let trial = 0; trial < 300; trial++) {
        const data = Uint8Array.from(fixture.data);
        const edits = 1 + (next() % 4);
        // Damage the first 64 bytes mostly: that is where the headers are.
        for (let edit = 0; edit < edits; edit++) data[next() % Math.min(data.length, next() % 2 ? 64 : data.length)] = next() & 0xff;
        const result = outcome(data.subarray(0, next() % 3 ? data.length : next() % data.length));
        if (!['size', 'unknown', 'header error'].includes(result)) unexpected.push(`${fixture.name}: ${result}`);
      }
    }
    expect(unexpected).toEqual([]);
  });

  it('refuses damaged headers with ImageHeaderError', () => {
    const png = Buffer.from(makePng(4, 3));
    const zeroWidth = Buffer.from(png);
    zeroWidth.writeUInt32BE(0, 16);
    const hugeWidth = Buffer.from(png);
    hugeWidth.writeUInt32BE(0x80000000, 16);
    const notIhdr = Buffer.from(png);
    notIhdr.write('IDAT', 12, 'ascii');
    const cases: Array<[string, Uint8Array, RegExp]> = [
      ['PNG of width 0', zeroWidth, /invalid dimensions 0x3/],
      ['PNG wider than 2^31 - 1', hugeWidth, /invalid dimensions/],
      ['PNG without IHDR first', notIhdr, /not IHDR/],
      ['PNG signature alone', png.subarray(0, 8), /truncated/],
      ['JPEG without a frame header', jpeg([0xff, 0xda, 0, 2]), /no frame header/],
      ['JPEG segment of length 0', jpeg([0xff, 0xe0, 0, 0]), /segment length 0/],
      ['JPEG segment longer than the file', jpeg([0xff, 0xe0, 0xff, 0xff, 1, 2, 3]), /truncated/],
      ['JPEG frame of height 0 (DNL)', jpeg(sof0(4, 0)), /invalid dimensions/],
      ['JPEG byte that is no marker', jpeg([0x12, 0x34]), /no marker/],
      ['GIF header alone', new TextEncoder().encode('GIF89a'), /truncated/],
      ['WebP with an unknown chunk', new TextEncoder().encode('RIFF\0\0\0\0WEBPABCD\0\0\0\0'), /unknown first chunk/],
      ['WebP VP8 without its start code', new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 ' + '\0'.repeat(14)), /start code/],
    ];
    for (const [name, data, message] of cases) {
      let error: unknown;
      try {
        readImageSize(data);
      } catch (thrown) {
        error = thrown;
      }
      expect({ name, typed: error instanceof ImageHeaderError }).toEqual({ name, typed: true });
      expect((error as Error).message).toMatch(message);
    }
  });

  it('reads past fill bytes, standalone markers and other segments; a damaged EXIF only loses the rotation', () => {
    const app0 = [0xff, 0xe0, 0, 4, 0, 0];
    expect(readImageSize(jpeg([0xff, 0xff, 0xff], [0xff, 0xd0], app0, sof0(300, 200)))).toEqual({ width: 300, height: 200 });
    const exif = (ifdOffset: number, orientation: number) => {
      const tiff = [0x4d, 0x4d, 0, 42, 0, 0, 0, ifdOffset, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0];
      const body = [...Buffer.from('Exif\0\0', 'binary'), ...tiff];
      return [0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];
    };
    expect(readImageSize(jpeg(exif(8, 8), sof0(300, 200)))).toEqual({ width: 200, height: 300 });
    expect(readImageSize(jpeg(exif(8, 3), sof0(300, 200)))).toEqual({ width: 300, height: 200 });
    expect(readImageSize(jpeg(exif(200, 6), sof0(300, 200)))).toEqual({ width: 300, height: 200 });
  });
});
