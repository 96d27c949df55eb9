import { DomainError } from '@socle/platform-errors';

/**
 * A streaming reader of `multipart/form-data` bodies (RFC 7578), fed chunk by
 * chunk: it never holds more than one chunk plus a few bytes of the body, so a
 * file part can be written to storage as it arrives. Linear in the body's
 * length: each byte is searched for the delimiter at most once more than the
 * delimiter's length. Part headers are bounded (8 KiB), as is the preamble.
 */

export const PART_HEADERS_MAX_BYTES = 8 * 1024;
const PREAMBLE_MAX_BYTES = 16 * 1024;

export interface PartHeaders {
  /** The `name` of the Content-Disposition header. */
  name: string | null;
  /** The `filename` given by the client (display only: never used to store anything). */
  filename: string | null;
  contentType: string | null;
}

export type MultipartEvent =
  { kind: 'part'; headers: PartHeaders } | { kind: 'data'; data: Buffer } | { kind: 'partEnd' } | { kind: 'done' };

export function multipartRefusal(message: string): DomainError {
  return new DomainError('BAD_USER_INPUT', `Invalid upload: ${message}`, {
    field: 'body',
    problems: [{ field: 'body', message }],
    reason: 'MEDIA_BAD_MULTIPART',
  });
}

/** The boundary of a `multipart/form-data` Content-Type, or a refusal naming the problem. */
export function boundaryOf(contentType: string | undefined): string {
  const [type, ...params] = parseParameters(contentType ?? '');
  if (type?.key.toLowerCase() !== 'multipart/form-data') throw multipartRefusal('send multipart/form-data with the file in a `file` field');
  const boundary = params.find((p) => p.key.toLowerCase() === 'boundary')?.value;
  // RFC 2046: 1 to 70 characters from a fixed set, not ending with a space.
  if (!boundary || !/^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/.test(boundary)) {
    throw multipartRefusal('the Content-Type has no valid boundary');
  }
  return boundary;
}

interface Parameter {
  key: string;
  value: string | null;
}

/**
 * `a; k=v; k2="quoted \"value\"; with semicolon"` → [{a}, {k: v}, {k2: …}], in
 * one pass. Keys are trimmed; quoted values unescaped.
 */
export function parseParameters(text: string): Parameter[] {
  const out: Parameter[] = [];
  let i = 0;
  while (i <= text.length) {
    let key = '';
    while (i < text.length && text[i] !== ';' && text[i] !== '=') key += text[i++];
    let value: string | null = null;
    if (text[i] === '=') {
      i++;
      while (text[i] === ' ' || text[i] === '\t') i++;
      if (text[i] === '"') {
        i++;
        value = '';
        while (i < text.length && text[i] !== '"') {
          if (text[i] === '\\' && i + 1 < text.length) i++;
          value += text[i++];
        }
        i++; // closing quote
        while (i < text.length && text[i] !== ';') i++;
      } else {
        value = '';
        while (i < text.length && text[i] !== ';') value += text[i++];
        value = value.trim();
      }
    }
    i++; // the semicolon
    if (key.trim() || value !== null) out.push({ key: key.trim(), value });
  }
  return out;
}

function partHeaders(block: string): PartHeaders {
  const headers: PartHeaders = { name: null, filename: null, contentType: null };
  for (const line of block.split('\r\n')) {
    if (!line) continue;
    const colon = line.indexOf(':');
    if (colon <= 0) throw multipartRefusal('a part header has no name');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'content-disposition') {
      const [disposition, ...params] = parseParameters(value);
      if (disposition?.key.toLowerCase() !== 'form-data') throw multipartRefusal('a part is not form-data');
      for (const p of params) {
        const key = p.key.toLowerCase();
        if (key === 'name') headers.name = p.value;
        if (key === 'filename') headers.filename = p.value;
      }
    } else if (name === 'content-type') {
      headers.contentType = value;
    }
  }
  return headers;
}

type State = 'preamble' | 'afterDelimiter' | 'headers' | 'body' | 'done';

export class MultipartReader {
  private readonly delimiter: Buffer;
  private pending: Buffer;
  private state: State = 'preamble';
  private discarded = 0;

  constructor(boundary: string) {
    this.delimiter = Buffer.from(`\r\n--${boundary}`, 'latin1');
    // The first delimiter may open the body without the CRLF every later one has.
    this.pending = Buffer.from('\r\n', 'latin1');
  }

  get finished(): boolean {
    return this.state === 'done';
  }

  /** The events of one more chunk of the body (data events share the chunk's memory). */
  push(chunk: Buffer): MultipartEvent[] {
    const events: MultipartEvent[] = [];
    if (this.state === 'done') return events; // the epilogue is ignored
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    for (;;) {
      if (this.state === 'preamble' || this.state === 'body') {
        const at = this.pending.indexOf(this.delimiter);
        if (at < 0) {
          // Keep what could be the start of a delimiter cut by the chunk's end.
          const safe = Math.max(0, this.pending.length - (this.delimiter.length - 1));
          if (safe > 0) this.emit(events, this.pending.subarray(0, safe));
          this.pending = this.pending.subarray(safe);
          return events;
        }
        if (at > 0) this.emit(events, this.pending.subarray(0, at));
        if (this.state === 'body') events.push({ kind: 'partEnd' });
        this.pending = this.pending.subarray(at + this.delimiter.length);
        this.state = 'afterDelimiter';
      } else if (this.state === 'afterDelimiter') {
        // Transport padding (spaces, tabs) may follow a delimiter, then CRLF or the closing `--`.
        let i = 0;
        while (i < this.pending.length && (this.pending[i] === 0x20 || this.pending[i] === 0x09)) i++;
        if (i > 64) throw multipartRefusal('malformed boundary line');
        if (this.pending.length < i + 2) return events;
        const next = this.pending.toString('latin1', i, i + 2);
        if (next === '--') {
          this.state = 'done';
          this.pending = Buffer.alloc(0);
          events.push({ kind: 'done' });
          return events;
        }
        if (next !== '\r\n') throw multipartRefusal('malformed boundary line');
        this.pending = this.pending.subarray(i + 2);
        this.state = 'headers';
      } else if (this.state === 'headers') {
        const end = this.pending.subarray(0, PART_HEADERS_MAX_BYTES + 4).indexOf('\r\n\r\n', 0, 'latin1');
        const emptyBlock = this.pending.length >= 2 && this.pending[0] === 0x0d && this.pending[1] === 0x0a;
        if (!emptyBlock && end < 0) {
          if (this.pending.length > PART_HEADERS_MAX_BYTES)
            throw multipartRefusal(`a part's headers exceed ${PART_HEADERS_MAX_BYTES} bytes`);
          return events;
        }
        const blockEnd = emptyBlock ? 0 : end;
        events.push({ kind: 'part', headers: partHeaders(this.pending.toString('utf8', 0, blockEnd)) });
        this.pending = this.pending.subarray(blockEnd + (emptyBlock ? 2 : 4));
        this.state = 'body';
      } else {
        return events;
      }
    }
  }

  /** Call once the body ended: refuses a body cut before its closing delimiter. */
  end(): void {
    if (this.state !== 'done') throw multipartRefusal('the body ends before the closing boundary (truncated upload)');
  }

  private emit(events: MultipartEvent[], data: Buffer): void {
    if (this.state === 'body') {
      events.push({ kind: 'data', data });
      return;
    }
    this.discarded += data.length;
    if (this.discarded > PREAMBLE_MAX_BYTES + 2) throw multipartRefusal('no boundary where the body starts');
  }
}
