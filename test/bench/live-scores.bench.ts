/**
 * Nightly live scores: recomputes the live score of 1,000 organisations through
 * the job's own code path (RecomputeLiveScoreJob.handle: one unit of work per
 * organisation with its tenant set, row-level security on, the evidence
 * providers of every module the worker runs, the insert), in process, several
 * organisations at a time as the worker does.
 *
 * Organisations come in three profiles, seeded straight into the database:
 *   little   nothing but the organisation (never assessed: the built-in model);
 *   typical  a few objectives, KPIs, segments, competitors, two published
 *            policies, two finalised assessments, a month of live-score history;
 *   much     hundreds of objectives and KPIs, acknowledgements by 300 people,
 *            twelve finalised assessments, a year of live-score history.
 * It prints organisations per second and the SQL statements per organisation
 * for each profile: the count must not depend on the amount of data.
 *
 *   node -r @swc-node/register test/bench/live-scores.bench.ts      (npm run bench:live-scores)
 *   BENCH_ORGS=1000 BENCH_CONCURRENCY=4 BENCH_ROUNDS=3               (the defaults)
 *
 * Needs PostgreSQL (superuser postgres@127.0.0.1:5432, or SOCLE_PG_ADMIN_URL) and
 * Redis (REDIS_URL; the worker's modules connect to it, nothing is enqueued).
 * Creates its own database and drops it at the end. The exit code is 0 unless
 * the run itself breaks.
 */
import './production-env';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { DEFAULT_MATURITY_MODEL, PortfolioRepository, RecomputeLiveScoreJob } from '@socle/evaluation';
import { loadConfig } from '@socle/platform-config';
import { DATA_SOURCE, inUnitOfWork, statementCounter } from '@socle/platform-database';
import { EvidenceRegistry } from '@socle/platform-evidence';
import { adminUrl, databaseUrl, dropTestDatabase } from '@socle/testing';
import { createWorker } from '@socle/worker';
import { deleteRedisKeys, runBenchMain } from './bench-run';

const ROOT = path.resolve(__dirname, '../..');
const ORGS = Number(process.env.BENCH_ORGS ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const AGENCIES = 10;
const STATEMENT_SAMPLES = 10;
const TARGET_PER_SECOND = 200;

type Profile = 'little' | 'typical' | 'much';
const profileOf = (i: number): Profile => (i % 10 === 0 ? 'much' : i % 10 < 4 ? 'little' : 'typical');

function databaseCli(args: string[], env: Record<string, string>): void {
  execFileSync(process.execPath, ['-r', '@swc-node/register', path.resolve(ROOT, 'apps/api/src/cli/database.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** One seeding step per table; a table another module has not created (yet) is reported and skipped. */
async function step(admin: Pool, label: string, sql: string, params: unknown[], notes: string[]): Promise<void> {
  try {
    const result = await admin.query(sql, params);
    notes.push(`  ${label.padEnd(34)} ${String(result.rowCount ?? 0).padStart(8)} rows`);
  } catch (error) {
    notes.push(`  ${label.padEnd(34)}  skipped (${error instanceof Error ? error.message : String(error)})`);
  }
}

async function seed(
  admin: Pool,
): Promise<{ ids: Record<Profile, string[]>; notes: string[]; bigAgency: { id: string; organizations: number } }> {
  const notes: string[] = [];
  const agencies = (
    await admin.query<{ id: string }>(`INSERT INTO agencies (name) SELECT 'Agence ' || g FROM generate_series(1, $1) g RETURNING id`, [
      AGENCIES,
    ])
  ).rows.map((r) => r.id);
  const rows = (
    await admin.query<{ id: string; n: number }>(
      // Created now: none is due for the nightly run, so the worker's own scheduler enqueues nothing during the measurement.
      // Half of them in the first agency (a large portfolio), the rest spread over the others.
      `INSERT INTO organizations (agency_id, name, locale)
     SELECT ($1::uuid[])[CASE WHEN g % 2 = 0 THEN 1 ELSE 2 + (g % ($3 - 1)) END], 'Client ' || g, CASE WHEN g % 3 = 0 THEN 'en' ELSE 'fr' END
       FROM generate_series(0, $2 - 1) g
     RETURNING id, (regexp_replace(name, '\\D', '', 'g'))::int AS n`,
      [agencies, ORGS, AGENCIES],
    )
  ).rows;
  const ids: Record<Profile, string[]> = { little: [], typical: [], much: [] };
  for (const r of rows) ids[profileOf(r.n)].push(r.id);
  notes.push(
    `  organisations: ${ORGS} in ${AGENCIES} agencies — little ${ids.little.length}, typical ${ids.typical.length}, much ${ids.much.length}`,
  );
  const typical = ids.typical;
  const much = ids.much;
  const both = [...typical, ...much];
  const perOrg = (column: string) => `unnest($1::uuid[]) AS o(${column})`;

  // Strategy.
  await step(
    admin,
    'objectives',
    `
    INSERT INTO objectives (organization_id, kind, title, metric, baseline, target, deadline)
    SELECT o.id, CASE WHEN g % 2 = 0 THEN 'BUSINESS' ELSE 'BRAND' END, 'Objectif ' || g, 'followers', 100, 200 + g, current_date + (g % 400) - 30
      FROM ${perOrg('id')} CROSS JOIN LATERAL generate_series(1, CASE WHEN o.id = ANY($2::uuid[]) THEN 300 ELSE 6 END) g`,
    [both, much],
    notes,
  );
  await step(
    admin,
    'kpis',
    `
    INSERT INTO kpis (organization_id, objective_id, name, metric, target, frequency)
    SELECT ob.organization_id, ob.id, 'KPI ' || g, 'engagement_rate', 5, 'MONTHLY' FROM objectives ob CROSS JOIN generate_series(1, 2) g
     WHERE ob.organization_id = ANY($1::uuid[])`,
    [both],
    notes,
  );
  await step(
    admin,
    'audience_segments',
    `
    INSERT INTO audience_segments (organization_id, name, needs, usages)
    SELECT o.id, 'Segment ' || g, 'Besoins', ARRAY['PR', 'CUSTOMER_SERVICE']
      FROM ${perOrg('id')} CROSS JOIN LATERAL generate_series(1, CASE WHEN o.id = ANY($2::uuid[]) THEN 40 ELSE 3 END) g`,
    [both, much],
    notes,
  );
  await step(
    admin,
    'competitors',
    `
    INSERT INTO competitors (organization_id, name, handles)
    SELECT o.id, 'Concurrent ' || g, '[{"network": "mastodon", "handle": "@c"}]'::jsonb
      FROM ${perOrg('id')} CROSS JOIN LATERAL generate_series(1, CASE WHEN o.id = ANY($2::uuid[]) THEN 100 ELSE 4 END) g`,
    [both, much],
    notes,
  );

  // Policies: published versions, acknowledged by people (300 per organisation with much data).
  await step(
    admin,
    'policy_documents',
    `
    INSERT INTO policy_documents (organization_id, kind, language)
    SELECT o.id, k.kind, 'fr' FROM ${perOrg('id')}
      CROSS JOIN LATERAL unnest(CASE WHEN o.id = ANY($2::uuid[]) THEN ARRAY['USAGE_GUIDE', 'EDITORIAL_POLICY', 'COMMENT_HANDLING', 'PERSONAL_USE', 'CODE_OF_CONDUCT']
                                      ELSE ARRAY['USAGE_GUIDE', 'EDITORIAL_POLICY'] END) AS k(kind)`,
    [both, much],
    notes,
  );
  await step(
    admin,
    'policy_versions',
    `
    INSERT INTO policy_versions (organization_id, policy_id, number, status, title, sections)
    SELECT d.organization_id, d.id, 1, 'PUBLISHED', d.kind, '[{"title": "Principes", "body": "Texte."}]'::jsonb FROM policy_documents d`,
    [],
    notes,
  );
  await step(
    admin,
    'users (people who acknowledge)',
    `
    INSERT INTO users (email, display_name, password_hash) SELECT 'bench-' || g || '@bench.example.test', 'Personne ' || g, 'no-login' FROM generate_series(1, 300) g`,
    [],
    notes,
  );
  await step(
    admin,
    'policy_acknowledgements',
    `
    INSERT INTO policy_acknowledgements (organization_id, version_id, user_id, policy_id)
    SELECT v.organization_id, v.id, u.id, v.policy_id FROM policy_versions v CROSS JOIN (SELECT id FROM users WHERE email LIKE 'bench-%') u
     WHERE v.organization_id = ANY($1::uuid[])`,
    [much],
    notes,
  );

  // Assessments (the built-in model's content frozen with each) and live-score history.
  await step(
    admin,
    'maturity_assessments (finalised)',
    `
    INSERT INTO maturity_assessments (organization_id, model_agency_id, model_id, model_version, model_content, status, started_at, finalized_at,
      overall_score, level, dimension_scores, evidence, recommendations)
    SELECT o.id, NULL, 'default', 1, $3::jsonb, 'FINALIZED', now() - make_interval(days => 30 * g + 2), now() - make_interval(days => 30 * g),
           20 + (g * 7) % 70, 1 + (g % 5), '{}'::jsonb, '{}'::jsonb, '[]'::jsonb
      FROM ${perOrg('id')} CROSS JOIN LATERAL generate_series(1, CASE WHEN o.id = ANY($2::uuid[]) THEN 12 ELSE 2 END) g`,
    [both, much, JSON.stringify(DEFAULT_MATURITY_MODEL)],
    notes,
  );
  await step(
    admin,
    'maturity_live_scores (history)',
    `
    INSERT INTO maturity_live_scores (organization_id, computed_at, model_agency_id, model_id, model_version, overall_score, level, dimension_scores, evidence)
    SELECT o.id, now() - make_interval(days => g, hours => 1), NULL, 'default', 1, 40, 3, '{}'::jsonb, '{}'::jsonb
      FROM ${perOrg('id')} CROSS JOIN LATERAL generate_series(1, CASE WHEN o.id = ANY($2::uuid[]) THEN 365 ELSE 30 END) g`,
    [both, much],
    notes,
  );
  await admin.query('ANALYZE');
  const big = await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM organizations WHERE agency_id = $1', [agencies[0]]);
  return { ids, notes, bigAgency: { id: agencies[0], organizations: big.rows[0].n } };
}

async function inBatches(ids: string[], concurrency: number, work: (id: string) => Promise<unknown>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < ids.length) {
      const id = ids[next++];
      await work(id);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const suffix = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const database = `socle_test_${suffix}`;
  const cleanups: (() => Promise<unknown> | void)[] = [];
  let cleaned = false;
  const cleanUp = async () => {
    if (cleaned) return;
    cleaned = true;
    for (const fn of cleanups.reverse())
      await Promise.resolve()
        .then(fn)
        .catch((error: unknown) => process.stderr.write(`clean-up: ${String(error)}\n`));
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void cleanUp().finally(() => process.exit(130)));

  try {
    cleanups.push(() => dropTestDatabase(database));
    const ownerUrl = databaseUrl('socle_owner', database);
    databaseCli(['provision', database], { SOCLE_PG_ADMIN_URL: adminUrl() });
    databaseCli(['migrate'], { DATABASE_OWNER_URL: ownerUrl });
    const admin = new Pool({ connectionString: databaseUrl(new URL(adminUrl()).username || 'postgres', database), max: 4 });
    cleanups.push(() => admin.end());
    const seedStarted = Date.now();
    const { ids, notes, bigAgency } = await seed(admin);
    const seedSeconds = (Date.now() - seedStarted) / 1000;

    const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    const queuePrefix = `bench-${suffix.replace(/_/g, '-')}`;
    cleanups.push(() => deleteRedisKeys(redisUrl, [`${queuePrefix}:*`]));
    const config = loadConfig({
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl('socle_app', database),
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: queuePrefix,
      JWT_SECRET: `bench-jwt-secret-${randomBytes(24).toString('hex')}`,
      API_KEY_PEPPER: `bench-api-key-pepper-${randomBytes(24).toString('hex')}`,
      ENCRYPTION_KEYS: process.env.ENCRYPTION_KEYS ?? `bench:${randomBytes(32).toString('base64')}`,
      LOG_LEVEL: 'warn',
    });
    // The real worker (its modules, its evidence providers); its queues stay empty, the job is called in process.
    const worker = await createWorker(config, { reconcileEveryMs: 3600_000 });
    cleanups.push(() => worker.close());
    const job = worker.context.get(RecomputeLiveScoreJob, { strict: false });
    const registry = worker.context.get(EvidenceRegistry, { strict: false });
    const all = [...ids.little, ...ids.typical, ...ids.much];

    // Each pass is a nightly run of its own (its slot is when it starts), so the job does the whole nightly
    // path, its once-per-night check included, for every organisation.
    const nightly = (slot: string) => (organizationId: string) => job.handle({ organizationId, slot });
    const newRun = () => nightly(new Date().toISOString());

    // Warm-up: every connection of the pool plans its prepared statements once.
    await inBatches(all.slice(0, 100), CONCURRENCY, newRun());

    // Statements per organisation, sequentially, per profile.
    const statements: Record<Profile, number[]> = { little: [], typical: [], much: [] };
    for (const profile of ['little', 'typical', 'much'] as const) {
      const run = newRun();
      for (const organizationId of ids[profile].slice(0, STATEMENT_SAMPLES)) {
        const before = statementCounter.count;
        await run(organizationId);
        statements[profile].push(statementCounter.count - before);
      }
    }
    const perProfileMs: Record<Profile, number> = { little: 0, typical: 0, much: 0 };
    for (const profile of ['little', 'typical', 'much'] as const) {
      const sample = ids[profile].slice(0, 50);
      const started = process.hrtime.bigint();
      await inBatches(sample, 1, newRun());
      perProfileMs[profile] = Number(process.hrtime.bigint() - started) / 1e6 / sample.length;
    }

    // Throughput over all organisations, ROUNDS times.
    const rates: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const shuffled = [...all].sort(() => Math.random() - 0.5);
      const started = process.hrtime.bigint();
      await inBatches(shuffled, CONCURRENCY, newRun());
      rates.push(all.length / (Number(process.hrtime.bigint() - started) / 1e9));
    }
    // The portfolio of the largest agency (one statement per page, whatever the number of organisations).
    const dataSource = worker.context.get<DataSource>(DATA_SOURCE, { strict: false });
    const portfolio = new PortfolioRepository();
    const viewer = { agencyId: bigAgency.id, memberUserId: null, userId: null };
    const portfolioMs: { label: string; ms: number; statements: number }[] = [];
    for (const [label, sort, filter] of [
      ['NAME, first page', { field: 'NAME', direction: 'ASC' }, {}],
      ['SCORE DESC, page 10', { field: 'SCORE', direction: 'DESC' }, {}],
      ['TREND DESC, levelMin 2', { field: 'TREND', direction: 'DESC' }, { levelMin: 2 }],
      ['LIVE_SCORE ASC, search', { field: 'LIVE_SCORE', direction: 'ASC' }, { search: 'Client 1' }],
    ] as const) {
      const times: number[] = [];
      let statementsPerPage = 0;
      for (let i = 0; i < 15; i++) {
        const before = statementCounter.count;
        const started = process.hrtime.bigint();
        await inUnitOfWork(dataSource, { agencyId: bigAgency.id }, (uow) =>
          portfolio.page(uow, viewer, sort, filter, 20, label.includes('page 10') ? 180 : 0),
        );
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
        statementsPerPage = statementCounter.count - before;
      }
      portfolioMs.push({ label, ms: median(times.slice(3)), statements: statementsPerPage });
    }
    const stored = await admin.query<{ n: number }>(
      "SELECT count(DISTINCT organization_id)::int AS n FROM maturity_live_scores WHERE computed_at > now() - interval '1 hour'",
    );

    const rate = median(rates);
    const flat = Object.values(statements).flat();
    const constant = flat.every((n) => n === flat[0]);
    const out: string[] = [];
    out.push('');
    out.push(
      `Live scores: ${ORGS} organisations, ${CONCURRENCY} at a time (pool ${config.DATABASE_POOL_SIZE}), median of ${ROUNDS} rounds`,
    );
    out.push(`Seeded in ${seedSeconds.toFixed(1)} s:`);
    out.push(...notes);
    out.push(
      `Evidence providers registered in the worker: ${registry.definitions().length} keys; the built-in model reads ${new Set(DEFAULT_MATURITY_MODEL.dimensions.flatMap((d) => d.criteria.flatMap((c) => (c.kind === 'EVIDENCE' ? [c.evidenceKey] : [])))).size}.`,
    );
    out.push('');
    out.push(
      `  organisations/s            ${rate.toFixed(0).padStart(6)}   (${rates.map((r) => r.toFixed(0)).join(' / ')})   target >= ${TARGET_PER_SECOND}   ${rate >= TARGET_PER_SECOND ? 'OK' : 'MISSED'}`,
    );
    for (const profile of ['little', 'typical', 'much'] as const) {
      out.push(
        `  ${profile.padEnd(8)} statements/org ${statements[profile].join(',').padEnd(32)} one at a time: ${perProfileMs[profile].toFixed(2)} ms/org`,
      );
    }
    out.push(
      `  statements per organisation independent of the data: ${constant ? 'OK' : 'NO'} (${flat[0]} each, BEGIN with the tenant and COMMIT included)`,
    );
    out.push(`  organisations with a live score from this run: ${stored.rows[0].n} of ${ORGS}`);
    out.push(
      `  portfolio of an agency with ${bigAgency.organizations} organisations, 20 per page (median of 12, statements with BEGIN and COMMIT):`,
    );
    for (const p of portfolioMs) out.push(`    ${p.label.padEnd(26)} ${p.ms.toFixed(1).padStart(6)} ms   ${p.statements} statements`);
    out.push('');
    process.stdout.write(`${out.join('\n')}\n`);
  } finally {
    await cleanUp();
  }
}

runBenchMain(main, 'live-scores');
