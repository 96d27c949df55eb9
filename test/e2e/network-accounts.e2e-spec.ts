import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { CheckNetworkAccountJob } from '@socle/community';
import { DATA_SOURCE } from '@socle/platform-database';
import { SecretBox } from '@socle/platform-crypto';
import { createOrganization, signUpAgency, TestApi, AgencySession } from '@socle/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the loopback Mastodon of the plugin's tests is the network these tests talk to
import { MastodonTestServer } from '../../plugins/mastodon/src/test/mastodon-test-server';
import { heldAtWrite } from './e2e-support';

const ACCOUNT_FIELDS = 'id network handle serviceUrl status lastError lastCheckedAt rateLimitedUntil expiresAt connectedBy';
const CONNECT = `mutation ($input: ConnectNetworkAccountInput!) { connectNetworkAccount(input: $input) { ${ACCOUNT_FIELDS} } }`;
const CHECK = `mutation ($id: ID!) { checkNetworkAccount(input: { id: $id }) { ${ACCOUNT_FIELDS} } }`;

interface Account {
  id: string;
  network: string;
  handle: string;
  serviceUrl: string;
  status: string;
  lastError: string | null;
  lastCheckedAt: string | null;
  rateLimitedUntil: string | null;
  expiresAt: string | null;
  connectedBy: string | null;
}

/**
 * Connected network accounts over GraphQL against a Mastodon instance on
 * loopback: connecting, listing, never returning credentials, disconnecting,
 * health checks for every outcome, refresh, reconnect and OAuth.
 */
describe('connected network accounts', () => {
  let api: TestApi;
  let mastodon: MastodonTestServer;
  let oauthMastodon: MastodonTestServer;
  let admin: Client;
  let owner: AgencySession;
  let org: string;
  const box = SecretBox.fromConfig(process.env.ENCRYPTION_KEYS, process.env.ENCRYPTION_ACTIVE_KEY);

  const as = () => ({ token: owner.token, organizationId: org });
  const connect = async (accessToken: string, serviceUrl = mastodon.baseUrl, organizationId = org) =>
    api.gql<{ connectNetworkAccount: Account }>(
      CONNECT,
      { input: { network: 'mastodon', serviceUrl, accessToken } },
      { token: owner.token, organizationId },
    );
  const check = async (id: string, organizationId = org) =>
    (await api.ok<{ checkNetworkAccount: Account }>(CHECK, { id }, { token: owner.token, organizationId })).checkNetworkAccount;
  const stored = async (id: string) => {
    const { rows } = await admin.query<{
      organization_id: string;
      credentials_ciphertext: string | null;
      credentials_key_id: string | null;
    }>('SELECT organization_id, credentials_ciphertext, credentials_key_id FROM network_accounts WHERE id = $1', [id]);
    return rows[0];
  };
  const secretsOf = async (id: string): Promise<Record<string, string>> => {
    const row = await stored(id);
    return (
      JSON.parse(box.decrypt(row.credentials_ciphertext as string, `${row.organization_id}:${id}`)) as { secrets: Record<string, string> }
    ).secrets;
  };
  const connectFresh = async (username: string) => {
    const token = mastodon.createAccessToken(username);
    const res = await connect(token);
    if (!res.body.data) throw new Error(JSON.stringify(res.body.errors));
    return { token, account: res.body.data.connectNetworkAccount };
  };
  /** The whole OAuth dance: start, consent at the instance, callback. */
  const connectWithOAuth = async (username: string) => {
    oauthMastodon.signIn(username);
    const start = await api.ok<{ startNetworkOAuth: { authorizationUrl: string; state: string } }>(
      'mutation ($input: StartNetworkOAuthInput!) { startNetworkOAuth(input: $input) { authorizationUrl state expiresAt } }',
      { input: { network: 'mastodon', serviceUrl: oauthMastodon.baseUrl } },
      as(),
    );
    expect(start.startNetworkOAuth.state).toMatch(new RegExp(`^sos_${org}_`));
    const consent = await fetch(start.startNetworkOAuth.authorizationUrl, { redirect: 'manual' });
    expect(consent.status).toBe(302);
    const back = new URL(consent.headers.get('location') as string);
    expect(back.pathname).toBe('/oauth/callback');
    expect(back.searchParams.get('state')).toBe(start.startNetworkOAuth.state);
    const res = await request(api.server).get(`/oauth/callback${back.search}`).set('accept', 'application/json');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, account: { network: 'mastodon', handle: `${username}@${oauthMastodon.host}` } });
    return { id: res.body.account.id as string, callback: back.search };
  };

  beforeAll(async () => {
    mastodon = await MastodonTestServer.start();
    oauthMastodon = await MastodonTestServer.start({ tokenLifetimeSeconds: 3600 });
    api = await TestApi.start({ CONNECTOR_TIMEOUT_MS: '500' });
    owner = await signUpAgency(api, 'Agence Réseaux');
    org = await createOrganization(api, owner, 'Client Réseaux');
    admin = new Client({ connectionString: process.env.SOCLE_TEST_ADMIN_DATABASE_URL });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.end();
    await api.stop();
    await mastodon.close();
    await oauthMastodon.close();
  });
  afterEach(() => {
    mastodon.clearInjections();
    oauthMastodon.clearInjections();
  });

  it('lists the enabled networks from the connector configuration', async () => {
    const data = await api.ok<{ networks: { id: string; authKind: string; capabilities: string[]; textMaxLength: number }[] }>(
      '{ networks { id displayName authKind capabilities textMaxLength textCounting } }',
      {},
      as(),
    );
    expect(data.networks.map((n) => n.id).sort()).toEqual(['bluesky', 'mastodon', 'rss']);
    const m = data.networks.find((n) => n.id === 'mastodon');
    expect(m).toMatchObject({ authKind: 'oauth2', textMaxLength: 500 });
    expect(m?.capabilities).toEqual(expect.arrayContaining(['publish', 'mentions']));
  });

  it('connects with a personal token, lists the account, never returns its credentials, and seals them bound to the row', async () => {
    const { token, account } = await connectFresh('alice');
    expect(account).toMatchObject({
      network: 'mastodon',
      handle: `alice@${mastodon.host}`,
      status: 'OK',
      lastError: null,
      connectedBy: owner.userId,
    });
    const list = await api.gql(
      `{ networkAccounts(first: 10) { edges { cursor node { ${ACCOUNT_FIELDS} displayName createdAt updatedAt } } pageInfo { hasNextPage } } }`,
      {},
      as(),
    );
    const ids = (list.body.data as { networkAccounts: { edges: { node: { id: string } }[] } }).networkAccounts.edges.map((e) => e.node.id);
    expect(ids).toContain(account.id);
    expect(JSON.stringify(list.body)).not.toContain(token);

    const row = await stored(account.id);
    expect(row.credentials_key_id).toBe(process.env.ENCRYPTION_ACTIVE_KEY);
    expect(row.credentials_ciphertext).toMatch(/^v1\.t1\./);
    expect(row.credentials_ciphertext).not.toContain(token);
    expect((await secretsOf(account.id)).accessToken).toBe(token);
    // The audit log records it, without any secret.
    const audit = await api.gql('{ auditLog(first: 20) { edges { node { action targetId metadata } } } }', {}, as());
    expect(JSON.stringify(audit.body)).toContain('network_account.connected');
    expect(JSON.stringify(audit.body)).not.toContain(token);
  });

  it('refuses a bad token at connect with the field named, storing nothing', async () => {
    const before = await admin.query('SELECT count(*)::int AS n FROM network_accounts WHERE organization_id = $1', [org]);
    const res = await connect('not-a-valid-token-123');
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.fields' });
    expect(JSON.stringify(res.body)).not.toContain('not-a-valid-token-123');
    const after = await admin.query('SELECT count(*)::int AS n FROM network_accounts WHERE organization_id = $1', [org]);
    expect(after.rows[0].n).toBe(before.rows[0].n);
    const unknown = await api.gql(CONNECT, { input: { network: 'myspace', serviceUrl: mastodon.baseUrl, accessToken: 'x' } }, as());
    expect(unknown.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.network' });
  });

  it('refuses an account name the network answers that cannot be kept (a NUL, an unpaired surrogate, 501 characters), storing nothing; the next connect works', async () => {
    const count = async () =>
      (await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM network_accounts WHERE organization_id = $1', [org])).rows[0].n;
    const before = await count();
    for (const acct of ['nul\u0000name', 'half\ud800', 'x'.repeat(501 - `@${mastodon.host}`.length)]) {
      const token = mastodon.createAccessToken(`hostile${before}`);
      mastodon.inject(
        {
          type: 'status',
          status: 200,
          body: { id: '90001', username: acct, acct, display_name: 'Hostile', url: `${mastodon.baseUrl}/@h` },
        },
        1,
        /^GET \/api\/v1\/accounts\/verify_credentials$/,
      );
      const res = await connect(token);
      expect(res.body.data).toBeNull();
      const error = res.body.errors?.[0];
      expect(error?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', networkErrorKind: 'UNKNOWN' });
      expect(error?.message).toMatch(/account name .* (control character|unpaired surrogate|characters long)/);
      expect(error?.message).not.toContain(acct);
      expect(await count()).toBe(before);
    }
    const { account } = await connectFresh(`afterhostile${before}`);
    expect(account).toMatchObject({ handle: `afterhostile${before}@${mastodon.host}`, status: 'OK' });
  });

  it('an account answer nested 5,000 deep, or whose name is an object: never INTERNAL, connected by its handle or refused', async () => {
    const count = async () =>
      (await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM network_accounts WHERE organization_id = $1', [org])).rows[0].n;
    const before = await count();
    const deep = `{"id":"90002","username":"deep","acct":"deep","url":"http://169.254.169.254/","x":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const answers = [
      { body: deep, contentType: 'application/json; charset=utf-8' },
      { body: { id: '90003', username: { nested: 'x' }, acct: ['a', 'b'], url: 'http://127.0.0.1/' } },
    ];
    for (const answer of answers) {
      mastodon.inject({ type: 'status', status: 200, ...answer }, 1, /^GET \/api\/v1\/accounts\/verify_credentials$/);
      const res = await connect(mastodon.createAccessToken('profond'));
      expect(res.status).toBeLessThan(500);
      expect(res.body.errors?.[0]?.extensions?.code).not.toBe('INTERNAL');
      if (res.body.data) expect(res.body.data.connectNetworkAccount.handle).toBe(`deep@${mastodon.host}`);
      else expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    }
    // The name that is a list or an object is no account: refused, where it was once stored as "a,b@host".
    expect(await count()).toBeLessThanOrEqual(before + 1);
    const { rows } = await admin.query('SELECT handle FROM network_accounts WHERE organization_id = $1 AND handle LIKE $2', [org, 'a,b@%']);
    expect(rows).toEqual([]);
  });

  it('connecting one account several times at once makes one account, each connect answered with it', async () => {
    const token = mastodon.createAccessToken('simultane');
    // The six find no account, then all wait to write it.
    const answers = await heldAtWrite(
      'network_accounts',
      [1, 2, 3, 4, 5, 6].map(() => () => connect(token)),
    );
    const ids = answers.map((res) => {
      if (!res.body.data) throw new Error(JSON.stringify(res.body.errors));
      return res.body.data.connectNetworkAccount.id;
    });
    expect(new Set(ids).size).toBe(1);
    const { rows } = await admin.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM network_accounts WHERE organization_id = $1 AND handle = $2',
      [org, `simultane@${mastodon.host}`],
    );
    expect(rows[0].n).toBe(1);
  });

  it('disconnects: the row and its credentials are gone', async () => {
    const { account } = await connectFresh('bob');
    const res = await api.ok<{ disconnectNetworkAccount: { id: string } }>(
      'mutation ($input: DisconnectNetworkAccountInput!) { disconnectNetworkAccount(input: $input) { id } }',
      { input: { id: account.id } },
      as(),
    );
    expect(res.disconnectNetworkAccount.id).toBe(account.id);
    expect(await stored(account.id)).toBeUndefined();
    const again = await api.gql(
      'mutation ($input: DisconnectNetworkAccountInput!) { disconnectNetworkAccount(input: $input) { id } }',
      { input: { id: account.id } },
      as(),
    );
    expect(again.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it("a sealed value copied into another organisation's row does not open there", async () => {
    const { token, account } = await connectFresh('carol');
    const other = await createOrganization(api, owner, 'Autre client');
    const { account: victim } = await (async () => {
      const res = await connect(mastodon.createAccessToken('dave'), mastodon.baseUrl, other);
      return { account: res.body.data?.connectNetworkAccount as Account };
    })();
    const source = await stored(account.id);
    await admin.query('UPDATE network_accounts SET credentials_ciphertext = $1, credentials_key_id = $2 WHERE id = $3', [
      source.credentials_ciphertext,
      source.credentials_key_id,
      victim.id,
    ]);
    expect(() => box.decrypt(source.credentials_ciphertext as string, `${other}:${victim.id}`)).toThrow(/does not open/);
    const checked = await check(victim.id, other);
    expect(checked.status).toBe('ERROR');
    expect(checked.lastError).toMatch(/cannot be decrypted/);
    expect(JSON.stringify(checked)).not.toContain(token);
  });

  describe('health checks', () => {
    it('OK when the network answers', async () => {
      const { account } = await connectFresh('erin');
      const checked = await check(account.id);
      expect(checked).toMatchObject({ status: 'OK', lastError: null, rateLimitedUntil: null });
      expect(new Date(checked.lastCheckedAt as string).getTime()).toBeGreaterThanOrEqual(
        new Date(account.lastCheckedAt as string).getTime(),
      );
    });

    it('401 (a revoked token) -> NEEDS_REAUTH, credentials kept', async () => {
      const { token, account } = await connectFresh('frank');
      mastodon.revokeToken(token);
      const checked = await check(account.id);
      expect(checked.status).toBe('NEEDS_REAUTH');
      expect(checked.lastError).toMatch(/AUTH_EXPIRED/);
      expect((await secretsOf(account.id)).accessToken).toBe(token);
    });

    it('500 -> ERROR, never NEEDS_REAUTH, credentials unchanged', async () => {
      const { account } = await connectFresh('grace');
      const before = await secretsOf(account.id);
      mastodon.inject({ type: 'status', status: 500, body: { error: 'Internal server error' } }, 5);
      const checked = await check(account.id);
      expect(checked.status).toBe('ERROR');
      expect(checked.lastError).toMatch(/TRANSIENT/);
      expect(await secretsOf(account.id)).toEqual(before);
    });

    it('a timeout -> ERROR, never NEEDS_REAUTH', async () => {
      const { account } = await connectFresh('heidi');
      const before = await secretsOf(account.id);
      mastodon.inject({ type: 'slow', delayMs: 1500 }, 3);
      const checked = await check(account.id);
      expect(checked.status).toBe('ERROR');
      expect(checked.lastError).toMatch(/timed out/);
      expect(await secretsOf(account.id)).toEqual(before);
    });

    it('429 -> RATE_LIMITED until the network says', async () => {
      const { account } = await connectFresh('ivan');
      mastodon.inject({ type: 'rate-limited', retryAfterSeconds: 120 }, 1);
      const started = Date.now();
      const checked = await check(account.id);
      expect(checked.status).toBe('RATE_LIMITED');
      const until = new Date(checked.rateLimitedUntil as string).getTime();
      expect(until).toBeGreaterThan(started + 100_000);
      expect(until).toBeLessThan(Date.now() + 130_000);
      // The next successful check clears it.
      expect((await check(account.id)).status).toBe('OK');
    });
  });

  describe('OAuth, refresh and reconnect', () => {
    it('connects through OAuth (state bound to the organisation, single use) with a refresh token', async () => {
      const { id, callback } = await connectWithOAuth('judy');
      const secrets = await secretsOf(id);
      expect(secrets).toEqual(
        expect.objectContaining({
          accessToken: expect.any(String),
          refreshToken: expect.any(String),
          clientId: expect.any(String),
          clientSecret: expect.any(String),
        }),
      );
      const replay = await request(api.server).get(`/oauth/callback${callback}`).set('accept', 'application/json');
      expect(replay.status).toBe(400);
      const forged = await request(api.server).get('/oauth/callback?state=sos_nonsense&code=x');
      expect(forged.status).toBe(400);
      expect(forged.text).not.toContain('<script');
    });

    it('a token answer whose expires_in ends past any date connects without an expiry, where it answered INTERNAL', async () => {
      for (const [username, expiresIn] of [
        ['zoe', 1e300],
        ['yann', Number.MAX_SAFE_INTEGER],
      ] as const) {
        const accessToken = oauthMastodon.createAccessToken(username);
        oauthMastodon.inject(
          {
            type: 'status',
            status: 200,
            body: { access_token: accessToken, token_type: 'Bearer', scope: 'read write', created_at: 1, expires_in: expiresIn },
          },
          1,
          /^POST \/oauth\/token$/,
        );
        const { id } = await connectWithOAuth(username);
        const { rows } = await admin.query<{ expires_at: Date | null }>('SELECT expires_at FROM network_accounts WHERE id = $1', [id]);
        expect(rows[0].expires_at).toBeNull();
        expect((await secretsOf(id)).accessToken).toBe(accessToken);
        expect((await check(id)).status).toBe('OK');
      }
    });

    it('registers one application per instance, reused by every authorisation there, its secret sealed', async () => {
      await connectWithOAuth('lena');
      const before = oauthMastodon.appCount();
      const { id } = await connectWithOAuth('mira');
      expect(oauthMastodon.appCount()).toBe(before);
      const { rows } = await admin.query<{ client_id: string; client_secret_ciphertext: string }>(
        "SELECT client_id, client_secret_ciphertext FROM oauth_clients WHERE network = 'mastodon' AND service_url = $1",
        [oauthMastodon.baseUrl],
      );
      expect(rows).toHaveLength(1);
      expect((await secretsOf(id)).clientId).toBe(rows[0].client_id);
      expect(rows[0].client_secret_ciphertext).not.toContain((await secretsOf(id)).clientSecret);
    });

    it("starting an authorisation drops this organisation's long-expired ones, never another's", async () => {
      const other = await createOrganization(api, owner, 'Autre Client');
      const stale = `INSERT INTO oauth_states (organization_id, network, service_url, state_hash, code_verifier_ciphertext, redirect_uri, expires_at)
                     VALUES ($1, 'mastodon', 'https://x.example', $2, 'v1.t1.x.y.z', 'http://127.0.0.1/oauth/callback', now() - interval '2 days') RETURNING id`;
      const mine = (await admin.query<{ id: string }>(stale, [org, randomBytes(32)])).rows[0].id;
      const theirs = (await admin.query<{ id: string }>(stale, [other, randomBytes(32)])).rows[0].id;
      oauthMastodon.signIn('kim');
      await api.ok(
        'mutation ($input: StartNetworkOAuthInput!) { startNetworkOAuth(input: $input) { state } }',
        { input: { network: 'mastodon', serviceUrl: oauthMastodon.baseUrl } },
        as(),
      );
      const left = await admin.query<{ id: string }>('SELECT id FROM oauth_states WHERE id = ANY($1)', [[mine, theirs]]);
      expect(left.rows.map((r) => r.id)).toEqual([theirs]);
    });

    it('expired credentials are refreshed automatically; the refresh token is kept when none is returned', async () => {
      const { id } = await connectWithOAuth('ken');
      const before = await secretsOf(id);
      oauthMastodon.expireToken(before.accessToken);
      const fresh = oauthMastodon.createAccessToken('ken');
      // The instance answers the refresh grant without a new refresh token.
      oauthMastodon.inject(
        {
          type: 'status',
          status: 200,
          body: { access_token: fresh, token_type: 'Bearer', scope: 'read write', created_at: 0, expires_in: 3600 },
        },
        1,
        /^POST \/oauth\/token/,
      );
      const checked = await check(id);
      expect(checked.status).toBe('OK');
      const after = await secretsOf(id);
      expect(after.accessToken).toBe(fresh);
      expect(after.refreshToken).toBe(before.refreshToken);
      expect(new Date(checked.expiresAt as string).getTime()).toBeGreaterThan(Date.now() + 3000_000);
    });

    it('refreshes ahead of expiry and stores the new refresh token the network issues', async () => {
      const { id } = await connectWithOAuth('leo');
      const before = await secretsOf(id);
      await admin.query("UPDATE network_accounts SET expires_at = now() + interval '1 minute' WHERE id = $1", [id]);
      // The sealed expiry decides; make it close too.
      const row = await stored(id);
      const creds = JSON.parse(box.decrypt(row.credentials_ciphertext as string, `${org}:${id}`)) as { expiresAt?: string };
      creds.expiresAt = new Date(Date.now() + 60_000).toISOString();
      await admin.query('UPDATE network_accounts SET credentials_ciphertext = $1 WHERE id = $2', [
        box.encrypt(JSON.stringify(creds), `${org}:${id}`),
        id,
      ]);
      expect((await check(id)).status).toBe('OK');
      const after = await secretsOf(id);
      expect(after.accessToken).not.toBe(before.accessToken);
      expect(after.refreshToken).not.toBe(before.refreshToken);
    });

    it('a refresh failing with a 5xx -> ERROR, refresh token not destroyed', async () => {
      const { id } = await connectWithOAuth('mallory');
      const before = await secretsOf(id);
      oauthMastodon.expireToken(before.accessToken);
      oauthMastodon.inject({ type: 'status', status: 503, body: { error: 'Service Unavailable' } }, 3, /^POST \/oauth\/token/);
      const checked = await check(id);
      expect(checked.status).toBe('ERROR');
      expect(await secretsOf(id)).toEqual(before);
    });

    it('a refresh token the network refuses (invalid_grant) -> NEEDS_REAUTH, credentials kept for a reconnect', async () => {
      const { id } = await connectWithOAuth('niaj');
      const before = await secretsOf(id);
      oauthMastodon.expireToken(before.accessToken);
      oauthMastodon.revokeToken(before.refreshToken);
      const checked = await check(id);
      expect(checked.status).toBe('NEEDS_REAUTH');
      expect(await secretsOf(id)).toEqual(before);
    });

    it('a reconnect keeps the existing refresh token until a new one is issued', async () => {
      const { id } = await connectWithOAuth('olivia');
      const first = await secretsOf(id);
      // Reconnect the same account with a personal token: same row, refresh token kept.
      const token = oauthMastodon.createAccessToken('olivia');
      const res = await connect(token, oauthMastodon.baseUrl);
      expect(res.body.data?.connectNetworkAccount).toMatchObject({ id, status: 'OK' });
      const second = await secretsOf(id);
      expect(second.accessToken).toBe(token);
      expect(second.refreshToken).toBe(first.refreshToken);
      // Reconnect through OAuth: the network issues a new refresh token, which replaces it.
      const again = await connectWithOAuth('olivia');
      expect(again.id).toBe(id);
      const third = await secretsOf(id);
      expect(third.refreshToken).not.toBe(first.refreshToken);
      expect(third.accessToken).not.toBe(token);
    });
  });

  describe('no transaction is open while the network is called', () => {
    let slowApi: TestApi;
    let slowOrg: string;
    let slowOwner: AgencySession;

    beforeAll(async () => {
      slowApi = await TestApi.start({ CONNECTOR_TIMEOUT_MS: '10000' });
      slowOwner = await signUpAgency(slowApi, 'Agence Lente');
      slowOrg = await createOrganization(slowApi, slowOwner, 'Client Lent');
    });
    afterAll(async () => {
      await slowApi.stop();
    });

    /** Connections the API has taken from its pool: each one is a transaction it holds open. */
    const checkedOut = () => {
      const pool = (slowApi.app.get<DataSource>(DATA_SOURCE).driver as unknown as { master: { totalCount: number; idleCount: number } })
        .master;
      return pool.totalCount - pool.idleCount;
    };

    /** Runs `check` while the instance holds its requests, and looks at the database while it waits. */
    /** Holds the instance's next answer; resolves once a request has arrived and is being held. */
    const holdNextAnswer = () => {
      mastodon.inject({ type: 'slow', delayMs: 1500 }, 1);
      // The instance takes the fault off its list when a request arrives (it records the request only once answered).
      return async () => {
        while (mastodon['faults'].length > 0) await new Promise((resolve) => setTimeout(resolve, 10));
      };
    };

    const whileTheNetworkWaits = async (accountId: string, check: () => Promise<unknown>) => {
      const held = holdNextAnswer();
      let done = false;
      const running = check().finally(() => {
        done = true;
      });
      await held();
      // A read-only transaction may stay parked up to 25 ms after its request; give it time to end.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const seen = { pending: !done, checkedOut: checkedOut(), rowLocked: false };
      await admin.query('BEGIN');
      try {
        await admin.query('SELECT 1 FROM network_accounts WHERE id = $1 FOR UPDATE NOWAIT', [accountId]);
      } catch {
        seen.rowLocked = true;
      } finally {
        await admin.query('ROLLBACK');
      }
      await running;
      return seen;
    };

    it('checkNetworkAccount: the row is neither locked nor in an open transaction during the call', async () => {
      const token = mastodon.createAccessToken('petra');
      const account = (
        await slowApi.ok<{ connectNetworkAccount: Account }>(
          CONNECT,
          { input: { network: 'mastodon', serviceUrl: mastodon.baseUrl, accessToken: token } },
          { token: slowOwner.token, organizationId: slowOrg },
        )
      ).connectNetworkAccount;
      const seen = await whileTheNetworkWaits(account.id, () =>
        slowApi.ok(CHECK, { id: account.id }, { token: slowOwner.token, organizationId: slowOrg }),
      );
      expect(seen).toEqual({ pending: true, checkedOut: 0, rowLocked: false });
    });

    it("the worker's check job: the same", async () => {
      const token = mastodon.createAccessToken('quentin');
      const account = (
        await slowApi.ok<{ connectNetworkAccount: Account }>(
          CONNECT,
          { input: { network: 'mastodon', serviceUrl: mastodon.baseUrl, accessToken: token } },
          { token: slowOwner.token, organizationId: slowOrg },
        )
      ).connectNetworkAccount;
      const job = slowApi.app.get(CheckNetworkAccountJob);
      const seen = await whileTheNetworkWaits(account.id, () => job.handle({ organizationId: slowOrg, accountId: account.id }));
      expect(seen).toEqual({ pending: true, checkedOut: 0, rowLocked: false });
      expect((await stored(account.id)).credentials_ciphertext).toBeTruthy();
    });

    it('connectNetworkAccount: no transaction while the credentials are checked', async () => {
      const token = mastodon.createAccessToken('rosa');
      let accountId = '';
      const seen = await whileTheNetworkWaits('00000000-0000-4000-8000-000000000000', async () => {
        const res = await slowApi.ok<{ connectNetworkAccount: Account }>(
          CONNECT,
          { input: { network: 'mastodon', serviceUrl: mastodon.baseUrl, accessToken: token } },
          { token: slowOwner.token, organizationId: slowOrg },
        );
        accountId = res.connectNetworkAccount.id;
      });
      expect(seen).toMatchObject({ pending: true, checkedOut: 0 });
      expect(accountId).not.toBe('');
    });

    it('a check whose account was reconnected meanwhile drops its result: the newer credentials stand', async () => {
      const first = mastodon.createAccessToken('sven');
      const account = (
        await slowApi.ok<{ connectNetworkAccount: Account }>(
          CONNECT,
          { input: { network: 'mastodon', serviceUrl: mastodon.baseUrl, accessToken: first } },
          { token: slowOwner.token, organizationId: slowOrg },
        )
      ).connectNetworkAccount;
      mastodon.revokeToken(first);
      const held = holdNextAnswer();
      const checking = slowApi.ok<{ checkNetworkAccount: Account }>(
        CHECK,
        { id: account.id },
        { token: slowOwner.token, organizationId: slowOrg },
      );
      await held();
      // While the check waits on the revoked token, the user reconnects with a fresh one.
      const second = mastodon.createAccessToken('sven');
      await slowApi.ok(
        CONNECT,
        { input: { network: 'mastodon', serviceUrl: mastodon.baseUrl, accessToken: second } },
        { token: slowOwner.token, organizationId: slowOrg },
      );
      const checked = (await checking).checkNetworkAccount;
      expect(checked).toMatchObject({ id: account.id, status: 'OK', lastError: null });
      expect((await secretsOf(account.id)).accessToken).toBe(second);
    });
  });
});
