export * from './lib/api-harness';
export { adminUrl, databaseUrl } from './lib/test-database';
