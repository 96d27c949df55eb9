/**
 * Mention ingestion, as the listening job stores what a source returned: each
 * mention turned into a row and matched against the organisation's compiled
 * queries (`toMentionRow`, the job's own code), then the batch stored by
 * `ListeningRepository.ingest` (one statement: INSERT … ON CONFLICT DO NOTHING
 * on (organization_id, source, external_id), the ids of rows already there,
 * the matches) — against a raw batched `unnest` INSERT of the same mentions,
 * in the same run, through the same unit of work (tenant set, row-level
 * security on), in the worker's Nest context (its module and pool, no queue
 * consumers). Then the same batch again through the insert path: it must add
 * 0 rows and 0 matches.
 *
 * Both commit asynchronously, as the ingest path does (its rows can be
 * fetched again: see ListeningRepository.ingest).
 *
 * Batches are stored 4 at a time (BENCH_CONCURRENCY), each on its own
 * connection, as the worker runs 4 listening jobs of its queue at once; the
 * baselines the same way.
 *
 * The measures alternate in rounds (raw, ingest, … then the reverse order),
 * each into organisations of its own, so that neither side always meets the
 * bigger table or the busier moment of a shared machine; the summary gives
 * the medians. The job also enriches each mention (language, sentiment)
 * before matching: that figure is printed too, the requirement's figure being
 * "with dedupe and query matching".
 *
 *   node -r @swc-node/register test/bench/mention-ingest.bench.ts
 *   BENCH_MENTIONS=50000 BENCH_BATCH=200 BENCH_CONCURRENCY=4 BENCH_QUERIES=50 BENCH_ROUNDS=5 node -r @swc-node/register test/bench/mention-ingest.bench.ts
 *
 * Creates its own database and drops it at the end. Prints figures; fails only when a re-ingest adds something.
 */
import './production-env';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { Pool } from 'pg';
import type { Mention } from '@socle/connector-sdk';
import {
  compileListeningQuery,
  type Enrichment,
  ListeningMatcher,
  ListeningRepository,
  MentionEnricher,
  MentionRow,
  mentionText,
  normaliseLanguage,
  toMentionRow,
} from '@socle/community';
import { loadConfig } from '@socle/platform-config';
import { UnitOfWorkFactory } from '@socle/platform-database';
import { adminUrl, databaseUrl, dropTestDatabase } from '@socle/testing';
import { WorkerModule } from '@socle/worker';
import { processCpuMicros } from './proc-cpu';

const ROOT = path.resolve(__dirname, '../..');
const N = Number(process.env.BENCH_MENTIONS ?? 20_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 200);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Batches stored at once, each on its own connection: the worker runs 4 jobs of a queue at once. */
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);

/** Runs `fn` for every batch start below `count`, `CONCURRENCY` at a time, in order of start. */
async function forBatches(count: number, fn: (from: number) => Promise<void>): Promise<void> {
  let next = 0;
  const loop = async () => {
    while (next < count) {
      const from = next;
      next += BATCH;
      await fn(from);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, loop));
}

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

function textOf(i: number): string {
  const pick = (k: number) => WORDS[(i * 7 + k * 13) % WORDS.length];
  return `Message ${i} : ${pick(1)} et ${pick(2)}, l'avis sur ${pick(3)} #${pick(4)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')} 🙂`;
}

interface Measure {
  ms: number;
  /** CPU time of this process and of the database backends it used (see cpuNow). */
  cpuMs: number;
  /** Of which the database backends. */
  dbCpuMs: number;
  added: number;
  matched: number;
  stored: number;
  /** Time spent building rows (enrichment when asked, matching) outside PostgreSQL. */
  jsMs: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const rate = (rows: number, ms: number) => Math.round((rows / ms) * 1000);
const fmt = (n: number) => n.toLocaleString('en');

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
    /**
     * CPU time so far of this process and of the backends serving the application role in the bench's database, read
     * from /proc (PostgreSQL runs on this machine; USER_HZ 100). On a shared machine the wall-clock figures follow the
     * load of others; CPU time much less so: rows per CPU second tell what a quiet machine would do (fsync waits aside).
     */
    const cpuNow = async (): Promise<{ total: number; db: number }> => {
      const { user, system } = process.cpuUsage();
      const { rows } = await admin.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = $1 AND usename = 'socle_app'", [
        database,
      ]);
      let micros = 0;
      for (const { pid } of rows) {
        const used = processCpuMicros(pid);
        if (used === null) return { total: Number.NaN, db: Number.NaN }; // not on this machine, or not readable: no CPU figure
        micros += used;
      }
      return { total: (user + system + micros) / 1000, db: micros / 1000 };
    };
    const [agency] = (await admin.query<{ id: string }>(`INSERT INTO agencies (name) VALUES ('Agence bench') RETURNING id`)).rows;
    const newOrganization = async () =>
      (await admin.query<{ id: string }>(`INSERT INTO organizations (agency_id, name) VALUES ($1, 'Client') RETURNING id`, [agency.id]))
        .rows[0].id;
    const queryTexts = Array.from({ length: QUERIES }, (_, k) => {
      const a = WORDS[k % WORDS.length];
      const b = WORDS[(k * 5 + 3) % WORDS.length];
      return k % 3 === 0 ? `${a} AND ${b}` : k % 3 === 1 ? `"${a} et" OR ${b.slice(0, 3)}*` : `${a} -${b}`;
    });
    /** An organisation with the bench's queries, and its matchers as the job compiles them. */
    const organizationWithQueries = async (): Promise<{ org: string; matchers: ListeningMatcher[] }> => {
      const org = await newOrganization();
      const ids = (
        await admin.query<{ id: string }>(
          `INSERT INTO listening_queries (organization_id, kind, name, query) SELECT $1, 'TOPIC', 'Q' || n, q FROM unnest($2::text[]) WITH ORDINALITY AS t(q, n) ORDER BY n RETURNING id`,
          [org, queryTexts],
        )
      ).rows.map((r) => r.id);
      return {
        org,
        matchers: queryTexts.map((text, k) => ({ query: { id: ids[k], sources: [] }, compiled: compileListeningQuery(text) })),
      };
    };

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
    // The worker's module (its providers and its pool) without queue consumers or reconcilers: nothing else runs meanwhile.
    const context = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: ['error'] });
    cleanups.push(() => context.close());
    const units = context.get(UnitOfWorkFactory, { strict: false });
    const repository = context.get(ListeningRepository, { strict: false });
    const enricher = context.get(MentionEnricher, { strict: false });

    const base = Date.now() - N * 1000;
    const account = { id: null, network: 'mastodon' };
    /** What a connector returns (external ids unique per round: each round writes into its own organisations anyway). */
    const mentions: Mention[] = Array.from({ length: N }, (_, i) => ({
      externalId: `ext-${i}`,
      authorHandle: `fan${i % 500}@example.social`,
      text: mentionText({ text: textOf(i) } as Mention),
      url: `https://example.social/@fan/${i}`,
      publishedAt: new Date(base + i * 1000).toISOString(),
      language: i % 4 === 0 ? 'en' : 'fr',
    }));
    const networkOnly = (m: Mention): Enrichment => ({
      language: normaliseLanguage(m.language),
      sentimentScore: null,
      sentimentLabel: null,
    });

    /** The insert path: each mention made a row and matched (as the job does, enriched or not), then each batch ingested. */
    const ingestAll = async (org: string, matchers: ListeningMatcher[], enrich: boolean, count = N): Promise<Measure> => {
      const cpu0 = await cpuNow();
      const started = performance.now();
      const measure: Measure = { ms: 0, cpuMs: 0, dbCpuMs: 0, added: 0, matched: 0, stored: 0, jsMs: 0 };
      await forBatches(count, async (from) => {
        const j0 = performance.now();
        const rows: MentionRow[] = [];
        for (const m of mentions.slice(from, Math.min(count, from + BATCH))) {
          const text = mentionText(m);
          const enrichment = enrich ? await enricher.enrich(text, m.language) : networkOnly(m);
          const row = toMentionRow(m, text, enrichment, account, matchers);
          if (row) rows.push(row);
        }
        measure.jsMs += performance.now() - j0;
        measure.stored += rows.length;
        const result = await units.runInOrganization(org, (uow) =>
          repository.ingest({ uow, organizationId: uow.organizationId, actor: { type: 'SYSTEM', id: null } }, rows),
        );
        measure.added += result.added;
        measure.matched += result.matched;
      });
      measure.ms = performance.now() - started;
      const cpu1 = await cpuNow();
      measure.cpuMs = cpu1.total - cpu0.total;
      measure.dbCpuMs = cpu1.db - cpu0.db;
      return measure;
    };

    /** The baseline: the same mentions, one plain batched INSERT … SELECT FROM unnest per batch (same columns), no dedupe, no matches. */
    const rawAll = async (org: string, count = N): Promise<{ ms: number; cpuMs: number; dbCpuMs: number }> => {
      const cpu0 = await cpuNow();
      const started = performance.now();
      await forBatches(count, async (from) => {
        const batch = mentions.slice(from, Math.min(count, from + BATCH));
        await units.runInOrganization(org, async (uow) => {
          // The ingest path's commit mode (asynchronous: see ListeningRepository.ingest), so the two compare like for like.
          await uow.query("SELECT set_config('synchronous_commit', 'off', true)");
          return uow.execute(
            `INSERT INTO mentions (organization_id, source, external_id, author_handle, text, url, published_at, language)
             SELECT $1, 'mastodon', * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::text[])`,
            [
              uow.organizationId,
              batch.map((m) => m.externalId),
              batch.map((m) => m.authorHandle),
              batch.map((m) => m.text),
              batch.map((m) => m.url),
              batch.map((m) => new Date(m.publishedAt)),
              batch.map((m) => m.language),
            ],
          );
        });
      });
      const ms = performance.now() - started;
      const cpu1 = await cpuNow();
      return { ms, cpuMs: cpu1.total - cpu0.total, dbCpuMs: cpu1.db - cpu0.db };
    };

    /** A second baseline closer to the work done: the matched mentions and their matches, plain unnest INSERTs (ids from RETURNING), no dedupe. */
    const rawWithMatches = async (org: string, matchers: ListeningMatcher[]): Promise<number> => {
      const matchesOf = mentions.map((m) => toMentionRow(m, m.text, networkOnly(m), account, matchers)?.queryIds ?? []);
      const started = performance.now();
      await forBatches(N, async (from) => {
        const batch = mentions
          .slice(from, from + BATCH)
          .map((m, j) => ({ m, q: matchesOf[from + j] }))
          .filter((x) => x.q.length > 0);
        await units.runInOrganization(org, async (uow) => {
          await uow.query("SELECT set_config('synchronous_commit', 'off', true)");
          const ids = await uow.query<{ id: string }>(
            `INSERT INTO mentions (organization_id, source, external_id, author_handle, text, url, published_at, language)
             SELECT $1, 'mastodon', * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::text[]) RETURNING id`,
            [
              uow.organizationId,
              batch.map((x) => x.m.externalId),
              batch.map((x) => x.m.authorHandle),
              batch.map((x) => x.m.text),
              batch.map((x) => x.m.url),
              batch.map((x) => new Date(x.m.publishedAt)),
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
              ts.push(new Date(x.m.publishedAt));
            }),
          );
          await uow.execute(
            'INSERT INTO mention_matches (organization_id, query_id, mention_id, published_at) SELECT $1, * FROM unnest($2::uuid[], $3::uuid[], $4::timestamptz[])',
            [uow.organizationId, qs, ms, ts],
          );
        });
      });
      return performance.now() - started;
    };

    // Warm-up (statements prepared on the pool's connections, the matcher and the sentiment analyser loaded and compiled by V8).
    {
      const warm = await organizationWithQueries();
      await rawAll(await newOrganization(), Math.min(N, BATCH * 4));
      await ingestAll(warm.org, warm.matchers, true, Math.min(N, BATCH * 4));
    }

    const pg = (await admin.query('SHOW server_version')).rows[0].server_version as string;
    process.stdout.write(
      `mention ingest: ${fmt(N)} mentions, batches of ${BATCH}, ${CONCURRENCY} at once, ${QUERIES} queries, ${ROUNDS} rounds (PostgreSQL ${pg})\n`,
    );
    const rounds: {
      raw: { ms: number; cpuMs: number; dbCpuMs: number };
      ingest: Measure;
      again: Measure;
      rawMatches: number;
      enriched: Measure;
    }[] = [];
    let failed = false;
    for (let r = 0; r < ROUNDS; r++) {
      const rawOrg = await newOrganization();
      const ingestOrg = await organizationWithQueries();
      const rawMatchOrg = await organizationWithQueries();
      const enrichOrg = await organizationWithQueries();
      const steps: (() => Promise<void>)[] = [];
      const round = {} as (typeof rounds)[number];
      steps.push(async () => {
        round.raw = await rawAll(rawOrg);
      });
      steps.push(async () => {
        round.ingest = await ingestAll(ingestOrg.org, ingestOrg.matchers, false);
        round.again = await ingestAll(ingestOrg.org, ingestOrg.matchers, false);
      });
      steps.push(async () => {
        round.rawMatches = await rawWithMatches(rawMatchOrg.org, rawMatchOrg.matchers);
      });
      steps.push(async () => {
        round.enriched = await ingestAll(enrichOrg.org, enrichOrg.matchers, true);
      });
      for (const step of r % 2 === 0 ? steps : [...steps].reverse()) await step();
      rounds.push(round);
      const { raw, ingest, again, rawMatches, enriched } = round;
      const [{ n: storedRows }] = (
        await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM mentions WHERE organization_id = $1', [ingestOrg.org])
      ).rows;
      const [{ n: matchRows }] = (
        await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM mention_matches WHERE organization_id = $1', [ingestOrg.org])
      ).rows;
      const ok = again.added === 0 && again.matched === 0 && storedRows === ingest.stored && matchRows === ingest.matched;
      failed ||= !ok;
      process.stdout.write(
        [
          `round ${r + 1}:`,
          `  raw unnest INSERT of the mentions:            ${fmt(rate(N, raw.ms)).padStart(7)} rows/s (${raw.ms.toFixed(0)} ms; ${fmt(rate(N, raw.cpuMs))} rows per CPU second, database ${raw.dbCpuMs.toFixed(0)} of ${raw.cpuMs.toFixed(0)} CPU ms)`,
          `  ingest path (matching + dedupe + matches):    ${fmt(rate(N, ingest.ms)).padStart(7)} rows/s (${ingest.ms.toFixed(0)} ms, of which matching ${ingest.jsMs.toFixed(0)} ms; ${fmt(rate(N, ingest.cpuMs))} rows per CPU second, database ${ingest.dbCpuMs.toFixed(0)} of ${ingest.cpuMs.toFixed(0)} CPU ms) → ${(raw.ms / ingest.ms).toFixed(2)} of raw (CPU: ${(raw.cpuMs / ingest.cpuMs).toFixed(2)}); ${fmt(ingest.added)} mentions and ${fmt(ingest.matched)} matches added`,
          `  raw unnest INSERTs of mentions + matches:     ${fmt(rate(N, rawMatches)).padStart(7)} rows/s (${rawMatches.toFixed(0)} ms) → ingest path at ${(rawMatches / ingest.ms).toFixed(2)} of it`,
          `  ingest path with enrichment (as the job):     ${fmt(rate(N, enriched.ms)).padStart(7)} rows/s (${enriched.ms.toFixed(0)} ms, of which enrichment + matching ${enriched.jsMs.toFixed(0)} ms) → ${(raw.ms / enriched.ms).toFixed(2)} of raw (CPU: ${(raw.cpuMs / enriched.cpuMs).toFixed(2)})`,
          `  re-ingest of the same batch:                  ${again.added} mentions, ${again.matched} matches added (${again.ms.toFixed(0)} ms); stored ${fmt(storedRows)} mentions, ${fmt(matchRows)} matches${ok ? '' : '  ← WRONG'}`,
        ].join('\n') + '\n',
      );
    }
    const ingestRate = median(rounds.map((x) => rate(N, x.ingest.ms)));
    const rawRate = median(rounds.map((x) => rate(N, x.raw.ms)));
    const ratio = median(rounds.map((x) => x.raw.ms / x.ingest.ms));
    const cpuIngestRate = median(rounds.map((x) => rate(N, x.ingest.cpuMs)));
    const cpuRawRate = median(rounds.map((x) => rate(N, x.raw.cpuMs)));
    const cpuRatio = median(rounds.map((x) => x.raw.cpuMs / x.ingest.cpuMs));
    const enrichedRate = median(rounds.map((x) => rate(N, x.enriched.ms)));
    const enrichedRatio = median(rounds.map((x) => x.raw.ms / x.enriched.ms));
    const cpuEnrichedRate = median(rounds.map((x) => rate(N, x.enriched.cpuMs)));
    process.stdout.write(
      [
        `median of ${ROUNDS} rounds:`,
        `  ingest path ${fmt(ingestRate)} rows/s, raw unnest ${fmt(rawRate)} rows/s, ratio ${ratio.toFixed(2)} (target ≥ 20,000 rows/s and ≥ 0.50)`,
        `  per CPU second (this process and its backends): ingest path ${fmt(cpuIngestRate)}, raw unnest ${fmt(cpuRawRate)}, ratio ${cpuRatio.toFixed(2)}`,
        `  with enrichment ${fmt(enrichedRate)} rows/s, ratio ${enrichedRatio.toFixed(2)}; ${fmt(cpuEnrichedRate)} per CPU second`,
        `  re-ingest added ${rounds.reduce((n, x) => n + x.again.added, 0)} mentions and ${rounds.reduce((n, x) => n + x.again.matched, 0)} matches`,
      ].join('\n') + '\n',
    );
    if (failed) {
      process.stderr.write('a re-ingest of the same batch added rows, or the rows stored differ from the rows reported\n');
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
