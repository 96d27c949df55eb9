import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { Client } from 'pg';
import { CheckNetworkAccountScheduler } from '@socle/community';
import { loadConfig } from '@socle/platform-config';
import { SecretBox } from '@socle/platform-crypto';
import { createLogger } from '@socle/platform-observability';
import { bullPrefix, createRedis, RedisClient, redisTargetOf, scanKeys } from '@socle/platform-queue';
import { createOrganization, signUpAgency, TestApi, AgencySession } from '@socle/testing';
import { createWorker, RunningWorker } from '@socle/worker';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the loopback Mastodon of the plugin's tests is the network these tests talk to
import { MastodonTestServer } from '../../plugins/mastodon/src/test/mastodon-test-server';

const CONNECT = 'mutation ($input: ConnectNetworkAccountInput!) { connectNetworkAccount(input: $input) { id status lastError } }';
const CHECK = 'mutation ($id: ID!) { checkNetworkAccount(input: { id: $id }) { id status lastError rateLimitedUntil } }';

/**
 * A canary secret pushed through every error path (bad token, invalid input, 500,
 * 401, 429, timeout, the worker's job and reconciler, key rotation) appears in no
 * log line, no Redis key or value, and no API answer.
 */
describe('network credentials never leak', () => {
  const canary = `canary-${randomBytes(12).toString('hex')}`;
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const answers: string[] = [];
  let api: TestApi;
  let worker: RunningWorker | undefined;
  let mastodon: MastodonTestServer;
  let redis: RedisClient;
  let admin: Client;
  let owner: AgencySession;
  let org: string;
  let accountId: string;

  const gql = async <T>(query: string, variables: Record<string, unknown>) => {
    const res = await api.gql<T>(query, variables, { token: owner.token, organizationId: org });
    answers.push(JSON.stringify(res.body));
    return res;
  };
  const check = async () =>
    (await gql<{ checkNetworkAccount: { status: string } }>(CHECK, { id: accountId })).body.data?.checkNetworkAccount.status;

  beforeAll(async () => {
    mastodon = await MastodonTestServer.start();
    api = await TestApi.start({ LOG_LEVEL: 'debug', CONNECTOR_TIMEOUT_MS: '500' }, { logger: createLogger('debug', sink) });
    owner = await signUpAgency(api, 'Agence Canari');
    org = await createOrganization(api, owner, 'Client Canari');
    redis = createRedis(redisTargetOf(process.env), 'commands');
    admin = new Client({ connectionString: process.env.SOCLE_TEST_ADMIN_DATABASE_URL });
    await admin.connect();
  });
  afterAll(async () => {
    await worker?.close();
    await api.stop();
    await mastodon.close();
    redis.disconnect();
    await admin.end();
  });

  it('drives every error path with a canary token', async () => {
    // The instance accepts a token carrying the canary (its token table is private to the test server).
    const valid = mastodon.createAccessToken('canary-owner');
    const tokens = (mastodon as unknown as { tokens: Map<string, { token: string }> }).tokens;
    const token = `${canary}-token`;
    tokens.set(token, { ...(tokens.get(valid) as { token: string }), token });

    // Refused at connect (401 from the instance), and invalid input around a secret.
    const bad = await gql(CONNECT, { input: { network: 'mastodon', serviceUrl: mastodon.baseUrl, accessToken: `${canary}-wrong` } });
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const invalid = await gql(CONNECT, {
      input: {
        network: 'mastodon',
        serviceUrl: `not a url ${canary}`,
        accessToken: canary,
        fields: [{ name: 'bad name!', value: canary }],
      },
    });
    expect(invalid.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const tooLong = await gql(CONNECT, { input: { network: 'mastodon', serviceUrl: mastodon.baseUrl, accessToken: canary.repeat(200) } });
    expect(tooLong.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // At connect, a 500 and a 429 from the instance.
    mastodon.inject({ type: 'status', status: 500, body: { error: `boom ${token}` } });
    expect(
      (await gql(CONNECT, { input: { network: 'mastodon', serviceUrl: mastodon.baseUrl, accessToken: token } })).body.errors?.[0]
        ?.extensions?.code,
    ).toBe('UPSTREAM_UNAVAILABLE');
    mastodon.inject({ type: 'rate-limited', retryAfterSeconds: 30 });
    expect(
      (await gql(CONNECT, { input: { network: 'mastodon', serviceUrl: mastodon.baseUrl, accessToken: token } })).body.errors?.[0]
        ?.extensions?.code,
    ).toBe('RATE_LIMITED');

    const ok = await gql<{ connectNetworkAccount: { id: string; status: string } }>(CONNECT, {
      input: { network: 'mastodon', serviceUrl: mastodon.baseUrl, accessToken: token },
    });
    expect(ok.body.data?.connectNetworkAccount.status).toBe('OK');
    accountId = ok.body.data?.connectNetworkAccount.id as string;

    mastodon.inject({ type: 'status', status: 500, body: { error: `Internal error for ${token}` } });
    expect(await check()).toBe('ERROR');
    mastodon.inject({ type: 'rate-limited', retryAfterSeconds: 60 });
    expect(await check()).toBe('RATE_LIMITED');
    mastodon.inject({ type: 'slow', delayMs: 1500 });
    expect(await check()).toBe('ERROR');
    mastodon.inject({ type: 'status', status: 401, body: { error: `The access token ${token} is invalid` } });
    expect(await check()).toBe('NEEDS_REAUTH');
    expect(await check()).toBe('OK');
  });

  it('the worker checks with ids only in Redis, re-encrypts under the active key, and fails without leaking', async () => {
    // Sealed under the older test key: the reconciler must pick it up and the job rotate it.
    const keys = process.env.ENCRYPTION_KEYS as string;
    const old = SecretBox.fromConfig(keys, 't0');
    const current = SecretBox.fromConfig(keys, process.env.ENCRYPTION_ACTIVE_KEY);
    const { rows } = await admin.query<{ credentials_ciphertext: string }>(
      'SELECT credentials_ciphertext FROM network_accounts WHERE id = $1',
      [accountId],
    );
    const plaintext = current.decrypt(rows[0].credentials_ciphertext, `${org}:${accountId}`);
    await admin.query(
      "UPDATE network_accounts SET credentials_ciphertext = $1, credentials_key_id = 't0', last_checked_at = now() - interval '1 day' WHERE id = $2",
      [old.encrypt(plaintext, `${org}:${accountId}`), accountId],
    );

    // A job enqueued by the API: its payload is the two ids, nothing else.
    await api.app.get(CheckNetworkAccountScheduler).schedule(org, accountId);
    const prefix = bullPrefix(api.config.QUEUE_PREFIX, 'community');
    const data = await redis.hget(`${prefix}:community:check-${org}-${accountId}`, 'data');
    expect(JSON.parse(data as string)).toEqual({ organizationId: org, accountId });

    mastodon.inject({ type: 'status', status: 503, body: { error: `unavailable ${plaintext}` } }, 2);
    worker = await createWorker(loadConfig({ ...process.env, QUEUE_PREFIX: api.config.QUEUE_PREFIX, CONNECTOR_TIMEOUT_MS: '500' }), {
      logger: createLogger('debug', sink),
      reconcileEveryMs: 60_000,
    });
    const deadline = Date.now() + 15_000;
    let row: { credentials_key_id: string; status: string; last_checked_at: Date } | undefined;
    while (Date.now() < deadline) {
      [row] = (
        await admin.query('SELECT credentials_key_id, status, last_checked_at FROM network_accounts WHERE id = $1', [accountId])
      ).rows;
      if (row && row.credentials_key_id === 't1' && row.last_checked_at.getTime() > Date.now() - 60_000) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(row?.credentials_key_id).toBe('t1');
    expect(row?.status).toBe('ERROR');
    const resealed = (
      await admin.query<{ credentials_ciphertext: string }>('SELECT credentials_ciphertext FROM network_accounts WHERE id = $1', [
        accountId,
      ])
    ).rows[0];
    expect(current.decrypt(resealed.credentials_ciphertext, `${org}:${accountId}`)).toBe(plaintext);
    // The job logs once its transaction has committed, a moment after the row changes.
    while (Date.now() < deadline && !lines.join('').includes(`checked network account ${accountId}`))
      await new Promise((r) => setTimeout(r, 50));
    expect(lines.join('')).toContain(`checked network account ${accountId}`);
  });

  it('finds the canary in no log line, no Redis key or value, and no API answer', async () => {
    expect(lines.length).toBeGreaterThan(10);
    expect(answers.length).toBeGreaterThanOrEqual(10);
    expect(lines.filter((l) => l.includes(canary))).toEqual([]);
    expect(answers.filter((a) => a.includes(canary))).toEqual([]);

    const keys: string[] = [];
    await scanKeys(redis, `*${api.config.QUEUE_PREFIX}*`, (batch) => void keys.push(...batch));
    expect(keys.some((k) => k.includes(':community:'))).toBe(true);
    const dump: string[] = [];
    for (const key of keys) {
      const type = await redis.type(key);
      if (type === 'string') dump.push(String(await redis.get(key)));
      else if (type === 'hash') dump.push(JSON.stringify(await redis.hgetall(key)));
      else if (type === 'list') dump.push(JSON.stringify(await redis.lrange(key, 0, -1)));
      else if (type === 'set') dump.push(JSON.stringify(await redis.smembers(key)));
      else if (type === 'zset') dump.push(JSON.stringify(await redis.zrange(key, 0, -1, 'WITHSCORES')));
      else if (type === 'stream') dump.push(JSON.stringify(await redis.xrange(key, '-', '+')));
      dump.push(key);
    }
    expect(dump.join('\n')).toContain(accountId);
    expect(dump.filter((d) => d.includes(canary))).toEqual([]);
  });
});
