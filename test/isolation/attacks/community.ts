import type { AttackModule } from './attack-module';

export const communityAttacks: AttackModule = {
  name: 'community',
  async setup({ asOwner, orgB }) {
    // A connected account in B, written as owner (its sealed value is never opened: every attempt stops before).
    const [row] = await asOwner<{ id: string }>(
      `INSERT INTO network_accounts (organization_id, network, handle, service_url, credentials_ciphertext, credentials_key_id, last_checked_at)
       VALUES ($1, 'mastodon', 'victim@b.example', 'https://b.example', 'v1.t1.x.y.z', 't1', now()) RETURNING id`,
      [orgB],
    );
    // A sign-in waiting in B for a member to choose its page.
    const [choice] = await asOwner<{ id: string }>(
      `INSERT INTO network_account_choices (organization_id, id, network, service_url, credentials_ciphertext, targets, expires_at)
       VALUES ($1, gen_random_uuid(), 'linkedin', 'https://b.example', 'v1.t1.x.y.z',
               '[{"id":"urn:li:organization:1","kind":"organization","name":"B1","handle":null,"url":null},{"id":"urn:li:organization:2","kind":"organization","name":"B2","handle":null,"url":null}]',
               now() + interval '30 minutes') RETURNING id`,
      [orgB],
    );
    return { accountB: row.id, choiceB: choice.id };
  },
  attacks: {
    networks: () => [{ query: '{ networks { id } }', options: 'orgB' }],
    networkAccounts: () => [{ query: '{ networkAccounts(first: 5) { edges { node { id handle } } } }', options: 'orgB' }],
    connectNetworkAccount: () => [
      {
        query: 'mutation { connectNetworkAccount(input: { network: "rss", serviceUrl: "http://127.0.0.1:9/feed.xml" }) { id } }',
        options: 'orgB',
      },
    ],
    startNetworkOAuth: () => [
      {
        query: 'mutation { startNetworkOAuth(input: { network: "mastodon", serviceUrl: "http://127.0.0.1:9" }) { state } }',
        options: 'orgB',
      },
    ],
    disconnectNetworkAccount: ({ accountB }) => [
      { query: `mutation { disconnectNetworkAccount(input: { id: "${accountB}" }) { id } }`, options: 'orgB' },
      { query: `mutation { disconnectNetworkAccount(input: { id: "${accountB}" }) { id } }`, options: 'orgA' },
    ],
    networkAccountChoice: ({ choiceB }) => [
      { query: `{ networkAccountChoice(id: "${choiceB}") { id targets { id name } } }`, options: 'orgB' },
      { query: `{ networkAccountChoice(id: "${choiceB}") { id targets { id name } } }`, options: 'orgA' },
    ],
    chooseNetworkAccountTarget: ({ choiceB }) => [
      {
        query: `mutation { chooseNetworkAccountTarget(input: { choiceId: "${choiceB}", targetId: "urn:li:organization:1" }) { id } }`,
        options: 'orgB',
      },
      {
        query: `mutation { chooseNetworkAccountTarget(input: { choiceId: "${choiceB}", targetId: "urn:li:organization:1" }) { id } }`,
        options: 'orgA',
      },
    ],
    checkNetworkAccount: ({ accountB }) => [
      { query: `mutation { checkNetworkAccount(input: { id: "${accountB}" }) { id status } }`, options: 'orgB' },
      { query: `mutation { checkNetworkAccount(input: { id: "${accountB}" }) { id status } }`, options: 'orgA' },
    ],
  },
  snapshot: ({ api, b, orgB }) =>
    api.ok(
      `{ networkAccounts(first: 50) { edges { node { id status lastCheckedAt updatedAt } } } }`,
      {},
      { token: b.token, organizationId: orgB },
    ),
};
