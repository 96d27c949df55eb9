/**
 * The loopback Mastodon instance in a process of its own, so that a benchmark
 * measures the worker alone: on a machine of a few cores the instance then
 * answers on another core, as a real network would, instead of taking turns
 * with the worker on one event loop.
 *
 * Run as a child by `LoopbackMastodon.start()`; it talks over the IPC channel:
 * `{ id, op: 'token', handle }` → an access token for that account,
 * `{ id, op: 'count' }` → the number of statuses held, `{ id, op: 'cpu' }` → its
 * CPU time so far in microseconds (user + system). It exits when its parent
 * goes away. `answerDelayMs` makes every answer wait that long, as a distant
 * instance's would.
 */
import { fork, type ChildProcess } from 'node:child_process';
// The loopback instance is test code of the plugin, not part of its public API.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { MastodonTestServer } from '../../plugins/mastodon/src/test/mastodon-test-server';

type Ask = { op: 'token'; handle: string } | { op: 'count' } | { op: 'cpu' };
type Request = Ask & { id: number };
type Reply = { id: number; value: string | number } | { ready: string } | { id: number; error: string };

/** The parent's handle on the child instance. */
export class LoopbackMastodon {
  private next = 0;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();

  private constructor(
    private readonly child: ChildProcess,
    readonly baseUrl: string,
  ) {
    child.on('message', (message: Reply) => {
      if (!('id' in message)) return;
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      if ('error' in message) waiter?.reject(new Error(message.error));
      else waiter?.resolve(message.value);
    });
  }

  static start(options: { answerDelayMs?: number } = {}): Promise<LoopbackMastodon> {
    const child = fork(__filename, [], {
      execArgv: ['-r', '@swc-node/register'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, LOOPBACK_ANSWER_DELAY_MS: String(options.answerDelayMs ?? 0) },
    });
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`the loopback Mastodon process exited (${code}) before it was ready`));
      child.once('exit', onExit);
      child.once('error', reject);
      child.on('message', (message: Reply) => {
        if ('ready' in message) {
          child.off('exit', onExit);
          resolve(new LoopbackMastodon(child, message.ready));
        }
      });
    });
  }

  private ask<T>(request: Ask): Promise<T> {
    const id = (this.next += 1);
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.child.send({ ...request, id });
    });
  }

  createAccessToken(handle: string): Promise<string> {
    return this.ask<string>({ op: 'token', handle });
  }

  statusCount(): Promise<number> {
    return this.ask<number>({ op: 'count' });
  }

  /** CPU time the instance has used so far, in microseconds. */
  cpuMicros(): Promise<number> {
    return this.ask<number>({ op: 'cpu' });
  }

  /** The child's resident memory is its own: it is not counted in the worker's. */
  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      this.child.once('exit', () => resolve());
      this.child.kill('SIGTERM');
    });
  }
}

async function serve(): Promise<void> {
  const server = await MastodonTestServer.start({
    rateLimit: { limit: 100_000_000, windowSeconds: 300 },
    recordRequests: false,
    answerDelayMs: Number(process.env.LOOPBACK_ANSWER_DELAY_MS ?? 0),
  });
  const send = (reply: Reply) => process.send?.(reply);
  process.on('message', (request: Request) => {
    try {
      const cpu = () => {
        const { user, system } = process.cpuUsage();
        return user + system;
      };
      send({
        id: request.id,
        value: request.op === 'token' ? server.createAccessToken(request.handle) : request.op === 'count' ? server.statusCount() : cpu(),
      });
    } catch (error) {
      send({ id: request.id, error: error instanceof Error ? error.message : String(error) });
    }
  });
  const stop = () => void server.close().finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('disconnect', stop);
  send({ ready: server.baseUrl });
}

if (require.main === module) {
  void serve().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
