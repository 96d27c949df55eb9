import type { AttackModule } from './attack-module';

// Half a year ahead: a valid time, so only the tenant can refuse.
const DUE = new Date(Date.now() + 180 * 86_400_000).toISOString();

export const contentPublishingAttacks: AttackModule = {
  name: 'content-publishing',
  async setup({ asOwner, orgB }) {
    // In B: an account, an approved item and a scheduled one, a scheduled and a published publication (written as owner).
    const [account] = await asOwner<{ id: string }>(
      `INSERT INTO network_accounts (organization_id, network, handle, service_url, credentials_ciphertext, credentials_key_id, last_checked_at)
       VALUES ($1, 'mastodon', 'publisher@b.example', 'https://b.example', 'v1.t1.x.y.z', 't1', now()) RETURNING id`,
      [orgB],
    );
    const item = async (status: string) =>
      (
        await asOwner<{ id: string }>('INSERT INTO content_items (organization_id, title, status) VALUES ($1, $2, $3) RETURNING id', [
          orgB,
          `B ${status}`,
          status,
        ])
      )[0].id;
    const variant = async (itemId: string) =>
      (
        await asOwner<{ id: string }>(
          `INSERT INTO content_variants (organization_id, item_id, network_account_id, network, text) VALUES ($1, $2, $3, 'mastodon', 'B text') RETURNING id`,
          [orgB, itemId, account.id],
        )
      )[0].id;
    const approvedItemB = await item('APPROVED');
    await variant(approvedItemB);
    const scheduledItemB = await item('SCHEDULED');
    const publication = async (itemId: string, status: string, extra = '') =>
      (
        await asOwner<{ id: string }>(
          `INSERT INTO publications (organization_id, item_id, variant_id, network_account_id, network, due_at, next_attempt_at, status, idempotency_key
         ${extra ? ', external_id, published_at' : ''})
       VALUES ($1, $2, $3, $4, 'mastodon', $5, $5, $6, 'socle-b-' || gen_random_uuid() ${extra ? ", 'b-post-1', now()" : ''}) RETURNING id`,
          [orgB, itemId, await variant(itemId), account.id, DUE, status],
        )
      )[0].id;
    const scheduledPublicationB = await publication(scheduledItemB, 'SCHEDULED');
    const publishedItemB = await item('PUBLISHED');
    const publishedPublicationB = await publication(publishedItemB, 'PUBLISHED', 'published');
    const failedItemB = await item('FAILED');
    const failedPublicationB = await publication(failedItemB, 'FAILED');
    return {
      approvedItemB,
      scheduledItemB,
      scheduledPublicationB,
      publishedPublicationB,
      failedPublicationB,
      publishingAccountB: account.id,
    };
  },
  attacks: {
    // Sent over WebSocket; from A's organisation, B's item id only filters A's own events (none), so entering B's is the attack.
    publicationChanged: ({ scheduledItemB }) => [
      { query: 'subscription { publicationChanged { publicationId status } }', options: 'orgB' },
      { query: `subscription { publicationChanged(itemId: "${scheduledItemB}") { publicationId status } }`, options: 'orgB' },
    ],
    // Lists and the pause act in the caller's organisation: only entering B's is an attack (A's own are A's).
    publications: ({ scheduledItemB }) => [
      { query: `{ publications(first: 5, itemId: "${scheduledItemB}") { edges { node { id } } } }`, options: 'orgB' },
    ],
    crisisPause: () => [{ query: '{ crisisPause { active held { id } } }', options: 'orgB' }],
    setCrisisPause: () => [{ query: 'mutation { setCrisisPause(input: { on: true, reason: "A pauses B" }) { active } }', options: 'orgB' }],
    resumeAfterCrisisPause: () => [{ query: 'mutation { resumeAfterCrisisPause(input: {}) { released { id } } }', options: 'orgB' }],
    publication: ({ scheduledPublicationB }) => [
      { query: `{ publication(id: "${scheduledPublicationB}") { id status } }`, options: 'orgB' },
      { query: `{ publication(id: "${scheduledPublicationB}") { id status } }`, options: 'orgA' },
    ],
    scheduleContentItem: ({ approvedItemB, publishingAccountB }) => [
      { query: `mutation { scheduleContentItem(input: { itemId: "${approvedItemB}", dueAt: "${DUE}" }) { id } }`, options: 'orgB' },
      {
        query: `mutation { scheduleContentItem(input: { itemId: "${approvedItemB}", dueAt: "${DUE}", accountIds: ["${publishingAccountB}"] }) { id } }`,
        options: 'orgA',
      },
    ],
    unscheduleContentItem: ({ scheduledItemB }) => [
      { query: `mutation { unscheduleContentItem(input: { itemId: "${scheduledItemB}" }) { id } }`, options: 'orgB' },
      { query: `mutation { unscheduleContentItem(input: { itemId: "${scheduledItemB}" }) { id } }`, options: 'orgA' },
    ],
    rescheduleContentItem: ({ scheduledItemB }) => [
      { query: `mutation { rescheduleContentItem(input: { itemId: "${scheduledItemB}", dueAt: "${DUE}" }) { id } }`, options: 'orgB' },
      { query: `mutation { rescheduleContentItem(input: { itemId: "${scheduledItemB}", dueAt: "${DUE}" }) { id } }`, options: 'orgA' },
    ],
    retryPublication: ({ failedPublicationB }) => [
      { query: `mutation { retryPublication(input: { id: "${failedPublicationB}" }) { id status } }`, options: 'orgB' },
      { query: `mutation { retryPublication(input: { id: "${failedPublicationB}" }) { id status } }`, options: 'orgA' },
    ],
    deletePublishedPost: ({ publishedPublicationB }) => [
      { query: `mutation { deletePublishedPost(input: { id: "${publishedPublicationB}" }) { id deletedAt } }`, options: 'orgB' },
      { query: `mutation { deletePublishedPost(input: { id: "${publishedPublicationB}" }) { id deletedAt } }`, options: 'orgA' },
    ],
  },
  snapshot: async ({ api, b, orgB }) => ({
    publications: await api.ok(
      `{ publications(first: 50) { edges { node { id status dueAt nextAttemptAt attempts deletedAt updatedAt } } } }`,
      {},
      { token: b.token, organizationId: orgB },
    ),
    pause: await api.ok('{ crisisPause { active reason held { id } } }', {}, { token: b.token, organizationId: orgB }),
  }),
};
