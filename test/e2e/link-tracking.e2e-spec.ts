import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { loadConfig } from '@socle/platform-config';
import { addOrganizationMember, AgencySession, createOrganization, signUpAgency, TestApi } from '@socle/testing';
import { createWorker, RunningWorker } from '@socle/worker';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the loopback Mastodon of the plugin's tests is the network these tests talk to
import { MastodonTestServer } from '../../plugins/mastodon/src/test/mastodon-test-server';

const SCHEDULE = 'mutation ($input: ScheduleContentItemInput!) { scheduleContentItem(input: $input) { id status } }';
const SET = 'mutation ($input: SetLinkTrackingInput!) { setLinkTracking(input: $input) { utmEnabled } }';

/**
 * UTM parameters on what the worker really sends: an item of a campaign
 * published to the loopback Mastodon carries them on every link of its text and
 * on its link field (appended once), the author's own parameters kept; with the
 * organisation's switch off, links go out as written.
 */
describe('UTM parameters on published links', () => {
  let api: TestApi;
  let worker: RunningWorker;
  let mastodon: MastodonTestServer;
  let admin: Client;
  let owner: AgencySession;
  let org: string;
  let accountId: string;

  const as = {
    get token() {
      return owner.token;
    },
    get organizationId() {
      return org;
    },
  };
  const sentTexts = () =>
    mastodon.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/statuses').map((r) => String(r.params.status));

  /** An APPROVED item of a campaign with one variant, scheduled a second from now; resolves with the text sent. */
  const publish = async (text: string, linkUrl: string | null, campaign: string | null) => {
    const before = sentTexts().length;
    const [item] = (
      await admin.query<{ id: string }>(
        `INSERT INTO content_items (organization_id, title, status, campaign, theme) VALUES ($1, 'Rentrée', 'APPROVED', $2, 'Pains') RETURNING id`,
        [org, campaign],
      )
    ).rows;
    const [variant] = (
      await admin.query<{ id: string }>(
        'INSERT INTO content_variants (organization_id, item_id, network_account_id, network, text, link_url) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
        [org, item.id, accountId, 'mastodon', text, linkUrl],
      )
    ).rows;
    await api.ok(SCHEDULE, { input: { itemId: item.id, dueAt: new Date(Date.now() + 1000).toISOString() } }, as);
    const end = Date.now() + 20_000;
    while (sentTexts().length === before) {
      if (Date.now() > end) throw new Error('nothing was published');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { sent: sentTexts()[before], variantId: variant.id };
  };

  beforeAll(async () => {
    mastodon = await MastodonTestServer.start();
    api = await TestApi.start({ CONNECTOR_TIMEOUT_MS: '1000' });
    worker = await createWorker(
      loadConfig({ ...process.env, QUEUE_PREFIX: api.config.QUEUE_PREFIX, CONNECTOR_TIMEOUT_MS: '1000', PUBLISHING_SWEEP_SECONDS: '1' }),
      { reconcileEveryMs: 600_000 },
    );
    admin = new Client({ connectionString: process.env.SOCLE_TEST_ADMIN_DATABASE_URL });
    await admin.connect();
    owner = await signUpAgency(api, 'Agence UTM');
    org = await createOrganization(api, owner, 'Boulangerie UTM');
    accountId = (
      await api.ok<{ connectNetworkAccount: { id: string } }>(
        'mutation ($input: ConnectNetworkAccountInput!) { connectNetworkAccount(input: $input) { id } }',
        { input: { network: 'mastodon', serviceUrl: mastodon.baseUrl, accessToken: mastodon.createAccessToken('fournil-utm') } },
        as,
      )
    ).connectNetworkAccount.id;
  }, 90_000);
  afterAll(async () => {
    await worker?.close();
    await api?.stop();
    await admin?.end();
    await mastodon?.close();
  });

  it('tags every link of the text and the link field, once, keeping the author’s parameters', async () => {
    const tag = randomBytes(3).toString('hex');
    const { sent, variantId } = await publish(
      `Pain ${tag} : https://fournil.example/pain?ref=nl#prix et https://fournil.example/?utm_source=affiche.`,
      'https://fournil.example/rentree',
      'Rentrée des classes',
    );
    const q = `utm_medium=social&utm_campaign=rentree-des-classes&utm_content=${variantId.split('-')[0]}`;
    expect(sent).toBe(
      `Pain ${tag} : https://fournil.example/pain?ref=nl&utm_source=mastodon&${q}#prix et https://fournil.example/?utm_source=affiche&${q}.\n\nhttps://fournil.example/rentree?utm_source=mastodon&${q}`,
    );
  });

  it('sends links as written once the organisation turns tracking off, and only its leads may', async () => {
    const viewer = await addOrganizationMember(api, owner, org, ['VIEWER']);
    const refused = await api.gql(SET, { input: { utmEnabled: false } }, { token: viewer.token, organizationId: org });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await api.ok(SET, { input: { utmEnabled: false } }, as)).toEqual({ setLinkTracking: { utmEnabled: false } });
    expect(await api.ok('{ linkTracking { utmEnabled } }', {}, { token: viewer.token, organizationId: org })).toEqual({
      linkTracking: { utmEnabled: false },
    });
    const { sent } = await publish('Sans suivi https://fournil.example/pain', null, 'Rentrée des classes');
    expect(sent).toBe('Sans suivi https://fournil.example/pain');
    await api.ok(SET, { input: { utmEnabled: true } }, as);
  });
});
