import { MultipartEvent, MultipartReader } from './multipart';

/** Multipart bodies for the reader's tests (multipart.spec.ts and multipart.growth-spec.ts). */
export const BOUNDARY = '----socle-test-7f3a';

export function body(parts: Array<{ headers: string; data: Buffer | string }>, boundary = BOUNDARY, preamble = ''): Buffer {
  const pieces: Buffer[] = [Buffer.from(preamble)];
  for (const part of parts)
    pieces.push(Buffer.from(`--${boundary}\r\n${part.headers}\r\n\r\n`), Buffer.from(part.data), Buffer.from('\r\n'));
  pieces.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(pieces);
}

/** The parts of a body fed in chunks of `chunk` bytes: name, filename and the bytes of each. */
export function read(data: Buffer, chunk: number, boundary = BOUNDARY) {
  const reader = new MultipartReader(boundary);
  const parts: Array<{ name: string | null; filename: string | null; contentType: string | null; data: Buffer }> = [];
  const events: MultipartEvent[] = [];
  for (let at = 0; at < data.length; at += chunk) events.push(...reader.push(data.subarray(at, at + chunk)));
  reader.end();
  const pieces: Buffer[] = [];
  for (const event of events) {
    if (event.kind === 'part') parts.push({ ...event.headers, data: Buffer.alloc(0) });
    if (event.kind === 'data') pieces.push(Buffer.from(event.data));
    if (event.kind === 'partEnd') parts[parts.length - 1].data = Buffer.concat(pieces.splice(0));
  }
  return parts;
}
