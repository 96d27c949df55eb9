import type { AttackModule } from './attack-module';

const QUERY_FIELDS = 'id name query active sourceStates { accountId lastError }';

export const listeningAttacks: AttackModule = {
  name: 'listening',
  async setup({ asOwner, orgB }) {
    // A competitor, a listening query and a mention it matched in B, written as owner.
    const [competitor] = await asOwner<{ id: string }>(
      `INSERT INTO competitors (organization_id, name) VALUES ($1, 'Concurrent de B') RETURNING id`,
      [orgB],
    );
    const [query] = await asOwner<{ id: string }>(
      `INSERT INTO listening_queries (organization_id, kind, competitor_id, name, query) VALUES ($1, 'COMPETITOR', $2, 'Écoute B', 'fournil') RETURNING id`,
      [orgB, competitor.id],
    );
    const [mention] = await asOwner<{ id: string }>(
      `INSERT INTO mentions (organization_id, source, external_id, author_handle, text, published_at) VALUES ($1, 'mastodon', 'b-1', 'client@b.example', 'Le fournil de B', now())
       RETURNING id`,
      [orgB],
    );
    await asOwner('INSERT INTO mention_matches (organization_id, query_id, mention_id, published_at) VALUES ($1, $2, $3, now())', [
      orgB,
      query.id,
      mention.id,
    ]);
    return { competitorB: competitor.id, queryB: query.id, mentionB: mention.id };
  },
  attacks: {
    listeningQueries: () => [{ query: `{ listeningQueries(first: 10) { edges { node { ${QUERY_FIELDS} } } } }`, options: 'orgB' }],
    // Reads no tenant row, but needs the listening read permission in the organization named.
    checkListeningQuery: () => [{ query: '{ checkListeningQuery(query: "fournil") { valid message position } }', options: 'orgB' }],
    createListeningQuery: ({ competitorB }) => [
      { query: 'mutation { createListeningQuery(input: { kind: TOPIC, name: "pwned", query: "pwned" }) { id } }', options: 'orgB' },
      {
        query: `mutation { createListeningQuery(input: { kind: COMPETITOR, competitorId: "${competitorB}", name: "pwned", query: "pwned" }) { id } }`,
        options: 'orgA',
      },
    ],
    updateListeningQuery: ({ queryB }) => [
      { query: `mutation { updateListeningQuery(input: { id: "${queryB}", name: "pwned", active: false }) { id } }`, options: 'orgB' },
      { query: `mutation { updateListeningQuery(input: { id: "${queryB}", name: "pwned", active: false }) { id } }`, options: 'orgA' },
    ],
    deleteListeningQuery: ({ queryB }) => [
      { query: `mutation { deleteListeningQuery(input: { id: "${queryB}" }) { id } }`, options: 'orgB' },
      { query: `mutation { deleteListeningQuery(input: { id: "${queryB}" }) { id } }`, options: 'orgA' },
    ],
    runListeningQuery: ({ queryB }) => [
      { query: `mutation { runListeningQuery(input: { id: "${queryB}" }) { id runRequestedAt } }`, options: 'orgB' },
      { query: `mutation { runListeningQuery(input: { id: "${queryB}" }) { id runRequestedAt } }`, options: 'orgA' },
    ],
    mentions: ({ queryB }) => [
      { query: '{ mentions(first: 10) { edges { node { id text } } } }', options: 'orgB' },
      { query: `{ mentions(first: 10, queryId: "${queryB}") { edges { node { id text } } } }`, options: 'orgA' },
    ],
    mention: ({ mentionB }) => [
      { query: `{ mention(id: "${mentionB}") { id text } }`, options: 'orgB' },
      { query: `{ mention(id: "${mentionB}") { id text } }`, options: 'orgA' },
    ],
  },
  snapshot: ({ api, b, orgB }) =>
    api.ok(
      `{ listeningQueries(first: 50) { edges { node { id name query active competitorId runRequestedAt updatedAt } } }
         mentions(first: 50) { edges { node { id text queryIds } } } }`,
      {},
      { token: b.token, organizationId: orgB },
    ),
};
