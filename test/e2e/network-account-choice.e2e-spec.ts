import request from 'supertest';
import { Client } from 'pg';
import { SecretBox } from '@socle/platform-crypto';
import { createOrganization, signUpAgency, TestApi, AgencySession } from '@socle/testing';
import { adminDatabase, firstError } from './e2e-support';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the loopback LinkedIn of the plugin's tests is the network these tests talk to
import {
  AGENCY_MEMBER,
  CLIENT_ID,
  CLIENT_SECRET,
  LinkedinTestServer,
  ORG_BAKERY,
  ORG_CYCLES,
  SOLO_MEMBER,
} from '../../plugins/linkedin/src/test/linkedin.server';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the plugin's consent helper plays the member at LinkedIn
import { approve } from '../../plugins/linkedin/src/test/fixtures';

const START = 'mutation ($input: StartNetworkOAuthInput!) { startNetworkOAuth(input: $input) { authorizationUrl } }';
const CHOICE = 'query ($id: ID!) { networkAccountChoice(id: $id) { id network expiresAt targets { id kind name handle url } } }';
const CHOOSE =
  'mutation ($input: ChooseNetworkAccountTargetInput!) { chooseNetworkAccountTarget(input: $input) { id network handle status } }';

interface Target {
  id: string;
  kind: string;
  name: string;
  handle: string | null;
  url: string | null;
}

/**
 * A sign-in that may publish as several organisations (a LinkedIn member administering two company pages and
 * analyst of a third): the callback keeps it as a choice, a member of the organisation picks the page, and the
 * account is connected as that page. One page: connected at once. The choice is the organisation's alone and is
 * made once.
 */
describe('choosing the page a sign-in connects', () => {
  let linkedin: LinkedinTestServer;
  let api: TestApi;
  let admin: Client;
  let owner: AgencySession;
  let org: string;
  let stranger: AgencySession;
  let strangerOrg: string;
  const box = SecretBox.fromConfig(process.env.ENCRYPTION_KEYS, process.env.ENCRYPTION_ACTIVE_KEY);

  beforeAll(async () => {
    linkedin = await LinkedinTestServer.start();
    api = await TestApi.start({
      CONNECTORS: '@socle/plugin-mastodon,@socle/plugin-linkedin',
      CONNECTOR_OPTIONS: JSON.stringify({ '@socle/plugin-linkedin': { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET } }),
    });
    admin = await adminDatabase();
    owner = await signUpAgency(api, 'Agence Pages');
    org = await createOrganization(api, owner, 'Cycles Léman');
    stranger = await signUpAgency(api, 'Agence Voisine');
    strangerOrg = await createOrganization(api, stranger, 'Voisins');
  }, 120_000);
  afterAll(async () => {
    await api?.stop();
    await admin?.end();
    await linkedin?.close();
  });

  /** Start, consent at LinkedIn as `member`, then the callback as a browser asking for JSON. */
  const signIn = async (member: string) => {
    linkedin.signIn(member);
    const start = await api.ok<{ startNetworkOAuth: { authorizationUrl: string } }>(
      START,
      { input: { network: 'linkedin', serviceUrl: linkedin.baseUrl } },
      { token: owner.token, organizationId: org },
    );
    const { code, state } = await approve(start.startNetworkOAuth.authorizationUrl);
    const res = await request(api.server)
      .get(`/oauth/callback?state=${encodeURIComponent(state ?? '')}&code=${encodeURIComponent(code)}`)
      .set('accept', 'application/json');
    return res;
  };
  const secretsOf = async (id: string): Promise<Record<string, string>> => {
    const { rows } = await admin.query<{ organization_id: string; credentials_ciphertext: string }>(
      'SELECT organization_id, credentials_ciphertext FROM network_accounts WHERE id = $1',
      [id],
    );
    return (
      JSON.parse(box.decrypt(rows[0].credentials_ciphertext, `${rows[0].organization_id}:${id}`)) as { secrets: Record<string, string> }
    ).secrets;
  };

  it('keeps a sign-in with several pages as a choice, and connects the one picked, once', async () => {
    const res = await signIn(AGENCY_MEMBER);
    expect(res.status).toBe(200);
    const choice = res.body.choice as { id: string; targets: Target[] };
    expect(res.body.account).toBeUndefined();
    // Only the pages the member administers; the analyst's is not offered.
    expect(choice.targets.map((t) => t.name).sort()).toEqual(['Boulangerie Dupont', 'Cycles Léman SA']);
    expect(JSON.stringify(res.body)).not.toMatch(/token|secret/i);
    const { rows: waiting } = await admin.query('SELECT count(*)::int AS n FROM network_accounts WHERE organization_id = $1', [org]);
    expect(waiting[0].n).toBe(0);

    const read = await api.ok<{ networkAccountChoice: { network: string; targets: Target[] } }>(
      CHOICE,
      { id: choice.id },
      { token: owner.token, organizationId: org },
    );
    expect(read.networkAccountChoice.network).toBe('linkedin');
    expect(read.networkAccountChoice.targets).toEqual(choice.targets);
    const cycles = choice.targets.find((t) => t.name === 'Cycles Léman SA') as Target;
    expect(cycles).toMatchObject({ kind: 'organization', handle: 'cycles-leman', url: 'https://www.linkedin.com/company/cycles-leman/' });

    // Another tenant can neither read nor make the choice.
    const foreignRead = await api.gql(CHOICE, { id: choice.id }, { token: stranger.token, organizationId: strangerOrg });
    expect(firstError(foreignRead).extensions.code).toBe('NOT_FOUND');
    const foreignChoose = await api.gql(
      CHOOSE,
      { input: { choiceId: choice.id, targetId: cycles.id } },
      { token: stranger.token, organizationId: strangerOrg },
    );
    expect(firstError(foreignChoose).extensions.code).toBe('NOT_FOUND');

    // A target the sign-in did not offer (the analyst's page) is refused where it is given.
    const wrong = await api.gql(
      CHOOSE,
      { input: { choiceId: choice.id, targetId: 'urn:li:organization:7303032' } },
      {
        token: owner.token,
        organizationId: org,
      },
    );
    expect(firstError(wrong)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.targetId' } });

    // Two members choosing at once: one account, the other told.
    const both = await Promise.all(
      [cycles.id, cycles.id].map((targetId) =>
        api.gql<{ chooseNetworkAccountTarget: { id: string; handle: string; status: string } }>(
          CHOOSE,
          { input: { choiceId: choice.id, targetId } },
          { token: owner.token, organizationId: org },
        ),
      ),
    );
    const made = both.filter((r) => r.body.data?.chooseNetworkAccountTarget);
    if (made.length !== 1) throw new Error(JSON.stringify(both.map((r) => r.body)));
    expect(made).toHaveLength(1);
    const other = both.find((r) => !r.body.data?.chooseNetworkAccountTarget);
    expect(['CONFLICT', 'NOT_FOUND']).toContain(firstError(other as (typeof both)[number]).extensions.code);
    const account = made[0].body.data?.chooseNetworkAccountTarget as { id: string; handle: string; status: string };
    expect(account.status).toBe('OK');
    expect(account.handle).toContain('cycles-leman');
    expect((await secretsOf(account.id)).author).toBe(ORG_CYCLES);
    const { rows: left } = await admin.query('SELECT count(*)::int AS n FROM network_account_choices WHERE id = $1', [choice.id]);
    expect(left[0].n).toBe(0);
    const again = await api.gql(CHOICE, { id: choice.id }, { token: owner.token, organizationId: org });
    expect(firstError(again).extensions.code).toBe('NOT_FOUND');
  }, 60_000);

  it('connects a sign-in with one page at once, as that page', async () => {
    const res = await signIn(SOLO_MEMBER);
    expect(res.status).toBe(200);
    expect(res.body.choice).toBeUndefined();
    expect(res.body.account).toMatchObject({ network: 'linkedin' });
    expect(res.body.account.handle).toContain('boulangerie-dupont');
    expect((await secretsOf(res.body.account.id)).author).toBe(ORG_BAKERY);
  }, 60_000);

  it("keeps a page's name the network answers as text any store takes: a NUL, a line break and 300 characters are listed on one line, cut at 200", async () => {
    const bakery = linkedin.organizations.get(ORG_BAKERY);
    const cycles = linkedin.organizations.get(ORG_CYCLES);
    if (!bakery || !cycles) throw new Error('the LinkedIn test server lost its organisations');
    const names = { bakery: bakery.localizedName, cycles: cycles.localizedName };
    bakery.localizedName = `Boulangerie\u0000Dupont\nTrois ${'é'.repeat(300)}`;
    cycles.localizedName = `Cycles \ud800Léman`;
    try {
      const res = await signIn(AGENCY_MEMBER);
      expect(res.status).toBe(200);
      const choice = res.body.choice as { id: string; targets: Target[] };
      const byId = new Map(choice.targets.map((t) => [t.id, t]));
      const kept = byId.get(ORG_BAKERY)?.name ?? '';
      expect(kept).toBe(`Boulangerie\ufffdDupont Trois ${'é'.repeat(200 - 'Boulangerie Dupont Trois '.length)}`);
      expect(byId.get(ORG_CYCLES)?.name).toBe('Cycles \ufffdLéman');
      const read = await api.ok<{ networkAccountChoice: { targets: Target[] } }>(
        CHOICE,
        { id: choice.id },
        { token: owner.token, organizationId: org },
      );
      expect(read.networkAccountChoice.targets).toEqual(choice.targets);
      const made = await api.ok<{ chooseNetworkAccountTarget: { id: string; handle: string } }>(
        CHOOSE,
        { input: { choiceId: choice.id, targetId: ORG_BAKERY } },
        { token: owner.token, organizationId: org },
      );
      const { rows } = await admin.query<{ display_name: string }>('SELECT display_name FROM network_accounts WHERE id = $1', [
        made.chooseNetworkAccountTarget.id,
      ]);
      expect(rows[0].display_name).toBe(kept);
    } finally {
      bakery.localizedName = names.bakery;
      cycles.localizedName = names.cycles;
    }
  }, 60_000);

  it('answers NOT_FOUND for an id that is not a choice', async () => {
    for (const id of ['not-a-uuid', '00000000-0000-4000-8000-000000000000']) {
      const res = await api.gql(CHOICE, { id }, { token: owner.token, organizationId: org });
      expect(firstError(res).extensions.code).toBe('NOT_FOUND');
    }
  });
});
