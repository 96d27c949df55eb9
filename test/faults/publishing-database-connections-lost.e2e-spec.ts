import { randomBytes } from 'node:crypto';
import { NetworkHop, postsPerText, seedPublications, sleep, statusCounts, until, WorkerProcess } from './support/fault-harness';
import { blueskyPostsOf, startBlueskyPds } from './support/bluesky';
import { Scene } from './support/scene';

type BlueskyPds = Awaited<ReturnType<typeof startBlueskyPds>>;

/** Half to the local Mastodon, half to the Bluesky PDS of `@atproto/dev-env`. */
const N = 120;
const TERMINATIONS = 5;
const EVERY_MS = 1500;
const LEASE_MS = 4000;

/**
 * PostgreSQL terminates the worker's connections in the middle of a run (a
 * failover, an administrator, a pooler restart): the same worker process
 * carries on with new connections, with no manual step, and publishes each
 * publication once, on Mastodon and on Bluesky (counted in the networks' own
 * records). The worker names its connections `socle-worker`; this one's
 * database URL names them apart, so only this worker's are terminated.
 */
describe('publishing when the worker’s database connections are terminated', () => {
  let scene: Scene;
  let hop: NetworkHop;
  let bluesky: BlueskyPds;
  let blueskyHop: NetworkHop;
  let worker: WorkerProcess | undefined;
  const applicationName = `socle-worker-fault-${randomBytes(3).toString('hex')}`;

  beforeAll(async () => {
    scene = await Scene.start();
    hop = await NetworkHop.start(scene.mastodon.baseUrl, { delayMs: 200, stripIdempotencyKey: true });
    bluesky = await startBlueskyPds();
    blueskyHop = await NetworkHop.start(bluesky.pdsUrl, { delayMs: 200, postPath: '/xrpc/com.atproto.repo.createRecord' });
  }, 120_000);
  afterAll(async () => {
    await worker?.kill();
    await blueskyHop?.close();
    await bluesky?.close();
    await hop?.close();
    await scene?.close();
  });

  const terminate = async () =>
    (
      await scene.admin.query<{ n: number }>(
        `SELECT count(*) FILTER (WHERE t)::int AS n FROM (
       SELECT pg_terminate_backend(pid) AS t FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()) x`,
        [applicationName],
      )
    ).rows[0].n;

  it(`recovers by itself and publishes each of ${N} once across ${TERMINATIONS} terminations`, async () => {
    const org = await scene.organization('Boulangerie Connexions');
    const usernames = [0, 1].map((a) => Scene.username(`pg-${a}`));
    const accounts: string[] = [];
    for (const username of usernames) accounts.push(await scene.connect(org, username, hop.baseUrl));
    const blueskyAccounts = [await bluesky.createAccount('pg-0'), await bluesky.createAccount('pg-1')];
    const blueskyIds: string[] = [];
    for (const account of blueskyAccounts) blueskyIds.push(await scene.connectBluesky(org, account, blueskyHop.baseUrl));
    const due = new Date();
    const seeded = await seedPublications(scene.admin, org, accounts, N / 2, due, 'pg-m');
    const seededBluesky = await seedPublications(scene.admin, org, blueskyIds, N / 2, due, 'pg-b', 'bluesky');
    const ids = [...seeded, ...seededBluesky].map((p) => p.id);
    const url = new URL(scene.databaseUrl);
    url.searchParams.set('application_name', applicationName);
    worker = await WorkerProcess.start(scene.workerEnv({ DATABASE_URL: url.toString(), FAULT_LEASE_MS: String(LEASE_MS) }));
    const pid = worker.pid;

    const started = Date.now();
    const terminated: number[] = [];
    const publishedThen: number[] = [];
    for (let i = 0; i < TERMINATIONS; i++) {
      await sleep(EVERY_MS);
      publishedThen.push((await statusCounts(scene.admin, ids)).PUBLISHED ?? 0);
      terminated.push(await terminate());
    }
    const final = await until(
      'every publication PUBLISHED',
      () => statusCounts(scene.admin, ids),
      (c) => (c.PUBLISHED ?? 0) === N,
      60_000,
      250,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\nworker output:\n${worker?.output()}`);
    });
    const statuses = usernames.flatMap((u) => scene.mastodon.statusesOf(u));
    const perText = postsPerText(
      statuses,
      seeded.map((p) => p.text),
    );
    const records = (await Promise.all(blueskyAccounts.map((a) => blueskyPostsOf(bluesky, a.did)))).flat();
    const perRecord = postsPerText(
      records.map((r) => ({ content: r.text })),
      seededBluesky.map((p) => p.text),
    );
    const { rows: attempts } = await scene.admin.query<{ outcome: string; n: number }>(
      'SELECT outcome, count(*)::int AS n FROM publication_attempts WHERE publication_id = ANY($1::uuid[]) GROUP BY outcome ORDER BY outcome',
      [ids],
    );
    process.stdout.write(
      `[fault: database connections terminated] ${N} publications; every ${EVERY_MS} ms, connections terminated: ${terminated.join(', ')} ` +
        `(published then: ${publishedThen.join(', ')}); all PUBLISHED after ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
        `Mastodon: ${statuses.length} posts for ${hop.posts} POSTs; Bluesky: ${records.length} records for ${blueskyHop.posts} createRecord calls; attempts ${attempts.map((a) => `${a.outcome}=${a.n}`).join(' ')}\n`,
    );
    // The connections were there to terminate, while work was left to do.
    expect(terminated.filter((n) => n > 0).length).toBe(TERMINATIONS);
    expect(publishedThen[0]).toBeLessThan(N);
    expect(final).toEqual({ PUBLISHED: N });
    expect([...perText].filter(([, n]) => n !== 1)).toEqual([]);
    expect(statuses).toHaveLength(N / 2);
    expect([...perRecord].filter(([, n]) => n !== 1)).toEqual([]);
    expect(records).toHaveLength(N / 2);
    // The same process, never restarted, with connections of its own again.
    expect(worker.pid).toBe(pid);
    expect(await Promise.race([worker.exited.then(() => 'exited'), sleep(100).then(() => 'running')])).toBe('running');
    await until(
      'the worker connected again',
      async () =>
        (
          await scene.admin.query<{ n: number }>(
            'SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()',
            [applicationName],
          )
        ).rows[0].n,
      (n) => n > 0,
      5000,
      100,
    );
  }, 120_000);
});
