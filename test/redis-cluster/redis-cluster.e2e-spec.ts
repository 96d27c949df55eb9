import { randomBytes } from 'node:crypto';
import { createRedis, RedisClient } from '@socle/platform-queue';
import { hashTagOf, LocalRedisCluster } from '@socle/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the rate limiter's own checks, run here a second time on a cluster
import { accountRateLimiterChecks } from '../../libs/platform/queue/src/test/account-rate-limiter.checks';
import { postsPerText, seedPublications, statusCounts, until, WorkerProcess } from '../faults/support/fault-harness';
import { Scene } from '../faults/support/scene';

const N = 30;
const RATE_LIMITED = 3;
const ERRORS_500 = 2;

/**
 * The platform on a Redis Cluster of three masters started for this file (`LocalRedisCluster`): the account
 * rate limiter's checks, and a publishing run (the API and a worker process on the cluster, the network answering
 * 429s and 500s) where each publication goes out exactly once. Then every key the run left, on every master, must
 * carry a hash tag that decides its slot, and the keys must spread over more than one master.
 */
describe('on a Redis Cluster', () => {
  let cluster: LocalRedisCluster;
  const connections: RedisClient[] = [];
  const connect = () => {
    const redis = createRedis({ clusterNodes: cluster.nodes }, 'commands');
    connections.push(redis);
    return redis;
  };

  beforeAll(async () => {
    cluster = await LocalRedisCluster.start();
  }, 90_000);
  afterAll(async () => {
    for (const connection of connections) connection.disconnect();
    await cluster?.stop();
  });

  it('the audit itself: names a key without a hash tag, or whose braces hold nothing', async () => {
    const redis = connect();
    const prefix = `${process.env.QUEUE_PREFIX ?? 'socle-test'}-audit-${randomBytes(3).toString('hex')}`;
    await redis.set(`${prefix}:plain`, '1', 'EX', 60);
    await redis.set(`${prefix}:{}:empty`, '1', 'EX', 60);
    await redis.set(`${prefix}:{tag}:x`, '1', 'EX', 60);
    expect((await cluster.untaggedKeys(`${prefix}:*`)).sort()).toEqual([`${prefix}:plain`, `${prefix}:{}:empty`]);
    expect(hashTagOf(`${prefix}:{tag}:x`)).toBe('tag');
  });

  describe('AccountRateLimiter', () => {
    const prefix = `${process.env.QUEUE_PREFIX ?? 'socle-test'}-arl-${randomBytes(3).toString('hex')}`;
    accountRateLimiterChecks(connect, () => prefix);

    it('keeps each account’s keys in one slot and spreads accounts over the masters', async () => {
      const keys = await cluster.keysByMaster(`${prefix}:*`);
      expect([...keys.values()].filter((found) => found.length > 0).length).toBeGreaterThan(1);
      expect(await cluster.untaggedKeys(`${prefix}*`)).toEqual([]);
    });
  });

  describe('publishing', () => {
    let scene: Scene;
    let worker: WorkerProcess | undefined;

    beforeAll(async () => {
      scene = await Scene.start(cluster.env);
    }, 120_000);
    afterAll(async () => {
      await worker?.kill('SIGTERM');
      scene?.mastodon.clearInjections();
      await scene?.close();
    });

    it(`publishes each of ${N} publications once through 429s and 500s, every key hash-tagged, the queues on several masters`, async () => {
      expect(scene.api.config.REDIS_CLUSTER_NODES).toBe(cluster.nodes);
      const org = await scene.organization('Boulangerie Grappe');
      const usernames = [0, 1, 2, 3].map((a) => Scene.username(`grappe-${a}`));
      const accounts: string[] = [];
      for (const username of usernames) accounts.push(await scene.connect(org, username));
      const posts = /^POST \/api\/v1\/statuses$/;
      scene.mastodon.inject({ type: 'html-error', status: 500 }, ERRORS_500, posts);
      scene.mastodon.inject({ type: 'rate-limited', retryAfterSeconds: 2 }, RATE_LIMITED, posts);
      const seeded = await seedPublications(scene.admin, org, accounts, N, new Date(), 'grappe');
      const ids = seeded.map((p) => p.id);
      worker = await WorkerProcess.start(scene.workerEnv({ ...cluster.env, FAULT_BACKOFF_MS: '1000' }));

      const started = Date.now();
      await until(
        'every publication PUBLISHED',
        () => statusCounts(scene.admin, ids),
        (c) => (c.PUBLISHED ?? 0) === N,
        60_000,
        200,
      ).catch((error: Error) => {
        throw new Error(`${error.message}\nworker output:\n${worker?.output()}`);
      });
      const seconds = (Date.now() - started) / 1000;
      const { rows: attempts } = await scene.admin.query<{ outcome: string; n: number }>(
        'SELECT outcome, count(*)::int AS n FROM publication_attempts WHERE publication_id = ANY($1::uuid[]) GROUP BY outcome',
        [ids],
      );
      const statuses = usernames.flatMap((u) => scene.mastodon.statusesOf(u));
      const perText = postsPerText(
        statuses,
        seeded.map((p) => p.text),
      );
      expect([...perText].filter(([, n]) => n !== 1)).toEqual([]);
      expect(statuses).toHaveLength(N);
      // The 429s went through the account rate limiter's block (a script on the account's slot).
      expect(attempts.find((a) => a.outcome === 'RATE_LIMITED')?.n).toBe(RATE_LIMITED);

      // Every key of the run, on every master: tagged, and the tag is what decides the slot.
      const prefix = scene.api.config.QUEUE_PREFIX;
      const byMaster = await cluster.keysByMaster(`${prefix}*`);
      const all = [...byMaster.values()].flat();
      expect(all.length).toBeGreaterThan(0);
      expect(await cluster.untaggedKeys(`${prefix}*`)).toEqual([]);
      // Each queue's keys on one master (one slot); the queues, rate limits and accounts spread over several masters.
      const queues = new Map<string, Set<number>>();
      for (const [port, keys] of byMaster) {
        for (const key of keys.filter((k) => k.startsWith(`${prefix}:{`))) {
          const queue = hashTagOf(key) as string;
          queues.set(queue, (queues.get(queue) ?? new Set()).add(port));
        }
      }
      expect(queues.has('publishing')).toBe(true);
      for (const [queue, ports] of queues) expect([queue, ports.size]).toEqual([queue, 1]);
      const mastersWithKeys = [...byMaster.values()].filter((keys) => keys.length > 0).length;
      expect(mastersWithKeys).toBeGreaterThan(1);
      process.stdout.write(
        `[redis cluster] ${N} publications published once in ${seconds.toFixed(1)} s on ${cluster.ports.length} masters; ` +
          `attempts ${attempts.map((a) => `${a.outcome}=${a.n}`).join(' ')}; keys per master ` +
          `${[...byMaster].map(([port, keys]) => `${port}:${keys.length}`).join(' ')}; queues ` +
          `${[...queues].map(([queue, ports]) => `${queue}@${[...ports].join('')}`).join(' ')}\n`,
      );
    }, 120_000);
  });
});
