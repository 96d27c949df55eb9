import { DataSource, EntitySchema, MigrationInterface } from 'typeorm';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type EntityClass = Function | EntitySchema;
export type MigrationClass = new () => MigrationInterface;

export interface DataSourceOptions {
  url: string;
  entities: EntityClass[];
  migrations?: MigrationClass[];
  poolSize?: number;
  applicationName?: string;
}

/**
 * One pool for all tenants: the tenant is set per transaction, never per
 * connection. Statement timeout keeps a runaway query from holding a connection.
 */
export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    migrations: options.migrations ?? [],
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    logging: false,
    poolSize: options.poolSize ?? 10,
    applicationName: options.applicationName ?? 'socle',
    extra: { statement_timeout: 15000, idle_in_transaction_session_timeout: 30000 },
  });
}

/** Applies pending migrations as the owner role; each in its own transaction. */
export async function runMigrations(url: string, migrations: MigrationClass[]): Promise<string[]> {
  const dataSource = createDataSource({ url, entities: [], migrations, poolSize: 1, applicationName: 'socle-migrate' });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
