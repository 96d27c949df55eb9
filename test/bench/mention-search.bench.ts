/**
 * Mention search over 1,000,000 mentions of one organisation among 100
 * organisations: the first page and deep keyset pages of typical searches (no
 * filter; sentiment and network; text with a frequent, a middling and a rare
 * word; a week of one query's mentions), each run many times through
 * `MentionSearchRepository.search` in a tenant unit of work as the application
 * role (row-level security on). Prints p50/p95/p99 per search and page, the
 * indexes each plan uses and whether they lead with organization_id; then the
 * facets, a year's weekly volume and share of voice, for information.
 *
 *   npm run bench:mention-search
 *   BENCH_MENTIONS=200000 BENCH_OTHERS=2000 BENCH_RUNS=100 npm run bench:mention-search
 *
 * Creates its own database (filled as the owner with generate_series, the
 * secondary indexes built after the fill) and drops it at the end. Asserts nothing.
 */
import './production-env';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { Pool } from 'pg';
import { MentionAnalyticsService, MentionSearchFilter, MentionSearchRepository, toSearchQuery } from '@socle/community';
import { loadConfig } from '@socle/platform-config';
import { UnitOfWorkFactory } from '@socle/platform-database';
import { adminUrl, databaseUrl, dropTestDatabase } from '@socle/testing';
import { createWorker } from '@socle/worker';
import { runBenchMain } from './bench-run';

const ROOT = path.resolve(__dirname, '../..');
/** The tenant context the repository takes (a unit of work in one organisation and who acts). */
type TenantCtx = Parameters<MentionSearchRepository['search']>[0];
const N = Number(process.env.BENCH_MENTIONS ?? 1_000_000);
const ORGANIZATIONS = 100;
/** Mentions of each of the 99 other organisations. */
const OTHERS = Number(process.env.BENCH_OTHERS ?? 5_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const PAGE = 20;
/** One mention every 30 s: 1,000,000 span about 347 days. */
const STEP_SECONDS = 30;
/** Words added to 1 % and to 0.02 % of the mentions: a middling and a rare search (a product name, say). */
const MIDDLING = 'kouign-amann';
const RARE = 'canelé-bordelais';

function databaseCli(args: string[], env: Record<string, string>): void {
  execFileSync(process.execPath, ['-r', '@swc-node/register', path.resolve(ROOT, 'apps/api/src/cli/database.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/**
 * Words of French and English posts; the first are picked far more often than the last (power 3 of a uniform draw),
 * so the word index holds frequent, middling and rare words as real text does.
 */
const WORDS = (
  'le la les de des et un une est pour pas avec très merci vélo boulangerie pain croissant service livraison prix qualité équipe ' +
  'the and is of to for with not very thanks bike bakery bread delivery price quality team love great late order shop ' +
  'paris lyon marseille bordeaux lille nantes toulouse rennes nice strasbourg matin soir week-end dimanche lundi commande ' +
  'retard bravo génial nul déçu parfait attente accueil caisse vendeur vendeuse baguette tradition chocolat amande beurre ' +
  'café thé sandwich quiche tarte flan éclair brioche viennoiserie fournil four farine levain seigle complet sarrasin ' +
  'coffee tea cake pastry butter almond flour oven sourdough rye wholemeal glutenfree vegan organic local fresh warm ' +
  'application site commande-en-ligne retrait drive click collect horaires fermé ouvert travaux parking vitrine terrasse ' +
  'zéro déchet emballage sachet carton recyclable vrac consigne bocal gourde tote compost invendus solidaire association ' +
  'mariage anniversaire pièce-montée macaron religieuse opéra fraisier millefeuille paris-brest saint-honoré chouquette'
).split(' ');

function fmtMs(ms: number): string {
  return ms < 10 ? ms.toFixed(2) : ms.toFixed(1);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main(): Promise<void> {
  const suffix = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const database = `socle_test_${suffix}`;
  const cleanups: (() => Promise<unknown> | void)[] = [];
  try {
    cleanups.push(() => dropTestDatabase(database));
    databaseCli(['provision', database], { SOCLE_PG_ADMIN_URL: adminUrl() });
    databaseCli(['migrate'], { DATABASE_OWNER_URL: databaseUrl('socle_owner', database) });
    const admin = new Pool({ connectionString: databaseUrl(new URL(adminUrl()).username || 'postgres', database), max: 1 });
    cleanups.push(() => admin.end());
    const sql = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) => (await admin.query(text, params)).rows as T[];

    // ---------------------------------------------------------------- fill
    const fillStarted = performance.now();
    const [agency] = await sql<{ id: string }>(`INSERT INTO agencies (name) VALUES ('Agence bench') RETURNING id`);
    const orgs = (
      await sql<{ id: string }>(
        `INSERT INTO organizations (agency_id, name, timezone) SELECT $1, 'Client ' || g, 'Europe/Paris' FROM generate_series(1, $2) g RETURNING id`,
        [agency.id, ORGANIZATIONS],
      )
    ).map((r) => r.id);
    const org = orgs[0];
    const competitors = (
      await sql<{ id: string }>(
        `INSERT INTO competitors (organization_id, name) VALUES ($1, 'Fournil Rival'), ($1, 'Pains et Cie') RETURNING id`,
        [org],
      )
    ).map((r) => r.id);
    const queries = (
      await sql<{ id: string; kind: string }>(
        `INSERT INTO listening_queries (organization_id, kind, competitor_id, name, query, active)
         VALUES ($1, 'BRAND', NULL, 'Marque', 'boulangerie', false), ($1, 'BRAND', NULL, 'Marque (en)', 'bakery', false),
                ($1, 'COMPETITOR', $2, 'Rival', 'rival', false), ($1, 'COMPETITOR', $3, 'Pains', 'pains', false),
                ($1, 'TOPIC', NULL, 'Vélo', 'vélo', false)
         RETURNING id, kind`,
        [org, competitors[0], competitors[1]],
      )
    ).map((r) => r.id);

    // Secondary indexes are dropped for the fill and built again afterwards (faster than maintaining them row by row).
    const indexes = await sql<{ name: string; def: string }>(
      `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
        WHERE x.indrelid IN ('mentions'::regclass, 'mention_matches'::regclass) AND NOT x.indisprimary AND NOT x.indisunique`,
    );
    for (const index of indexes) await sql(`DROP INDEX ${index.name}`);
    await sql(`SET maintenance_work_mem = '512MB'`);
    await sql(`SELECT setseed(0.42)`);
    const fill = async (organizationId: string, count: number, withMatches: boolean) => {
      await sql(
        `INSERT INTO mentions (organization_id, source, external_id, author_handle, text, published_at, language, sentiment_label, sentiment_score)
         SELECT $1, (ARRAY['mastodon','mastodon','bluesky','rss'])[1 + g % 4], 'ext-' || g, 'fan' || (g::bigint * 7919 % 50000) || '@example.social',
                (SELECT string_agg(($3::text[])[1 + floor(power(random(), 3) * cardinality($3::text[]))::int], ' ') FROM generate_series(1, 8 + g % 12) w WHERE w > 0 AND g > 0)
                  || CASE WHEN g % 100 = 3 THEN ' ${MIDDLING}' ELSE '' END || CASE WHEN g % 5000 = 7 THEN ' ${RARE}' ELSE '' END,
                now() - make_interval(secs => g * ${STEP_SECONDS}), (ARRAY['fr','fr','en',NULL])[1 + (g / 4) % 4],
                (ARRAY['POSITIVE','NEUTRAL','NEGATIVE',NULL,'NEUTRAL'])[1 + g % 5], (ARRAY[0.6,0,-0.5,NULL,0.1]::real[])[1 + g % 5]
           FROM generate_series(1, $2) g`,
        [organizationId, count, WORDS],
      );
      if (!withMatches) return;
      // 1 or 2 matches per mention: the topic query for every mention, a brand or competitor query for two thirds of them.
      await sql(
        `INSERT INTO mention_matches (organization_id, query_id, mention_id, published_at)
         SELECT m.organization_id, q.id, m.id, m.published_at FROM mentions m
           CROSS JOIN LATERAL (SELECT ($2::uuid[])[5] AS id
                               UNION ALL SELECT ($2::uuid[])[1 + abs(hashtext(m.external_id)::bigint) % 6] WHERE abs(hashtext(m.external_id)::bigint) % 6 < 4) q
          WHERE m.organization_id = $1`,
        [organizationId, queries],
      );
    };
    await fill(org, N, true);
    for (const other of orgs.slice(1)) await fill(other, OTHERS, false);
    for (const index of indexes) await sql(index.def);
    await sql('ANALYZE mentions');
    await sql('ANALYZE mention_matches');
    await sql('VACUUM (ANALYZE) mentions');
    const fillSeconds = (performance.now() - fillStarted) / 1000;
    const [{ total, matches }] = await sql<{ total: string; matches: string }>(
      'SELECT (SELECT count(*) FROM mentions) AS total, (SELECT count(*) FROM mention_matches) AS matches',
    );

    // ---------------------------------------------------------------- the application's side
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
    const repository = worker.context.get(MentionSearchRepository, { strict: false });
    const analytics = worker.context.get(MentionAnalyticsService, { strict: false });
    const inTenant = <T>(work: (ctx: TenantCtx) => Promise<T>) =>
      units.runInOrganization(org, (uow) => work({ uow, organizationId: uow.organizationId, actor: { type: 'SYSTEM', id: null } }));

    const words = await sql<{ word: string; ndoc: number }>(
      `SELECT word, ndoc FROM ts_stat($$SELECT search_vector FROM mentions WHERE organization_id = '${org}'$$) ORDER BY ndoc DESC`,
    );
    const share = (w: { ndoc: number }) => w.ndoc / N;
    const frequent = words[0];
    const now = Date.now();
    const span = N * STEP_SECONDS * 1000;
    const weekFrom = new Date(now - span / 2);
    const weekTo = new Date(weekFrom.getTime() + 7 * 86_400_000);

    const searches: { name: string; filter: MentionSearchFilter }[] = [
      { name: 'no filter', filter: {} },
      { name: 'sentiment NEGATIVE + source bluesky', filter: { sentiment: 'NEGATIVE', source: 'bluesky' } },
      { name: `text "${frequent.word}" (${(share(frequent) * 100).toFixed(1)} %)`, filter: { textQuery: toSearchQuery(frequent.word) } },
      { name: `text "${MIDDLING}" (1 %)`, filter: { textQuery: toSearchQuery(MIDDLING) } },
      { name: `text "${RARE}" (0.02 %)`, filter: { textQuery: toSearchQuery(RARE) } },
      { name: `text "${frequent.word} kouign*"`, filter: { textQuery: toSearchQuery(`${frequent.word} kouign*`) } },
      { name: 'a week + brand query', filter: { from: weekFrom, to: weekTo, queryId: queries[0] } },
    ];
    // Deep pages: keyset cursors half-way and 95 % of the way back through the search's time range (an id that sorts
    // after any, so the page starts right there).
    const deep = (filter: MentionSearchFilter, fraction: number): [string, string] => {
      const newest = filter.to?.getTime() ?? now;
      const oldest = filter.from?.getTime() ?? now - span;
      return [new Date(newest - (newest - oldest) * fraction).toISOString(), 'ffffffff-ffff-ffff-ffff-ffffffffffff'];
    };
    const pages: { name: string; fraction?: number }[] = [
      { name: 'first' },
      { name: 'deep 50%', fraction: 0.5 },
      { name: 'deep 95%', fraction: 0.95 },
    ];

    const explainInTenant = (filter: MentionSearchFilter, keyset: { size: number; after?: [string, string] }) =>
      inTenant(async (ctx) => {
        const statement = repository.searchStatement(ctx, keyset, filter);
        return (await ctx.uow.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${statement.sql}`, statement.params)).map((r) => r['QUERY PLAN']);
      });
    // A text search runs its statements inside socle_mention_search, as the owner (the window, then if need be the full
    // statement): EXPLAIN both the same way.
    const explainTextSearch = async (filter: MentionSearchFilter, keyset: { size: number; after?: [string, string] }) => {
      const flags = [
        filter.from,
        filter.to,
        filter.source,
        filter.sentiment,
        filter.language,
        filter.authorHandle,
        filter.queryId,
        keyset.after,
      ].map((value) => value !== undefined);
      const statements = await sql<{ statement: string }>(
        'SELECT socle_mention_search_statement(w, $1, $2, $3, $4, $5, $6, $7, $8) AS statement FROM unnest(ARRAY[true, false]) w',
        flags,
      );
      const literal = (value: unknown) =>
        value === undefined || value === null
          ? 'NULL'
          : `'${String(value instanceof Date ? value.toISOString() : value).replace(/'/g, "''")}'`;
      const values = [
        org,
        filter.textQuery,
        filter.from,
        filter.to,
        filter.source,
        filter.sentiment,
        filter.language,
        filter.authorHandle,
        filter.queryId,
        keyset.after?.[0],
        keyset.after?.[1],
        keyset.size + 1,
      ].map(literal);
      const plan: string[] = [];
      for (const { statement } of statements) {
        await sql(
          `PREPARE bench_search(uuid, tsquery, timestamptz, timestamptz, text, text, text, text, uuid, timestamptz, uuid, int) AS ${statement}`,
        );
        try {
          plan.push(
            ...(await sql<{ 'QUERY PLAN': string }>(`EXPLAIN EXECUTE bench_search(${values.join(', ')})`)).map((r) => r['QUERY PLAN']),
          );
        } finally {
          await sql('DEALLOCATE bench_search');
        }
      }
      return plan;
    };

    const leading = new Map(
      (
        await sql<{ name: string; first: string }>(
          `SELECT i.relname AS name, a.attname AS first FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
             JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = x.indkey[0]
            WHERE x.indrelid IN ('mentions'::regclass, 'mention_matches'::regclass)`,
        )
      ).map((r) => [r.name, r.first]),
    );

    const pg = (await sql<{ server_version: string }>('SHOW server_version'))[0].server_version;
    const out = (line: string) => process.stdout.write(`${line}\n`);
    out(
      `mention search: ${Number(total).toLocaleString('en')} mentions (${N.toLocaleString('en')} in the searched organisation, ${OTHERS.toLocaleString('en')} in each of ${ORGANIZATIONS - 1} others), ${Number(matches).toLocaleString('en')} matches; filled and indexed in ${fillSeconds.toFixed(0)} s; PostgreSQL ${pg}`,
    );
    out(
      `pages of ${PAGE}, ${RUNS} runs each (after 10 warm-up runs), one tenant transaction per run, as socle_app with row-level security on`,
    );
    out('');
    let worstP99 = 0;
    let allLead = true;
    for (const search of searches) {
      for (const page of pages) {
        const keyset = page.fraction === undefined ? { size: PAGE } : { size: PAGE, after: deep(search.filter, page.fraction) };
        const plan = search.filter.textQuery
          ? [...(await explainTextSearch(search.filter, keyset)), ...(await explainInTenant(search.filter, keyset))]
          : await explainInTenant(search.filter, keyset);
        const used = [
          ...new Set(
            plan.flatMap((line) =>
              [...line.matchAll(/(?:Index Scan|Index Only Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) (\w+)/g)].map((m) => m[1]),
            ),
          ),
        ];
        const leads = used.length > 0 && used.every((name) => leading.get(name) === 'organization_id');
        allLead &&= leads;
        let rows = 0;
        for (let i = 0; i < 10; i++) await inTenant((ctx) => repository.search(ctx, keyset, search.filter));
        const times: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const started = performance.now();
          rows = (await inTenant((ctx) => repository.search(ctx, keyset, search.filter))).length;
          times.push(performance.now() - started);
        }
        times.sort((a, b) => a - b);
        const p99 = percentile(times, 99);
        worstP99 = Math.max(worstP99, p99);
        out(
          `${`${search.name}, ${page.name} page`.padEnd(64)} p50 ${fmtMs(percentile(times, 50)).padStart(6)} ms  p95 ${fmtMs(percentile(times, 95)).padStart(6)} ms  p99 ${fmtMs(p99).padStart(6)} ms  rows ${String(rows).padStart(2)}  index ${used.join(' + ') || '(none: sequential scan)'}${leads ? ' (leads with organization_id)' : ' (DOES NOT lead with organization_id)'}`,
        );
      }
    }
    out('');
    out(
      `worst p99 of a search page: ${fmtMs(worstP99)} ms (target 50 ms); every plan on indexes leading with organization_id: ${allLead ? 'yes' : 'NO'}`,
    );

    // ---------------------------------------------------------------- analytics, for information
    out('');
    const timeIt = async (name: string, runs: number, work: () => Promise<unknown>) => {
      await work();
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        await work();
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      out(
        `${name.padEnd(64)} p50 ${fmtMs(percentile(times, 50)).padStart(6)} ms  p95 ${fmtMs(percentile(times, 95)).padStart(6)} ms  (${runs} runs)`,
      );
    };
    const monthFrom = new Date(now - 30 * 86_400_000);
    const yearFrom = new Date(now - 364 * 86_400_000);
    const to = new Date(now + 60_000);
    await timeIt('facets, last 30 days', 10, () => inTenant((ctx) => analytics.facets(ctx, { from: monthFrom, to })));
    await timeIt(`facets, last 30 days, text "${MIDDLING}"`, 10, () =>
      inTenant((ctx) => analytics.facets(ctx, { from: monthFrom, to, text: MIDDLING })),
    );
    await timeIt('facets, everything (1M mentions)', 3, () => inTenant((ctx) => analytics.facets(ctx, {})));
    await timeIt('volume by day, last 30 days', 10, () => inTenant((ctx) => analytics.volume(ctx, { from: monthFrom, to }, 'DAY')));
    await timeIt('volume by week, a year', 3, () => inTenant((ctx) => analytics.volume(ctx, { from: yearFrom, to }, 'WEEK')));
    await timeIt('share of voice, last 30 days, by week', 10, () =>
      inTenant((ctx) => analytics.shareOfVoice(ctx, { from: monthFrom, to, interval: 'WEEK' })),
    );
    await timeIt('share of voice, a year', 3, () => inTenant((ctx) => analytics.shareOfVoice(ctx, { from: yearFrom, to })));
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }
}

runBenchMain(main);
