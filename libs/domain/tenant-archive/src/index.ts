export {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  ArchiveManifest,
  ArchivedColumn,
  ArchivedMedia,
  ArchivedTable,
  PassphraseKdf,
  TableScope,
  TenantArchiveError,
} from './lib/archive-format';
export { exportOrganization, ExportOrganizationOptions } from './lib/export-organization';
export { importOrganization, ImportOrganizationOptions, ImportSummary, NO_PASSWORD } from './lib/import-organization';
export { DEFAULT_KDF, PassphraseSeal } from './lib/passphrase-seal';
export { currentSchemaVersion } from './lib/schema-version';
export {
  EXCLUDED_TABLES,
  NOT_SECRET_COLUMNS,
  SEALED_COLUMNS,
  SECRET_LIKE_COLUMN,
  TRIGGER_REFERENCES,
  columnsOf,
  exportedTablesInInsertOrder,
  organizationTables,
} from './lib/tenant-tables';
export { TenantArchiveHttpModule } from './lib/http/tenant-archive-http.module';
export { archiveFileName, PASSPHRASE_MIN_LENGTH } from './lib/http/organization-archive.controller';
