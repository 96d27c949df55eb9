/* Jest global setup: one throw-away database per test run, migrated, plus a Redis key prefix. */
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureTestDatabase } from './lib/test-database';

export default async function globalSetup(): Promise<void> {
  const suffix = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const env = await ensureTestDatabase(`socle_test_${suffix}`);
  // The tests' networks are servers on loopback: let requests reach them. Tests of the outbound
  // guard itself start their API with OUTBOUND_ALLOWED_RANGES empty (the guard fully on).
  Object.assign(process.env, env, {
    QUEUE_PREFIX: `t-${suffix.replace(/_/g, '-')}`,
    OUTBOUND_ALLOWED_RANGES: process.env.OUTBOUND_ALLOWED_RANGES || '127.0.0.0/8,::1/128',
  });
  // Uploaded media files of this run go to the OS temp directory (removed by the teardown), never into the checkout.
  process.env.SOCLE_TEST_MEDIA_DIR = join(tmpdir(), `socle-test-media-${suffix}`);
  process.env.MEDIA_STORAGE_DIR = process.env.SOCLE_TEST_MEDIA_DIR;
}
