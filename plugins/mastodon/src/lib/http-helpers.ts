/** Small pieces of HTTP plumbing the Mastodon connector needs: URLs, forms, multipart, Link headers. */
import { ConnectorError } from '@socle/connector-sdk';

/** `https://mastodon.example/` -> `https://mastodon.example`; rejects what is not an http(s) URL. */
export function instanceBaseUrl(serviceUrl: string): string {
  let url: URL;
  try {
    url = new URL(serviceUrl.trim());
  } catch {
    throw new ConnectorError('REJECTED', `Mastodon: "${serviceUrl}" is not an instance URL`, { networkReason: 'invalid instance URL' });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConnectorError('REJECTED', `Mastodon: the instance URL must use https (got ${url.protocol})`, {
      networkReason: 'invalid instance URL',
    });
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export type QueryValue = string | number | boolean | undefined | readonly string[];

/** Builds `path?query`, repeating array values as `name[]=...` the way Rails reads them. */
export function withQuery(path: string, query: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      for (const entry of value) params.append(`${name}[]`, entry);
    } else {
      params.append(name, String(value));
    }
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export function formBody(fields: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) params.append(name, value);
  return params.toString();
}

export interface MultipartPart {
  name: string;
  value: string | Uint8Array;
  filename?: string;
  contentType?: string;
}

/** A `multipart/form-data` body and its content type. */
export function multipartBody(parts: MultipartPart[], boundary = `----socle${Date.now().toString(16)}${Math.random().toString(16).slice(2)}`): {
  body: Uint8Array;
  contentType: string;
} {
  const chunks: Buffer[] = [];
  const quote = (value: string) => value.replace(/["\r\n\\]/g, (c) => encodeURIComponent(c));
  for (const part of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${quote(part.name)}"`;
    if (part.filename !== undefined) head += `; filename="${quote(part.filename)}"`;
    head += '\r\n';
    if (part.contentType) head += `Content-Type: ${part.contentType}\r\n`;
    head += '\r\n';
    chunks.push(Buffer.from(head, 'utf8'));
    chunks.push(typeof part.value === 'string' ? Buffer.from(part.value, 'utf8') : Buffer.from(part.value));
    chunks.push(Buffer.from('\r\n', 'utf8'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
  return { body: new Uint8Array(Buffer.concat(chunks)), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** `<https://a/b?max_id=1>; rel="next", <...>; rel="prev"` -> `{ next: URL, prev: URL }`. */
export function parseLinkHeader(header: string | undefined): Record<string, URL> {
  const links: Record<string, URL> = {};
  if (!header) return links;
  for (const match of header.matchAll(/<([^>]*)>\s*((?:;\s*[^;,]+)*)/g)) {
    const rel = /;\s*rel="?([^";,]+)"?/i.exec(match[2] ?? '')?.[1];
    if (!rel) continue;
    try {
      const url = new URL(match[1]);
      for (const name of rel.split(/\s+/)) links[name.toLowerCase()] = url;
    } catch {
      // An unreadable link is ignored: pagination then stops rather than failing.
    }
  }
  return links;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Mastodon serves statuses as HTML; this is the plain text a person reads. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
      }
      return ENTITIES[name.toLowerCase()] ?? entity;
    })
    .trim();
}

/** Compares Mastodon ids (numeric strings of any length; falls back to text order). */
export function compareIds(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) {
    if (a.length !== b.length) return a.length - b.length;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

export function encodeCursor(value: Record<string, string>): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, context: string): Record<string, string> {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const entries = Object.entries(value as Record<string, unknown>).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
      return Object.fromEntries(entries);
    }
  } catch {
    // fall through
  }
  throw new ConnectorError('REJECTED', `${context}: the cursor "${cursor.slice(0, 40)}" was not issued by this connector`, {
    networkReason: 'invalid cursor',
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
