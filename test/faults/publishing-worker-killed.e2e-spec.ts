import { recordKeyFor } from '@socle/plugin-bluesky';
import {
  NetworkHop,
  postsPerText,
  seedPublications,
  SeededPublication,
  sleep,
  statusCounts,
  until,
  WorkerProcess,
} from './support/fault-harness';
import { blueskyPostsOf, BlueskyRecord, startBlueskyPds } from './support/bluesky';
import { Scene } from './support/scene';

type BlueskyPds = Awaited<ReturnType<typeof startBlueskyPds>>;

/** Half to the local Mastodon, half to the Bluesky PDS: two organisations, each with accounts on both. */
const N = Number(process.env.FAULT_PUBLICATIONS ?? 300);
const KILL_EVERY_MS = Number(process.env.FAULT_KILL_EVERY_MS ?? 2500);
/** At most this many kills; they stop once everything is out. */
const KILLS = Number(process.env.FAULT_KILLS ?? 10);
/**
 * After this long, no more kills once three were made: on a loaded machine each restart of the worker takes seconds, and
 * ten of them would outlast the test's own deadline without testing anything more.
 */
const KILL_PHASE_MS = 90_000;
/** Publications in flight per worker: more of them cut short by each kill, and the 300 out in about a minute. */
const CONCURRENCY = 8;
const ORGANIZATIONS = 2;
const ACCOUNTS_PER_NETWORK = 3;
const NETWORKS = ['mastodon', 'bluesky'] as const;
/** Lease of the worker processes: a killed worker's claims are taken over after this. */
const LEASE_MS = 4000;
/** How long the network takes to answer a post (the post is made at once): kills land between the post and its record. */
const ANSWER_DELAY_MS = 300;
const PER_SHARE = N / (ORGANIZATIONS * NETWORKS.length);
if (!Number.isInteger(PER_SHARE)) throw new Error(`FAULT_PUBLICATIONS must be a multiple of ${ORGANIZATIONS * NETWORKS.length}`);

/**
 * The publishing worker killed with SIGKILL every few seconds while
 * publications go out to the local Mastodon and to the reference Bluesky PDS
 * of `@atproto/dev-env`, and started again each time. Counted on each
 * network: every publication is PUBLISHED and its post exists exactly once.
 *
 * Mastodon: the hop in front of the instance strips the idempotency key, so
 * the network cannot dedupe a second post: only the lease, its takeover and
 * `findPublished` stand between a kill and a duplicate.
 * Bluesky: the connector names the record by a key derived from the
 * idempotency key, so a second create of the same post is refused by the PDS
 * and read back; the test checks that this holds under kills (each post in
 * the repository once, under the key its publication's idempotency key names,
 * and recorded by its publication).
 */
describe('publishing while the worker is killed (SIGKILL)', () => {
  let scene: Scene;
  let mastodonHop: NetworkHop;
  let bluesky: BlueskyPds;
  let blueskyHop: NetworkHop;
  let worker: WorkerProcess | undefined;

  beforeAll(async () => {
    scene = await Scene.start();
    mastodonHop = await NetworkHop.start(scene.mastodon.baseUrl, { delayMs: ANSWER_DELAY_MS, stripIdempotencyKey: true });
    bluesky = await startBlueskyPds();
    blueskyHop = await NetworkHop.start(bluesky.pdsUrl, { delayMs: ANSWER_DELAY_MS, postPath: '/xrpc/com.atproto.repo.createRecord' });
  }, 120_000);
  afterAll(async () => {
    await worker?.kill();
    await blueskyHop?.close();
    await bluesky?.close();
    await mastodonHop?.close();
    await scene?.close();
  });

  it(`publishes ${N} publications to Mastodon and Bluesky exactly once, the worker killed every ${KILL_EVERY_MS} ms`, async () => {
    const usernames: string[] = [];
    const dids: string[] = [];
    const seeded: Array<SeededPublication & { network: (typeof NETWORKS)[number] }> = [];
    for (let o = 0; o < ORGANIZATIONS; o++) {
      const org = await scene.organization(`Boulangerie Kill ${o}`);
      const mastodonAccounts: string[] = [];
      const blueskyAccounts: string[] = [];
      for (let a = 0; a < ACCOUNTS_PER_NETWORK; a++) {
        const username = Scene.username(`kill-${o}-${a}`);
        usernames.push(username);
        mastodonAccounts.push(await scene.connect(org, username, mastodonHop.baseUrl));
        const account = await bluesky.createAccount(`kill-${o}-${a}`);
        dids.push(account.did);
        blueskyAccounts.push(await scene.connectBluesky(org, account, blueskyHop.baseUrl));
      }
      const due = new Date();
      for (const p of await seedPublications(scene.admin, org, mastodonAccounts, PER_SHARE, due, `kill-${o}-m`))
        seeded.push({ ...p, network: 'mastodon' });
      for (const p of await seedPublications(scene.admin, org, blueskyAccounts, PER_SHARE, due, `kill-${o}-b`, 'bluesky'))
        seeded.push({ ...p, network: 'bluesky' });
    }
    const ids = seeded.map((p) => p.id);
    const env = scene.workerEnv({ FAULT_LEASE_MS: String(LEASE_MS), FAULT_WORKER_CONCURRENCY: String(CONCURRENCY) });
    const started = Date.now();
    worker = await WorkerProcess.start(env);
    const startMs = Date.now() - started;
    let kills = 0;
    let slowestStartMs = startMs;
    let lastReadyAt = Date.now();
    const publishedAtKill: number[] = [];
    while (kills < KILLS && (kills < 3 || Date.now() - started < KILL_PHASE_MS)) {
      await sleep(KILL_EVERY_MS);
      const counts = await statusCounts(scene.admin, ids);
      // At least three kills, even when a fast machine publishes everything before the third: the test is about kills.
      if ((counts.PUBLISHED ?? 0) === N && kills >= Math.min(KILLS, 3)) break;
      await worker.kill('SIGKILL');
      kills += 1;
      publishedAtKill.push(counts.PUBLISHED ?? 0);
      const restarting = Date.now();
      worker = await WorkerProcess.start(env);
      slowestStartMs = Math.max(slowestStartMs, Date.now() - restarting);
      lastReadyAt = Date.now();
    }
    const final = await until(
      'every publication PUBLISHED',
      () => statusCounts(scene.admin, ids),
      (c) => (c.PUBLISHED ?? 0) === N,
      60_000,
      500,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\nworker output:\n${worker?.output()}`);
    });
    const seconds = (Date.now() - started) / 1000;
    // How long a publication whose worker was killed mid-attempt waited before another worker finished it.
    const {
      rows: [{ last }],
    } = await scene.admin.query<{ last: Date }>('SELECT max(published_at) AS last FROM publications WHERE id = ANY($1::uuid[])', [ids]);
    const afterLastRestartMs = last.getTime() - lastReadyAt;
    const {
      rows: [recovery],
    } = await scene.admin.query<{ min: number; max: number; n: number }>(
      `SELECT count(*)::int AS n, coalesce(min(extract(epoch FROM f.started_at - a.started_at)), 0)::float8 AS min,
              coalesce(max(extract(epoch FROM f.started_at - a.started_at)), 0)::float8 AS max
         FROM publication_attempts a JOIN publication_attempts f ON f.publication_id = a.publication_id AND f.number = a.number + 1
        WHERE a.outcome = 'ABANDONED' AND a.publication_id = ANY($1::uuid[])`,
      [ids],
    );

    // The network side: every text posted exactly once, on the network it was meant for.
    const statuses = usernames.flatMap((u) => scene.mastodon.statusesOf(u));
    const records: BlueskyRecord[] = (await Promise.all(dids.map((did) => blueskyPostsOf(bluesky, did)))).flat();
    const mastodonTexts = seeded.filter((p) => p.network === 'mastodon').map((p) => p.text);
    const blueskyTexts = seeded.filter((p) => p.network === 'bluesky').map((p) => p.text);
    const perText = new Map([
      ...postsPerText(statuses, mastodonTexts),
      ...postsPerText(
        records.map((r) => ({ content: r.text })),
        blueskyTexts,
      ),
    ]);
    const missing = [...perText].filter(([, n]) => n === 0).map(([t]) => t);
    const doubled = [...perText].filter(([, n]) => n > 1).map(([t, n]) => `${t} ×${n}`);
    const { rows: attempts } = await scene.admin.query<{ network: string; outcome: string; n: number }>(
      `SELECT p.network, a.outcome, count(*)::int AS n
         FROM publication_attempts a JOIN publications p ON p.id = a.publication_id
        WHERE a.publication_id = ANY($1::uuid[]) GROUP BY p.network, a.outcome ORDER BY p.network, a.outcome`,
      [ids],
    );
    const attemptsOf = (network: string) =>
      attempts
        .filter((a) => a.network === network)
        .map((a) => `${a.outcome}=${a.n}`)
        .join(' ');
    process.stdout.write(
      `[fault: worker killed] ${N} publications (${mastodonTexts.length} Mastodon, ${blueskyTexts.length} Bluesky), ` +
        `a SIGKILL every ${KILL_EVERY_MS} ms (${kills} kills; published at each kill: ${publishedAtKill.join(', ')}), ` +
        `lease ${LEASE_MS} ms, worker start ${startMs} ms (slowest ${slowestStartMs} ms); all PUBLISHED after ${seconds.toFixed(1)} s; ` +
        `the last ones out ${(afterLastRestartMs / 1000).toFixed(1)} s after the last restart; a killed attempt taken over after ${recovery.min.toFixed(1)}–${recovery.max.toFixed(1)} s (${recovery.n}); ` +
        `Mastodon: ${statuses.length} posts for ${mastodonHop.posts} POSTs, attempts ${attemptsOf('mastodon')}; ` +
        `Bluesky: ${records.length} records for ${blueskyHop.posts} createRecord calls, attempts ${attemptsOf('bluesky')}\n`,
    );
    expect(final).toEqual({ PUBLISHED: N });
    expect(missing).toEqual([]);
    expect(doubled).toEqual([]);
    expect(statuses).toHaveLength(mastodonTexts.length);
    expect(records).toHaveLength(blueskyTexts.length);
    // The kills happened while work was in flight on both networks: some attempts were left unfinished and taken over.
    expect(kills).toBeGreaterThanOrEqual(Math.min(KILLS, 3));
    expect(NETWORKS.filter((network) => !attempts.some((a) => a.network === network && a.outcome === 'ABANDONED' && a.n > 0))).toEqual([]);
    // Once the kills stop, what the dead workers held is taken over when its lease expires and a sweep (every second)
    // finds it, not when BullMQ notices, up to a minute later, that a dead worker's job stalled.
    expect(afterLastRestartMs).toBeLessThanOrEqual(LEASE_MS + 2 * 1000 + 5000);
    // Each publication records the post the network holds; on Bluesky, under the record key its idempotency key names.
    const { rows } = await scene.admin.query<{ id: string; external_id: string; idempotency_key: string }>(
      'SELECT id, external_id, idempotency_key FROM publications WHERE id = ANY($1::uuid[])',
      [ids],
    );
    const postIdByText = new Map<string | undefined, string>([
      ...statuses.map((s): [string | undefined, string] => [mastodonTexts.find((t) => String(s.content).includes(t)), String(s.id)]),
      ...records.map((r): [string | undefined, string] => [r.text, r.uri]),
    ]);
    const byId = new Map(seeded.map((p) => [p.id, p]));
    const wrong = rows
      .map((row) => ({ row, publication: byId.get(row.id) }))
      .filter(
        ({ row, publication }) =>
          row.external_id !== postIdByText.get(publication?.text) ||
          (publication?.network === 'bluesky' && row.external_id.split('/').pop() !== recordKeyFor(row.idempotency_key)),
      )
      .map(({ row, publication }) => `${publication?.network} ${publication?.text}: ${row.external_id}`);
    expect(wrong).toEqual([]);
    const { rows: items } = await scene.admin.query<{ status: string; n: number }>(
      'SELECT status, count(*)::int AS n FROM content_items WHERE id = ANY($1::uuid[]) GROUP BY status',
      [seeded.map((p) => p.itemId)],
    );
    expect(items).toEqual([{ status: 'PUBLISHED', n: N }]);
  }, 240_000);
});
