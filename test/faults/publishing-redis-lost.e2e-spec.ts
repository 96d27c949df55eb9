import { randomBytes } from 'node:crypto';
import { bullPrefix, createRedis, deleteKeys, RedisClient, redisTargetOf } from '@socle/platform-queue';
import { NetworkHop, postsPerText, sleep, statusCounts, until, WorkerProcess } from './support/fault-harness';
import { Scene } from './support/scene';

const N = 80;
const SWEEP_SECONDS = 2;
/** Time a woken publication takes to go out (claim, a 200 ms network, record), with the worker's backlog. */
const MARGIN_MS = 3500;

const SCHEDULE = 'mutation ($input: ScheduleContentItemInput!) { scheduleContentItem(input: $input) { id dueAt status } }';

/**
 * Redis loses every key of the run's queues in the middle of publishing:
 * wake-ups waiting for their time, jobs in progress, rate counters. The state
 * is in PostgreSQL: the sweeper wakes each publication within one sweep
 * interval of its time, none is lost and none is posted twice (the hop strips
 * the idempotency key, so the network would not dedupe).
 */
describe('publishing when Redis loses the queue keys', () => {
  let scene: Scene;
  let hop: NetworkHop;
  let worker: WorkerProcess | undefined;
  let redis: RedisClient;

  // A database of its own migrated by the CLI and the API started: well over Jest's 30 s when the machine is busy.
  beforeAll(async () => {
    scene = await Scene.start();
    hop = await NetworkHop.start(scene.mastodon.baseUrl, { delayMs: 200, stripIdempotencyKey: true });
    redis = createRedis(redisTargetOf(scene.api.config), 'commands');
  }, 120_000);
  afterAll(async () => {
    await worker?.kill();
    redis?.disconnect();
    await hop?.close();
    await scene?.close();
  });

  it(`re-enqueues every due publication within one sweep (${SWEEP_SECONDS} s) and publishes each of ${N} once`, async () => {
    const org = await scene.organization('Boulangerie Redis');
    const usernames = [0, 1, 2, 3].map((a) => Scene.username(`redis-${a}`));
    const accounts: string[] = [];
    for (const username of usernames) accounts.push(await scene.connect(org, username, hop.baseUrl));
    const run = randomBytes(3).toString('hex');
    const texts = Array.from({ length: N }, (_, i) => `Fournée redis-${run} (${i})`);
    // Approved items with one variant each (as owner), then scheduled through the API, which queues their wake-ups.
    const { rows: items } = await scene.admin.query<{ id: string }>(
      `WITH input AS MATERIALIZED (SELECT gen_random_uuid() AS id, t.text, t.account::uuid AS account, t.n
                                     FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS t(text, account, n)),
            items AS (INSERT INTO content_items (organization_id, id, title, status) SELECT $1, id, 'Fournée', 'APPROVED' FROM input),
            variants AS (INSERT INTO content_variants (organization_id, item_id, network_account_id, network, text) SELECT $1, id, account, 'mastodon', text FROM input)
       SELECT id FROM input ORDER BY n`,
      [org, texts, texts.map((_, i) => accounts[i % accounts.length])],
    );
    worker = await WorkerProcess.start(scene.workerEnv({ PUBLISHING_SWEEP_SECONDS: String(SWEEP_SECONDS) }));
    // Due over eight seconds, starting once every schedule is in: twelve seconds of lead, and on a machine so busy that
    // the schedules outlast it, a publication is due two seconds after its own schedule rather than in the past.
    const firstDue = Date.now() + 12_000;
    // Eight schedules at a time: one after the other, 80 round trips to a busy API could outlast the eight seconds.
    const ids: string[] = [];
    for (let from = 0; from < items.length; from += 8) {
      const scheduled = await Promise.all(
        items.slice(from, from + 8).map((item, k) =>
          scene.api.ok<{ scheduleContentItem: { id: string }[] }>(
            SCHEDULE,
            {
              input: { itemId: item.id, dueAt: new Date(Math.max(firstDue + ((from + k) % 8) * 1000, Date.now() + 2_000)).toISOString() },
            },
            { token: scene.owner.token, organizationId: org },
          ),
        ),
      );
      ids.push(...scheduled.map((res) => res.scheduleContentItem[0].id));
    }
    const scheduledAt = Date.now();

    // Some are out, most are still waiting in Redis: then Redis loses every key of this run's queues (at once if the
    // schedules ran past that moment).
    await sleep(Math.max(0, firstDue + 2_500 - Date.now()));
    const prefix = scene.api.config.QUEUE_PREFIX;
    const waiting = await redis.zcard(`${bullPrefix(prefix, 'publishing')}:publishing:delayed`);
    const before = await statusCounts(scene.admin, ids);
    const flushedAt = Date.now();
    // Every key of the run's queues and rate limits starts with its prefix.
    const deleted = await deleteKeys(redis, [`${prefix}:*`]);
    expect(await redis.zcard(`${bullPrefix(prefix, 'publishing')}:publishing:delayed`)).toBe(0);

    await until(
      'every publication PUBLISHED',
      () => statusCounts(scene.admin, ids),
      (c) => (c.PUBLISHED ?? 0) === N,
      40_000,
      250,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\nworker output:\n${worker?.output()}`);
    });
    const { rows: lateness } = await scene.admin.query<{ id: string; late_ms: number }>(
      `SELECT id, (extract(epoch FROM published_at - greatest(due_at, to_timestamp($2::float8 / 1000))) * 1000)::int AS late_ms
         FROM publications WHERE id = ANY($1::uuid[]) ORDER BY late_ms DESC`,
      [ids, flushedAt],
    );
    const statuses = usernames.flatMap((u) => scene.mastodon.statusesOf(u));
    const perText = postsPerText(statuses, texts);
    process.stdout.write(
      `[fault: Redis keys lost] ${N} publications due over 8 s, sweep every ${SWEEP_SECONDS} s; at the loss: ${JSON.stringify(before)}, ` +
        `${waiting} wake-ups waiting, ${deleted} keys deleted; worst lateness after the loss ${lateness[0].late_ms} ms; ` +
        `${statuses.length} posts for ${hop.posts} POSTs\n`,
    );
    // The loss hit work still to do: wake-ups were waiting and publications were not yet out.
    expect(waiting).toBeGreaterThan(0);
    expect(before.PUBLISHED ?? 0).toBeLessThan(scheduledAt < firstDue ? N / 2 : N);
    expect([...perText].filter(([, n]) => n !== 1)).toEqual([]);
    expect(statuses).toHaveLength(N);
    expect(lateness[0].late_ms).toBeLessThanOrEqual(SWEEP_SECONDS * 1000 + MARGIN_MS);
  }, 120_000);
});
