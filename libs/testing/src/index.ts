export * from './lib/api-harness';
export { adminUrl } from './lib/test-database';
