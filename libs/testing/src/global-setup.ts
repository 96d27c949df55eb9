/* Jest global setup: one throw-away database per test run, migrated, plus a Redis key prefix. */
import { randomBytes } from 'node:crypto';
import { ensureTestDatabase } from './lib/test-database';

export default async function globalSetup(): Promise<void> {
  // Fresh secrets for every run: the processes refuse any value published in the
  // repository, in tests as anywhere else. Key "t1" is active and "t0" stays
  // readable, for the key rotation tests.
  const key = () => randomBytes(32).toString('base64');
  Object.assign(process.env, {
    JWT_SECRET: randomBytes(48).toString('base64url'),
    API_KEY_PEPPER: randomBytes(48).toString('base64url'),
    ENCRYPTION_KEYS: `t0:${key()},t1:${key()}`,
    ENCRYPTION_ACTIVE_KEY: 't1',
  });
  const suffix = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const env = await ensureTestDatabase(`socle_test_${suffix}`);
  // The tests' networks are servers on loopback: let requests reach them. Tests of the outbound
  // guard itself start their API with OUTBOUND_ALLOWED_RANGES empty (the guard fully on).
  Object.assign(process.env, env, { QUEUE_PREFIX: `t-${suffix.replace(/_/g, '-')}`, OUTBOUND_ALLOWED_RANGES: process.env.OUTBOUND_ALLOWED_RANGES || '127.0.0.0/8,::1/128' });
}
