/* Jest global setup: one throw-away database per test run, migrated, plus a Redis key prefix. */
import { randomBytes } from 'node:crypto';
import { ensureTestDatabase } from './lib/test-database';

export default async function globalSetup(): Promise<void> {
  const suffix = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const env = await ensureTestDatabase(`socle_test_${suffix}`);
  Object.assign(process.env, env, { QUEUE_PREFIX: `t-${suffix.replace(/_/g, '-')}` });
}
