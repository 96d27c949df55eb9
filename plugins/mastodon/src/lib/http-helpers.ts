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
export function multipartBody(
  parts: MultipartPart[],
  boundary = `----socle${Date.now().toString(16)}${Math.random().toString(16).slice(2)}`,
): {
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

/**
 * The links of an RFC 8288 `Link` header by relation (`next`, `prev`), as Mastodon
 * paginates. One forward scan: each `<` is matched with the next `>` and the parameters
 * run to the next `<`, so a hostile header of unclosed brackets costs time proportional
 * to its length. Unreadable links are ignored: pagination then stops rather than failing.
 */
export function parseLinkHeader(header: string | undefined): Record<string, URL> {
  const links: Record<string, URL> = {};
  if (!header) return links;
  let open = header.indexOf('<');
  while (open >= 0) {
    const close = header.indexOf('>', open + 1);
    if (close < 0) break;
    const next = header.indexOf('<', close + 1);
    // The parameters one by one up to the first rel (no array of them all: a header of thousands of empty parameters
    // costs no more than its length).
    const end = next < 0 ? header.length : next;
    let rel: string | undefined;
    for (let start = close + 1; start <= end && rel === undefined;) {
      let semicolon = header.indexOf(';', start);
      if (semicolon < 0 || semicolon > end) semicolon = end;
      const param = header.slice(start, semicolon).trim();
      if (/^rel\s*=/i.test(param))
        rel = param
          .replace(/^rel\s*=\s*/i, '')
          .replace(/[\s,]+$/, '')
          .replace(/^"|"$/g, '');
      start = semicolon + 1;
    }
    if (rel) {
      try {
        const url = new URL(header.slice(open + 1, close));
        for (const name of rel.trim().split(/\s+/)) links[name.toLowerCase()] = url;
      } catch {
        // ignored, see above
      }
    }
    open = next;
  }
  return links;
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
      const entries = Object.entries(value as Record<string, unknown>).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      );
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
