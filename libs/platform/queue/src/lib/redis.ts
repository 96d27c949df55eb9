/**
 * The one place that opens Redis connections: a single server (`REDIS_URL`) or a Redis Cluster
 * (`REDIS_CLUSTER_NODES`), chosen by the configuration, so no code path can forget the cluster.
 *
 * Every key the platform writes carries a hash tag, so whatever touches several keys at once
 * (BullMQ's scripts, the account rate limiter's) finds them in one slot:
 *   - BullMQ keys: `<prefix>:{<queue>}:<queue>:…` (one slot per queue, queues spread over the masters);
 *   - account rate limits: `<prefix>:account-rate:{<account>}:…`;
 *   - API rate limits: `<prefix>:rl:{<bucket>}:<window>`.
 * Live events use pub/sub channels, which are not keys: a cluster forwards a PUBLISH to every node.
 */
import Redis, { Cluster, ClusterNode, RedisOptions } from 'ioredis';

/** A connection to a single Redis or to a Redis Cluster: both speak the commands the platform uses. */
export type RedisClient = Redis | Cluster;

/** Where Redis is: a URL (single server), or the seeds of a cluster (and, optionally, a URL for credentials and TLS). */
export interface RedisTarget {
  url?: string;
  /** `host:port` seeds, comma-separated; when set, every connection is a cluster client. */
  clusterNodes?: string;
}

/**
 * What a connection is for:
 *   - `commands`: the shared connection of a process (rate limits, publishing events, enqueueing);
 *   - `queue`: a BullMQ queue or worker (BullMQ needs `maxRetriesPerRequest: null`: its blocking
 *     commands must wait for a reconnection instead of failing);
 *   - `subscriber`: pub/sub (a connection in subscriber mode can do nothing else).
 */
export type RedisPurpose = 'commands' | 'queue' | 'subscriber';

const HOST_PORT = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/;

/** The seeds of `REDIS_CLUSTER_NODES`, or an error naming the bad entry. */
export function parseClusterNodes(list: string): Array<{ host: string; port: number }> {
  const entries = list
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) throw new Error('REDIS_CLUSTER_NODES names no node');
  return entries.map((entry) => {
    const match = HOST_PORT.exec(entry);
    const port = match ? Number(match[2]) : 0;
    if (!match || port < 1 || port > 65535) {
      throw new Error(`REDIS_CLUSTER_NODES: "${entry}" is not host:port (e.g. 10.0.0.1:6379)`);
    }
    return { host: match[1].replace(/^\[|\]$/g, ''), port };
  });
}

/** The target the configuration describes (`REDIS_CLUSTER_NODES` wins over `REDIS_URL` for where to connect). */
export function redisTargetOf(env: { REDIS_URL?: string; REDIS_CLUSTER_NODES?: string }): RedisTarget {
  return { url: env.REDIS_URL || undefined, clusterNodes: env.REDIS_CLUSTER_NODES || undefined };
}

export function isCluster(redis: RedisClient): redis is Cluster {
  return (redis as Cluster).isCluster === true;
}

function optionsOf(purpose: RedisPurpose): RedisOptions {
  switch (purpose) {
    case 'queue':
      return { maxRetriesPerRequest: null };
    case 'subscriber':
      // ioredis subscribes again after a reconnection; commands wait for it.
      return { maxRetriesPerRequest: null, enableOfflineQueue: true };
    default:
      return { maxRetriesPerRequest: 2, enableOfflineQueue: true };
  }
}

/** The cluster-level options that were given (an undefined one would replace the client's own). */
function defined(
  options: Pick<RedisOptions, 'lazyConnect' | 'enableOfflineQueue'>,
): Pick<RedisOptions, 'lazyConnect' | 'enableOfflineQueue'> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}

/** Credentials and TLS of a URL, for the nodes of a cluster (whose addresses come from the cluster itself). */
function credentialsOf(url: string | undefined): RedisOptions {
  if (!url) return {};
  const parsed = new URL(url);
  return {
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

/** A new connection for `purpose` to the target. `overrides` tune it (e.g. `lazyConnect` for a script). */
export function createRedis(target: RedisTarget, purpose: RedisPurpose, overrides: RedisOptions = {}): RedisClient {
  const options = { ...optionsOf(purpose), ...overrides };
  if (target.clusterNodes) {
    const nodes: ClusterNode[] = parseClusterNodes(target.clusterNodes);
    const { lazyConnect, enableOfflineQueue, ...redisOptions } = options;
    return new Cluster(nodes, {
      ...defined({ lazyConnect, enableOfflineQueue }),
      redisOptions: { ...credentialsOf(target.url), ...redisOptions },
    });
  }
  if (!target.url) throw new Error('REDIS_URL or REDIS_CLUSTER_NODES must say where Redis is');
  return new Redis(target.url, options);
}

/**
 * A new connection for `purpose` to the same server or cluster as `redis`, with its credentials
 * (a cluster client's `duplicate` takes seeds first and would not merge the nodes' options).
 */
export function duplicateFor(redis: RedisClient, purpose: RedisPurpose, overrides: RedisOptions = {}): RedisClient {
  const options = { ...optionsOf(purpose), ...overrides };
  if (!isCluster(redis)) return redis.duplicate(options);
  const { lazyConnect, enableOfflineQueue, ...redisOptions } = options;
  return redis.duplicate([], {
    ...defined({ lazyConnect, enableOfflineQueue }),
    redisOptions: { ...redis.options.redisOptions, ...redisOptions },
  });
}

/** Resolves once the client is ready (a cluster knows its masters only then). */
async function connected(redis: RedisClient): Promise<void> {
  if (redis.status === 'wait') await redis.connect();
  else if (redis.status !== 'ready') await new Promise<void>((ready) => redis.once('ready', () => ready()));
}

/** The servers that hold keys: the masters of a cluster, or the server itself. */
export function keyHolders(redis: RedisClient): Redis[] {
  return isCluster(redis) ? redis.nodes('master') : [redis];
}

/**
 * Every key matching `pattern`, on every master of a cluster (SCAN on a cluster client would
 * ask a single node): `each` receives them page by page, with the server that holds them.
 */
export async function scanKeys(
  redis: RedisClient,
  pattern: string,
  each: (keys: string[], holder: Redis) => Promise<void> | void,
): Promise<void> {
  await connected(redis);
  for (const holder of keyHolders(redis)) {
    let cursor = '0';
    do {
      const [next, keys] = await holder.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await each(keys, holder);
    } while (cursor !== '0');
  }
}

/**
 * Deletes the keys matching each pattern (SCAN, then UNLINK key by key on the server holding
 * them: one command naming keys of several slots is refused by a cluster). Returns how many went.
 */
export async function deleteKeys(redis: RedisClient, patterns: readonly string[]): Promise<number> {
  let deleted = 0;
  for (const pattern of patterns) {
    await scanKeys(redis, pattern, async (keys, holder) => {
      const pipeline = holder.pipeline();
      for (const key of keys) pipeline.unlink(key);
      for (const [error, count] of (await pipeline.exec()) ?? []) if (!error) deleted += Number(count);
    });
  }
  return deleted;
}
