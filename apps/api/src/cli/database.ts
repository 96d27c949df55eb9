/**
 * Database set-up from the command line, used by the start script and the test
 * set-up: `provision <database>` creates the roles and the database if missing
 * (needs a superuser URL in SOCLE_PG_ADMIN_URL), `migrate` applies pending
 * migrations as the owner role (DATABASE_OWNER_URL). Both are idempotent.
 */
import { MIGRATIONS } from '@socle/domain-catalog';
import { provisionDatabase, runMigrations } from '@socle/platform-database';

async function main(): Promise<void> {
  const [command, database] = process.argv.slice(2);
  if (command === 'provision') {
    const adminUrl = process.env.SOCLE_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    if (!database) throw new Error('usage: database provision <database name>');
    await provisionDatabase({ adminUrl, database });
    process.stdout.write(`database ${database} ready\n`);
  } else if (command === 'migrate') {
    const url = process.env.DATABASE_OWNER_URL;
    if (!url) throw new Error('DATABASE_OWNER_URL is required (the owner role, e.g. postgres://socle_owner@127.0.0.1:5432/socle)');
    const applied = await runMigrations(url, MIGRATIONS);
    process.stdout.write(applied.length ? `applied ${applied.join(', ')}\n` : 'schema up to date\n');
  } else {
    throw new Error('usage: database provision <name> | database migrate');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`database: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
