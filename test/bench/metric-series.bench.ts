/**
 * Reading metric series and KPI measures over a realistic organisation: a few
 * accounts sampled every hour for 90 days (followers), and the posts of the
 * last 30 days (two a day) each sampled every hour since it was published
 * (likes, reposts, replies) — what METRICS_EVERY_MINUTES=60 stores. Each read
 * runs through a unit of work in the organisation (row-level security on), as
 * the API does, and is given as a ratio to a baseline measured in the same run:
 * counting the organisation's samples (one index scan over all of them).
 *
 *   node -r @swc-node/register test/bench/metric-series.bench.ts
 *   BENCH_ACCOUNTS=10 BENCH_POSTS_PER_DAY=5 BENCH_ROUNDS=7 node -r @swc-node/register test/bench/metric-series.bench.ts
 *
 * Creates its own database and drops it at the end. Prints figures only.
 */
import './production-env';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { Pool } from 'pg';
// eslint-disable-next-line @nx/enforce-module-boundaries -- read directly: the bench needs the repositories, not the module registration
import { MetricsRepository } from '../../libs/domain/community/src/lib/metrics';
// eslint-disable-next-line @nx/enforce-module-boundaries -- as above
import { KpiMeasuresRepository, periodsBetween } from '../../libs/domain/evaluation/src/lib/kpi';
import { loadConfig } from '@socle/platform-config';
import { UnitOfWorkFactory } from '@socle/platform-database';
import { adminUrl, databaseUrl, dropTestDatabase } from '@socle/testing';
import { WorkerModule } from '@socle/worker';

const ROOT = path.resolve(__dirname, '../..');
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 5);
const POSTS_PER_DAY = Number(process.env.BENCH_POSTS_PER_DAY ?? 2);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function databaseCli(args: string[], env: Record<string, string>): void {
  execFileSync(process.execPath, ['-r', '@swc-node/register', path.resolve(ROOT, 'apps/api/src/cli/database.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  const suffix = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const database = `socle_test_${suffix}`;
  const cleanups: (() => Promise<unknown> | void)[] = [];
  try {
    if (!process.env.BENCH_KEEP) cleanups.push(() => dropTestDatabase(database));
    else process.stdout.write(`database kept: ${database}\n`);
    databaseCli(['provision', database], { SOCLE_PG_ADMIN_URL: adminUrl() });
    databaseCli(['migrate'], { DATABASE_OWNER_URL: databaseUrl('socle_owner', database) });
    const admin = new Pool({ connectionString: databaseUrl(new URL(adminUrl()).username || 'postgres', database), max: 2 });
    cleanups.push(() => admin.end());
    const [agency] = (await admin.query<{ id: string }>(`INSERT INTO agencies (name) VALUES ('Agence bench') RETURNING id`)).rows;
    const org = (
      await admin.query<{ id: string }>(`INSERT INTO organizations (agency_id, name) VALUES ($1, 'Client') RETURNING id`, [agency.id])
    ).rows[0].id;
    const now = Date.now();
    const accounts = (
      await admin.query<{ id: string }>(
        `INSERT INTO network_accounts (organization_id, network, handle, service_url)
         SELECT $1, 'mastodon', 'bench' || n || '@example.social', 'https://example.social' FROM generate_series(1, $2) AS n RETURNING id`,
        [org, ACCOUNTS],
      )
    ).rows.map((r) => r.id);
    // Followers: every hour for 90 days, per account.
    await admin.query(
      `INSERT INTO metric_samples (organization_id, account_id, metric, value, sampled_at)
       SELECT $1, a, 'FOLLOWERS', 1000 + h, to_timestamp($3 / 1000.0) - make_interval(hours => h)
         FROM unnest($2::uuid[]) AS a, generate_series(0, 90 * 24 - 1) AS h`,
      [org, accounts, now],
    );
    // Posts: POSTS_PER_DAY a day for 30 days, each sampled every hour since it was published.
    const [item] = (
      await admin.query<{ id: string }>(
        "INSERT INTO content_items (organization_id, title, status) VALUES ($1, 'Bench', 'DRAFT') RETURNING id",
        [org],
      )
    ).rows;
    const posts = (
      await admin.query<{ id: string; account: string; published: Date }>(
        `INSERT INTO publications (organization_id, item_id, network_account_id, network, due_at, next_attempt_at, status, idempotency_key,
           external_id, published_at)
         SELECT $1, $2, ($3::uuid[])[1 + n % cardinality($3::uuid[])], 'mastodon', p, p, 'PUBLISHED', 'bench-' || n, 'ext-' || n, p
           FROM generate_series(0, $4 * 30 - 1) AS n, LATERAL (SELECT to_timestamp($5 / 1000.0) - make_interval(hours => n * 24 / $4) AS p) t
         RETURNING id, network_account_id AS account, published_at AS published`,
        [org, item.id, accounts, POSTS_PER_DAY, now],
      )
    ).rows;
    await admin.query(
      `INSERT INTO metric_samples (organization_id, account_id, publication_id, metric, value, sampled_at)
       SELECT $1, p.account, p.id, m, h, p.published + make_interval(hours => h)
         FROM unnest($2::uuid[], $3::uuid[], $4::timestamptz[]) AS p (id, account, published),
              unnest(ARRAY['LIKES', 'REPOSTS', 'REPLIES']) AS m,
              LATERAL generate_series(0, floor(extract(epoch FROM (to_timestamp($5 / 1000.0) - p.published)) / 3600)::int) AS h`,
      [org, posts.map((p) => p.id), posts.map((p) => p.account), posts.map((p) => p.published), now],
    );
    await admin.query('ANALYZE metric_samples; ANALYZE publications');
    const total = Number((await admin.query('SELECT count(*) AS n FROM metric_samples')).rows[0].n);

    const config = loadConfig({
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl('socle_app', database),
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: `bench-${suffix.replace(/_/g, '-')}`,
      JWT_SECRET: `bench-jwt-secret-${randomBytes(24).toString('hex')}`,
      API_KEY_PEPPER: `bench-api-key-pepper-${randomBytes(24).toString('hex')}`,
      ENCRYPTION_KEYS: process.env.ENCRYPTION_KEYS ?? `bench:${randomBytes(32).toString('base64')}`,
      LOG_LEVEL: 'warn',
    });
    const context = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: ['error'] });
    cleanups.push(() => context.close());
    const units = context.get(UnitOfWorkFactory, { strict: false });
    const metrics = new MetricsRepository();
    const measures = new KpiMeasuresRepository();
    const inOrg = <T>(fn: (ctx: Parameters<MetricsRepository['series']>[0]) => Promise<T>) =>
      units.runInOrganization(org, (uow) => fn({ uow, organizationId: uow.organizationId, actor: { type: 'SYSTEM', id: null } }));

    const to = new Date(now + HOUR);
    const weeks = periodsBetween(new Date(now - 30 * DAY), to, 'WEEKLY') ?? [];
    const days = periodsBetween(new Date(now - 90 * DAY), to, 'DAILY') ?? [];
    const reads: { name: string; run: () => Promise<unknown> }[] = [
      {
        name: 'baseline: count the samples',
        run: () => inOrg((ctx) => ctx.uow.query('SELECT count(*) FROM metric_samples WHERE organization_id = $1', [org])),
      },
      {
        name: 'metricSeries FOLLOWERS, all accounts, DAY over 90 days',
        run: () => inOrg((ctx) => metrics.series(ctx, { metric: 'FOLLOWERS', from: new Date(now - 90 * DAY), to, interval: 'DAY' })),
      },
      {
        name: 'metricSeries FOLLOWERS, one account, HOUR over 30 days',
        run: () =>
          inOrg((ctx) =>
            metrics.series(ctx, { metric: 'FOLLOWERS', accountId: accounts[0], from: new Date(now - 30 * DAY), to, interval: 'HOUR' }),
          ),
      },
      {
        name: 'metricSeries LIKES, all posts, DAY over 30 days',
        run: () => inOrg((ctx) => metrics.series(ctx, { metric: 'LIKES', from: new Date(now - 30 * DAY), to, interval: 'DAY' })),
      },
      {
        name: 'metricSeries LIKES, all posts, HOUR over 30 days',
        run: () => inOrg((ctx) => metrics.series(ctx, { metric: 'LIKES', from: new Date(now - 30 * DAY), to, interval: 'HOUR' })),
      },
      { name: 'KPI FOLLOWERS, daily over 90 days', run: () => inOrg((ctx) => measures.followers(ctx, days)) },
      { name: 'KPI ENGAGEMENT, weekly over 30 days', run: () => inOrg((ctx) => measures.engagement(ctx, weeks)) },
    ];
    const times = new Map<string, number[]>(reads.map((r) => [r.name, []]));
    for (const read of reads) await read.run(); // warm-up
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate the order so no read always meets the warmest cache.
      for (const read of round % 2 ? [...reads].reverse() : reads) {
        const started = performance.now();
        await read.run();
        times.get(read.name)?.push(performance.now() - started);
      }
    }
    const baseline = median(times.get(reads[0].name) ?? [1]);
    const lines = reads.map((read) => {
      const ms = median(times.get(read.name) ?? [0]);
      return `  ${read.name.padEnd(58)} ${ms.toFixed(1).padStart(8)} ms  ×${(ms / baseline).toFixed(2)}`;
    });
    process.stdout.write(
      [
        `metric series: ${ACCOUNTS} accounts, ${posts.length} posts, ${total.toLocaleString('en')} samples, median of ${ROUNDS} rounds`,
        ...lines,
      ].join('\n') + '\n',
    );
  } finally {
    for (const fn of cleanups.reverse())
      await Promise.resolve()
        .then(fn)
        .catch((error: unknown) => process.stderr.write(`clean-up: ${String(error)}\n`));
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
