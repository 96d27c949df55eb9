import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { DomainError } from '@socle/platform-errors';
import { sniffImageType } from '@socle/connector-sdk';
import { HEAD_BYTES, MAX_PIXELS, MediaInspector } from './media-inspector';
import { inspect, MB } from './media-inspector.fixtures';

const image = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: { r: 10, g: 120, b: 200 } } });

/** A PNG of any declared size: signature and IHDR only (a decompression bomb's header). */
function pngHeader(width: number, height: number): Buffer {
  const data = Buffer.alloc(8 + 25 + 12);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(data, 0);
  data.writeUInt32BE(13, 8);
  data.write('IHDR', 12, 'latin1');
  data.writeUInt32BE(width, 16);
  data.writeUInt32BE(height, 20);
  data.set([8, 2, 0, 0, 0], 24);
  data.set([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82], 33);
  return data;
}

describe('media inspection (type from the bytes, dimensions, completeness)', () => {
  it('recognises PNG, JPEG (with an EXIF rotation), GIF and WebP from their bytes, whatever the chunking', async () => {
    const files: Array<[string, Buffer, string]> = [
      ['PNG', await image(640, 427).png().toBuffer(), 'image/png 640x427'],
      ['JPEG', await image(640, 427).jpeg().toBuffer(), 'image/jpeg 640x427'],
      ['JPEG progressive', await image(31, 7).jpeg({ progressive: true }).toBuffer(), 'image/jpeg 31x7'],
      ['JPEG rotated', await image(640, 427).jpeg().withMetadata({ orientation: 6 }).toBuffer(), 'image/jpeg 427x640'],
      ['GIF', await image(50, 20).gif().toBuffer(), 'image/gif 50x20'],
      ['WebP', await image(50, 20).webp().toBuffer(), 'image/webp 50x20'],
      ['WebP lossless', await image(50, 20).webp({ lossless: true }).toBuffer(), 'image/webp 50x20'],
    ];
    for (const [name, data, expected] of files) {
      for (const chunk of [1, 7, 4096, data.length]) {
        expect({ name, chunk, verdict: inspect(data, chunk) }).toEqual({ name, chunk, verdict: `${expected} ${data.length}` });
      }
    }
  });

  it('refuses what is not a supported image by its bytes, early, whatever it claims to be', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    expect(inspect(svg)).toBe('MEDIA_TYPE_NOT_SUPPORTED: file');
    expect(inspect(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).toBe('MEDIA_TYPE_NOT_SUPPORTED: file');
    expect(inspect(await image(10, 10).tiff().toBuffer())).toBe('MEDIA_TYPE_NOT_SUPPORTED: file');
    // Refused as soon as the first bytes are seen, before the rest arrives.
    const inspector = new MediaInspector(MB);
    expect(() => inspector.add(Buffer.from('GIF90a-not-a-gif'))).toThrow(DomainError);
    expect(sniffImageType(Buffer.from('RIFF\0\0\0\0WAVE'))).toBeUndefined();
  });

  it('refuses empty, truncated and damaged files with the problem named', async () => {
    expect(inspect(Buffer.alloc(0))).toBe('MEDIA_EMPTY: file');
    const png = await image(64, 64).png().toBuffer();
    const jpeg = await image(64, 64).jpeg().toBuffer();
    const gif = await image(64, 64).gif().toBuffer();
    const webp = await image(64, 64).webp().toBuffer();
    for (const data of [png, jpeg, gif, webp]) {
      expect(inspect(data.subarray(0, data.length - 10))).toBe('MEDIA_TRUNCATED: file');
      expect(inspect(data.subarray(0, 20))).toMatch(/^MEDIA_(TRUNCATED|DAMAGED): file$/);
    }
    // A PNG whose first chunk is not IHDR.
    const damaged = Buffer.from(png);
    damaged.write('IDAT', 12, 'latin1');
    expect(inspect(damaged)).toBe('MEDIA_DAMAGED: file');
    // A JPEG whose frame header lies beyond the part of the file that is read for it.
    const padding = Buffer.alloc(HEAD_BYTES + 10);
    for (let at = 0; at + 4 <= padding.length; at += 60_000) padding.set([0xff, 0xe0, 60_000 >> 8, 60_000 & 0xff], at);
    const far = Buffer.concat([
      Buffer.from([0xff, 0xd8]),
      padding.subarray(0, 240_000),
      Buffer.from([0xff, 0xe0, 0x40, 0x00]),
      Buffer.alloc(0x4000 - 2),
      jpeg.subarray(2),
    ]);
    expect(inspect(far)).toBe('MEDIA_DAMAGED: file');
  });

  it('refuses decompression-bomb dimensions from the header alone', () => {
    expect(inspect(pngHeader(16_000, 16_000))).toBe('MEDIA_TOO_MANY_PIXELS: file');
    expect(inspect(pngHeader(100_000, 1))).toBe('MEDIA_TOO_MANY_PIXELS: file');
    expect(inspect(pngHeader(0x7fffffff, 0x7fffffff))).toBe('MEDIA_TOO_MANY_PIXELS: file');
    expect(16_000 * 16_000).toBeGreaterThan(MAX_PIXELS);
    expect(inspect(pngHeader(0, 10))).toBe('MEDIA_DAMAGED: file');
    expect(inspect(pngHeader(7000, 7000))).toBe('image/png 7000x7000 45');
  });

  it('refuses a file over the limit as soon as the limit is passed', async () => {
    const data = await sharp(randomBytes(200 * 200 * 3), { raw: { width: 200, height: 200, channels: 3 } })
      .png()
      .toBuffer();
    expect(data.length).toBeGreaterThan(2048);
    expect(inspect(data, 100, data.length)).toMatch(/^image\/png/);
    expect(inspect(data, 100, data.length - 1)).toBe('MEDIA_TOO_LARGE: file');
    const inspector = new MediaInspector(1024);
    inspector.add(Buffer.from(data.subarray(0, 1024)));
    expect(() => inspector.add(Buffer.from([0]))).toThrow(/larger than the limit of 1024 bytes/);
  });
});
