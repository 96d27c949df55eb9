/**
 * Mention authors ranked by influence over 100,000 mentions of one
 * organisation (5,000 authors, a few very active, most seen once or twice)
 * among 20 organisations: `MentionAuthorRepository.rank` for the first page,
 * a deep keyset page and a handle prefix, over 90 days and over the whole
 * range, run as the application role with the tenant set (row-level security
 * on). Prints each plan (EXPLAIN ANALYZE, BUFFERS) and p50/p95 per ranking.
 *
 *   node -r @swc-node/register test/bench/mention-authors.bench.ts
 *   BENCH_MENTIONS=300000 BENCH_AUTHORS=20000 node -r @swc-node/register test/bench/mention-authors.bench.ts
 *
 * Creates its own database (filled as the owner with generate_series) and drops it at the end. Asserts nothing.
 */
import './production-env';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { Pool, PoolClient } from 'pg';
import { adminUrl, databaseUrl, dropTestDatabase } from '@socle/testing';
import { AuthorRankFilter, AuthorRankKey, MentionAuthorRepository } from '@socle/community';

const ROOT = path.resolve(__dirname, '../..');
type TenantCtx = Parameters<MentionAuthorRepository['rank']>[0];
const N = Number(process.env.BENCH_MENTIONS ?? 100_000);
const AUTHORS = Number(process.env.BENCH_AUTHORS ?? 5_000);
const OTHERS = Number(process.env.BENCH_OTHERS ?? 5_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const DAY = 86_400_000;

function databaseCli(args: string[], env: Record<string, string>): void {
  execFileSync(process.execPath, ['-r', '@swc-node/register', path.resolve(ROOT, 'apps/api/src/cli/database.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/**
 * A tenant context over one connection of the application role, the tenant set for its transaction. With `plan`,
 * the statement is EXPLAINed instead (ANALYZE, BUFFERS) and its plan lines collected there.
 */
function tenantCtx(client: PoolClient, organizationId: string, plan?: string[]): TenantCtx {
  const uow = {
    organizationId,
    query: async (sql: string, params: unknown[]) => {
      if (!plan) return (await client.query(sql, params)).rows;
      const rows = (await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params)).rows;
      plan.push(...rows.map((r) => r['QUERY PLAN']));
      return [];
    },
  };
  return { uow, organizationId, actor: { type: 'SYSTEM', id: null } } as unknown as TenantCtx;
}

async function main(): Promise<void> {
  const database = `socle_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const cleanups: (() => Promise<unknown> | void)[] = [];
  try {
    cleanups.push(() => dropTestDatabase(database));
    databaseCli(['provision', database], { SOCLE_PG_ADMIN_URL: adminUrl() });
    databaseCli(['migrate'], { DATABASE_OWNER_URL: databaseUrl('socle_owner', database) });
    const admin = new Pool({ connectionString: databaseUrl(new URL(adminUrl()).username || 'postgres', database), max: 1 });
    cleanups.push(() => admin.end());
    const sql = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) => (await admin.query(text, params)).rows as T[];

    const [agency] = await sql<{ id: string }>(`INSERT INTO agencies (name) VALUES ('Agence bench') RETURNING id`);
    const orgs = (
      await sql<{ id: string }>(
        `INSERT INTO organizations (agency_id, name, timezone) SELECT $1, 'Client ' || g, 'Europe/Paris' FROM generate_series(1, 20) g RETURNING id`,
        [agency.id],
      )
    ).map((r) => r.id);
    const org = orgs[0];
    // Author of mention g: power 3 of a uniform draw, so author 1 writes far more than author 5,000. A year of mentions.
    const fill = (organizationId: string, count: number) =>
      sql(
        `INSERT INTO mentions (organization_id, source, external_id, author_handle, author_name, author_reach, text, published_at,
                               sentiment_score, sentiment_label)
         SELECT $1, (ARRAY['mastodon', 'bluesky', 'rss'])[1 + a % 3], 'x' || g, 'author' || a, 'Author ' || a,
                CASE WHEN a % 7 = 0 THEN NULL ELSE (1000000 / a) END, 'texte', now() - (g * (365.0 * 86400 / $2)) * interval '1 second',
                s, CASE WHEN s > 0.2 THEN 'POSITIVE' WHEN s < -0.2 THEN 'NEGATIVE' ELSE 'NEUTRAL' END
           FROM generate_series(1, $2) g,
                LATERAL (SELECT 1 + floor(power(random(), 3) * $3)::int + 0 * g AS a, round((random() * 2 - 1)::numeric, 2)::real + 0 * g AS s) x`,
        [organizationId, count, AUTHORS],
      );
    const started = performance.now();
    await fill(org, N);
    for (const other of orgs.slice(1)) await fill(other, OTHERS);
    await sql(
      `INSERT INTO mention_author_profiles (organization_id, source, handle_key, tags)
               SELECT $1, (ARRAY['mastodon', 'bluesky', 'rss'])[1 + a % 3], 'author' || a, '{INFLUENCER}' FROM generate_series(1, 200) a`,
      [org],
    );
    await sql('ANALYZE');
    console.log(
      `filled ${N} mentions (+${OTHERS} in each of ${orgs.length - 1} others) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    const app = new Pool({ connectionString: databaseUrl('socle_app', database), max: 1 });
    cleanups.push(() => app.end());
    const client = await app.connect();
    cleanups.push(() => client.release());
    await client.query('BEGIN');
    await client.query(`SELECT set_config('socle.organization_id', $1, true)`, [org]);
    const repository = new MentionAuthorRepository();
    const now = Date.now();
    const last90: AuthorRankFilter = { from: new Date(now - 90 * DAY), to: new Date(now) };
    const year: AuthorRankFilter = { from: new Date(now - 366 * DAY), to: new Date(now) };
    const deepKey = async (filter: AuthorRankFilter): Promise<AuthorRankKey> => {
      const rows = await repository.rank(tenantCtx(client, org), filter, undefined, 1000);
      const last = rows[Math.min(rows.length, 1000) - 1];
      return { score: last.score, source: last.source, handleKey: last.handleKey };
    };
    const cases: { name: string; filter: AuthorRankFilter; after?: AuthorRankKey }[] = [
      { name: '90 days, first page', filter: last90 },
      { name: '90 days, page after 1,000 authors', filter: last90, after: await deepKey(last90) },
      { name: '90 days, tag INFLUENCER', filter: { ...last90, tag: 'INFLUENCER' } },
      { name: '90 days, handle prefix "author12"', filter: { ...last90, handlePrefix: 'author12' } },
      { name: 'a year, first page', filter: year },
      { name: 'a year, leaning NEGATIVE, bluesky', filter: { ...year, leaning: 'NEGATIVE', source: 'bluesky' } },
    ];
    for (const c of cases) {
      const plan: string[] = [];
      await repository.rank(tenantCtx(client, org, plan), c.filter, c.after, 21);
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        await repository.rank(tenantCtx(client, org), c.filter, c.after, 21);
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      const p = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)].toFixed(1);
      console.log(`\n== ${c.name}: p50 ${p(0.5)} ms, p95 ${p(0.95)} ms (${RUNS} runs)`);
      console.log(plan.join('\n'));
    }
    await client.query('ROLLBACK');
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
