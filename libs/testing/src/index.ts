export * from './lib/api-harness';
export { adminUrl, databaseUrl, dropTestDatabase, ownTestDatabase } from './lib/test-database';
export { LocalRedisCluster, hashTagOf } from './lib/redis-cluster';
