import { randomBytes } from 'node:crypto';
import { createServer, request as httpRequest, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { Client } from 'pg';
import { CheckNetworkAccountJob } from '@socle/community';
import { SecretBox } from '@socle/platform-crypto';
import { createOrganization, signUpAgency, TestApi, AgencySession } from '@socle/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the loopback Mastodon of the plugin's tests is the network these tests talk to
import { MastodonTestServer } from '../../plugins/mastodon/src/test/mastodon-test-server';

const ACCOUNT_FIELDS = 'id status lastError lastCheckedAt expiresAt';
const CHECK = `mutation ($id: ID!) { checkNetworkAccount(input: { id: $id }) { ${ACCOUNT_FIELDS} } }`;
/** Short, so that leases (three timeouts) and waits (two) stay short in these tests. */
const TIMEOUT_MS = 1000;

interface Account {
  id: string;
  status: string;
  lastError: string | null;
  lastCheckedAt: string | null;
  expiresAt: string | null;
}

/**
 * The authorisation server of a network that rotates refresh tokens with reuse
 * detection, as OAuth 2.1 advises: each refresh token is single use, and one
 * presented again revokes its whole family (every access and refresh token
 * issued from the same authorisation). It stands on loopback in front of the
 * test Mastodon instance, passes everything else through, counts refresh
 * calls, and can hold or fail them.
 */
class RotatingTokenServer {
  refreshCalls = 0;
  reuses = 0;
  /** Each refresh answer waits this long (so that concurrent checks overlap). */
  holdMs = 0;
  /** Answer the next refresh calls with this status, without passing them on (nothing consumed). */
  failNext: { status: number; times: number } | null = null;
  private readonly families = new Map<string, { tokens: string[]; revoked: boolean }>();
  private readonly used = new Set<string>();

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
    private readonly upstream: MastodonTestServer,
  ) {}

  static async start(upstream: MastodonTestServer): Promise<RotatingTokenServer> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const gate = new RotatingTokenServer(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, upstream);
    server.on('request', (req, res) => void gate.receive(req, res).catch(() => res.destroy()));
    return gate;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async receive(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    if (req.method !== 'POST' || !req.url?.startsWith('/oauth/token')) return this.pass(req, body, res);
    const params = new URLSearchParams(body.toString('utf8'));
    if (params.get('grant_type') !== 'refresh_token') {
      const answer = await this.forward(req, body);
      if (answer.status === 200) this.issued(answer.body, { tokens: [], revoked: false });
      return this.reply(res, answer);
    }
    this.refreshCalls += 1;
    const presented = params.get('refresh_token') ?? '';
    const family = this.families.get(presented);
    const refused = {
      status: 400,
      headers: { 'content-type': 'application/json' },
      body: Buffer.from(JSON.stringify({ error: 'invalid_grant' })),
    };
    if (this.used.has(presented)) {
      // Reuse: a copy of the token is in someone else's hands. Everything issued from it dies.
      this.reuses += 1;
      if (family) {
        family.revoked = true;
        for (const token of family.tokens) this.upstream.revokeToken(token);
      }
      return this.reply(res, refused);
    }
    if (this.holdMs) await new Promise((resolve) => setTimeout(resolve, this.holdMs));
    if (this.failNext && this.failNext.times > 0) {
      this.failNext.times -= 1;
      return this.reply(res, {
        status: this.failNext.status,
        headers: { 'content-type': 'application/json' },
        body: Buffer.from('{"error":"unavailable"}'),
      });
    }
    this.used.add(presented);
    if (family?.revoked) return this.reply(res, refused);
    const answer = await this.forward(req, body);
    if (answer.status === 200 && family) this.issued(answer.body, family);
    return this.reply(res, answer);
  }

  private issued(body: Buffer, family: { tokens: string[]; revoked: boolean }): void {
    const token = JSON.parse(body.toString('utf8')) as { access_token?: string; refresh_token?: string };
    for (const value of [token.access_token, token.refresh_token]) if (value) family.tokens.push(value);
    if (token.refresh_token) this.families.set(token.refresh_token, family);
  }

  private async pass(req: IncomingMessage, body: Buffer, res: ServerResponse): Promise<void> {
    this.reply(res, await this.forward(req, body));
  }

  private forward(req: IncomingMessage, body: Buffer): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
    const target = new URL(this.upstream.baseUrl);
    return new Promise((resolve, reject) => {
      const headers = { ...req.headers, host: target.host };
      const out = httpRequest({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers }, (answer) => {
        const parts: Buffer[] = [];
        answer.on('data', (part: Buffer) => parts.push(part));
        answer.on('end', () => {
          const kept: Record<string, string> = {};
          for (const [name, value] of Object.entries(answer.headers)) {
            if (typeof value === 'string' && !['transfer-encoding', 'content-length', 'connection', 'keep-alive'].includes(name))
              kept[name] = value;
          }
          resolve({ status: answer.statusCode ?? 502, headers: kept, body: Buffer.concat(parts) });
        });
        answer.on('error', reject);
      });
      out.on('error', reject);
      out.end(body);
    });
  }

  private reply(res: ServerResponse, answer: { status: number; headers: Record<string, string>; body: Buffer }): void {
    res.writeHead(answer.status, { ...answer.headers, 'content-length': String(answer.body.length) });
    res.end(answer.body);
  }
}

/**
 * A refresh token is presented to the network once, whatever the number of
 * health checks of the account running at the same time (API requests, worker
 * jobs, two API replicas): the refresh lease on the row, taken in one
 * conditional UPDATE, decides who refreshes; the others wait for its result.
 */
describe('network account refresh lease: a refresh token is used once', () => {
  let mastodon: MastodonTestServer;
  let network: RotatingTokenServer;
  let api: TestApi;
  let replica: TestApi;
  let admin: Client;
  let owner: AgencySession;
  let org: string;
  const box = SecretBox.fromConfig(process.env.ENCRYPTION_KEYS, process.env.ENCRYPTION_ACTIVE_KEY);

  const viaApi = async (on: TestApi, id: string): Promise<string> => {
    const res = await on.gql<{ checkNetworkAccount: Account }>(CHECK, { id }, { token: owner.token, organizationId: org });
    if (!res.body.data?.checkNetworkAccount) throw new Error(`check failed: ${JSON.stringify(res.body.errors)}`);
    return res.body.data.checkNetworkAccount.status;
  };
  const viaJob = async (on: TestApi, id: string): Promise<string> =>
    (await on.app.get(CheckNetworkAccountJob).handle({ organizationId: org, accountId: id })).status ?? 'gone';
  const row = async (id: string) =>
    (
      await admin.query<{
        credentials_ciphertext: string;
        credentials_key_id: string;
        status: string;
        last_checked_at: Date | null;
        refresh_lease_owner: string | null;
        refresh_lease_until: Date | null;
        lease_left_ms: number | null;
      }>(
        `SELECT credentials_ciphertext, credentials_key_id, status, last_checked_at, refresh_lease_owner, refresh_lease_until,
              (extract(epoch FROM refresh_lease_until - clock_timestamp()) * 1000)::int AS lease_left_ms
         FROM network_accounts WHERE id = $1`,
        [id],
      )
    ).rows[0];
  const secretsOf = async (id: string): Promise<Record<string, string>> =>
    (JSON.parse(box.decrypt((await row(id)).credentials_ciphertext, `${org}:${id}`)) as { secrets: Record<string, string> }).secrets;
  /** Makes the sealed credentials expire in a minute: the next check refreshes them first. */
  const expireSoon = async (id: string) => {
    const creds = JSON.parse(box.decrypt((await row(id)).credentials_ciphertext, `${org}:${id}`)) as { expiresAt?: string };
    creds.expiresAt = new Date(Date.now() + 60_000).toISOString();
    await admin.query("UPDATE network_accounts SET credentials_ciphertext = $1, expires_at = now() + interval '1 minute' WHERE id = $2", [
      box.encrypt(JSON.stringify(creds), `${org}:${id}`),
      id,
    ]);
  };
  /** What a check that stopped in the middle of its refresh leaves behind. */
  const leaveLease = async (id: string, ms: number) => {
    await admin.query(
      "UPDATE network_accounts SET refresh_lease_owner = gen_random_uuid(), refresh_lease_until = clock_timestamp() + $2 * interval '1 millisecond' WHERE id = $1",
      [id, ms],
    );
  };
  /** Connects an account through the whole OAuth dance at the rotating server: it holds a refresh token. */
  const connect = async (username: string): Promise<string> => {
    mastodon.signIn(username);
    const start = await api.ok<{ startNetworkOAuth: { authorizationUrl: string } }>(
      'mutation ($input: StartNetworkOAuthInput!) { startNetworkOAuth(input: $input) { authorizationUrl } }',
      { input: { network: 'mastodon', serviceUrl: network.baseUrl } },
      { token: owner.token, organizationId: org },
    );
    const consent = await fetch(start.startNetworkOAuth.authorizationUrl, { redirect: 'manual' });
    const back = new URL(consent.headers.get('location') as string);
    const res = await request(api.server).get(`/oauth/callback${back.search}`).set('accept', 'application/json');
    expect(res.status).toBe(200);
    return res.body.account.id as string;
  };
  /** Resolves once `n` refresh calls reached the network (they are being held there). */
  const refreshCallsReach = async (n: number) => {
    const deadline = Date.now() + 5000;
    while (network.refreshCalls < n) {
      if (Date.now() > deadline) throw new Error(`only ${network.refreshCalls} refresh calls arrived`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };

  beforeAll(async () => {
    mastodon = await MastodonTestServer.start({ tokenLifetimeSeconds: 3600 });
    network = await RotatingTokenServer.start(mastodon);
    api = await TestApi.start({ CONNECTOR_TIMEOUT_MS: String(TIMEOUT_MS) });
    // A second API process on the same database: its own pool, its own connections.
    replica = await TestApi.start({ CONNECTOR_TIMEOUT_MS: String(TIMEOUT_MS) });
    owner = await signUpAgency(api, 'Agence Bail');
    org = await createOrganization(api, owner, 'Client Bail');
    admin = new Client({ connectionString: process.env.SOCLE_TEST_ADMIN_DATABASE_URL });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await replica?.stop();
    await api?.stop();
    await network?.close();
    await mastodon?.close();
  });
  beforeEach(() => {
    network.refreshCalls = 0;
    network.reuses = 0;
    network.holdMs = 0;
    network.failNext = null;
  });

  it('the rotating server revokes the family on reuse (the hazard the lease prevents is real)', async () => {
    const id = await connect('uma');
    const { refreshToken, clientId, clientSecret } = await secretsOf(id);
    const refresh = () =>
      fetch(`${network.baseUrl}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          refresh_token: refreshToken,
          client_id: clientId,
          client_secret: clientSecret,
        }),
      });
    const first = await refresh();
    expect(first.status).toBe(200);
    const issued = (await first.json()) as { access_token: string };
    expect((await refresh()).status).toBe(400);
    expect(network.reuses).toBe(1);
    const probe = await fetch(`${network.baseUrl}/api/v1/accounts/verify_credentials`, {
      headers: { authorization: `Bearer ${issued.access_token}` },
    });
    expect(probe.status).toBe(401);
  });

  it('five concurrent API checks of credentials about to expire: one refresh call, every check OK, the new tokens stored', async () => {
    const id = await connect('vera');
    const before = await secretsOf(id);
    await expireSoon(id);
    network.holdMs = 500;
    const checks = Array.from({ length: 5 }, () => viaApi(api, id));
    await refreshCallsReach(1);
    // While the network holds the refresh, the lease is on the row, for three connector timeouts.
    const during = await row(id);
    expect(during.refresh_lease_owner).toMatch(/^[0-9a-f-]{36}$/);
    expect(during.lease_left_ms).toBeGreaterThan(3 * TIMEOUT_MS - 1500);
    expect(during.lease_left_ms).toBeLessThanOrEqual(3 * TIMEOUT_MS);
    expect(await Promise.all(checks)).toEqual(['OK', 'OK', 'OK', 'OK', 'OK']);
    expect({ refreshCalls: network.refreshCalls, reuses: network.reuses }).toEqual({ refreshCalls: 1, reuses: 0 });

    const after = await secretsOf(id);
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(await row(id)).toMatchObject({ status: 'OK', refresh_lease_owner: null, refresh_lease_until: null });
    // The stored tokens work at the network (the family was not revoked), and the new refresh token too.
    expect(await viaApi(api, id)).toBe('OK');
    expect(network.refreshCalls).toBe(1);
    mastodon.expireToken(after.accessToken);
    expect(await viaApi(api, id)).toBe('OK');
    expect({ refreshCalls: network.refreshCalls, reuses: network.reuses }).toEqual({ refreshCalls: 2, reuses: 0 });
  });

  it('five concurrent checks after the network said the token expired, from two API replicas and their workers: one refresh call', async () => {
    const id = await connect('wanda');
    const before = await secretsOf(id);
    mastodon.expireToken(before.accessToken);
    network.holdMs = 400;
    const results = await Promise.all([viaApi(api, id), viaApi(replica, id), viaJob(api, id), viaJob(replica, id), viaApi(replica, id)]);
    expect(results).toEqual(['OK', 'OK', 'OK', 'OK', 'OK']);
    expect({ refreshCalls: network.refreshCalls, reuses: network.reuses }).toEqual({ refreshCalls: 1, reuses: 0 });
    const after = await secretsOf(id);
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(await row(id)).toMatchObject({ status: 'OK', refresh_lease_owner: null });
    expect(await viaJob(replica, id)).toBe('OK');
  });

  it('a refresh that fails gives the lease back with its status: the waiting checks return that state, nothing is presented twice', async () => {
    const id = await connect('xena');
    const before = await secretsOf(id);
    await expireSoon(id);
    network.holdMs = 600;
    network.failNext = { status: 503, times: 1 };
    const results = await Promise.all([viaApi(api, id), viaApi(replica, id), viaJob(api, id)]);
    // One check met the 503 and recorded ERROR; the others, seeing the lease given back, return that same state.
    expect(results).toEqual(['ERROR', 'ERROR', 'ERROR']);
    expect(network.refreshCalls).toBe(1);
    expect(await row(id)).toMatchObject({ status: 'ERROR', refresh_lease_owner: null, refresh_lease_until: null });
    expect(await secretsOf(id)).toEqual(before);
    // Nothing holds the account: the next check refreshes.
    expect(await viaApi(api, id)).toBe('OK');
    expect({ refreshCalls: network.refreshCalls, reuses: network.reuses }).toEqual({ refreshCalls: 2, reuses: 0 });
  });

  it('while another check holds the lease and stores nothing, a check does not refresh: it waits (bounded) and returns the account as it is', async () => {
    const id = await connect('yara');
    await expireSoon(id);
    await leaveLease(id, 60_000);
    const before = await row(id);
    const started = Date.now();
    expect(await viaApi(api, id)).toBe('OK');
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(2 * TIMEOUT_MS - 100);
    expect(waited).toBeLessThan(2 * TIMEOUT_MS + 3000);
    expect(network.refreshCalls).toBe(0);
    // Nothing written: not the status, not the time of the check, not the lease.
    const after = await row(id);
    expect(after.last_checked_at).toEqual(before.last_checked_at);
    expect(after.refresh_lease_owner).toBe(before.refresh_lease_owner);
    expect(after.credentials_ciphertext).toBe(before.credentials_ciphertext);
  });

  it('a lease left by a crashed check ends: a check waiting on it takes it over and refreshes, once', async () => {
    const id = await connect('zoe');
    const before = await secretsOf(id);
    await expireSoon(id);
    await leaveLease(id, 800);
    expect(await viaApi(api, id)).toBe('OK');
    expect({ refreshCalls: network.refreshCalls, reuses: network.reuses }).toEqual({ refreshCalls: 1, reuses: 0 });
    expect((await secretsOf(id)).refreshToken).not.toBe(before.refreshToken);
    expect(await row(id)).toMatchObject({ refresh_lease_owner: null });
  });

  it("key rotation does not seal the credentials again under a live lease (the holder's new credentials must stay storable); it does once the lease is gone", async () => {
    const id = await connect('bruno');
    const sealedBefore = await row(id);
    expect(sealedBefore.credentials_key_id).toBe(process.env.ENCRYPTION_ACTIVE_KEY);
    // An API whose active key is a new one: it seals again what the old key sealed.
    const rotated = await TestApi.start({
      CONNECTOR_TIMEOUT_MS: String(TIMEOUT_MS),
      ENCRYPTION_KEYS: `${process.env.ENCRYPTION_KEYS},r2:${randomBytes(32).toString('base64')}`,
      ENCRYPTION_ACTIVE_KEY: 'r2',
    });
    try {
      await leaveLease(id, 60_000);
      expect(await viaApi(rotated, id)).toBe('OK');
      expect(await row(id)).toMatchObject({
        credentials_ciphertext: sealedBefore.credentials_ciphertext,
        credentials_key_id: sealedBefore.credentials_key_id,
      });
      await admin.query('UPDATE network_accounts SET refresh_lease_owner = NULL, refresh_lease_until = NULL WHERE id = $1', [id]);
      expect(await viaApi(rotated, id)).toBe('OK');
      expect((await row(id)).credentials_key_id).toBe('r2');
      expect(network.refreshCalls).toBe(0);
    } finally {
      await rotated.stop();
    }
  });

  it('a lease whose time is over when the check starts does not hold it back', async () => {
    const id = await connect('abel');
    await expireSoon(id);
    await leaveLease(id, -1000);
    expect(await viaJob(api, id)).toBe('OK');
    expect({ refreshCalls: network.refreshCalls, reuses: network.reuses }).toEqual({ refreshCalls: 1, reuses: 0 });
    expect(await row(id)).toMatchObject({ refresh_lease_owner: null, refresh_lease_until: null });
  });
});
