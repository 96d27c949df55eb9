/**
 * Builders of small MP4 / QuickTime files for the tests, box by box, as ISO/IEC 14496-12 lays
 * them out (the layouts are repeated next to each builder). Shared by video-boxes.spec.ts,
 * video-boxes.growth-spec.ts and the media e2e tests.
 */

const IDENTITY = [0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000];
/** A quarter turn, as phones write portrait videos: a=0, b=1, c=-1, d=0. */
const QUARTER_TURN = [0, 0x10000, 0, -0x10000, 0, 0, 0, 0, 0x40000000];

function u32(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(value >>> 0);
  return b;
}

function u64(value: bigint): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(value);
  return b;
}

function matrix(values: number[]): Buffer {
  const b = Buffer.alloc(36);
  values.forEach((v, i) => b.writeInt32BE(v, i * 4));
  return b;
}

/** A box with a 32-bit size: size, type, payload. */
export function box(type: string, ...payload: Uint8Array[]): Buffer {
  const body = Buffer.concat(payload);
  return Buffer.concat([u32(8 + body.length), Buffer.from(type, 'latin1'), body]);
}

/** The same box with a 64-bit size (size field 1, the size after the type). */
export function largeBox(type: string, ...payload: Uint8Array[]): Buffer {
  const body = Buffer.concat(payload);
  return Buffer.concat([u32(1), Buffer.from(type, 'latin1'), u64(BigInt(16 + body.length)), body]);
}

/** A box that runs to the end of the file (size field 0). */
export function boxToEnd(type: string, ...payload: Uint8Array[]): Buffer {
  return Buffer.concat([u32(0), Buffer.from(type, 'latin1'), ...payload]);
}

/** A box header declaring `size` bytes, whatever follows. */
export function boxHeader(type: string, size: number): Buffer {
  return Buffer.concat([u32(size), Buffer.from(type, 'latin1')]);
}

export function ftyp(major = 'isom', compatible: string[] = ['isom', 'iso2', 'avc1', 'mp41']): Buffer {
  return box('ftyp', Buffer.from(major, 'latin1'), u32(512), Buffer.from(compatible.join(''), 'latin1'));
}

/**
 * Movie header. Version 0: version+flags, creation, modification, timescale, duration (32 bits each);
 * version 1: creation, modification (64), timescale (32), duration (64). Then rate, volume, reserved,
 * matrix, pre-defined and the next track id (80 bytes).
 */
export function mvhd(timescale: number, duration: number | bigint, version: 0 | 1 = 0): Buffer {
  const times =
    version === 0 ? [u32(0), u32(0), u32(timescale), u32(Number(duration))] : [u64(0n), u64(0n), u32(timescale), u64(BigInt(duration))];
  return box(
    'mvhd',
    u32(version << 24),
    ...times,
    u32(0x10000),
    Buffer.from([1, 0]),
    Buffer.alloc(10),
    matrix(IDENTITY),
    Buffer.alloc(24),
    u32(3),
  );
}

/**
 * Track header. Version 0: version+flags, creation, modification, track id, reserved, duration (32 bits);
 * version 1: creation, modification (64), track id, reserved (32), duration (64). Then reserved (8),
 * layer, alternate group, volume, reserved (2 each), the matrix (36), width and height in 16.16 fixed point.
 */
export function tkhd(width: number, height: number, options: { version?: 0 | 1; quarterTurn?: boolean; trackId?: number } = {}): Buffer {
  const version = options.version ?? 0;
  const id = u32(options.trackId ?? 1);
  const times = version === 0 ? [u32(0), u32(0), id, u32(0), u32(0)] : [u64(0n), u64(0n), id, u32(0), u64(0n)];
  return box(
    'tkhd',
    u32((version << 24) | 3),
    ...times,
    Buffer.alloc(8),
    Buffer.alloc(8),
    matrix(options.quarterTurn ? QUARTER_TURN : IDENTITY),
    u32(Math.round(width * 65536)),
    u32(Math.round(height * 65536)),
  );
}

/** Handler reference: version+flags, pre-defined (QuickTime: component type), handler type, reserved (12), name. */
export function hdlr(handler: 'vide' | 'soun' | string, componentType = 0): Buffer {
  return box('hdlr', u32(0), u32(componentType), Buffer.from(handler, 'latin1'), Buffer.alloc(12), Buffer.from('Handler\0', 'latin1'));
}

/** A track: header, then media with its handler (and an empty media information box, as real files have one). */
export function trak(handler: string, width: number, height: number, options: Parameters<typeof tkhd>[2] = {}): Buffer {
  return box('trak', tkhd(width, height, options), box('mdia', box('mdhd', Buffer.alloc(24)), hdlr(handler), box('minf', box('stbl'))));
}

export interface MovieOptions {
  width?: number;
  height?: number;
  timescale?: number;
  duration?: number | bigint;
  version?: 0 | 1;
  quarterTurn?: boolean;
  /** Bytes of media data. */
  mediaBytes?: number;
  /** `moov` before `mdat`. */
  fastStart?: boolean;
  /** Boxes written with 64-bit sizes. */
  large?: boolean;
  /** Sound track first, video second. */
  soundFirst?: boolean;
  /** QuickTime: `ftyp qt  `, or no ftyp at all (`wide`, then the atoms). */
  quickTime?: 'ftyp' | 'legacy';
}

/** The `moov` of a movie with a video track. */
export function moov(o: MovieOptions = {}): Buffer {
  const make = o.large ? largeBox : box;
  const video = trak('vide', o.width ?? 320, o.height ?? 240, { version: o.version, quarterTurn: o.quarterTurn, trackId: 1 });
  const sound = trak('soun', 0, 0, { trackId: 2 });
  return make('moov', mvhd(o.timescale ?? 1000, o.duration ?? 2500, o.version ?? 0), ...(o.soundFirst ? [sound, video] : [video, sound]));
}

/** A whole small video file. */
export function movie(o: MovieOptions = {}): Buffer {
  const make = o.large ? largeBox : box;
  const data = make('mdat', Buffer.alloc(o.mediaBytes ?? 1000, 0x5a));
  const index = moov(o);
  const head =
    o.quickTime === 'legacy'
      ? [box('wide')]
      : o.quickTime === 'ftyp'
        ? [ftyp('qt  ', ['qt  '])]
        : [ftyp(), box('free', Buffer.from('IsoMedia File Produced by Socle tests', 'latin1'))];
  return Buffer.concat([...head, ...(o.fastStart === false ? [data, index] : [index, data])]);
}
