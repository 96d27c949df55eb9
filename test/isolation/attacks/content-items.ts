import type { AttackModule } from './attack-module';

/** B's content, aimed at from A: items, variants and suggestions of B are neither read nor changed. */
export const contentItemsAttacks: AttackModule = {
  name: 'content-items',
  async setup({ asOwner, orgB, memberB }) {
    const [account] = await asOwner<{ id: string }>(
      `INSERT INTO network_accounts (organization_id, network, handle, service_url, credentials_ciphertext, credentials_key_id, last_checked_at)
       VALUES ($1, 'mastodon', 'content-victim@b.example', 'https://b.example', 'v1.t1.x.y.z', 't1', now()) RETURNING id`,
      [orgB],
    );
    const [draft] = await asOwner<{ id: string }>(
      `INSERT INTO content_items (organization_id, title, brief, status, created_by) VALUES ($1, 'Brouillon B', 'Secret de B', 'DRAFT', $2) RETURNING id`,
      [orgB, memberB.userId],
    );
    const [variant] = await asOwner<{ id: string }>(
      `INSERT INTO content_variants (organization_id, item_id, network_account_id, network, text) VALUES ($1, $2, $3, 'mastodon', 'Texte de B') RETURNING id`,
      [orgB, draft.id, account.id],
    );
    const [idea] = await asOwner<{ id: string }>(
      `INSERT INTO content_items (organization_id, title, source, status, suggested_by) VALUES ($1, 'Idée B', 'EMPLOYEE_SUGGESTION', 'IDEA', $2) RETURNING id`,
      [orgB, memberB.userId],
    );
    const [objective] = await asOwner<{ id: string }>(
      `INSERT INTO objectives (organization_id, kind, title, metric, baseline, target, deadline) VALUES ($1, 'BRAND', 'Objectif B', 'abonnés', 0, 100, '2027-01-01') RETURNING id`,
      [orgB],
    );
    return { itemB: draft.id, variantB: variant.id, ideaB: idea.id, accountB: account.id, objectiveB: objective.id };
  },
  attacks: {
    contentItem: ({ itemB }) => [
      { query: `{ contentItem(id: "${itemB}") { id title brief variants { text } } }`, options: 'orgB' },
      { query: `{ contentItem(id: "${itemB}") { id title brief variants { text } } }`, options: 'orgA' },
    ],
    contentItems: () => [{ query: '{ contentItems(first: 10) { edges { node { id title variants { text } } } } }', options: 'orgB' }],
    myContentSuggestions: () => [{ query: '{ myContentSuggestions(first: 10) { edges { node { id title } } } }', options: 'orgB' }],
    createContentItem: ({ objectiveB }) => [
      { query: 'mutation { createContentItem(input: { title: "pwned" }) { id } }', options: 'orgB' },
      { query: `mutation { createContentItem(input: { title: "pwned", objectiveId: "${objectiveB}" }) { id } }`, options: 'orgA' },
    ],
    updateContentItem: ({ itemB }) => [
      { query: `mutation { updateContentItem(input: { id: "${itemB}", title: "pwned" }) { id } }`, options: 'orgB' },
      { query: `mutation { updateContentItem(input: { id: "${itemB}", title: "pwned" }) { id } }`, options: 'orgA' },
    ],
    setVariant: ({ itemB, accountB }) => [
      {
        query: `mutation { setVariant(input: { itemId: "${itemB}", networkAccountId: "${accountB}", text: "pwned" }) { id } }`,
        options: 'orgB',
      },
      {
        query: `mutation { setVariant(input: { itemId: "${itemB}", networkAccountId: "${accountB}", text: "pwned" }) { id } }`,
        options: 'orgA',
      },
    ],
    removeVariant: ({ variantB }) => [
      { query: `mutation { removeVariant(input: { id: "${variantB}" }) { id item { id } } }`, options: 'orgB' },
      { query: `mutation { removeVariant(input: { id: "${variantB}" }) { id item { id } } }`, options: 'orgA' },
    ],
    submitContentItem: ({ itemB }) => [
      { query: `mutation { submitContentItem(input: { id: "${itemB}" }) { id status } }`, options: 'orgB' },
      { query: `mutation { submitContentItem(input: { id: "${itemB}" }) { id status } }`, options: 'orgA' },
    ],
    cancelContentItem: ({ itemB }) => [
      { query: `mutation { cancelContentItem(input: { id: "${itemB}" }) { id status } }`, options: 'orgB' },
      { query: `mutation { cancelContentItem(input: { id: "${itemB}" }) { id status } }`, options: 'orgA' },
    ],
    suggestContentIdea: () => [{ query: 'mutation { suggestContentIdea(input: { title: "pwned" }) { id } }', options: 'orgB' }],
    triageContentIdea: ({ ideaB }) => [
      {
        query: `mutation { triageContentIdea(input: { id: "${ideaB}", decision: DECLINE, reason: "pwned" }) { id status } }`,
        options: 'orgB',
      },
      { query: `mutation { triageContentIdea(input: { id: "${ideaB}", decision: ACCEPT }) { id status } }`, options: 'orgA' },
    ],
  },
  snapshot: async ({ api, b, orgB, asOwner }) => ({
    rows: await asOwner(
      `SELECT i.id, i.title, i.status, i.revision, i.triage, i.updated_at, v.id AS variant_id, v.text, v.updated_at AS variant_updated_at
         FROM content_items i LEFT JOIN content_variants v ON v.organization_id = i.organization_id AND v.item_id = i.id
        WHERE i.organization_id = $1 ORDER BY i.id, v.id`,
      [orgB],
    ),
    api: await api.ok(
      '{ contentItems(first: 50) { edges { node { id title status revision triage triageReason variants { id text findings { rule } } } } } }',
      {},
      { token: b.token, organizationId: orgB },
    ),
  }),
};
