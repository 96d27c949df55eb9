import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { AgencySession, createOrganization, dropTestDatabase, ownTestDatabase, signUpAgency, TestApi } from '@socle/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the loopback Mastodon of the plugin's tests is the network these tests talk to
import { MastodonTestServer } from '../../../plugins/mastodon/src/test/mastodon-test-server';

/**
 * What every fault test starts from: the API (to sign up, create
 * organisations and connect accounts as a user does), the loopback Mastodon
 * with a request limit no test reaches, and a superuser connection to the run's
 * database for setting up and counting.
 */
export class Scene {
  private constructor(
    private readonly database: { name: string; env: Record<string, string> },
    readonly api: TestApi,
    readonly mastodon: MastodonTestServer,
    readonly admin: Client,
    readonly owner: AgencySession,
  ) {}

  static async start(overrides: Record<string, string> = {}): Promise<Scene> {
    if (!process.env.SOCLE_TEST_DATABASE) throw new Error('run through Jest and its global setup');
    // A database of the suite's own: the publishing sweeper works across every tenant of its database, so in the run's
    // shared one a worker these tests kill would claim (and leave) the publications of suites running alongside.
    const database = ownTestDatabase();
    let mastodon: MastodonTestServer | undefined;
    let api: TestApi | undefined;
    let admin: Client | undefined;
    try {
      mastodon = await MastodonTestServer.start({ rateLimit: { limit: 1_000_000, windowSeconds: 300 }, recordRequests: false });
      api = await TestApi.start({ ...database.env, ...overrides });
      admin = new Client({ connectionString: database.adminUrl });
      await admin.connect();
      const owner = await signUpAgency(api, 'Agence Pannes');
      return new Scene(database, api, mastodon, admin, owner);
    } catch (error) {
      // What did start is stopped here: the suite has no scene to close, and an open server would keep Jest from exiting.
      await api?.stop().catch(() => undefined);
      await admin?.end().catch(() => undefined);
      await mastodon?.close().catch(() => undefined);
      await dropTestDatabase(database.name).catch(() => undefined);
      throw error;
    }
  }

  /** The suite's database, for a worker process of its own. */
  get databaseUrl(): string {
    return this.database.env.DATABASE_URL;
  }

  organization(name: string): Promise<string> {
    return createOrganization(this.api, this.owner, name);
  }

  /** A Mastodon account connected in `organizationId`, reached at `serviceUrl` (the instance, or a hop in front of it). */
  async connect(organizationId: string, username: string, serviceUrl = this.mastodon.baseUrl): Promise<string> {
    const res = await this.api.ok<{ connectNetworkAccount: { id: string } }>(
      'mutation ($input: ConnectNetworkAccountInput!) { connectNetworkAccount(input: $input) { id } }',
      { input: { network: 'mastodon', serviceUrl, accessToken: this.mastodon.createAccessToken(username) } },
      { token: this.owner.token, organizationId },
    );
    return res.connectNetworkAccount.id;
  }

  /** A Bluesky account connected in `organizationId` with its handle and app password, signed in at `serviceUrl` (the PDS, or a hop in front of it). */
  async connectBluesky(organizationId: string, account: { handle: string; appPassword: string }, serviceUrl: string): Promise<string> {
    const res = await this.api.ok<{ connectNetworkAccount: { id: string } }>(
      'mutation ($input: ConnectNetworkAccountInput!) { connectNetworkAccount(input: $input) { id } }',
      { input: { network: 'bluesky', serviceUrl, identifier: account.handle, appPassword: account.appPassword } },
      { token: this.owner.token, organizationId },
    );
    return res.connectNetworkAccount.id;
  }

  /** Usernames unique to this run (the instance is shared by the tests of one file). */
  static username(label: string): string {
    return `${label}-${randomBytes(2).toString('hex')}`;
  }

  /** The environment of a worker process working for this scene's API (same queues). */
  workerEnv(extra: Record<string, string> = {}): Record<string, string> {
    return {
      ...this.database.env,
      QUEUE_PREFIX: this.api.config.QUEUE_PREFIX,
      LOG_LEVEL: 'warn',
      PUBLISHING_SWEEP_SECONDS: '1',
      CONNECTOR_TIMEOUT_MS: '2000',
      // A network slowed by a loaded machine times out now and then: retried after a second or two, not the 30 s of the
      // real policy, which would outlast the tests' waits (no fault test measures the back-off but the one that sets it).
      FAULT_BACKOFF_MS: '1000',
      ...extra,
    };
  }

  async close(): Promise<void> {
    await this.api?.stop();
    await this.admin?.end();
    await this.mastodon?.close();
    await dropTestDatabase(this.database.name);
  }
}
