import { Client } from 'pg';
import { APP_ROLE, OWNER_ROLE } from './roles';

export interface ProvisionOptions {
  /** A superuser (or CREATEROLE + CREATEDB) connection, to any database. */
  adminUrl: string;
  database: string;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * Creates the two roles if missing and the database if missing, owned by
 * socle_owner. Idempotent; never drops anything.
 */
export async function provisionDatabase({ adminUrl, database }: ProvisionOptions): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(database))
    throw new Error(`database name "${database}" must be lowercase letters, digits and underscores`);
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    // Roles are cluster-wide; creating them concurrently from two processes can race.
    await admin.query('SELECT pg_advisory_lock(74211)');
    const roles = await admin.query('SELECT rolname FROM pg_roles WHERE rolname = ANY($1)', [[OWNER_ROLE, APP_ROLE]]);
    const have = new Set(roles.rows.map((r) => r.rolname as string));
    if (!have.has(OWNER_ROLE)) await admin.query(`CREATE ROLE ${OWNER_ROLE} LOGIN NOSUPERUSER BYPASSRLS`);
    if (!have.has(APP_ROLE)) await admin.query(`CREATE ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE`);
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${database} OWNER ${OWNER_ROLE}`);
    await admin.query('SELECT pg_advisory_unlock(74211)');
  } finally {
    await admin.end();
  }
  const db = new Client({ connectionString: withDatabase(adminUrl, database) });
  await db.connect();
  try {
    await db.query(`REVOKE ALL ON SCHEMA public FROM PUBLIC`);
    await db.query(`ALTER SCHEMA public OWNER TO ${OWNER_ROLE}`);
    await db.query(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`);
    await db.query(`REVOKE CREATE ON SCHEMA public FROM ${APP_ROLE}`);
  } finally {
    await db.end();
  }
}

/** Drops a database this project created (used by tests for their own throw-away databases). */
export async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  if (!/^socle_test_[a-z0-9_]+$/.test(database)) throw new Error(`refusing to drop "${database}": not a test database of this project`);
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

export function databaseUrl(baseUrl: string, user: string, database: string): string {
  const u = new URL(baseUrl);
  u.username = user;
  u.password = '';
  u.pathname = `/${database}`;
  return u.toString();
}
