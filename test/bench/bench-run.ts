/**
 * What every benchmark with its own database does around its measurements: a run name, a database provisioned and
 * migrated with the same commands as the test set-up (without its sweep of other runs' databases: a run drops only its
 * own), its Redis keys, and clean-up steps run once, in reverse order, at the end or on SIGINT/SIGTERM.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import type { Pool } from 'pg';
import { createRedis, deleteKeys } from '@socle/platform-queue';
import { adminUrl, databaseUrl, dropTestDatabase } from '@socle/testing';

const ROOT = path.resolve(__dirname, '../..');

export interface BenchRun {
  /** `socle_test_<suffix>`, created by `provisionDatabase`. */
  database: string;
  /** A queue and rate-limit prefix of this run alone. */
  queuePrefix: string;
  redisUrl: string;
  /** Adds a clean-up step (run last added first). */
  onCleanUp(step: () => Promise<unknown> | void): void;
  /** Runs the clean-up steps once; a failing step is reported and the others still run. */
  cleanUp(): Promise<void>;
}

export function startBenchRun(): BenchRun {
  const suffix = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const steps: (() => Promise<unknown> | void)[] = [];
  let cleaned = false;
  const cleanUp = async () => {
    if (cleaned) return;
    cleaned = true;
    for (const step of steps.reverse())
      await Promise.resolve()
        .then(step)
        .catch((error: unknown) => process.stderr.write(`clean-up: ${String(error)}\n`));
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
  return {
    database: `socle_test_${suffix}`,
    queuePrefix: `bench-${suffix.replace(/_/g, '-')}`,
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    onCleanUp: (step) => void steps.push(step),
    cleanUp,
  };
}

function databaseCli(args: string[], env: Record<string, string>): void {
  execFileSync(process.execPath, ['-r', '@swc-node/register', path.resolve(ROOT, 'apps/api/src/cli/database.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** Creates the run's database with its roles' grants and applies the migrations; it is dropped at clean-up. Returns the owner's URL. */
export function provisionDatabase(run: BenchRun): string {
  run.onCleanUp(() => dropTestDatabase(run.database));
  const ownerUrl = databaseUrl('socle_owner', run.database);
  databaseCli(['provision', run.database], { SOCLE_PG_ADMIN_URL: adminUrl() });
  databaseCli(['migrate'], { DATABASE_OWNER_URL: ownerUrl });
  return ownerUrl;
}

/** Deletes the keys matching each pattern (SCAN, then UNLINK; on every master when REDIS_CLUSTER_NODES names a cluster). */
export async function deleteRedisKeys(url: string, patterns: string[]): Promise<void> {
  const redis = createRedis({ url, clusterNodes: process.env.REDIS_CLUSTER_NODES }, 'commands', {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
  });
  try {
    await deleteKeys(redis, patterns);
  } finally {
    redis.disconnect();
  }
}

/**
 * What an API started by a benchmark needs on the run's database, Redis prefix and fresh secrets, in production mode,
 * quiet logs and cheap password hashing (only the seeding signs up or logs in); `overrides` add or replace variables.
 */
export function benchApiEnv(run: BenchRun, ownerUrl: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl('socle_app', run.database),
    DATABASE_OWNER_URL: ownerUrl,
    REDIS_URL: run.redisUrl,
    QUEUE_PREFIX: run.queuePrefix,
    JWT_SECRET: `bench-jwt-secret-${randomBytes(24).toString('hex')}`,
    API_KEY_PEPPER: `bench-api-key-pepper-${randomBytes(24).toString('hex')}`,
    ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`,
    SCRYPT_LOG_N: '10',
    LOG_LEVEL: 'warn',
    ...overrides,
  };
}

/** Runs a benchmark's `main` and exits: 0 when it finished, 1 with its error's stack on stderr when it failed. */
export function runBenchMain(main: () => Promise<void>, name?: string): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      const what = error instanceof Error ? (error.stack ?? error.message) : String(error);
      process.stderr.write(`${name ? `${name} benchmark failed: ` : ''}${what}\n`);
      process.exit(1);
    },
  );
}

/**
 * `count` SCHEDULED publications due at `dueAt`, dealt over `orgs` (each with its account, same index), one item and one
 * variant each, written as the database owner in one statement; returns each publication's id and organisation.
 */
export async function seedDuePublications(
  admin: Pool,
  orgs: readonly string[],
  accounts: readonly string[],
  count: number,
  dueAt: Date,
): Promise<{ organization_id: string; id: string }[]> {
  const { rows } = await admin.query<{ organization_id: string; id: string }>(
    `WITH input AS MATERIALIZED (
       SELECT ($1::uuid[])[1 + (g % $3)] AS org, ($2::uuid[])[1 + (g % $3)] AS account, g,
              gen_random_uuid() AS item_id, gen_random_uuid() AS variant_id, gen_random_uuid() AS publication_id
         FROM generate_series(0, $4 - 1) g),
     items AS (INSERT INTO content_items (organization_id, id, title, status) SELECT org, item_id, 'Publication ' || g, 'SCHEDULED' FROM input),
     variants AS (INSERT INTO content_variants (organization_id, id, item_id, network_account_id, network, text)
                  SELECT org, variant_id, item_id, account, 'mastodon', 'Benchmark post ' || g || ': bonjour https://socle.example/p/' || g FROM input),
     publications AS (INSERT INTO publications (organization_id, id, item_id, variant_id, network_account_id, network, due_at, next_attempt_at, status, idempotency_key)
                      SELECT org, publication_id, item_id, variant_id, account, 'mastodon', $5, $5, 'SCHEDULED',
                             'socle-' || left(replace(org::text, '-', ''), 12) || '-' || publication_id FROM input)
     SELECT org AS organization_id, publication_id AS id FROM input`,
    [orgs, accounts, orgs.length, count, dueAt],
  );
  return rows;
}
