import { Client } from 'pg';
import type { QueryRunner } from 'typeorm';
import { dropTestDatabase, ownTestDatabase } from '@socle/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the migration under test, run down and up by hand
import { SweepIndexScans1765000004700 } from '../../libs/domain/content/src/lib/migrations/1765000004700-sweep-index-scans';

/**
 * The sweeper's look-up (every few seconds, across tenants) after a busy minute: many organisations with due
 * publications, and thousands of publications published since the last VACUUM, each of which left a dead row version
 * in the two partial indexes the look-up reads. Its cost must follow what is due, not what was published nor the
 * number of organisations times the due rows. On a database of the spec's own (no other test's rows, no other
 * snapshot keeping the dead versions alive), its tables never analysed, autovacuum kept away from publications; the
 * look-up as it was before its migration (run down) is measured beside it, so the test shows what it guards against.
 */
describe('the publishing sweep after a busy minute', () => {
  const PUBLISHED = 3000;
  /** Published after the look-up's migration ran: their dead entries are new to it. */
  const PUBLISHED_LATER = 6000;
  const DUE_ORGS = 60;
  const DUE_EACH = 20;
  let database: ReturnType<typeof ownTestDatabase>;
  let admin: Client;
  let dueOrgs: string[];
  let busy: string;
  let late: string;
  const migration = new SweepIndexScans1765000004700();
  const runner = () => ({ query: (sql: string) => admin.query(sql) }) as unknown as QueryRunner;

  /** Buffers (shared, hit or read) one run of the look-up touches, from EXPLAIN (ANALYZE, BUFFERS) of the call. */
  const sweepBuffers = async (): Promise<number> => {
    const { rows } = await admin.query<{ 'QUERY PLAN': [{ Plan: Record<string, number> }] }>(
      'EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) SELECT * FROM socle_publishing_sweep(now(), 1000)',
    );
    const plan = rows[0]['QUERY PLAN'][0].Plan;
    return plan['Shared Hit Blocks'] + plan['Shared Read Blocks'];
  };
  const swept = async () =>
    (await admin.query<{ organization_id: string }>('SELECT organization_id FROM socle_publishing_sweep(now(), 1000)')).rows
      .map((r) => r.organization_id)
      .sort();

  /** `count` SCHEDULED publications of `org`, due a minute ago, each with its item and variant, on one account. */
  const scheduled = (org: string, count: number) =>
    admin.query(
      `WITH account AS (INSERT INTO network_accounts (organization_id, network, handle, service_url, credentials_ciphertext, credentials_key_id)
                        VALUES ($1, 'mastodon', 'balayage', 'https://mastodon.example', 'sealed', 'k') RETURNING id),
            input AS MATERIALIZED (SELECT g, gen_random_uuid() AS item, gen_random_uuid() AS variant FROM generate_series(1, $2) g),
            items AS (INSERT INTO content_items (organization_id, id, title, status) SELECT $1, item, 'Post ' || g, 'SCHEDULED' FROM input),
            variants AS (INSERT INTO content_variants (organization_id, id, item_id, network_account_id, network, text)
                         SELECT $1, variant, item, (SELECT id FROM account), 'mastodon', 'Post ' || g FROM input)
       INSERT INTO publications (organization_id, item_id, variant_id, network_account_id, network, due_at, next_attempt_at, status, idempotency_key)
       SELECT $1, item, variant, (SELECT id FROM account), 'mastodon', now() - interval '1 minute', now() - interval '1 minute', 'SCHEDULED',
              'socle-sweep-' || gen_random_uuid() FROM input`,
      [org, count],
    );

  /** The organisation's publications go out as the worker moves them: claimed (a lease, since ended), then published. */
  const publishAll = async (org: string) => {
    await admin.query(
      "UPDATE publications SET status = 'PUBLISHING', lease_until = now() - interval '1 second', leased_by = 'w' WHERE organization_id = $1",
      [org],
    );
    await admin.query(
      `UPDATE publications SET status = 'PUBLISHED', lease_until = NULL, leased_by = NULL, external_id = 'x' || id, published_at = now()
        WHERE organization_id = $1`,
      [org],
    );
  };

  beforeAll(async () => {
    database = ownTestDatabase();
    admin = new Client({ connectionString: database.adminUrl });
    await admin.connect();
    await admin.query('ALTER TABLE publications SET (autovacuum_enabled = false)');
    const [agency] = (await admin.query<{ id: string }>("INSERT INTO agencies (name) VALUES ('Agence Balayage') RETURNING id")).rows;
    const orgs = (
      await admin.query<{ id: string }>(
        "INSERT INTO organizations (agency_id, name) SELECT $1, 'Client ' || g FROM generate_series(-1, $2) g RETURNING id",
        [agency.id, DUE_ORGS],
      )
    ).rows.map((r) => r.id);
    busy = orgs[0];
    late = orgs[1];
    dueOrgs = orgs.slice(2).sort();
    await scheduled(busy, PUBLISHED);
    await scheduled(late, PUBLISHED_LATER);
    for (const org of dueOrgs) await scheduled(org, DUE_EACH);
    await publishAll(busy);
  });
  afterAll(async () => {
    await admin?.end();
    if (database) await dropTestDatabase(database.name);
  });

  it('finds the organisations with due publications, reading what is due once and skipping dead entries after one run', async () => {
    // The look-up as it was before (its migration run down): every run pays for the dead entries and the organisations.
    await migration.down(runner());
    let before: number[];
    try {
      // The late organisation's publications are due too, until they go out below.
      expect(await swept()).toEqual([...dueOrgs, late].sort());
      before = [await sweepBuffers(), await sweepBuffers()];
    } finally {
      await migration.up(runner());
    }
    // More published meanwhile: dead entries the look-up has not met yet (it meets them once, then skips them).
    await publishAll(late);
    expect(await swept()).toEqual(dueOrgs);
    const after = [await sweepBuffers(), await sweepBuffers()];
    const due = DUE_ORGS * DUE_EACH;
    process.stdout.write(
      `[sweep] ${due} publications due across ${DUE_ORGS} organisations, ${PUBLISHED} then ${PUBLISHED_LATER} published since the last VACUUM: ` +
        `buffers per sweep ${before.join(', ')} as the look-up was, ${after.join(', ')} as it is\n`,
    );
    // Now: about one visit per due publication (their rows and index pages), whatever was published or how many organisations.
    for (const buffers of after) expect(buffers).toBeLessThan(due / 4);
    for (const buffers of before) expect(buffers).toBeGreaterThan(after[1] * 4);
  });
});
