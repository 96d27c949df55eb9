import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface StoredObject {
  /** Random, chosen by the storage: never derived from anything the client sent. */
  key: string;
  size: number;
  /** Hex SHA-256 of the bytes stored. */
  sha256: string;
}

/**
 * Where the media library's files live. `put` stores a stream under a new random
 * key (a failed or aborted stream leaves nothing); `get` answers null for a key
 * it does not hold; `delete` of a missing key is not an error.
 */
export interface MediaStorage {
  put(source: Readable): Promise<StoredObject>;
  get(key: string): Promise<{ stream: Readable; size: number } | null>;
  delete(key: string): Promise<void>;
  /**
   * The keys of files last written before `before`, for the sweep that removes
   * files no row names (an organisation purged, a crash between storing and
   * recording); also removes what aborted writes left behind before then.
   */
  list(before: Date): AsyncIterable<string>;
}

export const MEDIA_STORAGE = Symbol('MEDIA_STORAGE');

/** 128 random bits in hex: the only shape of key the disk storage builds paths from. */
export const STORAGE_KEY = /^[0-9a-f]{32}$/;

/**
 * Files on the local disk under one directory (`MEDIA_STORAGE_DIR`), in 256
 * subdirectories by the key's first two characters. A file is written under a
 * temporary name and renamed into place once complete, so a reader never sees
 * half a file and an aborted upload leaves no file under a key. Paths are built
 * only from keys that match `STORAGE_KEY`, so no key reaches outside the directory.
 */
export class LocalDiskMediaStorage implements MediaStorage {
  readonly root: string;

  constructor(directory: string) {
    this.root = resolve(directory);
  }

  async put(source: Readable): Promise<StoredObject> {
    const key = randomBytes(16).toString('hex');
    const path = this.pathOf(key);
    const partial = `${path}.partial`;
    await mkdir(join(this.root, key.slice(0, 2)), { recursive: true, mode: 0o700 });
    const hash = createHash('sha256');
    let size = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    // Created before the first byte: a stream that opened its file itself could still be opening it when a refused
    // source fails the pipeline, and create the file after the clean-up below had found nothing to remove.
    const file = await open(partial, 'wx', 0o600);
    try {
      await pipeline(source, tap, file.createWriteStream());
      await rename(partial, path);
    } catch (error) {
      await file.close().catch(() => undefined);
      await unlink(partial).catch(() => undefined);
      throw error;
    }
    return { key, size, sha256: hash.digest('hex') };
  }

  async get(key: string): Promise<{ stream: Readable; size: number } | null> {
    const path = this.pathOf(key);
    try {
      const info = await stat(path);
      if (!info.isFile()) return null;
      return { stream: createReadStream(path), size: info.size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await unlink(this.pathOf(key)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }

  async *list(before: Date): AsyncIterable<string> {
    const shards = await readdir(this.root).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[];
      throw error;
    });
    for (const shard of shards.filter((name) => /^[0-9a-f]{2}$/.test(name)).sort()) {
      for (const name of (await readdir(join(this.root, shard))).sort()) {
        const key = name.endsWith('.partial') ? name.slice(0, -'.partial'.length) : name;
        if (!STORAGE_KEY.test(key) || key.slice(0, 2) !== shard) continue;
        const path = join(this.root, shard, name);
        const info = await stat(path).catch(() => null);
        if (!info?.isFile() || info.mtime >= before) continue;
        if (name === key) yield key;
        else await unlink(path).catch(() => undefined); // an upload that died midway
      }
    }
  }

  /** The file of a key; anything but a storage key is refused before a path is built. */
  pathOf(key: string): string {
    if (!STORAGE_KEY.test(key)) throw new Error('not a media storage key');
    return join(this.root, key.slice(0, 2), key);
  }
}
