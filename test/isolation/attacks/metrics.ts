import type { AttackModule } from './attack-module';

const SERIES_FIELD = (account: string) =>
  `metricSeries(${account}metric: FOLLOWERS, from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z", interval: DAY) { points { at value } }`;
const SERIES = (account: string) => `{ ${SERIES_FIELD(account)} }`;

export const metricsAttacks: AttackModule = {
  name: 'metrics',
  async setup({ asOwner, orgB }) {
    // In B: an account with follower samples and a collection state (written as owner).
    const [account] = await asOwner<{ id: string }>(
      `INSERT INTO network_accounts (organization_id, network, handle, service_url, credentials_ciphertext, credentials_key_id, last_checked_at)
       VALUES ($1, 'mastodon', 'metrics@b.example', 'https://b.example', 'v1.t1.x.y.z', 't1', now()) RETURNING id`,
      [orgB],
    );
    await asOwner(
      `INSERT INTO metric_samples (organization_id, account_id, metric, value, sampled_at)
       VALUES ($1, $2, 'FOLLOWERS', 4200, '2026-01-10T10:00:00Z'), ($1, $2, 'FOLLOWERS', 4300, '2026-01-20T10:00:00Z')`,
      [orgB, account.id],
    );
    await asOwner(
      `INSERT INTO metric_collections (organization_id, account_id, last_run_at, last_success_at, samples_added) VALUES ($1, $2, now(), now(), 2)`,
      [orgB, account.id],
    );
    return { metricsAccountB: account.id };
  },
  attacks: {
    // Series and collections of the caller's organisation: entering B's is the attack; naming B's account from A is another.
    metricSeries: ({ metricsAccountB }) => [
      { query: SERIES(''), options: 'orgB' },
      { query: SERIES(`accountId: "${metricsAccountB}", `), options: 'orgB' },
      { query: SERIES(`accountId: "${metricsAccountB}", `), options: 'orgA' },
    ],
    metricCollections: () => [{ query: '{ metricCollections { accountId lastError } }', options: 'orgB' }],
    collectMetrics: ({ metricsAccountB }) => [
      { query: 'mutation { collectMetrics(input: {}) }', options: 'orgB' },
      { query: `mutation { collectMetrics(input: { accountId: "${metricsAccountB}" }) }`, options: 'orgB' },
      { query: `mutation { collectMetrics(input: { accountId: "${metricsAccountB}" }) }`, options: 'orgA' },
    ],
  },
  // The samples B holds. Not its collection states: the scheduled collection of any worker on the run's database (other
  // suites run theirs, with other encryption keys) records its runs on every tenant's accounts while the attacks run; an
  // attack on them shows as a refusal above, not here.
  snapshot: async ({ api, b, orgB }) => api.ok(`{ ${SERIES_FIELD('')} }`, {}, { token: b.token, organizationId: orgB }),
};
