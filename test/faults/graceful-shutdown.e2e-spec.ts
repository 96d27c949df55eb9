import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { connect, Socket } from 'node:net';
import { resolve } from 'node:path';
import { dropTestDatabase, ownTestDatabase } from '@socle/testing';

const ROOT = resolve(__dirname, '../..');
const DEADLINE_MS = 3000;

/** The API or the worker as its own process (their real entry points), with its output kept for the failure messages. */
class Service {
  readonly output: string[] = [];
  readonly exited: Promise<{ code: number | null; at: number }>;
  private constructor(readonly child: ChildProcess) {
    this.exited = new Promise((done) => child.once('exit', (code) => done({ code, at: Date.now() })));
    const keep = (chunk: Buffer) => this.output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  /** Starts `entry` and resolves with the first match of `ready` in its standard output. */
  static async start(entry: string, env: Record<string, string>, ready: RegExp): Promise<{ service: Service; match: RegExpMatchArray }> {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', resolve(ROOT, entry)], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const service = new Service(child);
    const match = await new Promise<RegExpMatchArray>((found, failed) => {
      const timer = setTimeout(() => failed(new Error(`${entry} not ready after 90 s:\n${service.output.join('\n')}`)), 90_000);
      child.stdout?.on('data', (chunk: Buffer) => {
        const m = chunk.toString('utf8').match(ready);
        if (m) {
          clearTimeout(timer);
          found(m);
        }
      });
      void service.exited.then(({ code }) => {
        clearTimeout(timer);
        failed(new Error(`${entry} exited (${code}) before it was ready:\n${service.output.join('\n')}`));
      });
    });
    return { service, match };
  }
}

/** Opens a TCP connection, or rejects with the connection error (ECONNREFUSED once the server stopped listening). */
function open(port: number): Promise<Socket> {
  return new Promise((done, failed) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => done(socket));
    socket.once('error', failed);
  });
}

/** Everything the server sends on the socket until it closes it. */
function readAll(socket: Socket): Promise<string> {
  return new Promise((done) => {
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    socket.once('close', () => done(text));
    socket.once('error', () => undefined);
  });
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Graceful shutdown of the real processes: on SIGTERM the API stops accepting connections, answers the request it
 * was reading, and exits 0; a request that never ends does not keep it past SHUTDOWN_TIMEOUT_MS (exit 1); the worker
 * stops consuming and exits 0. Each runs on a database of this suite's own, so the worker acts on nothing of the
 * other suites.
 */
describe('graceful shutdown', () => {
  let database: ReturnType<typeof ownTestDatabase>;
  let env: Record<string, string>;
  const started: Service[] = [];

  beforeAll(() => {
    database = ownTestDatabase();
    env = {
      ...database.env,
      PORT: '0',
      HOST: '127.0.0.1',
      // Under the run's prefix: the run's global teardown removes the queues' keys the processes leave behind.
      QUEUE_PREFIX: `${process.env.QUEUE_PREFIX ?? 'socle-test'}-shutdown-${randomBytes(4).toString('hex')}`,
      SHUTDOWN_TIMEOUT_MS: String(DEADLINE_MS),
      LOG_LEVEL: 'warn',
    };
  });

  afterAll(async () => {
    for (const service of started) service.child.kill('SIGKILL');
    if (database) await dropTestDatabase(database.name);
  });

  const startApi = async () => {
    const { service, match } = await Service.start('apps/api/src/main.ts', env, /listening on http:\/\/127\.0\.0\.1:(\d+)\//);
    started.push(service);
    return { api: service, port: Number(match[1]) };
  };

  it('answers the request in flight, refuses new connections, then exits 0', async () => {
    const { api, port } = await startApi();
    const body = JSON.stringify({ query: '{ __typename }' });
    const socket = await open(port);
    const answer = readAll(socket);
    // The headers and half of the body: the request is in flight when the signal comes.
    socket.write(
      `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`,
    );
    socket.write(body.slice(0, 5));
    await sleep(300);
    const signalled = Date.now();
    api.child.kill('SIGTERM');
    await sleep(500);
    await expect(open(port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(api.child.exitCode).toBeNull();

    socket.write(body.slice(5));
    const text = await answer;
    expect(text).toMatch(/^HTTP\/1\.1 200 /);
    expect(text).toContain('"__typename":"Query"');
    const { code, at } = await api.exited;
    expect({ code, output: api.output.join('\n') }).toMatchObject({ code: 0 });
    expect(at - signalled).toBeLessThan(DEADLINE_MS);
  }, 120_000);

  it('exits 1 at the deadline when a request never ends', async () => {
    const { api, port } = await startApi();
    const socket = await open(port);
    socket.write(`POST /graphql HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"qu`);
    await sleep(300);
    const signalled = Date.now();
    api.child.kill('SIGTERM');
    const { code, at } = await api.exited;
    socket.destroy();
    expect({ code, output: api.output.join('\n') }).toMatchObject({ code: 1 });
    expect(at - signalled).toBeGreaterThanOrEqual(DEADLINE_MS - 50);
    expect(at - signalled).toBeLessThan(DEADLINE_MS + 5000);
    expect(api.output.join('\n')).toContain(`not stopped after ${DEADLINE_MS} ms`);
  }, 120_000);

  it('stops the worker and exits 0 within the deadline', async () => {
    const { service: worker } = await Service.start('apps/worker/src/main.ts', env, /socle-worker running (.+)/);
    started.push(worker);
    const signalled = Date.now();
    worker.child.kill('SIGTERM');
    const { code, at } = await worker.exited;
    expect({ code, output: worker.output.join('\n') }).toMatchObject({ code: 0 });
    expect(at - signalled).toBeLessThan(DEADLINE_MS);
    expect(worker.output.join('\n')).toContain('socle-worker: stopped');
  }, 120_000);
});
