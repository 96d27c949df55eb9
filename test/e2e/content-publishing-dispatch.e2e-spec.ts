import { randomBytes } from 'node:crypto';
import type { Client } from 'pg';
import { DispatchSummary, PublishPublicationJob } from '@socle/content';
import { loadConfig } from '@socle/platform-config';
import { statementCounter } from '@socle/platform-database';
import { AccountRateLimiter } from '@socle/platform-queue';
import { createOrganization, dropTestDatabase, ownTestDatabase, signUpAgency, TestApi } from '@socle/testing';
import { createWorker, RunningWorker } from '@socle/worker';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the loopback Mastodon of the plugin's tests is the network these tests talk to
import { MastodonTestServer } from '../../plugins/mastodon/src/test/mastodon-test-server';
import { adminDatabase } from './e2e-support';

/**
 * Dispatch by organisation: a wake-up names the organisation, the worker
 * claims its due publications in batches, sends them and records them in a
 * handful of statements per batch. The worker's queue consumers are paused: the
 * tests call the job as the queue would, and count what it does.
 */
describe('publishing dispatch by organisation', () => {
  let api: TestApi;
  let worker: RunningWorker;
  let job: PublishPublicationJob;
  let mastodon: MastodonTestServer;
  let admin: Client;
  let database: ReturnType<typeof ownTestDatabase> | undefined;
  let org: string;
  let ownerToken: string;
  let defaults: Pick<PublishPublicationJob, 'batchSize' | 'lanes' | 'recordEvery' | 'recordAfterMs' | 'renewEveryMs' | 'leaseMs'>;

  const connect = async (username: string) =>
    (
      await api.ok<{ connectNetworkAccount: { id: string } }>(
        'mutation ($input: ConnectNetworkAccountInput!) { connectNetworkAccount(input: $input) { id } }',
        { input: { network: 'mastodon', serviceUrl: mastodon.baseUrl, accessToken: mastodon.createAccessToken(username) } },
        { token: ownerToken, organizationId: org },
      )
    ).connectNetworkAccount.id;

  /** `n` SCHEDULED items with one variant and one due publication each (written as owner: the scheduling path has its own tests). */
  const due = async (account: string, n: number) => {
    const tag = randomBytes(4).toString('hex');
    const { rows } = await admin.query<{ id: string; item_id: string; text: string }>(
      `WITH input AS MATERIALIZED (SELECT gen_random_uuid() AS item, gen_random_uuid() AS variant, gen_random_uuid() AS publication, g FROM generate_series(1, $3) g),
            items AS (INSERT INTO content_items (organization_id, id, title, status) SELECT $1, item, 'Fournée', 'SCHEDULED' FROM input),
            variants AS (INSERT INTO content_variants (organization_id, id, item_id, network_account_id, network, text)
                         SELECT $1, variant, item, $2, 'mastodon', 'Fournée ' || $4 || ' n°' || g || '.' FROM input),
            publications AS (INSERT INTO publications (organization_id, id, item_id, variant_id, network_account_id, network, due_at, next_attempt_at, status, idempotency_key)
                             SELECT $1, publication, item, variant, $2, 'mastodon', now(), now(), 'SCHEDULED', 'socle-test-' || publication FROM input)
       SELECT publication AS id, item AS item_id, 'Fournée ' || $4 || ' n°' || g || '.' AS text FROM input`,
      [org, account, n, tag],
    );
    return rows;
  };
  const statuses = async (ids: string[]) =>
    (await admin.query<{ status: string }>('SELECT status FROM publications WHERE id = ANY($1::uuid[])', [ids])).rows.map((r) => r.status);
  const dispatch = () => job.handle({ organizationId: org }) as Promise<DispatchSummary>;

  beforeAll(async () => {
    mastodon = await MastodonTestServer.start();
    // A database of its own: the sweepers of the workers other suites run on the shared one would claim the publications
    // these tests leave due for their paused worker, and the counts of claims and statements would be theirs.
    database = ownTestDatabase();
    api = await TestApi.start({ ...database.env });
    worker = await createWorker(
      loadConfig({
        ...process.env,
        ...database.env,
        QUEUE_PREFIX: api.config.QUEUE_PREFIX,
        PUBLISHING_SWEEP_SECONDS: '3600',
        CONNECTOR_TIMEOUT_MS: '5000',
      }),
      { reconcileEveryMs: 600_000 },
    );
    await Promise.all(worker.workers.map((w) => w.pause()));
    job = worker.context.get(PublishPublicationJob, { strict: false });
    defaults = {
      batchSize: job.batchSize,
      lanes: job.lanes,
      recordEvery: job.recordEvery,
      recordAfterMs: job.recordAfterMs,
      renewEveryMs: job.renewEveryMs,
      leaseMs: job.leaseMs,
    };
    admin = await adminDatabase(database);
    const owner = await signUpAgency(api, 'Agence Dispatch');
    org = await createOrganization(api, owner, 'Boulangerie Dispatch');
    ownerToken = owner.token;
  });
  afterEach(() => {
    Object.assign(job, defaults);
    mastodon.clearInjections();
  });
  afterAll(async () => {
    await worker?.close();
    await api?.stop();
    await admin?.end();
    await mastodon?.close();
    if (database) await dropTestDatabase(database.name);
  });

  it('publishes the organisation’s due publications in batches, each once, items and audit following', async () => {
    const account = await connect('lot');
    const rows = await due(account, 12);
    job.batchSize = 5;
    const summaries: DispatchSummary[] = [];
    for (let i = 0; i < 5; i++) summaries.push(await dispatch());
    expect(summaries.map((s) => [s.claimed, s.more])).toEqual([
      [5, true],
      [5, true],
      [2, false],
      [0, false],
      [0, false],
    ]);
    expect(await statuses(rows.map((r) => r.id))).toEqual(rows.map(() => 'PUBLISHED'));
    const posts = mastodon.statusesOf('lot');
    expect(posts).toHaveLength(12);
    for (const row of rows) expect(posts.filter((p) => String(p.content).includes(row.text))).toHaveLength(1);
    const items = await admin.query<{ status: string }>('SELECT status FROM content_items WHERE id = ANY($1::uuid[])', [
      rows.map((r) => r.item_id),
    ]);
    expect(items.rows.map((r) => r.status)).toEqual(rows.map(() => 'PUBLISHED'));
    const audit = await admin.query<{ target_id: string; action: string; metadata: Record<string, unknown> }>(
      'SELECT target_id, action, metadata FROM audit_events WHERE target_id = ANY($1::text[]) ORDER BY occurred_at, id',
      [rows.map((r) => r.item_id)],
    );
    for (const row of rows) {
      expect(audit.rows.filter((a) => a.target_id === row.item_id).map((a) => [a.action, a.metadata.from, a.metadata.to])).toEqual([
        ['content.publishing', 'SCHEDULED', 'PUBLISHING'],
        ['content.published', 'PUBLISHING', 'PUBLISHED'],
      ]);
    }
    const attempts = await admin.query<{ outcome: string; n: number }>(
      'SELECT outcome, count(*)::int AS n FROM publication_attempts WHERE publication_id = ANY($1::uuid[]) GROUP BY outcome',
      [rows.map((r) => r.id)],
    );
    expect(attempts.rows).toEqual([{ outcome: 'PUBLISHED', n: 12 }]);
  });

  it('costs the same statements for a batch of 4 as for a batch of 40: no round trip per publication', async () => {
    const account = await connect('compte');
    Object.assign(job, { lanes: 1, recordEvery: 1000, recordAfterMs: 60_000 });
    const statementsOf = async (n: number) => {
      await due(account, n);
      job.batchSize = n;
      const before = statementCounter.count;
      expect(await dispatch()).toMatchObject({ claimed: n, outcomes: { published: n } });
      return statementCounter.count - before;
    };
    const small = await statementsOf(4);
    const large = await statementsOf(40);
    expect(large).toBe(small);
    expect(small).toBeLessThanOrEqual(20);
  });

  it('renews the lease of a batch slower than one lease: a second worker claims nothing and nothing is posted twice', async () => {
    const account = await connect('lent-lot');
    const rows = await due(account, 3);
    // Each post takes 700 ms; the lease is 500 ms, renewed every 100 ms; one lane sends them one after the other.
    Object.assign(job, { lanes: 1, leaseMs: 500, renewEveryMs: 100 });
    mastodon.inject({ type: 'slow', delayMs: 700 }, 3, /^POST \/api\/v1\/statuses$/);
    const first = dispatch();
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const second = await dispatch();
    expect(second.claimed).toBe(0);
    expect(await first).toMatchObject({ claimed: 3, outcomes: { published: 3 } });
    expect(mastodon.statusesOf('lent-lot')).toHaveLength(3);
    const attempts = await admin.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM publication_attempts WHERE publication_id = ANY($1::uuid[])',
      [rows.map((r) => r.id)],
    );
    expect(attempts.rows[0].n).toBe(3);
  });

  it('keeps to the account’s publishing limit from its manifest: past it the batch’s rest waits for room, not failed, posted once', async () => {
    const account = await connect('limite-lot');
    // Mastodon's hint: 300 statuses per 3 hours per account. 296 are already taken in the window: room for 4.
    const limiter = worker.context.get(AccountRateLimiter, { strict: false });
    expect(await limiter.take(account, [{ limit: 300, windowSeconds: 3 * 3600 }], { cost: 296 })).toEqual({ ok: true });
    const rows = await due(account, 10);
    const started = Date.now();
    expect(await dispatch()).toMatchObject({ claimed: 10, outcomes: { published: 4, retry: 6 }, more: false });
    expect(mastodon.statusesOf('limite-lot')).toHaveLength(4);
    const after = await admin.query<{
      status: string;
      next_attempt_at: Date;
      last_error_kind: string | null;
      outcome: string;
      message: string | null;
    }>(
      `SELECT p.status, p.next_attempt_at, p.last_error_kind, a.outcome, a.message FROM publications p
         JOIN publication_attempts a ON a.publication_id = p.id WHERE p.id = ANY($1::uuid[])`,
      [rows.map((r) => r.id)],
    );
    expect(after.rows.filter((r) => r.status === 'PUBLISHED').map((r) => r.outcome)).toEqual([
      'PUBLISHED',
      'PUBLISHED',
      'PUBLISHED',
      'PUBLISHED',
    ]);
    const waiting = after.rows.filter((r) => r.status !== 'PUBLISHED');
    expect(waiting).toHaveLength(6);
    for (const r of waiting) {
      expect(r).toMatchObject({ status: 'SCHEDULED', last_error_kind: null, outcome: 'SKIPPED' });
      expect(r.message).toMatch(/publishing limit is reached/);
      // Room comes back when the window's first posts leave it, three hours on.
      expect(r.next_attempt_at.getTime()).toBeGreaterThan(started + 3 * 3600_000 - 60_000);
    }
    // Nothing is due meanwhile: the next wake-up claims nothing and posts nothing.
    expect(await dispatch()).toMatchObject({ claimed: 0 });
    expect(mastodon.statusesOf('limite-lot')).toHaveLength(4);
    // The items follow: those posted are PUBLISHED; those waiting show as scheduled again (not publishing for three hours).
    const itemStatuses = async () =>
      new Map(
        (
          await admin.query<{ id: string; status: string }>('SELECT id, status FROM content_items WHERE id = ANY($1::uuid[])', [
            rows.map((r) => r.item_id),
          ])
        ).rows.map((r) => [r.id, r.status]),
      );
    const publishedIds = new Set(
      (
        await admin.query<{ item_id: string }>("SELECT item_id FROM publications WHERE id = ANY($1::uuid[]) AND status = 'PUBLISHED'", [
          rows.map((r) => r.id),
        ])
      ).rows.map((r) => r.item_id),
    );
    const waitingItems = rows.map((r) => r.item_id).filter((id) => !publishedIds.has(id));
    let items = await itemStatuses();
    expect([...publishedIds].map((id) => items.get(id))).toEqual(['PUBLISHED', 'PUBLISHED', 'PUBLISHED', 'PUBLISHED']);
    expect(waitingItems.map((id) => items.get(id))).toEqual(Array(6).fill('SCHEDULED'));
    const audit = await admin.query<{ target_id: string; metadata: { from: string; to: string; by: string; waiting: string } }>(
      "SELECT target_id, metadata FROM audit_events WHERE action = 'content.scheduled' AND target_id = ANY($1::text[])",
      [waitingItems],
    );
    expect(audit.rows.map((r) => r.target_id).sort()).toEqual([...waitingItems].sort());
    for (const r of audit.rows)
      expect(r.metadata).toMatchObject({ from: 'PUBLISHING', to: 'SCHEDULED', by: 'publishing', waiting: expect.stringMatching(/limit/) });
    // Due again with the window still full: claimed (their items PUBLISHING for the attempt), postponed again, nothing posted.
    await admin.query("UPDATE publications SET next_attempt_at = now() WHERE id = ANY($1::uuid[]) AND status = 'SCHEDULED'", [
      rows.map((r) => r.id),
    ]);
    expect(await dispatch()).toMatchObject({ claimed: 6, outcomes: { retry: 6 } });
    expect(mastodon.statusesOf('limite-lot')).toHaveLength(4);
    items = await itemStatuses();
    expect(waitingItems.map((id) => items.get(id))).toEqual(Array(6).fill('SCHEDULED'));
  });

  it('keeps an item publishing while it waits for the account’s limit when another of its publications went out', async () => {
    const full = await connect('limite-pleine');
    const free = await connect('limite-libre');
    const limiter = worker.context.get(AccountRateLimiter, { strict: false });
    expect(await limiter.take(full, [{ limit: 300, windowSeconds: 3 * 3600 }], { cost: 300 })).toEqual({ ok: true });
    const [waiting] = await due(full, 1);
    // A second publication of the same item, on the account with room.
    const [other] = (
      await admin.query<{ id: string }>(
        `WITH v AS (INSERT INTO content_variants (organization_id, item_id, network_account_id, network, text)
                    VALUES ($1, $2, $3, 'mastodon', 'Deuxième réseau.') RETURNING id)
         INSERT INTO publications (organization_id, item_id, variant_id, network_account_id, network, due_at, next_attempt_at, status, idempotency_key)
         SELECT $1, $2, v.id, $3, 'mastodon', now(), now(), 'SCHEDULED', 'socle-test-' || gen_random_uuid() FROM v RETURNING id`,
        [org, waiting.item_id, free],
      )
    ).rows;
    expect(await dispatch()).toMatchObject({ claimed: 2, outcomes: { published: 1, retry: 1 } });
    expect(await statuses([waiting.id])).toEqual(['SCHEDULED']);
    expect(await statuses([other.id])).toEqual(['PUBLISHED']);
    const { rows } = await admin.query<{ status: string }>('SELECT status FROM content_items WHERE id = $1', [waiting.item_id]);
    expect(rows[0].status).toBe('PUBLISHING');
    expect(mastodon.statusesOf('limite-pleine')).toHaveLength(0);
    expect(mastodon.statusesOf('limite-libre')).toHaveLength(1);
  });

  it('claims nothing during a crisis pause, and cancels due publications whose item left the schedule behind its back', async () => {
    const account = await connect('pause-lot');
    const [held] = await due(account, 1);
    await admin.query(
      "INSERT INTO publishing_pauses (organization_id, active, reason, paused_at) VALUES ($1, true, 'Incident', now()) ON CONFLICT (organization_id) DO UPDATE SET active = true",
      [org],
    );
    try {
      expect(await dispatch()).toMatchObject({ claimed: 0 });
      expect(await statuses([held.id])).toEqual(['SCHEDULED']);
    } finally {
      await admin.query('UPDATE publishing_pauses SET active = false WHERE organization_id = $1', [org]);
    }
    expect(mastodon.statusesOf('pause-lot')).toHaveLength(0);
    const [stale] = await due(account, 1);
    await admin.query("UPDATE content_items SET status = 'APPROVED' WHERE id = $1", [stale.item_id]);
    await admin.query("UPDATE content_items SET status = 'DRAFT' WHERE id = $1", [held.item_id]);
    expect(await dispatch()).toMatchObject({ claimed: 0 });
    const after = await admin.query<{ id: string; status: string; last_error: string }>(
      'SELECT id, status, last_error FROM publications WHERE id = ANY($1::uuid[]) ORDER BY last_error',
      [[stale.id, held.id]],
    );
    expect(after.rows.map((r) => [r.status, r.last_error]).sort()).toEqual([
      ['CANCELLED', 'its content item is APPROVED'],
      ['CANCELLED', 'its content item is DRAFT'],
    ]);
    expect(mastodon.statusesOf('pause-lot')).toHaveLength(0);
  });
  it('keeps a network’s hostile answer out of the record: an unkeepable post id fails that call only, an unsafe URL is dropped', async () => {
    const account = await connect('hostile-lot');
    const rows = await due(account, 5);
    job.lanes = 1;
    // The instance answers the first four posts with statuses no platform should keep, then behaves.
    const hostile = (id: string, url: string) => ({ id, url, uri: url, created_at: new Date().toISOString(), content: '<p>x</p>' });
    mastodon.inject({ type: 'status', status: 200, body: hostile('1\u0000 2', 'https://m.example/@x/1') }, 1, /^POST \/api\/v1\/statuses$/);
    mastodon.inject({ type: 'status', status: 200, body: hostile('\ud800', 'https://m.example/@x/2') }, 1, /^POST \/api\/v1\/statuses$/);
    mastodon.inject(
      { type: 'status', status: 200, body: hostile('9'.repeat(2001), 'https://m.example/@x/3') },
      1,
      /^POST \/api\/v1\/statuses$/,
    );
    mastodon.inject(
      { type: 'status', status: 200, body: hostile('777', 'javascript:alert(document.cookie)') },
      1,
      /^POST \/api\/v1\/statuses$/,
    );
    const summary = await dispatch();
    expect(summary.claimed).toBe(5);
    const after = await admin.query<{
      status: string;
      external_id: string | null;
      external_url: string | null;
      last_error_kind: string | null;
      last_error: string | null;
    }>('SELECT status, external_id, external_url, last_error_kind, last_error FROM publications WHERE id = ANY($1::uuid[])', [
      rows.map((r) => r.id),
    ]);
    const retried = after.rows.filter((r) => r.status === 'SCHEDULED');
    // Three answers could not be recorded: each of those calls is one of unknown outcome, tried again later.
    expect(retried.map((r) => r.last_error_kind)).toEqual(['UNKNOWN', 'UNKNOWN', 'UNKNOWN']);
    expect(retried.map((r) => r.last_error?.match(/control character|unpaired surrogate|2001 characters long/)?.[0]).sort()).toEqual([
      '2001 characters long',
      'control character',
      'unpaired surrogate',
    ]);
    const published = after.rows.filter((r) => r.status === 'PUBLISHED');
    // The others of the batch are recorded: one answer is never a reason to lose the rest.
    expect(published).toHaveLength(2);
    expect(published.find((r) => r.external_id === '777')?.external_url).toBeNull();
    expect(published.find((r) => r.external_id !== '777')?.external_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/@hostile-lot\//);
  });
  it('records a refusal whose reason holds NUL or half a surrogate pair: FAILED with the reason shown, the batch recorded', async () => {
    const account = await connect('refus-lot');
    const rows = await due(account, 2);
    job.lanes = 1;
    const reason = `Validation failed: a\u0000b \ud800 c ${'é'.repeat(980)}😀 end`;
    mastodon.inject({ type: 'status', status: 422, body: { error: reason } }, 1, /^POST \/api\/v1\/statuses$/);
    expect(await dispatch()).toMatchObject({ claimed: 2, outcomes: { failed: 1, published: 1 } });
    const after = await admin.query<{ status: string; last_error: string | null }>(
      'SELECT status, last_error FROM publications WHERE id = ANY($1::uuid[]) ORDER BY status',
      [rows.map((r) => r.id)],
    );
    expect(after.rows.map((r) => r.status)).toEqual(['FAILED', 'PUBLISHED']);
    // The network's words, as text a store takes: the NUL and the lone half replaced, the text cut without splitting a pair.
    expect(after.rows[0].last_error).toMatch(/^the network refused the post: Validation failed: a\ufffdb \ufffd c é+/);
    expect(after.rows[0].last_error).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    expect(after.rows[0].last_error).not.toContain('\u0000');
    const attempts = await admin.query<{ outcome: string }>(
      'SELECT outcome FROM publication_attempts WHERE publication_id = ANY($1::uuid[]) ORDER BY outcome',
      [rows.map((r) => r.id)],
    );
    expect(attempts.rows.map((r) => r.outcome)).toEqual(['FAILED', 'PUBLISHED']);
  });
  it('races two workers over a batch answered with deep JSON and private-address URLs: each post once, nothing INTERNAL', async () => {
    const account = await connect('course-lot');
    const rows = await due(account, 6);
    // The id is a plain one; the rest of each answer is nested 5,000 deep; the URL names a private address (a link shown, never fetched).
    const deep = `${'{"deep":'.repeat(5000)}"fond"${'}'.repeat(5000)}`;
    const statuses = /^POST \/api\/v1\/statuses$/;
    for (let i = 1; i <= 3; i++)
      mastodon.inject(
        {
          type: 'status',
          status: 200,
          contentType: 'application/json; charset=utf-8',
          body: `{"id":"90${i}","url":"http://169.254.169.254/latest","deep":${deep}}`,
        },
        1,
        statuses,
      );
    const results = await Promise.allSettled([dispatch(), dispatch()]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    const claimed = results.map((r) => (r.status === 'fulfilled' ? r.value.claimed : -1));
    expect(claimed[0] + claimed[1]).toBe(6);
    const after = await admin.query<{ status: string; external_id: string; external_url: string | null }>(
      'SELECT status, external_id, external_url FROM publications WHERE id = ANY($1::uuid[]) ORDER BY external_id',
      [rows.map((r) => r.id)],
    );
    expect(after.rows.map((r) => r.status)).toEqual(rows.map(() => 'PUBLISHED'));
    expect(new Set(after.rows.map((r) => r.external_id)).size).toBe(6);
    // An http(s) link is kept whatever its host: the platform shows it, it never requests it.
    expect(after.rows.filter((r) => r.external_url === 'http://169.254.169.254/latest')).toHaveLength(3);
    expect(mastodon.statusesOf('course-lot')).toHaveLength(3);
  });
});
