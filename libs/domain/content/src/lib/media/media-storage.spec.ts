import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { LocalDiskMediaStorage, STORAGE_KEY } from './media-storage';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath ?? e.path, e.name));
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('local disk media storage', () => {
  let dir: string;
  let storage: LocalDiskMediaStorage;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'socle-media-'));
    storage = new LocalDiskMediaStorage(dir);
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('stores under a random key with size and SHA-256, reads it back, deletes it', async () => {
    const data = randomBytes(300_000);
    const stored = await storage.put(Readable.from([data.subarray(0, 1000), data.subarray(1000)]));
    expect(stored.key).toMatch(STORAGE_KEY);
    expect(stored.size).toBe(data.length);
    expect(stored.sha256).toBe(createHash('sha256').update(data).digest('hex'));
    const again = await storage.put(Readable.from([data]));
    expect(again.key).not.toBe(stored.key);
    const file = await storage.get(stored.key);
    if (!file) throw new Error('the stored file is missing');
    expect(file.size).toBe(data.length);
    expect((await readAll(file.stream)).equals(data)).toBe(true);
    await storage.delete(stored.key);
    await storage.delete(stored.key); // deleting twice is not an error
    expect(await storage.get(stored.key)).toBeNull();
    expect(await filesUnder(dir)).toHaveLength(1);
  });

  it('leaves no file when the source fails midway', async () => {
    async function* failing() {
      yield randomBytes(100_000);
      throw new Error('client went away');
    }
    await expect(storage.put(Readable.from(failing()))).rejects.toThrow('client went away');
    expect(await filesUnder(dir)).toEqual([]);
  });

  it('leaves no file when the source fails at once, before the file could have been opened (a refused upload), every time', async () => {
    // The failure races the opening of the file: one try in a few hundred lost it when the stream opened the file itself.
    for (let i = 0; i < 1000; i += 1) {
      async function* refused() {
        if (i % 2 === 1) yield Buffer.from('not an image');
        throw new Error('refused');
      }
      await expect(storage.put(Readable.from(refused()))).rejects.toThrow('refused');
    }
    expect(await filesUnder(dir)).toEqual([]);
  });

  it('builds paths from storage keys only: traversal and other names are refused', async () => {
    for (const key of [
      '../../etc/passwd',
      '..',
      '',
      'A'.repeat(32),
      `${'a'.repeat(31)}/`,
      `${'a'.repeat(32)}.partial`,
      '/tmp/x',
      'a'.repeat(33),
    ]) {
      await expect(storage.get(key)).rejects.toThrow('not a media storage key');
      await expect(storage.delete(key)).rejects.toThrow('not a media storage key');
    }
    expect(storage.pathOf('0123456789abcdef0123456789abcdef').startsWith(`${storage.root}/01/`)).toBe(true);
  });
});
