/**
 * Does a tenant's request slow down as the platform gains tenants? The same tenant-scoped read and write, measured
 * with 10 organisations in the database and again with 10,000, each organisation holding the same rows (20 content
 * items by default), as the application role with row-level security on and the tenant set as a unit of work sets it:
 *
 *   read   BEGIN READ ONLY + set_config(tenant); the first page of content items (the SQL of ContentItemRepository.page); COMMIT
 *   write  BEGIN + set_config(tenant); INSERT a content item; UPDATE it (a revision, as an edit does); COMMIT
 *
 * each on a random organisation, one at a time, in rounds (reads, then writes, whose rows are deleted after the round).
 * Prints median and p95 per operation for both sizes and the ratio 10,000 / 10 (the target: within 10 %).
 *
 *   node -r @swc-node/register test/bench/tenant-count.bench.ts      (npm run bench:tenants)
 *   BENCH_SMALL=10 BENCH_LARGE=10000 BENCH_ROWS=20 BENCH_ITERATIONS=1500 BENCH_ROUNDS=3   (the defaults)
 *
 * Needs PostgreSQL (superuser postgres@127.0.0.1:5432, or SOCLE_PG_ADMIN_URL). Creates its own database, seeds it in
 * bulk with SQL as the owner, and drops it at the end.
 */
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { databaseUrl } from '@socle/testing';
import { provisionDatabase, startBenchRun } from './bench-run';

const SMALL = Number(process.env.BENCH_SMALL ?? 10);
const LARGE = Number(process.env.BENCH_LARGE ?? 10_000);
const ROWS = Number(process.env.BENCH_ROWS ?? 20);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 1500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ORGS_PER_AGENCY = 10;
const PAGE_SIZE = 20;

const PAGE_SQL = `SELECT id, title, brief, status, source, revision, planned_for, created_at, updated_at
                    FROM content_items WHERE organization_id = $1 ORDER BY created_at, id LIMIT $2`;
const BENCH_TITLE = 'tenant-count bench write';

interface Figures {
  median: number;
  p95: number;
}

function figures(samples: number[]): Figures {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  return { median: at(0.5), p95: at(0.95) };
}

/** Adds organisations (and their agencies) until there are `total`, each with ROWS content items; returns every organisation id. */
async function seedUpTo(owner: Client, total: number): Promise<string[]> {
  const { rows } = await owner.query<{ n: number }>('SELECT count(*)::int AS n FROM organizations');
  const have = rows[0].n;
  if (total > have) {
    await owner.query('BEGIN');
    await owner.query(
      `WITH agencies_added AS (
         INSERT INTO agencies (name) SELECT 'Bench agency ' || g FROM generate_series($1::int + 1, $2::int) g RETURNING id),
       numbered AS (SELECT id, row_number() OVER () AS k FROM agencies_added)
       INSERT INTO organizations (agency_id, name)
       SELECT a.id, 'Bench client ' || a.k || '.' || o FROM numbered a CROSS JOIN generate_series(1, $3::int) o`,
      [Math.ceil(have / ORGS_PER_AGENCY), Math.ceil(total / ORGS_PER_AGENCY), ORGS_PER_AGENCY],
    );
    // The agencies come in tens of organisations: trim the last one to the exact total.
    await owner.query(
      `DELETE FROM organizations WHERE id IN (
         SELECT o.id FROM organizations o WHERE NOT EXISTS (SELECT 1 FROM content_items i WHERE i.organization_id = o.id)
          ORDER BY o.created_at DESC, o.id OFFSET greatest(0, $1::int - $2::int))`,
      [total, have],
    );
    await owner.query(
      `INSERT INTO content_items (organization_id, title, brief, created_at, updated_at)
       SELECT o.id, 'Item ' || r, 'A brief of some length for item ' || r, now() - make_interval(hours => r), now() - make_interval(hours => r)
         FROM organizations o CROSS JOIN generate_series(1, $1::int) r
        WHERE NOT EXISTS (SELECT 1 FROM content_items i WHERE i.organization_id = o.id)`,
      [ROWS],
    );
    await owner.query('COMMIT');
    await owner.query('VACUUM ANALYZE organizations, agencies, content_items');
  }
  const { rows: orgs } = await owner.query<{ id: string }>('SELECT id FROM organizations ORDER BY id');
  return orgs.map((o) => o.id);
}

function setTenantSql(organizationId: string, readOnly: boolean): string {
  // A validated UUID, inlined as the unit of work does, so BEGIN and the tenant travel in one round trip.
  if (!/^[0-9a-f-]{36}$/.test(organizationId)) throw new Error('not a UUID');
  return `BEGIN${readOnly ? ' READ ONLY' : ''}; SELECT set_config('socle.organization_id', '${organizationId}', true)`;
}

async function read(app: Client, organizationId: string): Promise<number> {
  const started = performance.now();
  await app.query(setTenantSql(organizationId, true));
  const { rows } = await app.query(PAGE_SQL, [organizationId, PAGE_SIZE + 1]);
  await app.query('COMMIT');
  const elapsed = performance.now() - started;
  if (rows.length !== ROWS && rows.length !== PAGE_SIZE + 1) throw new Error(`read ${rows.length} rows for ${organizationId}`);
  return elapsed;
}

async function write(app: Client, organizationId: string): Promise<number> {
  const started = performance.now();
  await app.query(setTenantSql(organizationId, false));
  const { rows } = await app.query<{ id: string }>(
    `INSERT INTO content_items (organization_id, title, brief) VALUES ($1, $2, 'brief') RETURNING id`,
    [organizationId, BENCH_TITLE],
  );
  const updated = await app.query(
    'UPDATE content_items SET revision = revision + 1, updated_at = now() WHERE organization_id = $1 AND id = $2',
    [organizationId, rows[0].id],
  );
  await app.query('COMMIT');
  const elapsed = performance.now() - started;
  if (updated.rowCount !== 1) throw new Error(`updated ${updated.rowCount} rows for ${organizationId}`);
  return elapsed;
}

async function measure(owner: Client, app: Client, orgs: string[]): Promise<{ read: Figures; write: Figures }> {
  const pick = () => orgs[Math.floor(Math.random() * orgs.length)];
  for (let i = 0; i < 200; i += 1) await read(app, pick()); // warm-up: plans, caches, connection
  const reads: Figures[] = [];
  const writes: Figures[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const r: number[] = [];
    for (let i = 0; i < ITERATIONS; i += 1) r.push(await read(app, pick()));
    const w: number[] = [];
    for (let i = 0; i < ITERATIONS; i += 1) w.push(await write(app, pick()));
    reads.push(figures(r));
    writes.push(figures(w));
    // Back to ROWS per organisation, so every round and both sizes read the same amount.
    await owner.query('DELETE FROM content_items WHERE title = $1', [BENCH_TITLE]);
    await owner.query('VACUUM ANALYZE content_items');
  }
  const mid = (xs: Figures[], key: keyof Figures) => figures(xs.map((x) => x[key])).median;
  return {
    read: { median: mid(reads, 'median'), p95: mid(reads, 'p95') },
    write: { median: mid(writes, 'median'), p95: mid(writes, 'p95') },
  };
}

async function main(): Promise<void> {
  const run = startBenchRun();
  try {
    const ownerUrl = provisionDatabase(run);
    const owner = new Client({ connectionString: ownerUrl });
    const app = new Client({ connectionString: databaseUrl('socle_app', run.database) });
    await Promise.all([owner.connect(), app.connect()]);
    run.onCleanUp(() => Promise.all([owner.end(), app.end()]));

    const results: { size: number; read: Figures; write: Figures }[] = [];
    for (const size of [SMALL, LARGE]) {
      const seeded = performance.now();
      const orgs = await seedUpTo(owner, size);
      process.stdout.write(
        `${orgs.length} organisations × ${ROWS} content items seeded in ${((performance.now() - seeded) / 1000).toFixed(1)} s\n`,
      );
      if (orgs.length !== size) throw new Error(`expected ${size} organisations, found ${orgs.length}`);
      results.push({ size, ...(await measure(owner, app, orgs)) });
    }

    const ms = (x: number) => `${x.toFixed(3)} ms`.padStart(10);
    process.stdout.write(
      `\nTenant-scoped latency, ${ROUNDS} rounds × ${ITERATIONS} operations per size on random organisations (median of the rounds):\n`,
    );
    process.stdout.write(`${'operation'.padEnd(10)}${'orgs'.padStart(8)}${'median'.padStart(10)}${'p95'.padStart(10)}\n`);
    for (const op of ['read', 'write'] as const)
      for (const r of results) process.stdout.write(`${op.padEnd(10)}${String(r.size).padStart(8)}${ms(r[op].median)}${ms(r[op].p95)}\n`);
    const [small, large] = results;
    process.stdout.write(`\nratio ${LARGE} / ${SMALL} (target: within 10 %):\n`);
    for (const op of ['read', 'write'] as const) {
      const m = large[op].median / small[op].median;
      const p = large[op].p95 / small[op].p95;
      process.stdout.write(`${op.padEnd(10)} median ×${m.toFixed(3)}   p95 ×${p.toFixed(3)}\n`);
    }
  } finally {
    await run.cleanUp();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
