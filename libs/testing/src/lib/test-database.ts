import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { Client } from 'pg';

// Kept free of the application's modules: the global set-up runs in Jest's parent
// process, and loading NestJS there leaks its classes into in-band test runs.
const APP_ROLE = 'socle_app';
const OWNER_ROLE = 'socle_owner';
const ROOT = resolve(__dirname, '../../../..');

/** Superuser connection used only to create and drop this project's test databases. */
export function adminUrl(): string {
  return process.env.SOCLE_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function databaseUrl(user: string, database: string): string {
  const u = new URL(adminUrl());
  u.username = user;
  u.password = '';
  u.pathname = `/${database}`;
  return u.toString();
}

export async function dropTestDatabase(database: string): Promise<void> {
  if (!/^socle_test_[a-z0-9]+_[a-f0-9]+$/.test(database))
    throw new Error(`refusing to drop "${database}": not a test database of this project`);
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** Drops test databases of earlier runs that died before their teardown (named socle_test_<base36 time>_<hex>, older than two hours). */
async function dropStaleTestDatabases(): Promise<void> {
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  const { rows } = await admin.query<{ datname: string }>(
    "SELECT datname FROM pg_database WHERE datname ~ '^socle_test_[a-z0-9]+_[a-f0-9]+$'",
  );
  await admin.end();
  const cutoff = Date.now() - 2 * 3600 * 1000;
  for (const { datname } of rows) {
    const stamp = parseInt(datname.split('_')[2] ?? '', 36);
    if (Number.isFinite(stamp) && stamp > 1.6e12 && stamp < cutoff) await dropTestDatabase(datname).catch(() => undefined);
  }
}

function databaseCli(args: string[], env: Record<string, string>): void {
  execFileSync(process.execPath, ['-r', '@swc-node/register', resolve(ROOT, 'apps/api/src/cli/database.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/**
 * Fresh secrets for every test run: the processes refuse any value published in the
 * repository, in tests as anywhere else. Key "t1" is active and "t0" stays readable,
 * for the key rotation tests.
 */
function freshSecrets(): Record<string, string> {
  const key = () => randomBytes(32).toString('base64');
  return {
    JWT_SECRET: randomBytes(48).toString('base64url'),
    API_KEY_PEPPER: randomBytes(48).toString('base64url'),
    ENCRYPTION_KEYS: `t0:${key()},t1:${key()}`,
    ENCRYPTION_ACTIVE_KEY: 't1',
  };
}

/** Creates and migrates a throw-away database with the same command the start script uses. */
export async function ensureTestDatabase(database: string): Promise<Record<string, string>> {
  await dropStaleTestDatabases();
  const ownerUrl = databaseUrl(OWNER_ROLE, database);
  databaseCli(['provision', database], { SOCLE_PG_ADMIN_URL: adminUrl() });
  databaseCli(['migrate'], { DATABASE_OWNER_URL: ownerUrl });
  return {
    SOCLE_TEST_DATABASE: database,
    SOCLE_TEST_ADMIN_DATABASE_URL: databaseUrl(new URL(adminUrl()).username || 'postgres', database),
    DATABASE_URL: databaseUrl(APP_ROLE, database),
    DATABASE_OWNER_URL: ownerUrl,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    ...freshSecrets(),
    SCRYPT_LOG_N: '12',
    LOG_LEVEL: 'silent',
  };
}

/**
 * A database of a suite's own, provisioned and migrated as the run's is (named like the run's, so a run that dies leaves
 * it to the next run's clean-up). For suites whose work spans every tenant of a database: the workers other suites start
 * on the run's shared database act on every organisation in it (publishing sweeps, monthly mails), and would act on
 * these suites' organisations too. Drop it with `dropTestDatabase(name)`.
 */
export function ownTestDatabase(): { name: string; env: Record<string, string>; adminUrl: string } {
  const name = `socle_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  databaseCli(['provision', name], { SOCLE_PG_ADMIN_URL: adminUrl() });
  const ownerUrl = databaseUrl(OWNER_ROLE, name);
  databaseCli(['migrate'], { DATABASE_OWNER_URL: ownerUrl });
  return {
    name,
    env: { DATABASE_URL: databaseUrl(APP_ROLE, name), DATABASE_OWNER_URL: ownerUrl },
    adminUrl: databaseUrl(new URL(adminUrl()).username || 'postgres', name),
  };
}
