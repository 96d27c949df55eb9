import type { UnitOfWork } from './unit-of-work';

/**
 * Tables that hold one organisation's rows, in an order safe for deleting
 * (children before parents), read from the catalog so new modules are purged
 * without being listed anywhere.
 */
export async function organizationTablesInDeleteOrder(uow: UnitOfWork): Promise<string[]> {
  const tables = await uow.query<{ table_name: string }>(
    `SELECT c.table_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = 'public' AND c.column_name = 'organization_id' AND t.table_type = 'BASE TABLE'`,
  );
  const deps = await uow.query<{ child: string; parent: string }>(
    `SELECT cl.relname AS child, pcl.relname AS parent
       FROM pg_constraint con
       JOIN pg_class cl ON cl.oid = con.conrelid
       JOIN pg_class pcl ON pcl.oid = con.confrelid
       JOIN pg_namespace n ON n.oid = cl.relnamespace
      WHERE con.contype = 'f' AND n.nspname = 'public' AND cl.relname <> pcl.relname`,
  );
  const names = new Set(tables.map((t) => t.table_name));
  const children = new Map<string, Set<string>>();
  for (const name of names) children.set(name, new Set());
  for (const { child, parent } of deps) {
    if (names.has(child) && names.has(parent)) children.get(parent)?.add(child);
  }
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (ordered.includes(name) || visiting.has(name)) return;
    visiting.add(name);
    for (const child of [...(children.get(name) ?? [])].sort()) visit(child);
    visiting.delete(name);
    ordered.push(name);
  };
  for (const name of [...names].sort()) visit(name);
  return ordered;
}
