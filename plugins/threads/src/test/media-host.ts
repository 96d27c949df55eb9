/**
 * A loopback server standing for the platform's public media addresses (`MediaAttachment.url`): the Threads test
 * server fetches from it over HTTP, as Threads fetches `image_url` / `video_url` from the platform.
 */
import { randomBytes } from 'node:crypto';
import { LoopbackServer } from '@socle/connector-sdk/testing';

export interface MediaHost {
  readonly baseUrl: string;
  /** Serves `data` as `contentType` at a new unguessable address, and returns it. */
  host(data: Uint8Array, contentType: string): string;
  /** Paths fetched so far, oldest first. */
  fetched(): string[];
  close(): Promise<void>;
}

export async function startMediaHost(): Promise<MediaHost> {
  const files = new Map<string, { data: Uint8Array; contentType: string }>();
  const fetched: string[] = [];
  const server = await LoopbackServer.start((request) => {
    const file = request.method === 'GET' ? files.get(request.url.pathname) : undefined;
    fetched.push(request.url.pathname);
    if (!file) return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not found' };
    return { status: 200, headers: { 'content-type': file.contentType }, body: file.data };
  });
  return {
    baseUrl: server.baseUrl,
    host(data: Uint8Array, contentType: string) {
      const path = `/media/${randomBytes(12).toString('hex')}`;
      files.set(path, { data, contentType });
      return `${server.baseUrl}${path}`;
    },
    fetched: () => [...fetched],
    close: () => server.close(),
  };
}
