/**
 * A loopback server serving feeds for the RSS connector's tests: fixed documents
 * (fixtures, with ETag / Last-Modified and conditional GET) and one live feed that
 * tests add items to.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { LoopbackReply, LoopbackRequest, LoopbackServer } from '@socle/connector-sdk/testing';

export const FIXTURES = path.join(__dirname, 'fixtures');
export const PRIVATE_USER = 'lecteur';
export const PRIVATE_PASSWORD = 'secret';

export function fixture(name: string): Buffer {
  return readFileSync(path.join(FIXTURES, name));
}

export interface ServedDocument {
  body: Uint8Array;
  contentType?: string;
  etag?: string;
  lastModified?: string;
}

export interface FeedTestServer extends LoopbackServer {
  /** Serves `document` at `path` (e.g. `/fr.xml`). */
  serve(path: string, document: ServedDocument): string;
  /** URL of the live RSS 2.0 feed. */
  readonly liveUrl: string;
  /** URL of a feed behind HTTP basic auth. */
  readonly privateUrl: string;
  addLiveItems(count: number, title?: (n: number) => string): void;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export async function startFeedServer(): Promise<FeedTestServer> {
  const documents = new Map<string, ServedDocument>();
  const live: Array<{ n: number; title: string }> = [];

  const liveDocument = (): ServedDocument => {
    const items = [...live]
      .reverse()
      .map(
        ({ n, title }) =>
          `<item><title>${escapeXml(title)}</title><link>https://live.example/items/${n}</link><guid>https://live.example/items/${n}</guid>` +
          `<pubDate>${new Date(Date.UTC(2024, 10, 1, 0, n)).toUTCString()}</pubDate><description>Élément numéro ${n}</description></item>`,
      )
      .join('');
    const body = Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Flux en direct</title><link>https://live.example/</link>${items}</channel></rss>`,
    );
    return { body, contentType: 'application/rss+xml; charset=utf-8', etag: `"${createHash('sha1').update(body).digest('hex')}"` };
  };

  const respond = (document: ServedDocument, req: LoopbackRequest): LoopbackReply => {
    const headers: Record<string, string> = { 'content-type': document.contentType ?? 'application/xml' };
    if (document.etag) headers.etag = document.etag;
    if (document.lastModified) headers['last-modified'] = document.lastModified;
    const etagMatches = document.etag && req.headers['if-none-match'] === document.etag;
    const dateMatches = document.lastModified && req.headers['if-modified-since'] === document.lastModified;
    if (etagMatches || (!req.headers['if-none-match'] && dateMatches)) return { status: 304, headers };
    return { status: 200, headers, body: document.body };
  };

  const handle = (req: LoopbackRequest): LoopbackReply => {
    if (req.method !== 'GET') return { status: 405, body: 'method not allowed' };
    if (req.url.pathname === '/live.xml') return respond(liveDocument(), req);
    if (req.url.pathname === '/private.xml') {
      const expected = `Basic ${Buffer.from(`${PRIVATE_USER}:${PRIVATE_PASSWORD}`).toString('base64')}`;
      if (req.headers.authorization !== expected) {
        return {
          status: 401,
          headers: { 'www-authenticate': 'Basic realm="flux"', 'content-type': 'text/plain' },
          body: 'Identifiants requis',
        };
      }
      return respond(liveDocument(), req);
    }
    const document = documents.get(req.url.pathname);
    if (!document)
      return {
        status: 404,
        headers: { 'content-type': 'text/html' },
        body: '<html><head><title>404 Not Found</title></head><body>Not Found</body></html>',
      };
    return respond(document, req);
  };

  const server = await LoopbackServer.start(handle);
  let counter = 0;
  return Object.assign(server, {
    liveUrl: `${server.baseUrl}/live.xml`,
    privateUrl: `${server.baseUrl}/private.xml`,
    serve(pathname: string, document: ServedDocument) {
      documents.set(pathname, document);
      return `${server.baseUrl}${pathname}`;
    },
    addLiveItems(count: number, title: (n: number) => string = (n) => `Nouvelle n°${n}`) {
      for (let i = 0; i < count; i++) {
        counter += 1;
        live.push({ n: counter, title: title(counter) });
      }
    },
  });
}
