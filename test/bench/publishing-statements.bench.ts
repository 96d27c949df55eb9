/**
 * The database's share of a dispatch, statement by statement: what PostgreSQL
 * spends per publication on each step the publishing worker takes for a batch,
 * run through the worker's own repositories (their SQL, prepared as the worker
 * prepares it) as the application role, row-level security on, one connection,
 * nothing else running. No network call and no queue: only the statements.
 *
 * The baseline, measured in the same run on organisations seeded alike: the
 * bare write, one UPDATE per organisation moving its publications to
 * PUBLISHING with a lease, and nothing else (no order, no skipped locks, no
 * attempt, no item checked). Each step is printed as its PostgreSQL CPU per
 * publication (read from /proc for the connection's backend; the wall time
 * where the server runs elsewhere) and as a multiple of the bare write:
 *
 *   - claim: the batch claimed in order, locked rows skipped, the lease, the attempts opened;
 *   - items: the items locked and moved to PUBLISHING with their audit rows, the variants read;
 *   - record: the posts recorded with their attempts finished and their items locked;
 *   - settle: the items' counts read and the items moved to PUBLISHED with their audit rows.
 *
 * Figures to compare, no assertion. The dispatch benchmark (publishing-dispatch.bench.ts)
 * gives the whole; this one tells how much of the database's part is the row
 * writes themselves.
 *
 *   node -r @swc-node/register test/bench/publishing-statements.bench.ts      (npm run bench:publishing-statements)
 *   BENCH_ORGS=100 BENCH_PER_ORG=100 BENCH_ROUNDS=3                           (the defaults)
 *
 * Needs PostgreSQL (superuser postgres@127.0.0.1:5432, or SOCLE_PG_ADMIN_URL) and Redis (REDIS_URL: the repositories
 * announce their changes after commit). Creates its own database and drops it at the end.
 */
import './production-env';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { ContentCtx, ContentItemRepository, PublicationRepository } from '@socle/content';
import { createDataSource, releaseParkedConnections, UnitOfWorkFactory } from '@socle/platform-database';
import { createRedis, LiveEvents } from '@socle/platform-queue';
import { adminUrl, databaseUrl } from '@socle/testing';
import { deleteRedisKeys, provisionDatabase, runBenchMain, seedDuePublications, startBenchRun } from './bench-run';
import { processCpuMicros } from './proc-cpu';

const ORGS = Number(process.env.BENCH_ORGS ?? 100);
const PER_ORG = Number(process.env.BENCH_PER_ORG ?? 100);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const LEASE_MS = 60_000;
const SYSTEM = { type: 'SYSTEM', id: null } as const;

const STEPS = ['bare write', 'claim', 'items', 'record', 'settle'] as const;
type Step = (typeof STEPS)[number];
type Figures = Record<Step, { cpu: number | null; wall: number }>;

async function main(): Promise<void> {
  const run = startBenchRun();
  let dataSource: DataSource | undefined;
  try {
    provisionDatabase(run);
    const admin = new Pool({ connectionString: databaseUrl(new URL(adminUrl()).username || 'postgres', run.database), max: 2 });
    run.onCleanUp(() => admin.end());
    const redis = createRedis({ url: run.redisUrl }, 'commands');
    run.onCleanUp(() => redis.disconnect());
    run.onCleanUp(() => deleteRedisKeys(run.redisUrl, [`${run.queuePrefix}:*`]));
    const publications = new PublicationRepository(new LiveEvents(redis, run.queuePrefix));
    const items = new ContentItemRepository();

    dataSource = createDataSource({
      url: databaseUrl('socle_app', run.database),
      entities: [],
      poolSize: 1,
      applicationName: 'statements-bench',
    });
    await dataSource.initialize();
    const units = new UnitOfWorkFactory(dataSource);
    const inOrganization = <T>(organizationId: string, work: (ctx: ContentCtx) => Promise<T>) =>
      units.runInOrganization(organizationId, (uow) => work({ uow, organizationId: uow.organizationId, actor: SYSTEM }));
    const backend = Number((await dataSource.query('SELECT pg_backend_pid() AS pid'))[0].pid);

    /** `count` organisations, each with one account and PER_ORG scheduled publications due now, one item and variant each. */
    const seed = async (count: number): Promise<string[]> => {
      const [agency] = (await admin.query<{ id: string }>(`INSERT INTO agencies (name) VALUES ('Agence') RETURNING id`)).rows;
      const orgs = (
        await admin.query<{ id: string }>(
          `INSERT INTO organizations (agency_id, name) SELECT $1, 'Client ' || g FROM generate_series(1, $2) g RETURNING id`,
          [agency.id, count],
        )
      ).rows.map((r) => r.id);
      const accounts = orgs.map(() => randomUUID());
      await admin.query(
        `INSERT INTO network_accounts (organization_id, id, network, handle, service_url, credentials_ciphertext, credentials_key_id)
         SELECT o, a, 'mastodon', 'h' || a, 'https://mastodon.example', 'sealed', 'bench' FROM unnest($1::uuid[], $2::uuid[]) AS t(o, a)`,
        [orgs, accounts],
      );
      await seedDuePublications(admin, orgs, accounts, count * PER_ORG, new Date(Date.now() - 1000));
      await admin.query('ANALYZE publications, content_items, content_variants, publication_attempts');
      return orgs;
    };

    /** Runs `work` for every organisation, one unit of work each; the backend's CPU and the wall time per publication. */
    const measure = async (orgs: string[], work: (ctx: ContentCtx, org: number) => Promise<unknown>) => {
      const cpuBefore = processCpuMicros(backend);
      const started = process.hrtime.bigint();
      for (let i = 0; i < orgs.length; i++) await inOrganization(orgs[i], (ctx) => work(ctx, i));
      const wall = Number(process.hrtime.bigint() - started) / 1000;
      const cpuAfter = processCpuMicros(backend);
      const n = orgs.length * PER_ORG;
      return { cpu: cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / n, wall: wall / n };
    };

    const rounds: Figures[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const bareOrgs = await seed(ORGS);
      const orgs = await seed(ORGS);
      const figures = {} as Figures;
      figures['bare write'] = await measure(bareOrgs, (ctx) =>
        ctx.uow.prepared(
          'bench_bare_write',
          `UPDATE publications SET status = 'PUBLISHING', lease_until = now() + make_interval(secs => $2::float8 / 1000), leased_by = $3,
                  attempts = attempts + 1, updated_at = now()
            WHERE organization_id = $1 AND status = 'SCHEDULED'`,
          [ctx.uow.organizationId, LEASE_MS, `bench/${randomUUID()}`],
        ),
      );
      const batches: { token: string; claimed: Awaited<ReturnType<PublicationRepository['claimBatch']>>['claimed'] }[] = [];
      figures.claim = await measure(orgs, async (ctx) => {
        const token = `bench/${randomUUID()}`;
        const { claimed } = await publications.claimBatch(ctx, LEASE_MS, token, PER_ORG);
        batches.push({ token, claimed });
      });
      figures.items = await measure(orgs, async (ctx, i) => {
        const { claimed } = batches[i];
        await items.lockAndTransition(
          ctx,
          claimed.map((c) => c.publication.itemId),
          { from: 'SCHEDULED', to: 'PUBLISHING', action: 'content.publishing' },
          { by: 'publishing' },
        );
        await publications.sendInputs(
          ctx,
          claimed.flatMap((c) => (c.publication.variantId ? [c.publication.variantId] : [])),
        );
      });
      const recorded: { itemId: string }[][] = [];
      figures.record = await measure(orgs, async (ctx, i) => {
        const { token, claimed } = batches[i];
        recorded.push(
          await publications.recordPublished(
            ctx,
            token,
            claimed.map((c) => ({
              id: c.publication.id,
              attemptNumber: c.attemptNumber,
              externalId: `1${String(i).padStart(4, '0')}${c.publication.id.slice(0, 8)}`,
              externalUrl: `https://mastodon.example/@bench/${c.publication.id}`,
              found: false,
            })),
          ),
        );
      });
      figures.settle = await measure(orgs, async (ctx, i) => {
        const itemIds = recorded[i].map((r) => r.itemId);
        await publications.itemCounts(ctx, itemIds);
        await items.transitionMany(
          ctx,
          itemIds.map((id) => ({ id, from: 'PUBLISHING', to: 'PUBLISHED', action: 'content.published' })),
          { by: 'publishing' },
        );
      });
      const published = Number(
        (
          await admin.query<{ n: string }>(
            `SELECT count(*) AS n FROM publications WHERE organization_id = ANY($1::uuid[]) AND status = 'PUBLISHED'`,
            [orgs],
          )
        ).rows[0].n,
      );
      if (published !== ORGS * PER_ORG) throw new Error(`round ${round + 1}: ${published} publications recorded of ${ORGS * PER_ORG}`);
      rounds.push(figures);
    }

    const medianOf = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];
    const cpuKnown = rounds.every((r) => STEPS.every((s) => r[s].cpu !== null));
    const figureOf = (r: Figures, step: Step) => (cpuKnown ? (r[step].cpu as number) : r[step].wall);
    const dispatchSteps = STEPS.filter((s) => s !== 'bare write');
    const line = (label: string, values: number[], bare: number[]) => {
      const ratio = medianOf(values.map((v, i) => v / bare[i]));
      return `  ${label.padEnd(62)} ${medianOf(values).toFixed(0).padStart(4)} µs   ${ratio.toFixed(1).padStart(4)}×   (rounds: ${values.map((v) => v.toFixed(0)).join(', ')})`;
    };
    const bare = rounds.map((r) => figureOf(r, 'bare write'));
    const labels: Record<Step, string> = {
      'bare write': 'bare write (one UPDATE to PUBLISHING, nothing else)',
      claim: 'claim (ordered, locked rows skipped, lease, attempts opened)',
      items: 'items locked and moved to PUBLISHING, audited; variants read',
      record: 'record (posts, attempts finished, items locked)',
      settle: 'settle (item counts; items moved to PUBLISHED, audited)',
    };
    process.stdout.write(
      [
        `Publishing statements: ${ORGS} organisations × ${PER_ORG} publications per round, ${ROUNDS} rounds, one connection as the application role (row-level security on)`,
        `  PostgreSQL ${cpuKnown ? 'CPU (its backend, from /proc)' : 'wall time (the server is not on this machine)'} per publication, median of the rounds, and as a multiple of the bare write`,
        ...STEPS.map((step) =>
          line(
            labels[step],
            rounds.map((r) => figureOf(r, step)),
            bare,
          ),
        ),
        line(
          'the dispatch steps together',
          rounds.map((r) => dispatchSteps.reduce((sum, step) => sum + figureOf(r, step), 0)),
          bare,
        ),
        '',
      ].join('\n'),
    );
  } finally {
    if (dataSource?.isInitialized) {
      await releaseParkedConnections(dataSource);
      await dataSource.destroy();
    }
    await run.cleanUp();
  }
}

runBenchMain(main);
