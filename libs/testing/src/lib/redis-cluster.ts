import { ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Redis from 'ioredis';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** The hash tag Redis Cluster hashes for `key` (what is between the first `{` and the next `}`), or null when it has none. */
export function hashTagOf(key: string): string | null {
  const open = key.indexOf('{');
  if (open < 0) return null;
  const close = key.indexOf('}', open + 1);
  return close > open + 1 ? key.slice(open + 1, close) : null;
}

/** Whether nothing listens on `port` of the loopback (and so one of ours may). */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((answer) => {
    const server = createServer();
    server.once('error', () => answer(false));
    server.listen(port, '127.0.0.1', () => server.close(() => answer(true)));
  });
}

/**
 * A Redis Cluster of three masters (no replicas) on loopback, from the machine's `redis-server` and
 * `redis-cli`, in a temporary directory, with nothing saved to disk. Ports are picked at random in
 * 20000–29999 (each node's bus is its port + 10000) among those free, and picked again when a
 * server loses a race for one: suites running in parallel each get their own cluster.
 */
export class LocalRedisCluster {
  private constructor(
    private readonly dir: string,
    private readonly servers: ChildProcess[],
    /** The masters' ports. */
    readonly ports: number[],
  ) {}

  /** The seeds, as REDIS_CLUSTER_NODES takes them. */
  get nodes(): string {
    return this.ports.map((port) => `127.0.0.1:${port}`).join(',');
  }

  /** What a process (API, worker) needs to run on this cluster. */
  get env(): { REDIS_CLUSTER_NODES: string } {
    return { REDIS_CLUSTER_NODES: this.nodes };
  }

  static async start(options: { masters?: number; attempts?: number } = {}): Promise<LocalRedisCluster> {
    const masters = options.masters ?? 3;
    const dir = await mkdtemp(join(tmpdir(), 'socle-redis-cluster-'));
    const servers: ChildProcess[] = [];
    try {
      const ports: number[] = [];
      for (let attempt = 0; ports.length < masters; attempt++) {
        if (attempt >= (options.attempts ?? 20)) throw new Error(`no free ports for a Redis Cluster after ${attempt} attempts`);
        const port = 20000 + Math.floor(Math.random() * 10000);
        if (ports.includes(port) || !(await portIsFree(port)) || !(await portIsFree(port + 10000))) continue;
        const server = await LocalRedisCluster.startServer(dir, port);
        if (!server) continue; // lost the port to someone else meanwhile
        servers.push(server);
        ports.push(port);
      }
      const cluster = new LocalRedisCluster(dir, servers, ports);
      await run(
        'redis-cli',
        ['--cluster', 'create', ...ports.map((port) => `127.0.0.1:${port}`), '--cluster-replicas', '0', '--cluster-yes'],
        { timeout: 60_000 },
      );
      await cluster.waitUntilReady();
      return cluster;
    } catch (error) {
      await LocalRedisCluster.stopServers(servers);
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
  }

  /** A node on `port`, or null when it could not bind it. Resolves once it answers PING. */
  private static async startServer(dir: string, port: number): Promise<ChildProcess | null> {
    const server = spawn(
      'redis-server',
      // One option and its value a line.
      // prettier-ignore
      [
        '--port', String(port),
        '--bind', '127.0.0.1',
        '--cluster-enabled', 'yes',
        '--cluster-config-file', join(dir, `nodes-${port}.conf`),
        '--cluster-node-timeout', '5000',
        '--save', '',
        '--appendonly', 'no',
        '--dir', dir,
        '--logfile', join(dir, `redis-${port}.log`),
      ],
      { stdio: 'ignore' },
    );
    let exited = false;
    server.once('exit', () => {
      exited = true;
    });
    const client = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => undefined);
    try {
      for (let i = 0; i < 100 && !exited; i++) {
        if (
          await client.connect().then(
            () => client.ping().then(() => true),
            () => false,
          )
        )
          return server;
        client.disconnect();
        await sleep(50);
      }
      server.kill('SIGKILL');
      return null;
    } finally {
      client.disconnect();
    }
  }

  /** Every node says `cluster_state:ok` and knows every master. */
  private async waitUntilReady(timeoutMs = 30_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    let last = '';
    for (;;) {
      const states = await Promise.all(this.ports.map((port) => this.onNode(port, (node) => node.cluster('INFO') as Promise<string>)));
      if (states.every((info) => /cluster_state:ok/.test(info) && new RegExp(`cluster_size:${this.ports.length}\\b`).test(info))) return;
      last = states.join('\n');
      if (Date.now() > end) throw new Error(`the Redis Cluster is not ready after ${timeoutMs} ms:\n${last}`);
      await sleep(100);
    }
  }

  /** Runs `action` on a plain connection to the node on `port`. */
  async onNode<T>(port: number, action: (node: Redis) => Promise<T>): Promise<T> {
    const node = new Redis(port, '127.0.0.1', { maxRetriesPerRequest: 1 });
    try {
      return await action(node);
    } finally {
      node.disconnect();
    }
  }

  /** The keys matching `pattern` on each master (SCAN on each), by port. */
  async keysByMaster(pattern: string): Promise<Map<number, string[]>> {
    const found = new Map<number, string[]>();
    for (const port of this.ports) {
      found.set(
        port,
        await this.onNode(port, async (node) => {
          const keys: string[] = [];
          let cursor = '0';
          do {
            const [next, page] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
            cursor = next;
            keys.push(...page);
          } while (cursor !== '0');
          return keys;
        }),
      );
    }
    return found;
  }

  /**
   * The keys under `pattern` whose slot is not their hash tag's, as Redis itself computes both (CLUSTER KEYSLOT):
   * a key without a tag, or none at all when every key is tagged.
   */
  async untaggedKeys(pattern: string): Promise<string[]> {
    const untagged: string[] = [];
    for (const [port, keys] of await this.keysByMaster(pattern)) {
      await this.onNode(port, async (node) => {
        for (const key of keys) {
          const tag = hashTagOf(key);
          if (tag === null || (await node.cluster('KEYSLOT', key)) !== (await node.cluster('KEYSLOT', tag))) untagged.push(key);
        }
      });
    }
    return untagged;
  }

  /** Stops the nodes (SIGTERM) and removes their directory. */
  async stop(): Promise<void> {
    await LocalRedisCluster.stopServers(this.servers);
    await rm(this.dir, { recursive: true, force: true });
  }

  private static async stopServers(servers: ChildProcess[]): Promise<void> {
    await Promise.all(
      servers.map(
        (server) =>
          new Promise<void>((done) => {
            if (server.exitCode !== null || server.signalCode !== null) return done();
            const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
            server.once('exit', () => {
              clearTimeout(timer);
              done();
            });
            server.kill('SIGTERM');
          }),
      ),
    );
  }
}
