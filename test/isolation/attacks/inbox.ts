import type { AttackModule } from './attack-module';

export const inboxAttacks: AttackModule = {
  name: 'inbox',
  async setup({ asOwner, orgB }) {
    // In B: an account, a published post and a comment on it in the inbox, with a note (written as owner).
    const [account] = await asOwner<{ id: string }>(
      `INSERT INTO network_accounts (organization_id, network, handle, service_url, credentials_ciphertext, credentials_key_id, last_checked_at)
       VALUES ($1, 'mastodon', 'inbox@b.example', 'https://b.example', 'v1.t1.x.y.z', 't1', now()) RETURNING id`,
      [orgB],
    );
    const [item] = await asOwner<{ id: string }>(
      "INSERT INTO content_items (organization_id, title, status) VALUES ($1, 'B post', 'DRAFT') RETURNING id",
      [orgB],
    );
    const [publication] = await asOwner<{ id: string }>(
      `INSERT INTO publications (organization_id, item_id, network_account_id, network, due_at, next_attempt_at, status, idempotency_key, external_id, published_at)
       VALUES ($1, $2, $3, 'mastodon', now(), now(), 'PUBLISHED', 'socle-b-' || gen_random_uuid(), 'b-inbox-post', now()) RETURNING id`,
      [orgB, item.id, account.id],
    );
    const [inbox] = await asOwner<{ id: string }>(
      `INSERT INTO inbox_items (organization_id, source, network_account_id, external_id, kind, parent_external_id, publication_id, author_handle, text,
         received_at, due_at, responsible_role)
       VALUES ($1, 'mastodon', $2, 'b-comment-1', 'COMMENT', 'b-inbox-post', $3, 'someone@b.example', 'B comment', now(), now() + interval '1 day',
         'COMMUNITY_MANAGER') RETURNING id`,
      [orgB, account.id, publication.id],
    );
    await asOwner("INSERT INTO inbox_notes (organization_id, item_id, text) VALUES ($1, $2, 'B note')", [orgB, inbox.id]);
    return { inboxItemB: inbox.id };
  },
  attacks: {
    // A subscription (sent over WebSocket) listens in the connection's organisation: only entering B's is an attack.
    inboxItemChanged: () => [{ query: 'subscription { inboxItemChanged { itemId status } }', options: 'orgB' }],
    // Lists, templates and refresh act in the caller's organisation: only entering B's is an attack.
    inboxItems: () => [{ query: '{ inboxItems(first: 5) { edges { node { id text } } } }', options: 'orgB' }],
    replyTemplates: () => [{ query: '{ replyTemplates { text } }', options: 'orgB' }],
    refreshInbox: () => [{ query: 'mutation { refreshInbox }', options: 'orgB' }],
    inboxItem: ({ inboxItemB }) => [
      { query: `{ inboxItem(id: "${inboxItemB}") { id text notes { text } } }`, options: 'orgB' },
      { query: `{ inboxItem(id: "${inboxItemB}") { id text notes { text } } }`, options: 'orgA' },
    ],
    assignInboxItem: ({ inboxItemB, memberB }) => [
      { query: `mutation { assignInboxItem(input: { id: "${inboxItemB}", assigneeId: "${memberB}" }) { id } }`, options: 'orgB' },
      { query: `mutation { assignInboxItem(input: { id: "${inboxItemB}", assigneeId: "${memberB}" }) { id } }`, options: 'orgA' },
    ],
    addInboxNote: ({ inboxItemB }) => [
      { query: `mutation { addInboxNote(input: { itemId: "${inboxItemB}", text: "A writes" }) { id } }`, options: 'orgB' },
      { query: `mutation { addInboxNote(input: { itemId: "${inboxItemB}", text: "A writes" }) { id } }`, options: 'orgA' },
    ],
    replyToInboxItem: ({ inboxItemB }) => [
      { query: `mutation { replyToInboxItem(input: { itemId: "${inboxItemB}", text: "A answers" }) { id } }`, options: 'orgB' },
      { query: `mutation { replyToInboxItem(input: { itemId: "${inboxItemB}", text: "A answers" }) { id } }`, options: 'orgA' },
    ],
    dismissInboxItem: ({ inboxItemB }) => [
      { query: `mutation { dismissInboxItem(input: { id: "${inboxItemB}" }) { id } }`, options: 'orgB' },
      { query: `mutation { dismissInboxItem(input: { id: "${inboxItemB}" }) { id } }`, options: 'orgA' },
    ],
    escalateInboxItem: ({ inboxItemB }) => [
      { query: `mutation { escalateInboxItem(input: { id: "${inboxItemB}" }) { id } }`, options: 'orgB' },
      { query: `mutation { escalateInboxItem(input: { id: "${inboxItemB}" }) { id } }`, options: 'orgA' },
    ],
  },
  snapshot: async ({ api, b, orgB }) =>
    api.ok(
      '{ inboxItems(first: 50) { edges { node { id status assigneeId version updatedAt notes { text } replies { id } } } } }',
      {},
      { token: b.token, organizationId: orgB },
    ),
};
