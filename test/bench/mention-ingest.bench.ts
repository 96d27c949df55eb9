/**
 * Mention ingestion: N mentions stored through the listening job's insert path
 * (each matched locally against the organisation's compiled queries, then
 * `ListeningRepository.ingest`: INSERT … ON CONFLICT DO NOTHING on
 * (organization_id, source, external_id), the ids of rows already there, the
 * matches) against a raw batched `unnest` INSERT of the same rows, in the same
 * run, through the same unit of work (tenant set, row-level security on). Then
 * the same batch again through the insert path: it must add 0 rows.
 *
 *   node -r @swc-node/register test/bench/mention-ingest.bench.ts
 *   BENCH_MENTIONS=50000 BENCH_BATCH=200 BENCH_QUERIES=50 node -r @swc-node/register test/bench/mention-ingest.bench.ts
 *
 * Creates its own database and drops it at the end. Prints figures; asserts only that the re-ingest adds nothing.
 */
import './production-env';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { Pool } from 'pg';
import { compileListeningQuery, ListeningRepository, MentionRow, prepareMention } from '@socle/community';
import { loadConfig } from '@socle/platform-config';
import { UnitOfWorkFactory } from '@socle/platform-database';
import { adminUrl, databaseUrl, dropTestDatabase } from '@socle/testing';
import { createWorker } from '@socle/worker';

const ROOT = path.resolve(__dirname, '../..');
const N = Number(process.env.BENCH_MENTIONS ?? 20_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 200);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 20);

function databaseCli(args: string[], env: Record<string, string>): void {
  execFileSync(process.execPath, ['-r', '@swc-node/register', path.resolve(ROOT, 'apps/api/src/cli/database.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

const WORDS = [
  'vélo',
  'croissant',
  'boulangerie',
  'paris',
  'lyon',
  'pain',
  'café',
  'service',
  'livraison',
  'prix',
  'qualité',
  'équipe',
  'merci',
  'retard',
  'bravo',
];

function mentionText(i: number): string {
  const pick = (k: number) => WORDS[(i * 7 + k * 13) % WORDS.length];
  return `Message ${i} : ${pick(1)} et ${pick(2)}, l'avis sur ${pick(3)} #${pick(4)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')} 🙂`;
}

async function main(): Promise<void> {
  const suffix = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const database = `socle_test_${suffix}`;
  const cleanups: (() => Promise<unknown> | void)[] = [];
  try {
    cleanups.push(() => dropTestDatabase(database));
    databaseCli(['provision', database], { SOCLE_PG_ADMIN_URL: adminUrl() });
    databaseCli(['migrate'], { DATABASE_OWNER_URL: databaseUrl('socle_owner', database) });
    const admin = new Pool({ connectionString: databaseUrl(new URL(adminUrl()).username || 'postgres', database), max: 2 });
    cleanups.push(() => admin.end());
    const [agency] = (await admin.query<{ id: string }>(`INSERT INTO agencies (name) VALUES ('Agence bench') RETURNING id`)).rows;
    const orgs = (
      await admin.query<{ id: string }>(
        `INSERT INTO organizations (agency_id, name) SELECT $1, 'Client ' || g FROM generate_series(1, 3) g RETURNING id`,
        [agency.id],
      )
    ).rows.map((r) => r.id);
    const [insertOrg, rawOrg, rawMatchOrg] = orgs;
    const queryTexts = Array.from({ length: QUERIES }, (_, k) => {
      const a = WORDS[k % WORDS.length];
      const b = WORDS[(k * 5 + 3) % WORDS.length];
      return k % 3 === 0 ? `${a} AND ${b}` : k % 3 === 1 ? `"${a} et" OR ${b.slice(0, 3)}*` : `${a} -${b}`;
    });
    const createQueries = async (organizationId: string) =>
      (
        await admin.query<{ id: string }>(
          `INSERT INTO listening_queries (organization_id, kind, name, query) SELECT $1, 'TOPIC', 'Q' || n, q FROM unnest($2::text[]) WITH ORDINALITY AS t(q, n) RETURNING id`,
          [organizationId, queryTexts],
        )
      ).rows.map((r) => r.id);
    const queryIds = await createQueries(insertOrg);
    const rawQueryIds = await createQueries(rawMatchOrg);

    const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    const config = loadConfig({
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl('socle_app', database),
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: `bench-${suffix.replace(/_/g, '-')}`,
      JWT_SECRET: `bench-jwt-secret-${randomBytes(24).toString('hex')}`,
      API_KEY_PEPPER: `bench-api-key-pepper-${randomBytes(24).toString('hex')}`,
      ENCRYPTION_KEYS: process.env.ENCRYPTION_KEYS ?? `bench:${randomBytes(32).toString('base64')}`,
      LOG_LEVEL: 'warn',
    });
    const worker = await createWorker(config, { reconcileEveryMs: 3600_000 });
    cleanups.push(() => worker.close());
    const units = worker.context.get(UnitOfWorkFactory, { strict: false });
    const repository = worker.context.get(ListeningRepository, { strict: false });
    const compiled = queryTexts.map((text, k) => ({ id: queryIds[k], query: compileListeningQuery(text) }));

    const base = Date.now() - N * 1000;
    const mentions = Array.from({ length: N }, (_, i) => ({
      externalId: `ext-${i}`,
      authorHandle: `fan${i % 500}@example.social`,
      text: mentionText(i),
      url: `https://example.social/@fan/${i}`,
      publishedAt: new Date(base + i * 1000),
      language: i % 4 === 0 ? 'en' : 'fr',
    }));

    // The insert path: match each mention against every query (one preparation, many matches), then ingest the batch.
    const ingestAll = async (): Promise<{ ms: number; added: number; matched: number; matchMs: number; stored: number }> => {
      const started = performance.now();
      let matchMs = 0;
      let added = 0;
      let matched = 0;
      let stored = 0;
      for (let from = 0; from < N; from += BATCH) {
        const m0 = performance.now();
        const rows: MentionRow[] = [];
        for (const m of mentions.slice(from, from + BATCH)) {
          const prepared = prepareMention({ text: m.text, language: m.language, authorHandle: m.authorHandle, source: 'mastodon' });
          const ids = compiled.filter((q) => q.query.matchesPrepared(prepared)).map((q) => q.id);
          if (ids.length === 0) continue;
          rows.push({
            source: 'mastodon',
            externalId: m.externalId,
            accountId: null,
            authorHandle: m.authorHandle,
            authorName: null,
            authorReach: null,
            text: m.text,
            url: m.url,
            publishedAt: m.publishedAt,
            publishedAtEstimated: false,
            language: m.language,
            sentimentScore: null,
            sentimentLabel: null,
            reach: null,
            queryIds: ids,
          });
        }
        matchMs += performance.now() - m0;
        stored += rows.length;
        const result = await units.runInOrganization(insertOrg, (uow) =>
          repository.ingest({ uow, organizationId: uow.organizationId, actor: { type: 'SYSTEM', id: null } }, rows),
        );
        added += result.added;
        matched += result.matched;
      }
      return { ms: performance.now() - started, added, matched, matchMs, stored };
    };

    // The baseline: the same rows (all of them: no matching), one plain batched INSERT … SELECT FROM unnest per batch, no dedupe, no matches.
    const rawAll = async (): Promise<number> => {
      const started = performance.now();
      for (let from = 0; from < N; from += BATCH) {
        const batch = mentions.slice(from, from + BATCH);
        await units.runInOrganization(rawOrg, (uow) =>
          uow.execute(
            `INSERT INTO mentions (organization_id, source, external_id, author_handle, text, url, published_at, language)
           SELECT $1, 'mastodon', * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::text[])`,
            [
              uow.organizationId,
              batch.map((m) => m.externalId),
              batch.map((m) => m.authorHandle),
              batch.map((m) => m.text),
              batch.map((m) => m.url),
              batch.map((m) => m.publishedAt),
              batch.map((m) => m.language),
            ],
          ),
        );
      }
      return performance.now() - started;
    };

    // A second baseline closer to the work done: the matched rows and their matches, each a plain unnest INSERT (ids from RETURNING), no dedupe.
    const matchesOf = mentions.map((m) => {
      const prepared = prepareMention({ text: m.text, language: m.language, authorHandle: m.authorHandle, source: 'mastodon' });
      return compiled.map((q, k) => (q.query.matchesPrepared(prepared) ? rawQueryIds[k] : null)).filter((id): id is string => id !== null);
    });
    const rawWithMatches = async (): Promise<number> => {
      const started = performance.now();
      for (let from = 0; from < N; from += BATCH) {
        const batch = mentions
          .slice(from, from + BATCH)
          .map((m, j) => ({ m, q: matchesOf[from + j] }))
          .filter((x) => x.q.length > 0);
        await units.runInOrganization(rawMatchOrg, async (uow) => {
          const ids = await uow.query<{ id: string }>(
            `INSERT INTO mentions (organization_id, source, external_id, author_handle, text, url, published_at, language)
             SELECT $1, 'mastodon', * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::text[]) RETURNING id`,
            [
              uow.organizationId,
              batch.map((x) => x.m.externalId),
              batch.map((x) => x.m.authorHandle),
              batch.map((x) => x.m.text),
              batch.map((x) => x.m.url),
              batch.map((x) => x.m.publishedAt),
              batch.map((x) => x.m.language),
            ],
          );
          const qs: string[] = [];
          const ms: string[] = [];
          const ts: Date[] = [];
          batch.forEach((x, j) =>
            x.q.forEach((q) => {
              qs.push(q);
              ms.push(ids[j].id);
              ts.push(x.m.publishedAt);
            }),
          );
          await uow.execute(
            'INSERT INTO mention_matches (organization_id, query_id, mention_id, published_at) SELECT $1, * FROM unnest($2::uuid[], $3::uuid[], $4::timestamptz[])',
            [uow.organizationId, qs, ms, ts],
          );
        });
      }
      return performance.now() - started;
    };

    const rawMs = await rawAll();
    const rawMatchMs = await rawWithMatches();
    const first = await ingestAll();
    const again = await ingestAll();
    const rate = (rows: number, ms: number) => Math.round((rows / ms) * 1000).toLocaleString('en');
    const counts = (
      await admin.query<{ organization_id: string; n: string }>(
        'SELECT organization_id, count(*) AS n FROM mentions GROUP BY organization_id',
      )
    ).rows;
    const storedRows = Number(counts.find((c) => c.organization_id === insertOrg)?.n ?? 0);
    const matchRows = Number(
      (await admin.query('SELECT count(*) AS n FROM mention_matches WHERE organization_id = $1', [insertOrg])).rows[0].n,
    );
    const lines = [
      `mention ingest: ${N.toLocaleString('en')} mentions, batches of ${BATCH}, ${QUERIES} queries (PostgreSQL ${(await admin.query('SHOW server_version')).rows[0].server_version})`,
      `  raw unnest INSERT (no dedupe, no matches):   ${rawMs.toFixed(0).padStart(7)} ms  ${rate(N, rawMs).padStart(8)} rows/s`,
      `  insert path (match + dedupe + matches):      ${first.ms.toFixed(0).padStart(7)} ms  ${rate(N, first.ms).padStart(8)} mentions/s in, ${first.stored.toLocaleString('en')} matched at least one query, ${first.added.toLocaleString('en')} rows added, ${first.matched.toLocaleString('en')} matches (local matching ${first.matchMs.toFixed(0)} ms)`,
      `  raw unnest INSERTs of the matched rows and their matches: ${rawMatchMs.toFixed(0).padStart(7)} ms  ${rate(N, rawMatchMs).padStart(8)} mentions/s in`,
      `  ratio insert path / raw:                     ${(rawMs / first.ms).toFixed(2)} of the raw throughput; ${(rawMatchMs / first.ms).toFixed(2)} of the raw throughput with matches`,
      `  re-ingest of the same batch:                 ${again.ms.toFixed(0).padStart(7)} ms  ${again.added} rows added, ${again.matched} matches added`,
      `  rows in the database: ${storedRows.toLocaleString('en')} mentions, ${matchRows.toLocaleString('en')} matches`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    if (again.added !== 0 || again.matched !== 0 || storedRows !== first.stored) {
      process.stderr.write('re-ingesting the same batch added rows\n');
      process.exitCode = 1;
    }
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
