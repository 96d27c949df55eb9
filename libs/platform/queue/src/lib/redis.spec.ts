import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Cluster } from 'ioredis';
import { createRedis, duplicateFor, parseClusterNodes, redisTargetOf } from './redis';

const ROOT = resolve(__dirname, '../../../../..');

/** The TypeScript files of the repository's code and tests. */
function sources(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', 'dist', 'tmp', '.nx'].includes(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sources(path));
    else if (entry.name.endsWith('.ts')) files.push(path);
  }
  return files;
}

describe('Redis connections', () => {
  it('reads cluster seeds, IPv6 in brackets included, and names a bad one', () => {
    expect(parseClusterNodes(' 10.0.0.1:7000,redis-b:7001 , [::1]:7002')).toEqual([
      { host: '10.0.0.1', port: 7000 },
      { host: 'redis-b', port: 7001 },
      { host: '::1', port: 7002 },
    ]);
    expect(() => parseClusterNodes('10.0.0.1:7000,nohost')).toThrow('"nohost" is not host:port');
    expect(() => parseClusterNodes('10.0.0.1:0')).toThrow('"10.0.0.1:0"');
    expect(() => parseClusterNodes(' , ')).toThrow('names no node');
  });

  it('makes cluster clients when REDIS_CLUSTER_NODES is set, with the options each purpose needs and the URL’s credentials', () => {
    const target = redisTargetOf({ REDIS_URL: 'rediss://worker:s%40cret@ignored:6379', REDIS_CLUSTER_NODES: '127.0.0.1:7000' });
    const queue = createRedis(target, 'queue', { lazyConnect: true });
    const subscriber = duplicateFor(queue, 'subscriber');
    const single = createRedis({ url: 'redis://127.0.0.1:6379' }, 'commands', { lazyConnect: true });
    try {
      expect(queue).toBeInstanceOf(Cluster);
      const options = (queue as Cluster).options.redisOptions;
      // BullMQ refuses a connection that gives up on a command while Redis reconnects.
      expect(options).toMatchObject({ maxRetriesPerRequest: null, username: 'worker', password: 's@cret', tls: {} });
      expect(subscriber).toBeInstanceOf(Cluster);
      expect((subscriber as Cluster).options.redisOptions).toMatchObject({ maxRetriesPerRequest: null, password: 's@cret', tls: {} });
      expect(single).not.toBeInstanceOf(Cluster);
      expect(single.options).toMatchObject({ host: '127.0.0.1', port: 6379, maxRetriesPerRequest: 2 });
      expect(duplicateFor(single, 'queue', { lazyConnect: true }).options).toMatchObject({ port: 6379, maxRetriesPerRequest: null });
    } finally {
      for (const client of [queue, subscriber, single]) client.disconnect();
    }
  });

  it('is the only code that opens a Redis connection (the test cluster’s own nodes apart)', () => {
    const allowed = new Set(['libs/platform/queue/src/lib/redis.ts', 'libs/testing/src/lib/redis-cluster.ts']);
    const opening = /new\s+(Redis|IORedis|Cluster)\s*\(|\.duplicate\(\s*\{/;
    const offenders = ['apps', 'libs', 'plugins', 'test']
      .flatMap((dir) => sources(join(ROOT, dir)))
      .map((path) => relative(ROOT, path))
      .filter((path) => !allowed.has(path) && path !== relative(ROOT, __filename))
      .filter((path) => opening.test(readFileSync(join(ROOT, path), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
