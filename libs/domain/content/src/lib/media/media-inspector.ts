import type { DomainError } from '@socle/platform-errors';
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
import { mediaRefusal } from './media-refusal';
import { sniffVideoType, VIDEO_CONTENT_TYPE_OF, VideoBoxReader, VideoType } from './video-boxes';

/** How much of the start of a file is kept to read its header (a JPEG's EXIF may push the frame header far). */
export const HEAD_BYTES = 256 * 1024;
/** Largest side accepted, in pixels. */
export const MAX_SIDE = 16_384;
/** Largest area accepted: beyond it, decoding the image takes more memory than any network accepts (decompression bombs). */
export const MAX_PIXELS = 50_000_000;
const TAIL_BYTES = 16;

export { mediaRefusal, REFUSAL_STATUS } from './media-refusal';
export type { MediaRefusalReason } from './media-refusal';

export interface InspectedImage {
  kind: 'IMAGE';
  type: ImageType;
  contentType: string;
  width: number;
  height: number;
  size: number;
}

export interface InspectedVideo {
  kind: 'VIDEO';
  type: VideoType;
  contentType: string;
  /** Of the first video track, as displayed. */
  width: number;
  height: number;
  durationMs: number;
  size: number;
}

export type InspectedMedia = InspectedImage | InspectedVideo;

/**
 * Watches a file go by, chunk by chunk, and decides what it is from its bytes:
 * refuses as soon as it can (over the size limit of its kind, not a supported
 * type). An image: keeps its first `HEAD_BYTES` and last bytes, and at the end
 * checks the header, the dimensions and that the file is whole. A video (MP4,
 * QuickTime): follows its boxes as they go by (`VideoBoxReader`), keeping only
 * its index (`moov`). Linear in the file's length, memory bounded.
 */
export class MediaInspector {
  private size = 0;
  private readonly headChunks: Buffer[] = [];
  private headLength = 0;
  private tail = Buffer.alloc(0);
  private sniffed = false;
  private type: ImageType | undefined;
  private videoType: VideoType | undefined;
  private video: VideoBoxReader | undefined;
  /** JPEG: offset of the last FF D9 pair seen, and whether the previous chunk ended with FF. */
  private lastJpegEnd = -1;
  private previousEndsWithFF = false;

  /** `maxBytes` bounds images, `videoMaxBytes` videos; each applies as soon as the file's type is known. */
  constructor(
    private readonly maxBytes: number,
    private readonly videoMaxBytes: number = maxBytes,
  ) {}

  add(chunk: Buffer): void {
    const offset = this.size;
    this.size += chunk.length;
    if (this.video) {
      this.checkSize();
      this.video.add(chunk);
      return;
    }
    if (this.headLength < HEAD_BYTES) {
      const part = chunk.subarray(0, HEAD_BYTES - this.headLength);
      this.headChunks.push(Buffer.from(part));
      this.headLength += part.length;
    }
    const video = !this.sniffed && this.headLength >= SNIFF_BYTES ? this.sniff() : undefined;
    this.checkSize();
    if (video) {
      // The type is known within the first bytes: the chunks before this one are whole in the head, this one may not be.
      video.add(Buffer.concat([...this.headChunks.slice(0, -1), chunk]));
      this.headChunks.length = 0;
      return;
    }
    this.tail = Buffer.concat([this.tail, chunk.subarray(Math.max(0, chunk.length - TAIL_BYTES))]).subarray(-TAIL_BYTES);
    if (this.type === 'JPEG') this.trackJpegEnd(chunk, offset);
  }

  /** The verdict once the whole file went by. */
  finish(): InspectedMedia {
    if (this.size === 0) throw mediaRefusal('MEDIA_EMPTY', 'is empty (zero bytes)');
    if (!this.sniffed) this.sniff();
    if (this.video && this.videoType) {
      const { durationMs, width, height } = this.video.finish();
      if (width > MAX_SIDE || height > MAX_SIDE) {
        throw mediaRefusal('MEDIA_TOO_MANY_PIXELS', `is a video of ${width}x${height} pixels: at most ${MAX_SIDE} per side`);
      }
      const type = this.videoType;
      return { kind: 'VIDEO', type, contentType: VIDEO_CONTENT_TYPE_OF[type], width, height, durationMs, size: this.size };
    }
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
    return { kind: 'IMAGE', type: header.type, contentType: CONTENT_TYPE_OF[header.type], width, height, size: this.size };
  }

  /** The limit of the file's kind; until its type is known, the larger one. */
  private checkSize(): void {
    const limit = this.video ? this.videoMaxBytes : this.type ? this.maxBytes : Math.max(this.maxBytes, this.videoMaxBytes);
    if (this.size > limit) {
      throw mediaRefusal('MEDIA_TOO_LARGE', `is larger than the limit of ${limit} bytes${this.video ? ' for a video' : ''}`);
    }
  }

  /** Decides the type from the first bytes; for a video, answers the reader its bytes go to from now on. */
  private sniff(): VideoBoxReader | undefined {
    this.sniffed = true;
    const first = Buffer.concat(this.headChunks).subarray(0, SNIFF_BYTES);
    this.videoType = sniffVideoType(first);
    if (this.videoType) return (this.video = new VideoBoxReader());
    this.type = sniffImageType(first);
    if (!this.type) throw this.unsupported();
    return undefined;
  }

  private unsupported(): DomainError {
    return mediaRefusal(
      'MEDIA_TYPE_NOT_SUPPORTED',
      'is not a PNG, JPEG, GIF or WebP image, nor an MP4 or QuickTime (MOV) video (the type is read from the file’s bytes, not its name)',
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
