/**
 * What an image is, read from its bytes only (never its name or declared type):
 * PNG, JPEG, GIF or WebP, with the width and height its header announces. One
 * reader for the platform (the media library checks uploads with it) and for
 * connectors (Bluesky's `aspectRatio` of `app.bsky.embed.images`).
 *
 * The bytes come from users: every read is bounds-checked, every loop moves forward through
 * the buffer (so the work is at most linear in its length), and a damaged header is an
 * `ImageHeaderError`, never another exception.
 */

export interface ImageSize {
  width: number;
  height: number;
}

/** A header that announces a known format but is truncated or inconsistent. */
export class ImageHeaderError extends Error {
  constructor(
    readonly format: 'png' | 'jpeg' | 'gif' | 'webp',
    reason: string,
  ) {
    super(`${format.toUpperCase()} header: ${reason}`);
    this.name = 'ImageHeaderError';
  }
}

/** Largest dimension accepted (PNG's own bound, 2^31 - 1); anything above is a damaged header. */
const MAX_DIMENSION = 0x7fffffff;

class Reader {
  constructor(
    readonly data: Uint8Array,
    private readonly format: ImageHeaderError['format'],
  ) {}

  fail(reason: string): never {
    throw new ImageHeaderError(this.format, reason);
  }

  need(end: number): void {
    if (end > this.data.length) this.fail('truncated');
  }

  u8(at: number): number {
    this.need(at + 1);
    return this.data[at];
  }

  u16(at: number, littleEndian: boolean): number {
    this.need(at + 2);
    return littleEndian ? this.data[at] | (this.data[at + 1] << 8) : (this.data[at] << 8) | this.data[at + 1];
  }

  u24le(at: number): number {
    this.need(at + 3);
    return this.data[at] | (this.data[at + 1] << 8) | (this.data[at + 2] << 16);
  }

  u32(at: number, littleEndian: boolean): number {
    this.need(at + 4);
    const [a, b, c, d] = littleEndian
      ? [this.data[at + 3], this.data[at + 2], this.data[at + 1], this.data[at]]
      : this.data.subarray(at, at + 4);
    return ((a << 24) >>> 0) + (b << 16) + (c << 8) + d;
  }

  ascii(at: number, length: number): string {
    return at + length <= this.data.length ? String.fromCharCode(...this.data.subarray(at, at + length)) : '';
  }

  size(width: number, height: number): ImageSize {
    if (!(width >= 1 && width <= MAX_DIMENSION && height >= 1 && height <= MAX_DIMENSION))
      this.fail(`invalid dimensions ${width}x${height}`);
    return { width, height };
  }
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(data: Uint8Array, bytes: readonly number[]): boolean {
  return data.length >= bytes.length && bytes.every((byte, index) => data[index] === byte);
}

/** PNG: the IHDR chunk must come first; width and height are its first two big-endian words. */
function pngSize(data: Uint8Array): ImageSize {
  const reader = new Reader(data, 'png');
  reader.need(24);
  if (reader.ascii(12, 4) !== 'IHDR') reader.fail('the first chunk is not IHDR');
  return reader.size(reader.u32(16, false), reader.u32(20, false));
}

/** GIF: the logical screen size, little-endian, after the 6-byte signature. */
function gifSize(data: Uint8Array): ImageSize {
  const reader = new Reader(data, 'gif');
  return reader.size(reader.u16(6, true), reader.u16(8, true));
}

/** WebP: RIFF container, then the first chunk: VP8 (lossy), VP8L (lossless) or VP8X (extended, canvas size). */
function webpSize(data: Uint8Array): ImageSize {
  const reader = new Reader(data, 'webp');
  const chunk = reader.ascii(12, 4);
  if (chunk === 'VP8 ') {
    // Frame tag (3 bytes), start code 9d 01 2a, then 14-bit width and height (2 scaling bits above).
    reader.need(30);
    if (data[23] !== 0x9d || data[24] !== 0x01 || data[25] !== 0x2a) reader.fail('no VP8 start code');
    return reader.size(reader.u16(26, true) & 0x3fff, reader.u16(28, true) & 0x3fff);
  }
  if (chunk === 'VP8L') {
    // Signature 0x2f, then width - 1 and height - 1 on 14 bits each.
    if (reader.u8(20) !== 0x2f) reader.fail('no VP8L signature');
    const bits = reader.u32(21, true);
    return reader.size((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  if (chunk === 'VP8X') {
    // Flags and reserved (4 bytes), then canvas width - 1 and height - 1 on 24 bits each.
    return reader.size(reader.u24le(24) + 1, reader.u24le(27) + 1);
  }
  return reader.fail(chunk ? `unknown first chunk ${JSON.stringify(chunk)}` : 'truncated');
}

/** SOF markers (frame headers): C0-CF except DHT (C4), JPG (C8) and DAC (CC). */
const isStartOfFrame = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
/** Markers without a length: TEM, RST0-7, SOI. */
const isStandalone = (marker: number) => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8);

/**
 * JPEG: walk the segments up to the first frame header (SOF0 baseline, SOF2 progressive, and
 * the other SOFn), whose height and width follow the precision byte. Each step moves forward
 * by at least one byte. An EXIF orientation of 5 to 8 (a quarter turn, as phones store
 * portrait photos) swaps the displayed width and height.
 */
function jpegSize(data: Uint8Array, frame?: { end: number }): ImageSize {
  const reader = new Reader(data, 'jpeg');
  let position = 2;
  let orientation = 1;
  for (;;) {
    if (reader.u8(position) !== 0xff) reader.fail(`no marker at byte ${position}`);
    while (reader.u8(position) === 0xff) position++; // fill bytes
    const marker = data[position++];
    if (isStandalone(marker)) continue;
    if (marker === 0xd9 || marker === 0xda) reader.fail('no frame header before the image data');
    const length = reader.u16(position, false);
    if (length < 2) reader.fail(`segment length ${length}`);
    const end = position + length;
    if (isStartOfFrame(marker)) {
      if (length < 7) reader.fail('short frame header');
      const height = reader.u16(position + 3, false);
      const width = reader.u16(position + 5, false);
      if (frame) frame.end = end;
      return orientation >= 5 ? reader.size(height, width) : reader.size(width, height);
    }
    if (marker === 0xe1 && end <= data.length) orientation = exifOrientation(data.subarray(position + 2, end)) ?? orientation;
    position = end;
  }
}

/** The orientation tag (0x0112) of an APP1 Exif segment's first IFD, or undefined (damaged EXIF only loses the rotation). */
function exifOrientation(segment: Uint8Array): number | undefined {
  if (segment.length < 14 || String.fromCharCode(...segment.subarray(0, 6)) !== 'Exif\0\0') return undefined;
  const tiff = segment.subarray(6);
  const order = String.fromCharCode(tiff[0], tiff[1]);
  if (order !== 'II' && order !== 'MM') return undefined;
  const littleEndian = order === 'II';
  const reader = new Reader(tiff, 'jpeg');
  try {
    if (reader.u16(2, littleEndian) !== 42) return undefined;
    const ifd = reader.u32(4, littleEndian);
    const count = reader.u16(ifd, littleEndian);
    // At most `count` entries of 12 bytes, and never past the segment (reads are checked).
    for (let entry = 0; entry < count; entry++) {
      const at = ifd + 2 + entry * 12;
      if (reader.u16(at, littleEndian) === 0x0112) {
        const value = reader.u16(at + 8, littleEndian);
        return value >= 1 && value <= 8 ? value : undefined;
      }
    }
  } catch (error) {
    if (error instanceof ImageHeaderError) return undefined;
    throw error;
  }
  return undefined;
}

/**
 * Size of a PNG, JPEG, GIF or WebP image as displayed; undefined when the bytes are none of
 * these. Throws `ImageHeaderError` when the header of a recognised format is damaged.
 */
export function readImageSize(data: Uint8Array): ImageSize | undefined {
  if (startsWith(data, PNG_SIGNATURE)) return pngSize(data);
  if (startsWith(data, [0xff, 0xd8])) return jpegSize(data);
  const head = String.fromCharCode(...data.subarray(0, 12));
  if (head.startsWith('GIF87a') || head.startsWith('GIF89a')) return gifSize(data);
  if (head.startsWith('RIFF') && head.slice(8, 12) === 'WEBP') return webpSize(data);
  return undefined;
}

export type ImageType = 'PNG' | 'JPEG' | 'GIF' | 'WEBP';

export const CONTENT_TYPE_OF: Readonly<Record<ImageType, string>> = {
  PNG: 'image/png',
  JPEG: 'image/jpeg',
  GIF: 'image/gif',
  WEBP: 'image/webp',
};

/** Bytes enough to recognise every supported type. */
export const SNIFF_BYTES = 12;

/** The type announced by the first bytes (at least `SNIFF_BYTES` of them), or undefined. */
export function sniffImageType(data: Uint8Array): ImageType | undefined {
  if (startsWith(data, PNG_SIGNATURE)) return 'PNG';
  if (startsWith(data, [0xff, 0xd8, 0xff])) return 'JPEG';
  const head = String.fromCharCode(...data.subarray(0, 12));
  if (head.startsWith('GIF87a') || head.startsWith('GIF89a')) return 'GIF';
  if (head.startsWith('RIFF') && head.slice(8, 12) === 'WEBP') return 'WEBP';
  return undefined;
}

export interface ImageHeader extends ImageSize {
  type: ImageType;
  /** JPEG: the offset right after the frame header (the end-of-image marker must come after it). */
  frameEnd: number;
}

/**
 * Type and size from the first bytes of a file; undefined when it is none of the
 * supported types. Throws `ImageHeaderError` when a recognised header is damaged
 * or does not fit in `data` (reason `truncated`).
 */
export function readImageHeader(data: Uint8Array): ImageHeader | undefined {
  const type = sniffImageType(data);
  if (!type) return undefined;
  const frame = { end: 0 };
  const size = type === 'PNG' ? pngSize(data) : type === 'JPEG' ? jpegSize(data, frame) : type === 'GIF' ? gifSize(data) : webpSize(data);
  return { type, ...size, frameEnd: frame.end };
}

const PNG_END = [0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];

/** What the end of a file must look like for it to be whole, per type. */
export interface FileEnd {
  /** The last bytes of the file (at least 12, fewer only for a shorter file). */
  tail: Uint8Array;
  /** The file's size in bytes. */
  size: number;
  /** JPEG: offset of the last end-of-image marker (FF D9), -1 if none. */
  lastJpegEnd: number;
}

/**
 * Why a file whose header is sound is not whole, or null: a PNG ends with its
 * IEND chunk, a GIF with its trailer, a WebP is as long as its RIFF header says
 * (or longer), a JPEG has an end-of-image marker after its frame header.
 */
export function incompleteness(header: ImageHeader, head: Uint8Array, end: FileEnd): string | null {
  const { tail, size } = end;
  switch (header.type) {
    case 'PNG': {
      const last = tail.subarray(Math.max(0, tail.length - PNG_END.length));
      return last.length === PNG_END.length && PNG_END.every((b, i) => last[i] === b)
        ? null
        : 'the PNG does not end with its IEND chunk (truncated)';
    }
    case 'GIF':
      return tail.length > 0 && tail[tail.length - 1] === 0x3b ? null : 'the GIF does not end with its trailer (truncated)';
    case 'WEBP': {
      const declared = head.length >= 8 ? (head[4] | (head[5] << 8) | (head[6] << 16)) + head[7] * 0x1000000 + 8 : Infinity;
      return size >= declared ? null : `the WebP is ${size} bytes where its header announces ${declared} (truncated)`;
    }
    case 'JPEG':
      return end.lastJpegEnd > header.frameEnd ? null : 'the JPEG has no end-of-image marker (truncated)';
  }
}
