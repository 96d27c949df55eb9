export { TenantScope, isUuid, uuidLiteral, setScopeSql, TENANT_SETTINGS } from './lib/tenant-scope';
export {
  UnitOfWork,
  OrganizationUnitOfWork,
  ProvenOrganizationId,
  inUnitOfWork,
  inOrganizationUnitOfWork,
  statementCounter,
  releaseParkedConnections,
  setReadOnlyParking,
} from './lib/unit-of-work';
export { OWNER_ROLE, APP_ROLE } from './lib/roles';
export { provisionDatabase, dropDatabase, databaseUrl } from './lib/provision';
export { createDataSource, runMigrations, EntityClass, MigrationClass, DataSourceOptions } from './lib/data-source';
export { organizationTablesInDeleteOrder } from './lib/tenant-tables';
export { likeContains } from './lib/like';
export { DatabaseModule, DATA_SOURCE } from './lib/database.module';
export { UnitOfWorkFactory } from './lib/unit-of-work-factory';
export type { ModulePart } from './lib/module-part';
export { isConcurrentWriteConflict, uniqueConstraintOf } from './lib/write-conflict';
