import { organizationTablesInDeleteOrder, UnitOfWork } from '@socle/platform-database';
import type { ArchivedColumn } from './archive-format';

/**
 * Tables with an `organization_id` that the archive leaves out, each with why. Every other such table is exported
 * (read from the catalog): a new module's table travels without a change here, and a test fails when a table is
 * neither exported nor listed.
 */
export const EXCLUDED_TABLES: Readonly<Record<string, string>> = {
  network_account_choices:
    'sign-ins waiting (thirty minutes at most) for a member to pick the page to connect, sealed with the source keys: sign in again',
  oauth_states:
    'in-flight OAuth connections (minutes long, a PKCE verifier sealed with the source keys, a callback URL of the source instance): connect again',
  organization_invitations:
    'one-time invitation links, hashed with the source instance pepper and mailed from it: invite again on the target',
  mail_outbox: 'mails queued or sent by the source instance, whose links it signed: the target sends its own',
  webhook_events: "outgoing webhook outbox of the source agency's endpoints (agency rows, not moved): the target's endpoints start afresh",
  webhook_deliveries: "delivery log to the source agency's webhook endpoints (agency rows, not moved)",
  webhook_attempts: "attempts of deliveries to the source agency's webhook endpoints (agency rows, not moved)",
};

/**
 * Columns that hold a secret sealed with the instance's keys. The archive carries them sealed with the passphrase's
 * key instead; the import seals them again with the target's vault. `keyIdColumn` names the instance key that sealed
 * the value (meaningless on another instance: not exported, set again at import).
 */
export const SEALED_COLUMNS: readonly { table: string; column: string; keyIdColumn: string }[] = [
  { table: 'network_accounts', column: 'credentials_ciphertext', keyIdColumn: 'credentials_key_id' },
];

/** Names that say a column may hold a secret: each such column of an exported table is sealed or listed here with why not. */
export const SECRET_LIKE_COLUMN = /(cipher|secret|sealed|password|token|hash|verifier)/;
export const NOT_SECRET_COLUMNS: Readonly<Record<string, string>> = {};

/**
 * References the catalog's foreign keys do not show, held by triggers instead: `[parent, child]`, the parent's rows
 * must be inserted first (a variant's `media_ids` array, a match's mention and query).
 */
export const TRIGGER_REFERENCES: readonly [string, string][] = [
  ['media_assets', 'content_variants'],
  ['mentions', 'mention_matches'],
  ['listening_queries', 'mention_matches'],
];

/**
 * The organisation tables to export, parents before children (so the import inserts them in this order): the
 * catalog's foreign keys between them plus `TRIGGER_REFERENCES`, sorted depth first with names in alphabetical order
 * for a stable result.
 */
export async function exportedTablesInInsertOrder(uow: UnitOfWork): Promise<string[]> {
  const names = (await organizationTablesInDeleteOrder(uow)).filter((name) => !(name in EXCLUDED_TABLES));
  const keys = await uow.query<{ child: string; parent: string }>(
    `SELECT DISTINCT cl.relname AS child, p.relname AS parent
       FROM pg_constraint con
       JOIN pg_class cl ON cl.oid = con.conrelid
       JOIN pg_class p ON p.oid = con.confrelid
       JOIN pg_namespace n ON n.oid = cl.relnamespace
      WHERE con.contype = 'f' AND n.nspname = 'public' AND cl.relname <> p.relname`,
  );
  const parents = new Map<string, Set<string>>(names.map((name) => [name, new Set<string>()]));
  for (const { child, parent } of [...keys, ...TRIGGER_REFERENCES.map(([parent, child]) => ({ parent, child }))])
    if (parents.has(child) && parents.has(parent)) parents.get(child)?.add(parent);
  const order: string[] = [];
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (placed.has(name) || visiting.has(name)) return;
    visiting.add(name);
    for (const parent of [...(parents.get(name) ?? [])].sort()) visit(parent);
    visiting.delete(name);
    placed.add(name);
    order.push(name);
  };
  for (const name of [...names].sort()) visit(name);
  return ['organizations', ...order];
}

/** Every table that holds the organisation's rows, excluded ones included (for the completeness test). */
export async function organizationTables(uow: UnitOfWork): Promise<string[]> {
  return ['organizations', ...(await organizationTablesInDeleteOrder(uow))];
}

/** Stored columns of each table (generated ones are computed again on insert), in their order. */
export async function columnsOf(uow: UnitOfWork, tables: string[]): Promise<Map<string, ArchivedColumn[]>> {
  const rows = await uow.query<{ table: string; column: string; type: string }>(
    `SELECT c.relname AS "table", a.attname AS "column", format_type(a.atttypid, a.atttypmod) AS type
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relname = ANY($1) AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      ORDER BY c.relname, a.attnum`,
    [tables],
  );
  const columns = new Map<string, ArchivedColumn[]>(tables.map((table) => [table, []]));
  for (const row of rows) columns.get(row.table)?.push({ name: row.column, type: row.type });
  return columns;
}

export interface UserReference {
  column: string;
  /** A foreign key to `users`: a person the target cannot know is set to NULL (as deleting them would). */
  foreignKey: boolean;
}

/**
 * Columns that name a person (`users.id`): foreign keys to `users`, and uuid columns named like one without the
 * constraint (`started_by`, `actor_id`…). The export lists those people; the import maps them to the target's.
 */
export async function userReferenceColumns(uow: UnitOfWork, tables: string[]): Promise<Map<string, UserReference[]>> {
  const rows = await uow.query<{ table: string; column: string; fk: boolean }>(
    `SELECT cl.relname AS "table", a.attname AS "column", true AS fk
       FROM pg_constraint con
       JOIN pg_class cl ON cl.oid = con.conrelid
       JOIN pg_class p ON p.oid = con.confrelid
       JOIN pg_namespace n ON n.oid = cl.relnamespace
       JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = ANY (con.conkey)
      WHERE con.contype = 'f' AND n.nspname = 'public' AND p.relname = 'users' AND cl.relname = ANY($1)
     UNION ALL
     SELECT c.relname, a.attname, false
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relname = ANY($1) AND a.attnum > 0 AND NOT a.attisdropped
        AND a.atttypid = 'uuid'::regtype AND a.attname ~ '(_by|^user_id|_user_id|^actor_id)$'`,
    [tables],
  );
  const columns = new Map<string, UserReference[]>();
  for (const row of rows) {
    const list = columns.get(row.table) ?? [];
    const known = list.find((reference) => reference.column === row.column);
    if (known) known.foreignKey ||= row.fk;
    else list.push({ column: row.column, foreignKey: row.fk });
    columns.set(row.table, list);
  }
  return columns;
}

export function quoteIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected identifier ${JSON.stringify(name)}`);
  return `"${name}"`;
}

/** JSON types travel as JSON; every other value in PostgreSQL's own text form, read back by a cast to its type. */
export function isJsonType(type: string): boolean {
  return type === 'jsonb' || type === 'json';
}

export function selectList(columns: ArchivedColumn[]): string {
  return columns
    .map(({ name, type }) => (isJsonType(type) ? quoteIdentifier(name) : `${quoteIdentifier(name)}::text AS ${quoteIdentifier(name)}`))
    .join(', ');
}
