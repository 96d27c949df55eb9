import { postsPerText, seedPublications, statusCounts, until, WorkerProcess } from './support/fault-harness';
import { Scene } from './support/scene';

const N = 30;
const ERRORS_500 = 5;
const RATE_LIMITED = 3;
const HANGS = 3;
const TIMEOUT_MS = 1000;

/**
 * The network has a bad day while publications go out: 500s, 429s with
 * Retry-After, and answers slower than the connector's timeout (the instance
 * still makes the post). Every failed attempt is retried, each post is made
 * once, and no account is ever flagged: none of these says the credentials
 * are wrong.
 */
describe('publishing through network faults', () => {
  let scene: Scene;
  let worker: WorkerProcess | undefined;

  // A database of its own migrated by the CLI and the API started: well over Jest's 30 s when the machine is busy.
  beforeAll(async () => {
    scene = await Scene.start();
  }, 120_000);
  afterAll(async () => {
    await worker?.kill();
    scene?.mastodon.clearInjections();
    await scene?.close();
  });

  it(`retries 500, 429 and time-outs, publishes each of ${N} once and never marks an account NEEDS_REAUTH`, async () => {
    const org = await scene.organization('Boulangerie Réseau');
    const usernames = [0, 1, 2].map((a) => Scene.username(`net-${a}`));
    const accounts: string[] = [];
    for (const username of usernames) accounts.push(await scene.connect(org, username));
    const posts = /^POST \/api\/v1\/statuses$/;
    // The first posts meet the faults, in this order.
    scene.mastodon.inject({ type: 'html-error', status: 500 }, ERRORS_500, posts);
    scene.mastodon.inject({ type: 'rate-limited', retryAfterSeconds: 2 }, RATE_LIMITED, posts);
    scene.mastodon.inject({ type: 'slow', delayMs: TIMEOUT_MS + 500 }, HANGS, posts);
    const seeded = await seedPublications(scene.admin, org, accounts, N, new Date(), 'net');
    const ids = seeded.map((p) => p.id);
    // A short back-off so the retries come within the test (the policy's shape is unchanged).
    worker = await WorkerProcess.start(scene.workerEnv({ CONNECTOR_TIMEOUT_MS: String(TIMEOUT_MS), FAULT_BACKOFF_MS: '3000' }));

    const accountStatuses = new Set<string>();
    const started = Date.now();
    const final = await until(
      'every publication PUBLISHED',
      async () => {
        const { rows } = await scene.admin.query<{ status: string }>(
          'SELECT DISTINCT status FROM network_accounts WHERE id = ANY($1::uuid[])',
          [accounts],
        );
        for (const row of rows) accountStatuses.add(row.status);
        return statusCounts(scene.admin, ids);
      },
      (c) => (c.PUBLISHED ?? 0) === N,
      60_000,
      200,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\nworker output:\n${worker?.output()}`);
    });

    const { rows: failures } = await scene.admin.query<{ outcome: string; error_kind: string | null; n: number }>(
      `SELECT outcome, error_kind, count(*)::int AS n FROM publication_attempts WHERE publication_id = ANY($1::uuid[])
        GROUP BY outcome, error_kind ORDER BY outcome, error_kind`,
      [ids],
    );
    const count = (outcome: string, kind: string | null) => failures.find((f) => f.outcome === outcome && f.error_kind === kind)?.n ?? 0;
    const statuses = usernames.flatMap((u) => scene.mastodon.statusesOf(u));
    const perText = postsPerText(
      statuses,
      seeded.map((p) => p.text),
    );
    process.stdout.write(
      `[fault: network] ${N} publications through ${ERRORS_500} × 500, ${RATE_LIMITED} × 429 (Retry-After 2 s), ${HANGS} answers past the ${TIMEOUT_MS} ms timeout; ` +
        `all PUBLISHED after ${((Date.now() - started) / 1000).toFixed(1)} s; attempts ${failures.map((f) => `${f.outcome}/${f.error_kind ?? '-'}=${f.n}`).join(' ')}; ` +
        `account statuses seen: ${[...accountStatuses].join(', ')}\n`,
    );
    const abandoned = count('ABANDONED', null);
    if (abandoned > 0) process.stdout.write(`worker output:\n${worker.output()}\n`);
    expect(final).toEqual({ PUBLISHED: N });
    // Each fault met one attempt, which was retried.
    expect(count('RETRY', 'TRANSIENT')).toBe(ERRORS_500 + HANGS);
    expect(count('RATE_LIMITED', 'RATE_LIMITED')).toBe(RATE_LIMITED);
    expect(failures.filter((f) => f.outcome === 'FAILED' || f.outcome === 'NEEDS_REAUTH')).toEqual([]);
    // No worker died here: an attempt left unfinished (taken over when its lease expired) means one broke off mid-way.
    expect(abandoned).toBe(0);
    // The posts whose answer came too late were found, not made again.
    expect(count('FOUND', null)).toBeGreaterThanOrEqual(1);
    expect([...perText].filter(([, n]) => n !== 1)).toEqual([]);
    expect(statuses).toHaveLength(N);
    expect([...accountStatuses]).toEqual(['OK']);
  }, 120_000);
});
