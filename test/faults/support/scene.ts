import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { AgencySession, createOrganization, signUpAgency, TestApi } from '@socle/testing';
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
    readonly api: TestApi,
    readonly mastodon: MastodonTestServer,
    readonly admin: Client,
    readonly owner: AgencySession,
  ) {}

  static async start(overrides: Record<string, string> = {}): Promise<Scene> {
    const mastodon = await MastodonTestServer.start({ rateLimit: { limit: 1_000_000, windowSeconds: 300 }, recordRequests: false });
    const api = await TestApi.start(overrides);
    const url = process.env.SOCLE_TEST_ADMIN_DATABASE_URL;
    if (!url) throw new Error('SOCLE_TEST_ADMIN_DATABASE_URL is not set: run through Jest and its global setup');
    const admin = new Client({ connectionString: url });
    await admin.connect();
    const owner = await signUpAgency(api, 'Agence Pannes');
    return new Scene(api, mastodon, admin, owner);
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

  /** Usernames unique to this run (the instance is shared by the tests of one file). */
  static username(label: string): string {
    return `${label}-${randomBytes(2).toString('hex')}`;
  }

  /** The environment of a worker process working for this scene's API (same queues). */
  workerEnv(extra: Record<string, string> = {}): Record<string, string> {
    return { QUEUE_PREFIX: this.api.config.QUEUE_PREFIX, LOG_LEVEL: 'warn', PUBLISHING_SWEEP_SECONDS: '1', CONNECTOR_TIMEOUT_MS: '2000', ...extra };
  }

  async close(): Promise<void> {
    await this.api?.stop();
    await this.admin?.end();
    await this.mastodon?.close();
  }
}
