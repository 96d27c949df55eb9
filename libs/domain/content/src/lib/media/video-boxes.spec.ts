import { DomainError } from '@socle/platform-errors';
import { HEAD_BYTES, MediaInspector } from './media-inspector';
import { inspect, MB } from './media-inspector.fixtures';
import { MAX_BOX_DEPTH, MAX_MOOV_BYTES, sniffVideoType } from './video-boxes';
import { box, boxHeader, boxToEnd, ftyp, hdlr, largeBox, moov, movie, mvhd, tkhd, trak } from './video-boxes.fixtures';

/** The refusal's reason and message, or the verdict. */
function verdict(data: Uint8Array, chunk = 4096, videoMaxBytes = 10 * MB): string {
  const inspector = new MediaInspector(MB, videoMaxBytes);
  try {
    for (let at = 0; at < data.length; at += chunk) inspector.add(Buffer.from(data.subarray(at, at + chunk)));
    const media = inspector.finish();
    return media.kind === 'VIDEO' ? `${media.contentType} ${media.width}x${media.height} ${media.durationMs}ms` : media.contentType;
  } catch (error) {
    if (error instanceof DomainError) return `${error.reason}: ${error.message}`;
    throw error;
  }
}

describe('video inspection (MP4 and QuickTime, from the bytes, as they stream)', () => {
  it('reads the duration and the first video track’s size, fast start or not, whatever the chunking', () => {
    const files: Array<[string, Buffer, string]> = [
      ['fast start', movie({ width: 1280, height: 720, timescale: 600, duration: 9000 }), 'video/mp4 1280x720 15000ms'],
      [
        'moov after mdat',
        movie({ width: 1280, height: 720, timescale: 600, duration: 9000, fastStart: false }),
        'video/mp4 1280x720 15000ms',
      ],
      ['sound track first', movie({ soundFirst: true, width: 640, height: 360 }), 'video/mp4 640x360 2500ms'],
      ['version 1 headers', movie({ version: 1, timescale: 90_000, duration: 90_000n * 3600n + 45_000n }), 'video/mp4 320x240 3600500ms'],
      ['portrait (a quarter turn)', movie({ width: 1920, height: 1080, quarterTurn: true }), 'video/mp4 1080x1920 2500ms'],
      ['64-bit sizes', movie({ large: true, fastStart: false, duration: 1234 }), 'video/mp4 320x240 1234ms'],
      ['QuickTime (ftyp qt)', movie({ quickTime: 'ftyp', timescale: 30, duration: 61 }), 'video/quicktime 320x240 2033ms'],
      ['QuickTime (no ftyp)', movie({ quickTime: 'legacy', fastStart: false }), 'video/quicktime 320x240 2500ms'],
    ];
    for (const [name, data, expected] of files) {
      for (const chunk of [1, 3, 7, 100, 4096, data.length]) {
        expect({ name, chunk, verdict: verdict(data, chunk) }).toEqual({ name, chunk, verdict: expected });
      }
    }
    expect(inspect(movie({ mediaBytes: 5000 }))).toBe(`video/mp4 320x240 2500ms ${movie({ mediaBytes: 5000 }).length}`);
    // Larger than the head kept of an image, in one chunk or in two whose first is shorter than the sniffed bytes.
    const large = movie({ mediaBytes: 2 * HEAD_BYTES, fastStart: false, duration: 777 });
    expect(verdict(large, large.length)).toBe('video/mp4 320x240 777ms');
    const inspector = new MediaInspector(MB, 10 * MB);
    inspector.add(large.subarray(0, 5));
    inspector.add(large.subarray(5));
    expect(inspector.finish()).toMatchObject({ kind: 'VIDEO', type: 'MP4', durationMs: 777, size: large.length });
  });

  it('reads an mdat or a moov that runs to the end of the file (size 0), and a 16.16 size rounded', () => {
    const index = moov({ timescale: 1000, duration: 40 });
    const payload = index.subarray(8);
    expect(verdict(Buffer.concat([ftyp('mp42'), index, boxToEnd('mdat', Buffer.alloc(300))]))).toBe('video/mp4 320x240 40ms');
    expect(verdict(Buffer.concat([ftyp('M4V '), box('mdat', Buffer.alloc(300)), boxToEnd('moov', payload)]), 5)).toBe(
      'video/mp4 320x240 40ms',
    );
    const odd = Buffer.concat([ftyp(), box('moov', mvhd(1000, 10), trak('vide', 639.6, 359.4)), box('mdat', Buffer.alloc(10))]);
    expect(verdict(odd)).toBe('video/mp4 640x359 10ms');
  });

  it('recognises MP4 and QuickTime from the first bytes only, never the name', () => {
    const first = (data: Buffer) => sniffVideoType(data.subarray(0, 12));
    expect(['isom', 'iso2', 'mp41', 'mp42', 'avc1', 'M4V '].map((brand) => first(ftyp(brand)))).toEqual(Array(6).fill('MP4'));
    expect(first(ftyp('qt  '))).toBe('MOV');
    for (const atom of ['moov', 'mdat', 'wide']) expect(first(box(atom, Buffer.alloc(8)))).toBe('MOV');
    // HEIF images, audio-only M4A, 3GP, and anything else with a box header: not a supported video.
    for (const brand of ['heic', 'mif1', 'M4A ', '3gp4', 'crx ']) expect(first(ftyp(brand))).toBeUndefined();
    expect(first(box('free', Buffer.alloc(8)))).toBeUndefined();
    expect(verdict(Buffer.concat([ftyp('heic'), box('meta', Buffer.alloc(100))]))).toMatch(/^MEDIA_TYPE_NOT_SUPPORTED: .*MP4 or QuickTime/);
    // A WebM (EBML) file is not taken.
    expect(verdict(Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0xf7, 0x81, 0x01]))).toMatch(
      /^MEDIA_TYPE_NOT_SUPPORTED/,
    );
  });

  it('refuses a file cut short, wherever the cut falls', () => {
    for (const fastStart of [true, false]) {
      const whole = movie({ fastStart, mediaBytes: 2000 });
      expect(verdict(whole)).toBe('video/mp4 320x240 2500ms');
      for (const cut of [13, 20, 40, 100, 200, whole.length - 1000, whole.length - 1]) {
        expect({ fastStart, cut, verdict: verdict(whole.subarray(0, cut)) }).toEqual({
          fastStart,
          cut,
          verdict: expect.stringMatching(/^MEDIA_(TRUNCATED|DAMAGED): /),
        });
      }
      // Cut inside the media data: the box declares bytes the file does not have.
      expect(verdict(whole.subarray(0, whole.length - (fastStart ? 1 : 1500)))).toMatch(/^MEDIA_TRUNCATED: .*'(mdat|moov)' box/);
    }
    // A header cut in the middle, after whole boxes.
    expect(verdict(Buffer.concat([movie(), Buffer.from([0, 0, 0])]))).toMatch(
      /^MEDIA_TRUNCATED: Invalid file: the file ends inside the header of a box/,
    );
  });

  it('refuses media data without an index (no moov): damaged or cut short before the index was written', () => {
    expect(verdict(Buffer.concat([ftyp(), box('mdat', Buffer.alloc(5000))]))).toBe(
      'MEDIA_DAMAGED: Invalid file: the video has media data (mdat) but no moov box: it is damaged, or was cut short before its index was written',
    );
    expect(verdict(Buffer.concat([ftyp(), box('free', Buffer.alloc(10))]))).toMatch(/^MEDIA_DAMAGED: .*no moov box/);
    expect(verdict(Buffer.concat([ftyp(), moov(), moov()]))).toMatch(/^MEDIA_DAMAGED: .*second moov/);
  });

  it('refuses bogus sizes: smaller than a header, larger than the file or than the parent box, impossible 64-bit sizes', () => {
    const small = Buffer.concat([ftyp(), boxHeader('mdat', 4), Buffer.alloc(100)]);
    expect(verdict(small)).toMatch(/^MEDIA_DAMAGED: .*'mdat' box at byte 32 declares 4 bytes, less than its own 8-byte header/);
    const beyond = Buffer.concat([ftyp(), moov(), boxHeader('mdat', 1_000_000), Buffer.alloc(100)]);
    expect(verdict(beyond)).toMatch(/^MEDIA_TRUNCATED: Invalid file: the file ends 999892 bytes before the end of its 'mdat' box/);
    const huge64 = Buffer.concat([ftyp(), Buffer.from([0, 0, 0, 1]), Buffer.from('mdat'), Buffer.alloc(8, 0xff), Buffer.alloc(100)]);
    expect(verdict(huge64)).toMatch(/^MEDIA_DAMAGED: .*impossible 64-bit size/);
    const tiny64 = Buffer.concat([ftyp(), Buffer.from([0, 0, 0, 1]), Buffer.from('mdat'), Buffer.from([0, 0, 0, 0, 0, 0, 0, 8])]);
    expect(verdict(tiny64)).toMatch(/^MEDIA_DAMAGED: .*impossible 64-bit size \(8\)/);
    // Inside moov: a child larger than its parent, a child smaller than its header, a cut header.
    const tkhdTooBig = Buffer.from(tkhd(320, 240));
    tkhdTooBig.writeUInt32BE(10_000, 0);
    const wrong = (inner: Buffer) => verdict(Buffer.concat([ftyp(), box('moov', mvhd(1000, 10), box('trak', inner)), box('mdat')]));
    expect(wrong(tkhdTooBig)).toMatch(/^MEDIA_DAMAGED: .*'tkhd' box inside 'trak' declares more bytes than 'trak' has left/);
    expect(wrong(Buffer.concat([boxHeader('tkhd', 3), Buffer.alloc(8)]))).toMatch(/declares 3 bytes, less than its own header/);
    expect(wrong(Buffer.from([0, 0, 0]))).toMatch(/a box inside 'trak' is cut short/);
    const large64InMoov = Buffer.concat([
      ftyp(),
      largeBox('moov', mvhd(1000, 10), largeBox('trak', tkhd(8, 6), box('mdia', hdlr('vide')))),
    ]);
    expect(verdict(large64InMoov)).toBe('video/mp4 8x6 10ms');
  });

  it('refuses an index without a movie header or a video track, and impossible headers', () => {
    const file = (...children: Buffer[]) => Buffer.concat([ftyp(), box('moov', ...children), box('mdat', Buffer.alloc(10))]);
    expect(verdict(file(trak('vide', 10, 10)))).toMatch(/^MEDIA_DAMAGED: .*no movie header \(mvhd\)/);
    expect(verdict(file(mvhd(1000, 10), trak('soun', 0, 0)))).toMatch(/^MEDIA_TYPE_NOT_SUPPORTED: .*no video track/);
    expect(verdict(file(mvhd(0, 10), trak('vide', 10, 10)))).toMatch(/timescale of 0/);
    expect(verdict(file(mvhd(1000, 10), trak('vide', 0, 10)))).toMatch(/^MEDIA_DAMAGED: .*size of 0x10/);
    expect(verdict(file(mvhd(1000, 10), box('trak', box('mdia', hdlr('vide')))))).toMatch(/no track header \(tkhd\)/);
    expect(verdict(file(box('mvhd', Buffer.alloc(10)), trak('vide', 10, 10)))).toMatch(/mvhd\) is cut short/);
    expect(verdict(file(mvhd(1, 0xffffffff_ffffn, 1), trak('vide', 10, 10)))).toMatch(/^MEDIA_DAMAGED: .*duration of \d+ ms, longer/);
    expect(verdict(file(mvhd(1000, 10), trak('vide', 20_000, 100)))).toMatch(/^MEDIA_TOO_MANY_PIXELS: .*20000x100/);
    // A fragmented movie: no duration in mvhd, the whole duration in mvex/mehd.
    const mehd = box('mehd', Buffer.from([0, 0, 0, 0]), Buffer.from([0, 0, 0x75, 0x30]));
    expect(verdict(file(mvhd(1000, 0), box('mvex', mehd), trak('vide', 10, 10)))).toBe('video/mp4 10x10 30000ms');
  });

  it('refuses boxes nested deeper than the bound', () => {
    const nested = (depth: number) => {
      let inner = box('mvhd');
      for (let level = 0; level < depth; level++) inner = box('udta', inner);
      return Buffer.concat([ftyp(), box('moov', mvhd(1000, 10), trak('vide', 4, 4), inner), box('mdat')]);
    };
    expect(verdict(nested(MAX_BOX_DEPTH - 2))).toBe('video/mp4 4x4 10ms');
    expect(verdict(nested(MAX_BOX_DEPTH))).toBe(
      `MEDIA_TOO_COMPLEX: Invalid file: the video's boxes are nested more than ${MAX_BOX_DEPTH} deep`,
    );
  });

  it('keeps at most MAX_MOOV_BYTES of the index, and refuses beyond while it streams', () => {
    // Declared larger than the bound: refused at its header.
    const atBound = new MediaInspector(MB, 100 * MB);
    expect(() => atBound.add(Buffer.concat([ftyp(), boxHeader('moov', MAX_MOOV_BYTES + 8)]))).not.toThrow();
    const declared = new MediaInspector(MB, 100 * MB);
    expect(() => declared.add(Buffer.concat([ftyp(), boxHeader('moov', MAX_MOOV_BYTES + 9)]))).toThrow(
      /moov box .* larger than 16777216 bytes/,
    );
    // Running to the end of the file (size 0): refused as soon as it passes the bound.
    const open = new MediaInspector(MB, 100 * MB);
    open.add(Buffer.concat([ftyp(), boxToEnd('moov')]));
    open.add(Buffer.alloc(MAX_MOOV_BYTES));
    expect(() => open.add(Buffer.alloc(1))).toThrow(/moov box/);
  });

  it('applies the video limit to videos and the image limit to images, as soon as the stream passes it', () => {
    const data = movie({ mediaBytes: 3000 });
    expect(inspect(data, 100, 1024, data.length)).toMatch(/^video\/mp4/);
    expect(inspect(data, 100, 1024, data.length - 1)).toBe('MEDIA_TOO_LARGE: file');
    expect(inspect(data, 100, 100 * MB, data.length - 1)).toBe('MEDIA_TOO_LARGE: file');
    // Refused at the byte that passes the limit, long before the end of the file.
    const inspector = new MediaInspector(10 * MB, 2048);
    inspector.add(data.subarray(0, 2048));
    expect(() => inspector.add(data.subarray(2048, 2049))).toThrow(/larger than the limit of 2048 bytes for a video/);
    // A video's limit does not raise an image's.
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(3000)]);
    const image = new MediaInspector(2048, 100 * MB);
    image.add(png.subarray(0, 2048));
    expect(() => image.add(png.subarray(2048, 2049))).toThrow(/larger than the limit of 2048 bytes$/);
  });
});
