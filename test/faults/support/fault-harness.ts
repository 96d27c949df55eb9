import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, request, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { resolve } from 'node:path';
import type { Client } from 'pg';

const ROOT = resolve(__dirname, '../../..');
const ENTRY = resolve(__dirname, 'worker-process.ts');

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** Polls `read` until `done` holds; the last value is in the error when it never does. */
export async function until<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs: number,
  everyMs = 200,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}: ${JSON.stringify(value)}`);
    await sleep(everyMs);
  }
}

/**
 * The worker as a child process (node with the same TypeScript loader the
 * benchmarks use): a SIGKILL kills it for real, with its connections, its
 * claims and the jobs BullMQ had handed it.
 */
export class WorkerProcess {
  private readonly lines: string[] = [];
  readonly exited: Promise<number | null>;

  private constructor(private readonly child: ChildProcess) {
    this.exited = new Promise((done) => child.once('exit', (code) => done(code)));
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) this.lines.push(line);
      if (this.lines.length > 200) this.lines.splice(0, this.lines.length - 200);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  /** Starts a worker with the test run's environment plus `env`; resolves once it consumes its queues. */
  static async start(env: Record<string, string>, startTimeoutMs = 60_000): Promise<WorkerProcess> {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', ENTRY], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const worker = new WorkerProcess(child);
    await new Promise<void>((ready, failed) => {
      const timer = setTimeout(() => failed(new Error(`worker not ready after ${startTimeoutMs} ms:\n${worker.output()}`)), startTimeoutMs);
      const onData = (chunk: Buffer) => {
        if (/^ready \d+$/m.test(chunk.toString('utf8'))) {
          clearTimeout(timer);
          child.stdout?.off('data', onData);
          ready();
        }
      };
      child.stdout?.on('data', onData);
      void worker.exited.then((code) => {
        clearTimeout(timer);
        failed(new Error(`worker exited (${code}) before it was ready:\n${worker.output()}`));
      });
    });
    return worker;
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** Sends `signal` (SIGKILL unless told) and waits until the process is gone. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    await this.exited;
  }

  /** The last lines the process wrote (for failure messages). */
  output(): string {
    return this.lines.slice(-40).join('\n');
  }
}

/**
 * A loopback hop in front of the test network. Every request is forwarded
 * at once (a post reaches the network however the caller fares afterwards);
 * the answers to the POSTs that make a post (`postPath`: Mastodon's
 * `/api/v1/statuses` unless told, Bluesky's `/xrpc/com.atproto.repo.createRecord`)
 * are held back `delayMs`, so a worker killed meanwhile has made a post it
 * never recorded. With `stripIdempotencyKey`, the network never sees the key
 * (Mastodon's `Idempotency-Key` header) and cannot dedupe: only the worker's
 * own recovery (the lease, `findPublished`) keeps a post from being made twice.
 */
export class NetworkHop {
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
    private readonly counter: { posts: number },
  ) {}

  /** Requests that make a post (POST `postPath`) forwarded. */
  get posts(): number {
    return this.counter.posts;
  }

  static async start(
    upstream: string,
    options: { delayMs?: number; stripIdempotencyKey?: boolean; postPath?: string } = {},
  ): Promise<NetworkHop> {
    const target = new URL(upstream);
    const postPath = options.postPath ?? '/api/v1/statuses';
    const counter = { posts: 0 };
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const isPost = req.method === 'POST' && (req.url ?? '').split('?')[0] === postPath;
        if (isPost) counter.posts += 1;
        const headers: Record<string, string | string[] | undefined> = { ...req.headers, host: target.host };
        if (options.stripIdempotencyKey) delete headers['idempotency-key'];
        const forward = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers }, (answer) => {
          const body: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => body.push(chunk));
          answer.on('end', () => {
            const reply = () => {
              if (res.destroyed) return;
              res.writeHead(answer.statusCode ?? 502, answer.headers);
              res.end(Buffer.concat(body));
            };
            if (isPost && options.delayMs) setTimeout(reply, options.delayMs);
            else reply();
          });
        });
        forward.on('error', () => {
          if (!res.destroyed) res.destroy();
        });
        forward.end(Buffer.concat(chunks));
      });
    });
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    const hop = new NetworkHop(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, counter);
    const sockets = hop.sockets;
    server.on('connection', (socket: Socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    return hop;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((done) => this.server.close(() => done()));
  }
}

export interface SeededPublication {
  id: string;
  itemId: string;
  accountId: string;
  text: string;
}

/**
 * `count` publications to `network` due at `dueAt`, spread over `accountIds` (of that network) round robin,
 * each with its own item (SCHEDULED) and variant, written as the database
 * owner in one statement per table: what `scheduleContentItem` stores,
 * without a wake-up (the sweeper finds them). Each text is unique, so a post
 * is matched to its publication on the network side.
 */
export async function seedPublications(
  admin: Client,
  organizationId: string,
  accountIds: string[],
  count: number,
  dueAt: Date,
  label: string,
  network = 'mastodon',
): Promise<SeededPublication[]> {
  const run = randomBytes(3).toString('hex');
  // "(n)" closes each number: the text of publication 1 is not found inside the text of publication 10.
  const rows = Array.from({ length: count }, (_, i) => ({
    accountId: accountIds[i % accountIds.length],
    text: `Fournée ${label}-${run} (${i})`,
  }));
  const { rows: inserted } = await admin.query<{ id: string; item_id: string; network_account_id: string; text: string }>(
    `WITH input AS MATERIALIZED (
       SELECT account::uuid AS account, text, n, gen_random_uuid() AS item_id, gen_random_uuid() AS variant_id, gen_random_uuid() AS publication_id
         FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS t(account, text, n)),
     items AS (
       INSERT INTO content_items (organization_id, id, title, status)
       SELECT $1, item_id, 'Fournée ' || n, 'SCHEDULED' FROM input),
     variants AS (
       INSERT INTO content_variants (organization_id, id, item_id, network_account_id, network, text)
       SELECT $1, variant_id, item_id, account, $5, text FROM input),
     publications AS (
       INSERT INTO publications (organization_id, id, item_id, variant_id, network_account_id, network, due_at, next_attempt_at, status, idempotency_key)
       SELECT $1, publication_id, item_id, variant_id, account, $5, $4, $4, 'SCHEDULED',
              'socle-' || left(replace($1::text, '-', ''), 12) || '-' || publication_id
         FROM input)
     SELECT publication_id AS id, item_id, account AS network_account_id, text FROM input ORDER BY n`,
    [organizationId, rows.map((r) => r.accountId), rows.map((r) => r.text), dueAt, network],
  );
  return inserted.map((r) => ({ id: r.id, itemId: r.item_id, accountId: r.network_account_id, text: r.text }));
}

/** Publication statuses of `ids`, counted. */
export async function statusCounts(admin: Client, ids: string[]): Promise<Record<string, number>> {
  const { rows } = await admin.query<{ status: string; n: number }>(
    'SELECT status, count(*)::int AS n FROM publications WHERE id = ANY($1::uuid[]) GROUP BY status',
    [ids],
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** How many posts on the network carry each text (a post's HTML content contains its text). */
export function postsPerText(statuses: Array<Record<string, unknown>>, texts: string[]): Map<string, number> {
  const counts = new Map(texts.map((t) => [t, 0]));
  for (const status of statuses) {
    const content = String(status.content ?? '');
    for (const text of texts) if (content.includes(text)) counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return counts;
}
