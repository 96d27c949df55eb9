import { mediaRefusal } from './media-refusal';

/**
 * MP4 and QuickTime files are a tree of boxes ("atoms"): a 32-bit size (1: a 64-bit size
 * follows the type; 0: the box runs to the end of the file), a four-character type, then the
 * payload. The index of the samples, `moov`, may come before the media data (`mdat`, "fast
 * start") or after it; both are read as the file goes by. ISO/IEC 14496-12 (ISO base media
 * file format) §4.2 (box), §8.2.2 (mvhd), §8.3.2 (tkhd), §8.4.3 (hdlr), §8.8.2 (mehd);
 * Apple's QuickTime File Format, "Movie atoms".
 */
export type VideoType = 'MP4' | 'MOV';

export const VIDEO_CONTENT_TYPE_OF: Readonly<Record<VideoType, string>> = {
  MP4: 'video/mp4',
  MOV: 'video/quicktime',
};

/** Bytes of `moov` kept in memory to read it: beyond, the upload is refused (hours of video index a few MB). */
export const MAX_MOOV_BYTES = 16 * 1024 * 1024;
/** Boxes nested deeper than this inside `moov` are refused (real files stay under 10). */
export const MAX_BOX_DEPTH = 16;
/** Longest duration accepted, in milliseconds (what a 32-bit integer holds: about 24 days). */
export const MAX_DURATION_MS = 2_147_483_647;

/** Major brands of the `ftyp` box that announce an MP4 video (ISO base media file format and its MPEG-4 profiles). */
const MP4_BRANDS: ReadonlySet<string> = new Set([
  'isom',
  'iso2',
  'iso3',
  'iso4',
  'iso5',
  'iso6',
  'iso7',
  'iso8',
  'iso9',
  'mp41',
  'mp42',
  'mp71',
  'avc1',
  'M4V ',
  'M4VH',
  'M4VP',
  'dash',
  'mmp4',
  'MSNV',
  'XAVC',
  'f4v ',
]);
/** QuickTime files older than `ftyp` start with one of these atoms. */
const MOV_FIRST_ATOMS: ReadonlySet<string> = new Set(['moov', 'mdat', 'wide']);
/** Boxes whose payload is only boxes, walked inside `moov`. */
const CONTAINERS: ReadonlySet<string> = new Set([
  'moov',
  'trak',
  'mdia',
  'minf',
  'stbl',
  'edts',
  'dinf',
  'mvex',
  'udta',
  'tref',
  'clip',
  'matt',
]);

export interface VideoFacts {
  durationMs: number;
  /** Width and height of the first video track, as displayed (a 90° rotation in its matrix swaps them). */
  width: number;
  height: number;
}

/** The video type its first 12 bytes announce, or undefined. */
export function sniffVideoType(head: Uint8Array): VideoType | undefined {
  if (head.length < 12) return undefined;
  const type = fourcc(head, 4);
  if (type === 'ftyp') {
    const brand = fourcc(head, 8);
    if (brand === 'qt  ') return 'MOV';
    return MP4_BRANDS.has(brand) ? 'MP4' : undefined;
  }
  return MOV_FIRST_ATOMS.has(type) ? 'MOV' : undefined;
}

function fourcc(data: Uint8Array, at: number): string {
  return String.fromCharCode(data[at], data[at + 1], data[at + 2], data[at + 3]);
}

/** A box type as it may be shown in a message (its bytes may be anything). */
function shown(type: string): string {
  return `'${type.replace(/[^\x20-\x7e]/g, '?')}'`;
}

const damaged = (message: string) => mediaRefusal('MEDIA_DAMAGED', message);
const truncated = (message: string) => mediaRefusal('MEDIA_TRUNCATED', message);
const tooComplex = (message: string) => mediaRefusal('MEDIA_TOO_COMPLEX', message);

/**
 * Follows the top-level boxes of an MP4 or QuickTime file as its bytes go by: skips every
 * payload but `moov`'s (kept, up to `MAX_MOOV_BYTES`, and read once whole). Memory is bounded
 * whatever the file's size, and the time is linear in it.
 */
export class VideoBoxReader {
  /** Bytes seen so far. */
  private position = 0;
  private readonly header = Buffer.alloc(16);
  private headerLength = 0;
  private headerNeed = 8;
  private boxType = '';
  private boxStart = 0;
  private inPayload = false;
  /** Payload bytes of the current box still to come; infinite for a box that runs to the end of the file. */
  private remaining = 0;
  private moovChunks: Buffer[] | undefined;
  private moovLength = 0;
  private movie: VideoFacts | undefined;
  private sawMdat = false;

  add(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      if (!this.inPayload) {
        if (this.headerLength === 0) this.boxStart = this.position;
        const take = Math.min(this.headerNeed - this.headerLength, chunk.length - at);
        chunk.copy(this.header, this.headerLength, at, at + take);
        this.headerLength += take;
        at += take;
        this.position += take;
        if (this.headerLength === this.headerNeed) this.openBox();
      } else {
        const take = Math.min(this.remaining, chunk.length - at);
        if (this.moovChunks) this.keepMoov(chunk.subarray(at, at + take));
        this.remaining -= take;
        at += take;
        this.position += take;
        if (this.remaining === 0) this.closeBox();
      }
    }
  }

  /** What the file's `moov` says, once the whole file went by; refuses a file cut short or without `moov`. */
  finish(): VideoFacts {
    if (this.inPayload && this.remaining === Number.POSITIVE_INFINITY) {
      this.closeBox();
    } else if (this.inPayload) {
      throw truncated(
        `the file ends ${this.remaining} bytes before the end of its ${shown(this.boxType)} box at byte ${this.boxStart} ` +
          '(cut short, or the box declares more bytes than the file has)',
      );
    } else if (this.headerLength > 0) {
      throw truncated(`the file ends inside the header of a box at byte ${this.boxStart}`);
    }
    if (!this.movie) {
      throw damaged(
        this.sawMdat
          ? 'the video has media data (mdat) but no moov box: it is damaged, or was cut short before its index was written'
          : 'the video has no moov box (the index of its samples)',
      );
    }
    return this.movie;
  }

  private openBox(): void {
    const size32 = this.header.readUInt32BE(0);
    const type = fourcc(this.header, 4);
    if (size32 === 1 && this.headerNeed === 8) {
      this.headerNeed = 16; // a 64-bit size follows the type
      return;
    }
    let size: number;
    if (size32 === 1) {
      const large = this.header.readBigUInt64BE(8);
      if (large > BigInt(Number.MAX_SAFE_INTEGER) || large < 16n) {
        throw damaged(`the ${shown(type)} box at byte ${this.boxStart} declares an impossible 64-bit size (${large})`);
      }
      size = Number(large);
    } else if (size32 === 0) {
      size = Number.POSITIVE_INFINITY;
    } else if (size32 < 8) {
      throw damaged(`the ${shown(type)} box at byte ${this.boxStart} declares ${size32} bytes, less than its own 8-byte header`);
    } else {
      size = size32;
    }
    this.boxType = type;
    this.remaining = size - this.headerNeed;
    this.headerLength = 0;
    this.headerNeed = 8;
    this.inPayload = true;
    if (type === 'mdat') this.sawMdat = true;
    if (type === 'moov') {
      if (this.movie || this.moovChunks) throw damaged(`the video has a second moov box at byte ${this.boxStart}`);
      if (Number.isFinite(this.remaining) && this.remaining > MAX_MOOV_BYTES) throw this.moovTooLarge();
      this.moovChunks = [];
      this.moovLength = 0;
    }
    if (this.remaining === 0) this.closeBox();
  }

  private keepMoov(part: Buffer): void {
    this.moovLength += part.length;
    if (this.moovLength > MAX_MOOV_BYTES) throw this.moovTooLarge();
    this.moovChunks?.push(Buffer.from(part));
  }

  private closeBox(): void {
    this.inPayload = false;
    if (this.moovChunks) {
      const moov = Buffer.concat(this.moovChunks, this.moovLength);
      this.moovChunks = undefined;
      this.movie = readMovie(moov);
    }
  }

  private moovTooLarge() {
    return tooComplex(`the video's moov box (the index of its samples) is larger than ${MAX_MOOV_BYTES} bytes: it is not read`);
  }
}

interface TrackFacts {
  tkhd?: Buffer;
  handler?: string;
}

/**
 * Calls `visit` on each box of `data[start, end)`, in order; every box must fit in its parent.
 * Each box is visited once: linear in the bytes.
 */
function eachBox(data: Buffer, start: number, end: number, parent: string, visit: (type: string, from: number, to: number) => void): void {
  let at = start;
  while (at < end) {
    if (end - at < 8) throw damaged(`a box inside ${shown(parent)} is cut short (${end - at} bytes left, a header takes 8)`);
    const size32 = data.readUInt32BE(at);
    const type = fourcc(data, at + 4);
    let header = 8;
    let size: number = size32;
    if (size32 === 1) {
      if (end - at < 16) throw damaged(`the ${shown(type)} box inside ${shown(parent)} is cut short in its 64-bit size`);
      const large = data.readBigUInt64BE(at + 8);
      size = large > BigInt(end - at) ? Number.POSITIVE_INFINITY : Number(large);
      header = 16;
    } else if (size32 === 0) {
      size = end - at;
    }
    if (size < header) throw damaged(`the ${shown(type)} box inside ${shown(parent)} declares ${size} bytes, less than its own header`);
    if (size > end - at) {
      throw damaged(`the ${shown(type)} box inside ${shown(parent)} declares more bytes than ${shown(parent)} has left (${end - at})`);
    }
    visit(type, at + header, at + size);
    at += size;
  }
}

/** Duration, and the size of the first video track, from the payload of `moov`. */
export function readMovie(moov: Buffer): VideoFacts {
  let movie: { timescale: number; duration: bigint } | undefined;
  let fragmentDuration: bigint | undefined;
  let video: { width: number; height: number } | undefined;
  const walk = (start: number, end: number, parent: string, depth: number, track: TrackFacts | undefined): void => {
    if (depth > MAX_BOX_DEPTH) throw tooComplex(`the video's boxes are nested more than ${MAX_BOX_DEPTH} deep`);
    eachBox(moov, start, end, parent, (type, from, to) => {
      const payload = moov.subarray(from, to);
      if (type === 'mvhd' && parent === 'moov') {
        if (movie) throw damaged('the video has two mvhd boxes');
        movie = readMovieHeader(payload);
      } else if (type === 'mehd' && parent === 'mvex') {
        fragmentDuration = readFullBoxNumber(payload, 'mehd');
      } else if (type === 'tkhd' && parent === 'trak' && track) {
        track.tkhd = payload;
      } else if (type === 'hdlr' && parent === 'mdia' && track) {
        if (payload.length < 12) throw damaged('an hdlr box is cut short');
        track.handler = fourcc(payload, 8);
      } else if (type === 'trak') {
        const facts: TrackFacts = {};
        walk(from, to, type, depth + 1, facts);
        if (!video && facts.handler === 'vide') video = readTrackSize(facts.tkhd);
      } else if (CONTAINERS.has(type)) {
        walk(from, to, type, depth + 1, track);
      }
    });
  };
  walk(0, moov.length, 'moov', 1, undefined);
  if (!movie) throw damaged('the video has no movie header (mvhd)');
  if (!video) throw mediaRefusal('MEDIA_TYPE_NOT_SUPPORTED', 'the file has no video track (sound alone is not supported)');
  const units = movie.duration === 0n && fragmentDuration !== undefined ? fragmentDuration : movie.duration;
  const durationMs = (units * 1000n + BigInt(movie.timescale) / 2n) / BigInt(movie.timescale);
  if (durationMs > BigInt(MAX_DURATION_MS))
    throw damaged(`the video declares a duration of ${durationMs} ms, longer than ${MAX_DURATION_MS}`);
  return { durationMs: Number(durationMs), ...video };
}

/** Timescale (units per second) and duration, version 0 (32-bit times) or 1 (64-bit). An unknown duration (all ones) reads 0. */
function readMovieHeader(p: Buffer): { timescale: number; duration: bigint } {
  const version = p.length > 0 ? p[0] : -1;
  let timescale: number;
  let duration: bigint;
  if (version === 0 && p.length >= 20) {
    timescale = p.readUInt32BE(12);
    duration = BigInt(p.readUInt32BE(16));
    if (duration === 0xffffffffn) duration = 0n;
  } else if (version === 1 && p.length >= 32) {
    timescale = p.readUInt32BE(20);
    duration = p.readBigUInt64BE(24);
    if (duration === 0xffffffffffffffffn) duration = 0n;
  } else {
    throw damaged(version > 1 ? `the movie header (mvhd) has an unknown version ${version}` : 'the movie header (mvhd) is cut short');
  }
  if (timescale === 0) throw damaged('the movie header (mvhd) declares a timescale of 0');
  return { timescale, duration };
}

/** The number after a full box's version and flags: 32 bits in version 0, 64 in version 1. */
function readFullBoxNumber(p: Buffer, type: string): bigint {
  if (p.length >= 8 && p[0] === 0) return BigInt(p.readUInt32BE(4));
  if (p.length >= 12 && p[0] === 1) return p.readBigUInt64BE(4);
  throw damaged(`the ${shown(type)} box is cut short or of an unknown version`);
}

/** Width and height of a track header (16.16 fixed point), swapped when its matrix turns the picture a quarter. */
function readTrackSize(tkhd: Buffer | undefined): { width: number; height: number } {
  if (!tkhd) throw damaged('the video track has no track header (tkhd)');
  const version = tkhd.length > 0 ? tkhd[0] : -1;
  // version, flags, creation, modification, track id, reserved, duration: 24 bytes (v0) or 36 (v1); then
  // reserved 8, layer, alternate group, volume, reserved (2 each), the 3x3 matrix (36), width, height.
  const matrixAt = version === 0 ? 40 : version === 1 ? 52 : -1;
  if (matrixAt < 0 || tkhd.length < matrixAt + 44) {
    throw damaged(version > 1 ? `the track header (tkhd) has an unknown version ${version}` : 'the track header (tkhd) is cut short');
  }
  let width = Math.round(tkhd.readUInt32BE(matrixAt + 36) / 65536);
  let height = Math.round(tkhd.readUInt32BE(matrixAt + 40) / 65536);
  if (width === 0 || height === 0) throw damaged(`the video track declares a size of ${width}x${height}`);
  const [a, b, c, d] = [0, 4, 12, 16].map((offset) => tkhd.readInt32BE(matrixAt + offset));
  if (a === 0 && d === 0 && b !== 0 && c !== 0) [width, height] = [height, width];
  return { width, height };
}
