export * from './lib/api-harness';
export { adminUrl, databaseUrl, dropTestDatabase } from './lib/test-database';
