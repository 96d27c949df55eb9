import { MIGRATIONS } from '@socle/domain-catalog';

/**
 * The name of the last migration this code applies (TypeORM applies them in the order of the timestamp that ends
 * their name, not in the catalog's list order): an archive imports only where the schema is the same.
 */
export function currentSchemaVersion(): string {
  const names = MIGRATIONS.map((migration) => (new migration().name ?? migration.name) as string);
  const timestamp = (name: string) => Number(/(\d{13})$/.exec(name)?.[1] ?? 0);
  return names.reduce((last, name) => (timestamp(name) > timestamp(last) ? name : last));
}
