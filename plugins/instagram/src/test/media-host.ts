/**
 * A loopback file server standing for the platform's public media addresses (`MediaAttachment.url`): the Instagram test
 * server fetches `image_url` / `video_url` from it over HTTP, as Instagram cURLs them from the public address.
 */
import { createServer, Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { randomBytes } from 'node:crypto';

export interface MediaHost {
  readonly baseUrl: string;
  /** Serves `data` as `contentType` at a fresh, unguessable address, and returns it. */
  put(data: Uint8Array, contentType: string): string;
  /** An address that answers 404. */
  missing(): string;
  /** How many times each address was fetched. */
  readonly fetches: Map<string, number>;
  close(): Promise<void>;
}

export async function startMediaHost(): Promise<MediaHost> {
  const files = new Map<string, { data: Uint8Array; contentType: string }>();
  const fetches = new Map<string, number>();
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const file = files.get(path);
    const url = `${baseUrl}${path}`;
    fetches.set(url, (fetches.get(url) ?? 0) + 1);
    if (req.method !== 'GET' || !file) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': file.contentType, 'content-length': String(file.data.byteLength) });
    res.end(Buffer.from(file.data));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    fetches,
    put(data, contentType) {
      const path = `/media/${randomBytes(12).toString('hex')}`;
      files.set(path, { data, contentType });
      return `${baseUrl}${path}`;
    },
    missing: () => `${baseUrl}/media/${randomBytes(12).toString('hex')}-gone`,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The smallest byte sequence the test server takes for a JPEG: SOI, an APP0 marker, filler, EOI. */
export function jpegBytes(size = 64): Uint8Array {
  const data = new Uint8Array(Math.max(size, 8));
  data.set([0xff, 0xd8, 0xff, 0xe0], 0);
  data.set([0xff, 0xd9], data.length - 2);
  return data;
}

/** An MP4 header: a `ftyp` box (ISO base media file format), then filler. */
export function mp4Bytes(size = 256): Uint8Array {
  const data = new Uint8Array(Math.max(size, 16));
  data.set([0x00, 0x00, 0x00, 0x18], 0);
  data.set(Buffer.from('ftypmp42', 'ascii'), 4);
  return data;
}

/** A PNG signature: not a JPEG, which Instagram refuses for images. */
export function pngBytes(size = 64): Uint8Array {
  const data = new Uint8Array(Math.max(size, 8));
  data.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 0);
  return data;
}
