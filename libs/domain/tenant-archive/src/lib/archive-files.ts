import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { createInterface } from 'node:readline';

/** A JSON-lines file written row by row (never held whole in memory), hashed as it goes. */
export class JsonLinesWriter {
  private readonly stream;
  private readonly hash = createHash('sha256');
  rows = 0;

  constructor(path: string) {
    this.stream = createWriteStream(path, { flags: 'wx', mode: 0o600 });
  }

  async write(row: object): Promise<void> {
    const line = `${JSON.stringify(row)}\n`;
    this.hash.update(line);
    this.rows += 1;
    if (!this.stream.write(line)) await once(this.stream, 'drain');
  }

  async close(): Promise<{ rows: number; sha256: string }> {
    this.stream.end();
    await finished(this.stream);
    return { rows: this.rows, sha256: this.hash.digest('hex') };
  }
}

/** Hex SHA-256, size and line count of a file, read as a stream. */
export async function digestFile(path: string): Promise<{ sha256: string; size: number; lines: number }> {
  const hash = createHash('sha256');
  let size = 0;
  let lines = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines += 1;
  }
  return { sha256: hash.digest('hex'), size, lines };
}

/** The rows of a JSON-lines file, one at a time. */
export async function* readJsonLines(path: string): AsyncIterable<Record<string, unknown>> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.length === 0) continue;
    yield JSON.parse(line) as Record<string, unknown>;
  }
}
