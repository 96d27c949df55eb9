import { Client } from 'pg';
import { MIGRATIONS } from '@socle/domain-catalog';
import { APP_ROLE, OWNER_ROLE, databaseUrl, dropDatabase, provisionDatabase, runMigrations } from '@socle/platform-database';

/** Superuser connection used only to create and drop this project's test databases. */
export function adminUrl(): string {
  return process.env.SOCLE_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

/** Drops test databases of earlier runs that died before their teardown (older than two hours). */
async function dropStaleTestDatabases(): Promise<void> {
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'socle\\_test\\_%'");
  await admin.end();
  const cutoff = Date.now() - 2 * 3600 * 1000;
  for (const { datname } of rows) {
    const stamp = parseInt(datname.split('_')[2] ?? '', 36);
    if (Number.isFinite(stamp) && stamp < cutoff) await dropDatabase(adminUrl(), datname).catch(() => undefined);
  }
}

export async function ensureTestDatabase(database: string): Promise<Record<string, string>> {
  await dropStaleTestDatabases();
  await provisionDatabase({ adminUrl: adminUrl(), database });
  const ownerUrl = databaseUrl(adminUrl(), OWNER_ROLE, database);
  await runMigrations(ownerUrl, MIGRATIONS);
  return {
    SOCLE_TEST_DATABASE: database,
    SOCLE_TEST_ADMIN_DATABASE_URL: databaseUrl(adminUrl(), new URL(adminUrl()).username || 'postgres', database),
    DATABASE_URL: databaseUrl(adminUrl(), APP_ROLE, database),
    DATABASE_OWNER_URL: ownerUrl,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    JWT_SECRET: process.env.JWT_SECRET ?? 'test-jwt-secret-that-is-long-enough-0123456789',
    API_KEY_PEPPER: process.env.API_KEY_PEPPER ?? 'test-api-key-pepper-that-is-long-enough-012345',
    SCRYPT_LOG_N: '12',
    LOG_LEVEL: 'silent',
  };
}
