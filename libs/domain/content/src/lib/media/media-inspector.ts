import { DomainError } from '@socle/platform-errors';
import {
  CONTENT_TYPE_OF,
  ImageHeader,
  ImageHeaderError,
  ImageType,
  incompleteness,
  readImageHeader,
  SNIFF_BYTES,
  sniffImageType,
} from '@socle/connector-sdk';

/** How much of the start of a file is kept to read its header (a JPEG's EXIF may push the frame header far). */
export const HEAD_BYTES = 256 * 1024;
/** Largest side accepted, in pixels. */
export const MAX_SIDE = 16_384;
/** Largest area accepted: beyond it, decoding the image takes more memory than any network accepts (decompression bombs). */
export const MAX_PIXELS = 50_000_000;
const TAIL_BYTES = 16;

export type MediaRefusalReason =
  | 'MEDIA_EMPTY'
  | 'MEDIA_TOO_LARGE'
  | 'MEDIA_TYPE_NOT_SUPPORTED'
  | 'MEDIA_TRUNCATED'
  | 'MEDIA_DAMAGED'
  | 'MEDIA_TOO_MANY_PIXELS'
  | 'MEDIA_NO_FILE'
  | 'MEDIA_BAD_MULTIPART';

/** HTTP status of each refusal of an upload. */
export const REFUSAL_STATUS: Readonly<Record<MediaRefusalReason, number>> = {
  MEDIA_EMPTY: 400,
  MEDIA_TOO_LARGE: 413,
  MEDIA_TYPE_NOT_SUPPORTED: 415,
  MEDIA_TRUNCATED: 400,
  MEDIA_DAMAGED: 400,
  MEDIA_TOO_MANY_PIXELS: 400,
  MEDIA_NO_FILE: 400,
  MEDIA_BAD_MULTIPART: 400,
};

export function mediaRefusal(reason: MediaRefusalReason, message: string): DomainError {
  return new DomainError('BAD_USER_INPUT', `Invalid file: ${message}`, { field: 'file', problems: [{ field: 'file', message }], reason });
}

export interface InspectedImage {
  type: ImageType;
  contentType: string;
  width: number;
  height: number;
  size: number;
}

/**
 * Watches a file go by, chunk by chunk, and decides what it is from its bytes:
 * refuses as soon as it can (over the size limit, not a supported type), keeps
 * its first `HEAD_BYTES` and last bytes, and at the end checks the header, the
 * dimensions and that the file is whole. Linear in the file's length.
 */
export class MediaInspector {
  private size = 0;
  private readonly headChunks: Buffer[] = [];
  private headLength = 0;
  private tail = Buffer.alloc(0);
  private sniffed = false;
  private type: ImageType | undefined;
  /** JPEG: offset of the last FF D9 pair seen, and whether the previous chunk ended with FF. */
  private lastJpegEnd = -1;
  private previousEndsWithFF = false;

  constructor(private readonly maxBytes: number) {}

  add(chunk: Buffer): void {
    const offset = this.size;
    this.size += chunk.length;
    if (this.size > this.maxBytes) throw mediaRefusal('MEDIA_TOO_LARGE', `is larger than the limit of ${this.maxBytes} bytes`);
    if (this.headLength < HEAD_BYTES) {
      const part = chunk.subarray(0, HEAD_BYTES - this.headLength);
      this.headChunks.push(Buffer.from(part));
      this.headLength += part.length;
    }
    if (!this.sniffed && this.headLength >= SNIFF_BYTES) this.sniff();
    this.tail = Buffer.concat([this.tail, chunk.subarray(Math.max(0, chunk.length - TAIL_BYTES))]).subarray(-TAIL_BYTES);
    if (this.type === 'JPEG') this.trackJpegEnd(chunk, offset);
  }

  /** The verdict once the whole file went by. */
  finish(): InspectedImage {
    if (this.size === 0) throw mediaRefusal('MEDIA_EMPTY', 'is empty (zero bytes)');
    if (!this.sniffed) this.sniff();
    const head = Buffer.concat(this.headChunks);
    let header: ImageHeader | undefined;
    try {
      header = readImageHeader(head);
    } catch (error) {
      if (!(error instanceof ImageHeaderError)) throw error;
      if (error.message.endsWith('truncated')) {
        throw this.size > head.length
          ? mediaRefusal('MEDIA_DAMAGED', `the ${error.format.toUpperCase()} header does not end within the first ${HEAD_BYTES} bytes`)
          : mediaRefusal('MEDIA_TRUNCATED', `the ${error.format.toUpperCase()} file ends inside its header (truncated)`);
      }
      throw mediaRefusal('MEDIA_DAMAGED', error.message);
    }
    if (!header) throw this.unsupported();
    const { width, height } = header;
    if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) {
      throw mediaRefusal('MEDIA_TOO_MANY_PIXELS', `is ${width}x${height} pixels: at most ${MAX_SIDE} per side and ${MAX_PIXELS} in all`);
    }
    const incomplete = incompleteness(header, head, { tail: this.tail, size: this.size, lastJpegEnd: this.lastJpegEnd });
    if (incomplete) throw mediaRefusal('MEDIA_TRUNCATED', incomplete);
    return { type: header.type, contentType: CONTENT_TYPE_OF[header.type], width, height, size: this.size };
  }

  private sniff(): void {
    this.sniffed = true;
    this.type = sniffImageType(Buffer.concat(this.headChunks).subarray(0, SNIFF_BYTES));
    if (!this.type) throw this.unsupported();
  }

  private unsupported(): DomainError {
    return mediaRefusal(
      'MEDIA_TYPE_NOT_SUPPORTED',
      'is not a PNG, JPEG, GIF or WebP image (the type is read from the file’s bytes, not its name)',
    );
  }

  /** Finds the last FF D9 of this chunk (scanning backwards, each step moving back: linear). */
  private trackJpegEnd(chunk: Buffer, offset: number): void {
    if (chunk.length > 0 && chunk[0] === 0xd9 && this.previousEndsWithFF) this.lastJpegEnd = Math.max(this.lastJpegEnd, offset - 1);
    let at = chunk.lastIndexOf(0xd9);
    while (at > 0 && chunk[at - 1] !== 0xff) at = chunk.lastIndexOf(0xd9, at - 1);
    if (at > 0) this.lastJpegEnd = Math.max(this.lastJpegEnd, offset + at - 1);
    this.previousEndsWithFF = chunk.length > 0 && chunk[chunk.length - 1] === 0xff;
  }
}
