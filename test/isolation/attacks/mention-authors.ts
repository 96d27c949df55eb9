import type { AttackModule } from './attack-module';

const AUTHOR = 'id handle score mentions tags note';

/**
 * Mention authors: B's organisation is refused outright (orgB); from A's own
 * organisation, B's author (a handle only B was mentioned by) is NOT_FOUND for
 * reading, tagging and notes alike, never an empty author that A could tag.
 */
export const mentionAuthorsAttacks: AttackModule = {
  name: 'mention-authors',
  async setup({ asOwner, orgB }) {
    await asOwner(
      `INSERT INTO mentions (organization_id, source, external_id, author_handle, author_reach, text, published_at, sentiment_label, sentiment_score)
       VALUES ($1, 'mastodon', 'b-author-1', 'ambassadrice@b.example', 42000, 'J’adore le fournil de B', now(), 'POSITIVE', 0.9)`,
      [orgB],
    );
    await asOwner(
      `INSERT INTO mention_author_profiles (organization_id, source, handle_key, tags, note) VALUES ($1, 'mastodon', 'ambassadrice@b.example', '{AMBASSADOR}', 'Note privée de B')`,
      [orgB],
    );
    return { authorB: 'ambassadrice@b.example' };
  },
  attacks: {
    mentionAuthors: () => [
      { query: `{ mentionAuthors(first: 10) { edges { node { ${AUTHOR} } } } }`, options: 'orgB' },
      {
        query: `{ mentionAuthors(first: 10, tag: AMBASSADOR, handlePrefix: "ambassadrice") { edges { node { ${AUTHOR} } } } }`,
        options: 'orgB',
      },
    ],
    mentionAuthor: ({ authorB }) => [
      {
        query: `{ mentionAuthor(source: "mastodon", handle: "${authorB}") { author { ${AUTHOR} } recentMentions { text } } }`,
        options: 'orgB',
      },
      {
        query: `{ mentionAuthor(source: "mastodon", handle: "${authorB}") { author { ${AUTHOR} } recentMentions { text } } }`,
        options: 'orgA',
      },
    ],
    tagMentionAuthor: ({ authorB }) => [
      {
        query: `mutation { tagMentionAuthor(input: { source: "mastodon", handle: "${authorB}", tag: DETRACTOR }) { ${AUTHOR} } }`,
        options: 'orgB',
      },
      {
        query: `mutation { tagMentionAuthor(input: { source: "mastodon", handle: "${authorB}", tag: DETRACTOR }) { ${AUTHOR} } }`,
        options: 'orgA',
      },
    ],
    untagMentionAuthor: ({ authorB }) => [
      {
        query: `mutation { untagMentionAuthor(input: { source: "mastodon", handle: "${authorB}", tag: AMBASSADOR }) { ${AUTHOR} } }`,
        options: 'orgB',
      },
      {
        query: `mutation { untagMentionAuthor(input: { source: "mastodon", handle: "${authorB}", tag: AMBASSADOR }) { ${AUTHOR} } }`,
        options: 'orgA',
      },
    ],
    setMentionAuthorNote: ({ authorB }) => [
      {
        query: `mutation { setMentionAuthorNote(input: { source: "mastodon", handle: "${authorB}", note: "pwned" }) { ${AUTHOR} } }`,
        options: 'orgB',
      },
      {
        query: `mutation { setMentionAuthorNote(input: { source: "mastodon", handle: "${authorB}", note: "pwned" }) { ${AUTHOR} } }`,
        options: 'orgA',
      },
    ],
  },
  snapshot: ({ api, b, orgB }) =>
    api.ok(
      `{ mentionAuthors(first: 100, from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z") { edges { node { ${AUTHOR} taggedAt noteAt } } } }`,
      {},
      { token: b.token, organizationId: orgB },
    ),
};
